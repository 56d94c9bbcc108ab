#include "field/StatusDiscrepancies.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace fieldops::field {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StatusDiscrepancies)
};

// A time of the visit as the technician's clock shows it.
QString clock(const QDateTime &t, const QByteArray &zone)
{
    QTimeZone z(zone);
    return t.toTimeZone(z.isValid() ? z : QTimeZone::utc()).toString(QStringLiteral("HH:mm"));
}

qint64 minutesApart(const QDateTime &a, const QDateTime &b) { return std::abs(a.secsTo(b)) / 60; }

} // namespace

QString discrepancyKindName(DiscrepancyKind kind)
{
    switch (kind) {
    case DiscrepancyKind::ArrivalDiffers:
        return QStringLiteral("arrival_differs");
    case DiscrepancyKind::DepartureDiffers:
        return QStringLiteral("departure_differs");
    case DiscrepancyKind::ArrivalNotTapped:
        return QStringLiteral("arrival_not_tapped");
    case DiscrepancyKind::NotCompleted:
        return QStringLiteral("not_completed");
    case DiscrepancyKind::TapWithoutPresence:
        return QStringLiteral("tap_without_presence");
    }
    return {};
}

std::vector<StatusDiscrepancy> findDiscrepancies(const std::vector<VisitTimes> &visits, int toleranceMin, qint64 maxGapSecs)
{
    std::vector<StatusDiscrepancy> out;
    const qint64 toleranceSecs = qint64(toleranceMin) * 60;
    for (const VisitTimes &v : visits) {
        auto add = [&](DiscrepancyKind kind, const QDateTime &tapped, const QDateTime &inferred, const QString &explanation) {
            out.push_back({v.appointmentId, v.technicianId, kind, tapped, inferred, explanation});
        };
        // The departure a technician reports is the outcome's; a visit closed with a status
        // tap alone has its completion.
        const bool departureTapped = v.departedAt.isValid();
        const QDateTime left = departureTapped ? v.departedAt : v.completedAt;
        const bool completed = v.status == QLatin1String("completed");

        if (v.arrivedAt.isValid() && v.inferredArrivedAt.isValid()) {
            if (std::abs(v.arrivedAt.secsTo(v.inferredArrivedAt)) > toleranceSecs) {
                const QString tapped = clock(v.arrivedAt, v.timeZone), seen = clock(v.inferredArrivedAt, v.timeZone);
                const QString minutes = QString::number(minutesApart(v.arrivedAt, v.inferredArrivedAt));
                add(DiscrepancyKind::ArrivalDiffers, v.arrivedAt, v.inferredArrivedAt,
                    v.arrivedAt < v.inferredArrivedAt
                        ? Text::tr("tapped on site at %1, %2 min before the phone arrived at %3").arg(tapped, minutes, seen)
                        : Text::tr("tapped on site at %1, %2 min after the phone arrived at %3").arg(tapped, minutes, seen));
            }
        } else if (v.inferredArrivedAt.isValid()) {
            add(DiscrepancyKind::ArrivalNotTapped, QDateTime(), v.inferredArrivedAt,
                Text::tr("the phone arrived at %1 but no on-site status was sent").arg(clock(v.inferredArrivedAt, v.timeZone)));
        } else if (v.tracked && presenceTap(v).isValid() && tapCovered(v, maxGapSecs)) {
            // Only where the phone reported around the tap: in a gap of the track (no
            // signal, phone off) it could have been at the site unseen.
            const QDateTime tap = presenceTap(v);
            add(DiscrepancyKind::TapWithoutPresence, tap, QDateTime(),
                v.arrivedAt.isValid() ? Text::tr("tapped on site at %1 but the phone was never at the site that day").arg(clock(tap, v.timeZone))
                                      : Text::tr("completed at %1 but the phone was never at the site that day").arg(clock(tap, v.timeZone)));
        }

        if (v.inferredDepartedAt.isValid() && left.isValid()) {
            if (std::abs(left.secsTo(v.inferredDepartedAt)) > toleranceSecs) {
                const QString tapped = clock(left, v.timeZone), seen = clock(v.inferredDepartedAt, v.timeZone);
                const QString apart = QString::number(minutesApart(left, v.inferredDepartedAt));
                QString text;
                if (departureTapped)
                    text = left < v.inferredDepartedAt ? Text::tr("reported leaving at %1, %2 min before the phone left at %3").arg(tapped, apart, seen)
                                                       : Text::tr("reported leaving at %1, %2 min after the phone left at %3").arg(tapped, apart, seen);
                else
                    text = left < v.inferredDepartedAt ? Text::tr("completed at %1, %2 min before the phone left at %3").arg(tapped, apart, seen)
                                                       : Text::tr("completed at %1, %2 min after the phone left at %3").arg(tapped, apart, seen);
                add(DiscrepancyKind::DepartureDiffers, left, v.inferredDepartedAt, text);
            }
        }
        if (v.inferredDepartedAt.isValid() && !completed) {
            add(DiscrepancyKind::NotCompleted, QDateTime(), v.inferredDepartedAt,
                Text::tr("the phone left at %1 but the visit is not completed (status %2)").arg(clock(v.inferredDepartedAt, v.timeZone), v.status));
        }
    }
    return out;
}

Result<std::vector<StatusDiscrepancy>> discrepanciesForDay(Database &db, const QDate &date, int toleranceMin, const QStringList &technicians)
{
    auto visits = loadVisitTimes(db, date, technicians);
    if (!visits)
        return visits.error();
    if (Status s = markTracked(db, date, *visits); !s)
        return s.error();
    return findDiscrepancies(*visits, toleranceMin);
}

} // namespace fieldops::field
