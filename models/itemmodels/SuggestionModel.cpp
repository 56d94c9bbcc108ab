#include "itemmodels/SuggestionModel.h"

#include "itemmodels/DisplayFormat.h"
#include "itemmodels/ItemRoles.h"

#include <QLocale>

namespace fieldops {

SuggestionModel::SuggestionModel(QObject *parent) : QAbstractTableModel(parent) {}

void SuggestionModel::setResult(const QString &workOrderId, const scheduling::SuggestionResult &result,
                                const QHash<QString, QString> &names)
{
    beginResetModel();
    m_workOrderId = workOrderId;
    m_result = result;
    m_names = names;
    endResetModel();
}

void SuggestionModel::clear() { setResult(QString(), {}); }

const scheduling::Suggestion *SuggestionModel::suggestionAt(int row) const
{
    return row >= 0 && size_t(row) < m_result.candidates.size() ? &m_result.candidates[size_t(row)] : nullptr;
}

int SuggestionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.candidates.size());
}

int SuggestionModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SuggestionModel::data(const QModelIndex &index, int role) const
{
    const scheduling::Suggestion *s = index.isValid() ? suggestionAt(index.row()) : nullptr;
    if (!s)
        return {};
    switch (role) {
    case roles::TechnicianId:
        return s->technicianId;
    case roles::WorkOrderId:
        return m_workOrderId;
    case roles::SlotStart:
        return s->start;
    case roles::SlotEnd:
        return s->end;
    case roles::SlotScore:
        return s->score;
    case Qt::ToolTipRole:
        return s->reasons.join(QLatin1Char('\n'));
    case Qt::TextAlignmentRole:
        return index.column() == TravelColumn || index.column() == ScoreColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                                : QVariant();
    case roles::SortValue:
        switch (index.column()) {
        case TechnicianColumn: return s->technicianId;
        case StartColumn: return s->start;
        case EndColumn: return s->end;
        case TravelColumn: return s->facts.travelMin;
        case ScoreColumn: return s->score;
        case ReasonsColumn: return s->reasons.join(QStringLiteral("; "));
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TechnicianColumn: return m_names.value(s->technicianId, s->technicianId);
        case StartColumn: return display::instant(s->start);
        case EndColumn: return display::instant(s->end);
        case TravelColumn: return tr("%1 min").arg(s->facts.travelMin);
        case ScoreColumn: return QLocale().toString(s->score, 'f', 2);
        case ReasonsColumn: return s->reasons.join(QStringLiteral("; "));
        }
        return {};
    default:
        return {};
    }
}

QVariant SuggestionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TechnicianColumn: return tr("Technician");
    case StartColumn: return tr("Start");
    case EndColumn: return tr("End");
    case TravelColumn: return tr("Travel");
    case ScoreColumn: return tr("Score");
    case ReasonsColumn: return tr("Reasons");
    }
    return {};
}

} // namespace fieldops
