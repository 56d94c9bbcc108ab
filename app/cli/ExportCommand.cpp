#include "CliContext.h"
#include "Commands.h"

namespace fieldops::cli {
int runExport(CliContext &ctx, const QStringList &)
{
    return ctx.fail(Error::other(QStringLiteral("export is not built yet")));
}
} // namespace fieldops::cli
