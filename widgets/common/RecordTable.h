#pragma once
// The read-only lists beside the record forms (a customer's sites, assets, contacts; the
// technicians and their absences):
// whole rows selected one at a time, each cell carrying the record's id, so a click
// finds the record whatever column was hit.
#include <QAbstractItemView>
#include <QHeaderView>
#include <QStringList>
#include <QTableView>
#include <QTableWidget>

namespace fieldops::widgets {

// Any table view (a QTableWidget, or a QTableView over a model) as a record list.
inline void setUpRecordList(QTableView *t)
{
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
}

inline QTableWidget *makeRecordTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    setUpRecordList(t);
    return t;
}

inline void setRecordRow(QTableWidget *t, int row, const QStringList &cells, const QString &id)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        item->setData(Qt::UserRole, id);
        t->setItem(row, c, item);
    }
}

} // namespace fieldops::widgets
