#include "workorders/WorkOrdersPage.h"

#include "common/SelectionBinder.h"
#include "itemmodels/WorkOrderFilterProxy.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "workorders/WorkOrderFilterBar.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

WorkOrdersPage::WorkOrdersPage(WorkOrderTableModel *model, SelectionService *selection, QWidget *parent)
    : QWidget(parent)
{
    m_proxy = new WorkOrderFilterProxy(this);
    m_proxy->setSourceModel(model);
    m_filterBar = new WorkOrderFilterBar(m_proxy, this);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("workOrderTable"));
    new SelectionBinder(m_table, m_proxy, selection);
    m_table->setSortingEnabled(true);
    // Newest first: what just came in is what a dispatcher looks at first.
    m_table->sortByColumn(WorkOrderTableModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Fixed row height: the view need not measure ten thousand rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionsMovable(true);
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_table->fontMetrics();
    auto width = [&fm](const char *sample) { return fm.horizontalAdvance(QString::fromLatin1(sample)) + 24; };
    h->resizeSection(WorkOrderTableModel::IdColumn, width("WO-000000"));
    h->resizeSection(WorkOrderTableModel::PriorityColumn, width("3 Normal"));
    h->resizeSection(WorkOrderTableModel::StatusColumn, width("In progress"));
    h->resizeSection(WorkOrderTableModel::TypeColumn, width("Inspection"));
    h->resizeSection(WorkOrderTableModel::SummaryColumn, width("Replace compressor relay on rooftop"));
    h->resizeSection(WorkOrderTableModel::CustomerColumn, width("Customer name Ltda."));
    h->resizeSection(WorkOrderTableModel::SiteColumn, width("Site name of some length"));
    h->resizeSection(WorkOrderTableModel::TechnicianColumn, width("Technician Name"));
    for (int c : {int(WorkOrderTableModel::WindowStartColumn), int(WorkOrderTableModel::SlaDueColumn),
                  int(WorkOrderTableModel::CreatedColumn)})
        h->resizeSection(c, width("30 Sep 2026 00:00"));
    h->resizeSection(WorkOrderTableModel::DurationColumn, width("000 min"));

    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(m_filterBar);
    v->addWidget(m_table, 1);

}

QByteArray WorkOrdersPage::headerState() const { return m_table->horizontalHeader()->saveState(); }

bool WorkOrdersPage::restoreHeaderState(const QByteArray &state)
{
    return !state.isEmpty() && m_table->horizontalHeader()->restoreState(state);
}

} // namespace fieldops::widgets
