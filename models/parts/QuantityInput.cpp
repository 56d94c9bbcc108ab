#include "parts/QuantityInput.h"

#include <QLocale>
#include <cmath>

namespace fieldops::parts {

bool parseQuantity(const QString &text, double *quantity)
{
    const QString t = text.trimmed();
    bool ok = false;
    double v = QLocale().toDouble(t, &ok);
    if (!ok)
        v = QLocale::c().toDouble(QString(t).replace(QLatin1Char(','), QLatin1Char('.')), &ok);
    if (!ok || !std::isfinite(v))
        return false;
    *quantity = v;
    return true;
}

} // namespace fieldops::parts
