#include "interchange/ImportReport.h"

#include <QCoreApplication>

namespace fieldops::interchange {

QString ImportIssue::toString() const
{
    QString s = file;
    if (line > 0)
        s += QLatin1Char(':') + QString::number(line);
    if (!column.isEmpty())
        s += QStringLiteral(": ") + column;
    return s + QStringLiteral(": ") + message;
}

QString ImportReport::summary() const
{
    if (!issues.isEmpty()) {
        QString s = issues.first().toString();
        const int more = int(issues.size()) - 1;
        if (more > 0)
            s += QLatin1Char(' ') + QCoreApplication::translate("interchange", "(and %n more problem(s))", nullptr, more);
        return s;
    }
    return failure ? failure->message : QString();
}

} // namespace fieldops::interchange
