#include "billing/TimeEntryFlags.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstdlib>

namespace fieldops::billing {

namespace {

bool withinVisit(const TimeEntry &e, const VisitSpan &v)
{
    const QDateTime from = v.begin.addSecs(-kVisitToleranceSecs), to = v.end.addSecs(kVisitToleranceSecs);
    if (e.start >= from && e.end <= to)
        return true;
    if (e.activity != QLatin1String("travel"))
        return false;
    auto near = [](const QDateTime &a, const QDateTime &b) { return std::abs(a.secsTo(b)) <= kVisitToleranceSecs; };
    return near(e.end, v.begin) || near(e.start, v.end);
}

// Seconds between the entry and the visit's span; 0 when they meet.
qint64 gapSecs(const TimeEntry &e, const VisitSpan &v)
{
    if (e.end < v.begin)
        return e.end.secsTo(v.begin);
    if (e.start > v.end)
        return v.end.secsTo(e.start);
    return 0;
}

// The GPS flags of one entry against the visit it belongs to.
// In whole minutes, so the minutes the reason names are the ones compared.
QList<Flag> gpsFlags(const TimeEntry &e, const VisitSpan &v, int toleranceMinutes)
{
    QList<Flag> flags;
    auto check = [&](GpsEdge edge, const QDateTime &entryTime, const QDateTime &inferred, bool early, bool late) {
        if (!inferred.isValid())
            return;
        const int minutes = int(inferred.secsTo(entryTime) / 60);
        if ((early && minutes < -toleranceMinutes) || (late && minutes > toleranceMinutes)) {
            Flag f;
            f.kind = FlagKind::GpsMismatch;
            f.edge = edge;
            f.minutes = minutes;
            flags << f;
        }
    };
    if (e.activity == QLatin1String("work")) {
        check(GpsEdge::StartVsArrival, e.start, v.inferredArrival, true, false);
        check(GpsEdge::EndVsDeparture, e.end, v.inferredDeparture, false, true);
    } else if (e.activity == QLatin1String("travel")) {
        // Travel before the middle of the visit is the way there, after it the way back.
        const QDateTime middle = v.begin.addSecs(v.begin.secsTo(v.end) / 2);
        if (e.start.addSecs(e.start.secsTo(e.end) / 2) < middle)
            check(GpsEdge::EndVsArrival, e.end, v.inferredArrival, true, true);
        else
            check(GpsEdge::StartVsDeparture, e.start, v.inferredDeparture, true, true);
    }
    return flags;
}

} // namespace

std::map<qint64, QList<Flag>> flagEntries(const std::vector<TimeEntry> &entries, const std::vector<VisitSpan> &visits,
                                          const FlagOptions &options)
{
    std::map<qint64, QList<Flag>> out;

    // Overlaps: per technician, sorted by start; each entry meets only the later entries
    // starting before it ends.
    std::vector<const TimeEntry *> sorted;
    sorted.reserve(entries.size());
    for (const TimeEntry &e : entries)
        sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](const TimeEntry *a, const TimeEntry *b) {
        if (a->technicianId != b->technicianId)
            return a->technicianId < b->technicianId;
        if (a->start != b->start)
            return a->start < b->start;
        return a->id < b->id;
    });
    std::map<qint64, std::vector<qint64>> overlaps;
    for (size_t i = 0; i < sorted.size(); ++i) {
        for (size_t j = i + 1; j < sorted.size(); ++j) {
            if (sorted[j]->technicianId != sorted[i]->technicianId || sorted[j]->start >= sorted[i]->end)
                break;
            overlaps[sorted[i]->id].push_back(sorted[j]->id);
            overlaps[sorted[j]->id].push_back(sorted[i]->id);
        }
    }
    // The visits are few per work order; grouped so each entry looks at its own.
    std::map<std::pair<QString, QString>, std::vector<const VisitSpan *>> visitsOf;
    for (const VisitSpan &v : visits)
        visitsOf[{v.workOrderId, v.technicianId}].push_back(&v);

    for (const TimeEntry &e : entries) {
        QList<Flag> flags;
        if (auto o = overlaps.find(e.id); o != overlaps.end()) {
            std::vector<qint64> others = o->second;
            std::sort(others.begin(), others.end());
            for (qint64 other : others) {
                Flag f;
                f.kind = FlagKind::Overlap;
                f.otherId = other;
                flags << f;
            }
        }
        bool inside = false;
        if (auto v = visitsOf.find({e.workOrderId, e.technicianId}); v != visitsOf.end())
            inside = std::any_of(v->second.begin(), v->second.end(), [&](const VisitSpan *s) { return withinVisit(e, *s); });
        if (!inside) {
            Flag f;
            f.kind = FlagKind::OutsideVisit;
            flags << f;
        }
        if (auto v = visitsOf.find({e.workOrderId, e.technicianId}); v != visitsOf.end()) {
            const VisitSpan *nearest = *std::min_element(v->second.begin(), v->second.end(), [&](const VisitSpan *a, const VisitSpan *b) {
                return gapSecs(e, *a) < gapSecs(e, *b);
            });
            flags << gpsFlags(e, *nearest, options.gpsToleranceMinutes);
        }
        if (e.billable && e.comment.trimmed().isEmpty()) {
            Flag f;
            f.kind = FlagKind::NoComment;
            flags << f;
        }
        if (!flags.isEmpty())
            out[e.id] = flags;
    }
    return out;
}

QString flagCode(FlagKind kind)
{
    switch (kind) {
    case FlagKind::Overlap:
        return QStringLiteral("overlap");
    case FlagKind::OutsideVisit:
        return QStringLiteral("outside_visit");
    case FlagKind::GpsMismatch:
        return QStringLiteral("gps_mismatch");
    case FlagKind::NoComment:
        return QStringLiteral("no_comment");
    }
    return {};
}

namespace {

QString gpsText(GpsEdge edge, int minutes)
{
    const bool before = minutes < 0;
    const int m = std::abs(minutes);
    switch (edge) {
    case GpsEdge::StartVsArrival:
        return before ? QCoreApplication::translate("TimeEntryFlags", "starts %1 min before the arrival the GPS shows").arg(m)
                      : QCoreApplication::translate("TimeEntryFlags", "starts %1 min after the arrival the GPS shows").arg(m);
    case GpsEdge::EndVsArrival:
        return before ? QCoreApplication::translate("TimeEntryFlags", "ends %1 min before the arrival the GPS shows").arg(m)
                      : QCoreApplication::translate("TimeEntryFlags", "ends %1 min after the arrival the GPS shows").arg(m);
    case GpsEdge::StartVsDeparture:
        return before ? QCoreApplication::translate("TimeEntryFlags", "starts %1 min before the departure the GPS shows").arg(m)
                      : QCoreApplication::translate("TimeEntryFlags", "starts %1 min after the departure the GPS shows").arg(m);
    case GpsEdge::EndVsDeparture:
        return before ? QCoreApplication::translate("TimeEntryFlags", "ends %1 min before the departure the GPS shows").arg(m)
                      : QCoreApplication::translate("TimeEntryFlags", "ends %1 min after the departure the GPS shows").arg(m);
    }
    return {};
}

} // namespace

QString flagText(const Flag &flag)
{
    switch (flag.kind) {
    case FlagKind::Overlap:
        return QCoreApplication::translate("TimeEntryFlags", "overlaps entry %1 of the same technician").arg(flag.otherId);
    case FlagKind::OutsideVisit:
        return QCoreApplication::translate("TimeEntryFlags", "outside the technician's visits of this work order");
    case FlagKind::GpsMismatch:
        return gpsText(flag.edge, flag.minutes);
    case FlagKind::NoComment:
        return QCoreApplication::translate("TimeEntryFlags", "billable time without a comment of what was done");
    }
    return {};
}

} // namespace fieldops::billing
