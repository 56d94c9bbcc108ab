#include "itemmodels/KpiVisitsModel.h"

#include "domain/VocabularyText.h"

#include "itemmodels/ItemRoles.h"
#include "kpi/KpiBreakdown.h"

#include <QDateTime>
#include <QLocale>

namespace fieldops {

namespace {
QDateTime utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }
QVariant utcOrNull(const std::optional<qint64> &ms) { return ms ? QVariant(utc(*ms)) : QVariant(); }
QString shown(qint64 ms, const QTimeZone &zone) { return QLocale().toString(utc(ms).toTimeZone(zone), QStringLiteral("dd/MM HH:mm")); }
QString shown(const std::optional<qint64> &ms, const QTimeZone &zone) { return ms ? shown(*ms, zone) : QStringLiteral("—"); }
} // namespace

KpiVisitsModel::KpiVisitsModel(QObject *parent) : KpiRowsModel(parent) {}

void KpiVisitsModel::setVisits(std::vector<kpi::TechnicianVisit> visits, const std::vector<kpi::AttributedRating> &ratings,
                               const QTimeZone &zone)
{
    beginResetModel();
    m_rows = std::move(visits);
    m_scores.clear();
    for (const kpi::AttributedRating &r : ratings)
        m_scores.insert(r.workOrderId, r.score);
    m_zone = zone;
    endResetModel();
}

QStringList KpiVisitsModel::csvColumns()
{
    return {QStringLiteral("start"),     QStringLiteral("work_order_id"), QStringLiteral("type"),
            QStringLiteral("site"),      QStringLiteral("status"),        QStringLiteral("arrived_at"),
            QStringLiteral("on_time"),   QStringLiteral("completed_at"),  QStringLiteral("resolved"),
            QStringLiteral("rating")};
}

QVariant KpiVisitsModel::data(const QModelIndex &index, int role) const
{
    if (role == roles::AppointmentId) {
        const kpi::TechnicianVisit *v = rowAt(index.row());
        return v ? QVariant(v->appointmentId) : QVariant();
    }
    return KpiRowsModel::data(index, role);
}

QVariant KpiVisitsModel::score(const kpi::TechnicianVisit &v) const
{
    const auto score = m_scores.constFind(v.workOrderId);
    return score != m_scores.constEnd() ? QVariant(*score) : QVariant();
}

QVariant KpiVisitsModel::displayValue(const kpi::TechnicianVisit &v, int column) const
{
    switch (column) {
    case StartColumn:
        return shown(v.startMs, m_zone);
    case WorkOrderColumn:
        return v.workOrderId;
    case TypeColumn:
        return kpi::workOrderTypeText(v.workOrderType);
    case SiteColumn:
        return v.siteName;
    case StatusColumn:
        return vocabulary::appointmentStatusText(v.status);
    case ArrivedColumn:
        return shown(v.arrivedMs, m_zone);
    case OnTimeColumn:
        return v.onTime() ? (*v.onTime() ? tr("on time") : tr("late")) : QStringLiteral("—");
    case CompletedColumn:
        return shown(v.completedMs, m_zone);
    case ResolvedColumn:
        return v.resolved ? tr("yes") : tr("no");
    case RatingColumn: {
        const QVariant s = score(v);
        return s.isValid() ? QString::number(s.toInt()) : QStringLiteral("—");
    }
    default:
        return {};
    }
}

QVariant KpiVisitsModel::sortValue(const kpi::TechnicianVisit &v, int column) const
{
    switch (column) {
    case StartColumn:
        return utc(v.startMs);
    case WorkOrderColumn:
        return v.workOrderId;
    case TypeColumn:
        return v.workOrderType;
    case SiteColumn:
        return v.siteName;
    case StatusColumn:
        return v.status;
    case ArrivedColumn:
        return utcOrNull(v.arrivedMs);
    case OnTimeColumn:
        return v.onTime() ? QVariant(*v.onTime()) : QVariant();
    case CompletedColumn:
        return utcOrNull(v.completedMs);
    case ResolvedColumn:
        return v.resolved;
    case RatingColumn:
        return score(v);
    default:
        return {};
    }
}

QString KpiVisitsModel::columnTitle(int column)
{
    switch (column) {
    case StartColumn:
        return tr("Start");
    case WorkOrderColumn:
        return tr("Work order");
    case TypeColumn:
        return tr("Type");
    case SiteColumn:
        return tr("Site");
    case StatusColumn:
        return tr("Status");
    case ArrivedColumn:
        return tr("Arrived");
    case OnTimeColumn:
        return tr("On time");
    case CompletedColumn:
        return tr("Completed");
    case ResolvedColumn:
        return tr("Resolved");
    case RatingColumn:
        return tr("Rating");
    default:
        return {};
    }
}

KpiRatingListModel::KpiRatingListModel(QObject *parent) : KpiRowsModel(parent) {}

void KpiRatingListModel::setRatings(std::vector<kpi::AttributedRating> ratings, const QTimeZone &zone)
{
    beginResetModel();
    m_rows = std::move(ratings);
    m_zone = zone;
    endResetModel();
}

QStringList KpiRatingListModel::csvColumns()
{
    return {QStringLiteral("rated_at"), QStringLiteral("work_order_id"), QStringLiteral("score"), QStringLiteral("comment")};
}

QVariant KpiRatingListModel::displayValue(const kpi::AttributedRating &r, int column) const
{
    switch (column) {
    case RatedColumn:
        return shown(r.ratedMs, m_zone);
    case WorkOrderColumn:
        return r.workOrderId;
    case ScoreColumn:
        return r.score;
    case CommentColumn:
        return r.comment;
    default:
        return {};
    }
}

QVariant KpiRatingListModel::sortValue(const kpi::AttributedRating &r, int column) const
{
    switch (column) {
    case RatedColumn:
        return utc(r.ratedMs);
    case WorkOrderColumn:
        return r.workOrderId;
    case ScoreColumn:
        return r.score;
    case CommentColumn:
        return r.comment;
    default:
        return {};
    }
}

QString KpiRatingListModel::columnTitle(int column)
{
    switch (column) {
    case RatedColumn:
        return tr("Rated");
    case WorkOrderColumn:
        return tr("Work order");
    case ScoreColumn:
        return tr("Score");
    case CommentColumn:
        return tr("Comment");
    default:
        return {};
    }
}

} // namespace fieldops
