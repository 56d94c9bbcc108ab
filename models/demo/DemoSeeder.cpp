#include "demo/DemoSeeder.h"

#include "storage/Database.h"

#include <QCoreApplication>

namespace fieldops {

Result<DemoSummary> DemoSeeder::seed(const DemoOptions &options, const Progress &progress)
{
    Q_UNUSED(options);
    Q_UNUSED(progress);
    Q_UNUSED(m_db);
    return Error::other(QCoreApplication::translate("demo", "the demo seeder is not finished yet"));
}

} // namespace fieldops
