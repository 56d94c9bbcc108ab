#include "demo/DemoDurations.h"

namespace fieldops::demo {

double modelPace(const QString &model)
{
    // A fixed function of the name (not qHash, which may change between Qt versions), so
    // the same seed gives the same demo everywhere.
    unsigned sum = 0;
    for (const char byte : model.toUtf8())
        sum = sum * 31u + static_cast<unsigned char>(byte);
    return 0.90 + 0.04 * double(sum % 6u);
}

double visitPace(const WorkOrderRow &workOrder, const DemoDataSet &data, const TechnicianRow &technician)
{
    double type = 1.0;
    if (workOrder.type == QLatin1String("corrective"))
        type = 1.05;
    else if (workOrder.type == QLatin1String("preventive"))
        type = 0.88;
    else if (workOrder.type == QLatin1String("inspection"))
        type = 0.80;
    const double model = workOrder.asset >= 0 ? modelPace(data.assets[size_t(workOrder.asset)].model) : 1.0;
    const double person = 1.1 - 0.2 * technician.quality;
    return type * model * person;
}

} // namespace fieldops::demo
