#include "CliContext.h"
#include "Commands.h"

namespace fieldops::cli {
int runImport(CliContext &ctx, const QStringList &)
{
    return ctx.fail(Error::other(QStringLiteral("import is not built yet")));
}
} // namespace fieldops::cli
