#include "kpi/KpiFormat.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace fieldops::kpi {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Kpi)
};
const QString kNull = QStringLiteral("—");
} // namespace

KpiUnit unitOf(const QString &key)
{
    if (key == QLatin1String("work_orders_closed") || key == QLatin1String("ratings_count"))
        return KpiUnit::Count;
    if (key == QLatin1String("mean_time_to_resolve_h"))
        return KpiUnit::Hours;
    if (key == QLatin1String("avg_rating"))
        return KpiUnit::Rating;
    if (key == QLatin1String("jobs_per_technician_day"))
        return KpiUnit::PerDay;
    return KpiUnit::Rate;
}

QString titleOf(const QString &key)
{
    if (key == QLatin1String("work_orders_closed"))
        return Text::tr("Work orders closed");
    if (key == QLatin1String("first_time_fix_rate"))
        return Text::tr("First-time fix");
    if (key == QLatin1String("on_time_arrival_rate"))
        return Text::tr("On-time arrival");
    if (key == QLatin1String("sla_compliance_rate"))
        return Text::tr("SLA compliance");
    if (key == QLatin1String("mean_time_to_resolve_h"))
        return Text::tr("Time to resolve");
    if (key == QLatin1String("utilization"))
        return Text::tr("Utilization");
    if (key == QLatin1String("billable_ratio"))
        return Text::tr("Billable ratio");
    if (key == QLatin1String("avg_rating"))
        return Text::tr("Average rating");
    if (key == QLatin1String("ratings_count"))
        return Text::tr("Ratings");
    if (key == QLatin1String("jobs_per_technician_day"))
        return Text::tr("Jobs per technician-day");
    return key;
}

QString descriptionOf(const QString &key)
{
    if (key == QLatin1String("work_orders_closed"))
        return Text::tr("Work orders whose closing visit completed in the period");
    if (key == QLatin1String("first_time_fix_rate"))
        return Text::tr("Closed work orders fixed at their first visit");
    if (key == QLatin1String("on_time_arrival_rate"))
        return Text::tr("Visits that arrived at most 15 minutes after the planned start");
    if (key == QLatin1String("sla_compliance_rate"))
        return Text::tr("Work orders due in the period that were closed by their SLA");
    if (key == QLatin1String("mean_time_to_resolve_h"))
        return Text::tr("Mean hours from creation to closing");
    if (key == QLatin1String("utilization"))
        return Text::tr("Time on site over shift time, less absences");
    if (key == QLatin1String("billable_ratio"))
        return Text::tr("Billable hours over all logged hours");
    if (key == QLatin1String("avg_rating"))
        return Text::tr("Mean customer score (1–5)");
    if (key == QLatin1String("ratings_count"))
        return Text::tr("Customer ratings given in the period");
    if (key == QLatin1String("jobs_per_technician_day"))
        return Text::tr("Completed visits per technician and calendar day");
    return {};
}

QString formatKpi(const QString &key, const std::optional<double> &value)
{
    if (!value || !std::isfinite(*value))
        return kNull;
    const QLocale locale;
    switch (unitOf(key)) {
    case KpiUnit::Count:
        return locale.toString(qint64(std::llround(*value)));
    case KpiUnit::Rate:
        return Text::tr("%1%").arg(locale.toString(*value * 100.0, 'f', 1));
    case KpiUnit::Hours:
        return Text::tr("%1 h").arg(locale.toString(*value, 'f', 1));
    case KpiUnit::Rating:
        return locale.toString(*value, 'f', 2);
    case KpiUnit::PerDay:
        return locale.toString(*value, 'f', 2);
    }
    return kNull;
}

QString formatChange(const QString &key, const std::optional<double> &now, const std::optional<double> &before)
{
    if (!now || !before)
        return {};
    const QLocale locale;
    auto signed1 = [&](double v) {
        return (v > 0 ? QStringLiteral("+") : v < 0 ? QStringLiteral("−") : QString()) + locale.toString(std::abs(v), 'f', 1);
    };
    if (unitOf(key) == KpiUnit::Rate)
        return Text::tr("%1 pts").arg(signed1((*now - *before) * 100.0));
    if (unitOf(key) == KpiUnit::Rating)
        return signed1(*now - *before);
    if (*before == 0)
        return *now == 0 ? Text::tr("±0%") : QString();
    return Text::tr("%1%").arg(signed1((*now - *before) / std::abs(*before) * 100.0));
}

bool higherIsBetter(const QString &key) { return key != QLatin1String("mean_time_to_resolve_h"); }

double plotValue(const QString &key, double value) { return unitOf(key) == KpiUnit::Rate ? value * 100.0 : value; }

} // namespace fieldops::kpi
