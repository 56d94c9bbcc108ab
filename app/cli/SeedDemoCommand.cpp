#include "CliContext.h"
#include "Commands.h"

namespace fieldops::cli {
int runSeedDemo(CliContext &ctx, const QStringList &)
{
    return ctx.fail(Error::other(QStringLiteral("seed-demo is not built yet")));
}
} // namespace fieldops::cli
