#include "CliContext.h"
#include "Commands.h"

namespace fieldops::cli {
int runConflicts(CliContext &ctx, const QStringList &)
{
    return ctx.fail(Error::other(QStringLiteral("conflicts is not built yet")));
}
} // namespace fieldops::cli
