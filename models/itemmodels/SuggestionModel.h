#pragma once
// The suggestions for one work order as a table for the suggestion panel: one row per
// candidate, best first, columns Technician, Start, End, Travel, Score and Reasons. The
// display roles are for people (local times, "20 min", "0.91"); SortValue, TechnicianId,
// SlotStart, SlotEnd and SlotScore give the raw values to sort on and to book the slot with.
// When there is no candidate the model is empty and whyNone() says why.
//
//   SuggestionModel model;
//   model.setResult(workOrderId, ranker.suggest(request));
#include "scheduling/Suggestion.h"

#include <QAbstractTableModel>
#include <QHash>

namespace fieldops {

class SuggestionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TechnicianColumn, StartColumn, EndColumn, TravelColumn, ScoreColumn, ReasonsColumn, ColumnCount };

    explicit SuggestionModel(QObject *parent = nullptr);

    // `names` maps technician ids to the names shown (an id without one shows as itself).
    void setResult(const QString &workOrderId, const scheduling::SuggestionResult &result,
                   const QHash<QString, QString> &names = {});
    void clear();
    const QString &workOrderId() const { return m_workOrderId; }
    const QString &whyNone() const { return m_result.whyNone; }
    // The candidate of a row (nullptr outside the table).
    const scheduling::Suggestion *suggestionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_workOrderId;
    scheduling::SuggestionResult m_result;
    QHash<QString, QString> m_names;
};

} // namespace fieldops
