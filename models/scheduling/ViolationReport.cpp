#include "scheduling/ViolationReport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace fieldops::scheduling {

QJsonObject violationsToJson(const std::vector<Violation> &violations)
{
    QJsonArray rows;
    for (const Violation &v : violations) {
        rows.append(QJsonObject{
            {QStringLiteral("kind"), kindName(v.kind)},
            {QStringLiteral("severity"), severityName(v.severity())},
            {QStringLiteral("technician_id"), v.technicianId},
            {QStringLiteral("appointment_ids"), QJsonArray::fromStringList(v.appointmentIds)},
            {QStringLiteral("detail"), v.detail},
        });
    }
    return QJsonObject{{QStringLiteral("violations"), rows}};
}

QString violationsToTable(const std::vector<Violation> &violations)
{
    const QStringList header{QCoreApplication::translate("ViolationReport", "KIND"),
                             QCoreApplication::translate("ViolationReport", "SEVERITY"),
                             QCoreApplication::translate("ViolationReport", "TECHNICIAN"),
                             QCoreApplication::translate("ViolationReport", "APPOINTMENTS"),
                             QCoreApplication::translate("ViolationReport", "DETAIL")};
    std::vector<QStringList> rows{header};
    for (const Violation &v : violations)
        rows.push_back({kindName(v.kind), severityName(v.severity()), v.technicianId,
                        v.appointmentIds.join(QLatin1Char(',')), v.detail});
    std::vector<qsizetype> width(header.size(), 0);
    for (const QStringList &r : rows) {
        for (qsizetype c = 0; c + 1 < r.size(); ++c)
            width[size_t(c)] = std::max(width[size_t(c)], r[c].size());
    }
    QString out;
    for (const QStringList &r : rows) {
        QString line;
        for (qsizetype c = 0; c < r.size(); ++c)
            line += c + 1 < r.size() ? r[c].leftJustified(width[size_t(c)] + 2) : r[c];
        out += line + QLatin1Char('\n');
    }
    out += QCoreApplication::translate("ViolationReport", "%n violation(s)", nullptr, int(violations.size())) + QLatin1Char('\n');
    return out;
}

} // namespace fieldops::scheduling
