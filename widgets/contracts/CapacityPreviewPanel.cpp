#include "contracts/CapacityPreviewPanel.h"

#include "itemmodels/CapacityTableModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {

QTableView *capacityTable(CapacityTableModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

int overloadedCells(const planning::CapacityPreview &p)
{
    int n = 0;
    for (const planning::CapacityCell &c : p.cells)
        n += c.overloaded ? 1 : 0;
    return n;
}

} // namespace

CapacityPreviewPanel::CapacityPreviewPanel(QWidget *parent)
    : QWidget(parent), m_beforeModel(new CapacityTableModel(this)), m_afterModel(new CapacityTableModel(this))
{
    auto *v = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("capacitySummary"));
    m_summary->setWordWrap(true);
    v->addWidget(m_summary);
    auto *tables = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    m_before = capacityTable(m_beforeModel, QStringLiteral("capacityBefore"), this);
    m_after = capacityTable(m_afterModel, QStringLiteral("capacityAfter"), this);
    left->addWidget(new QLabel(tr("As due (demand / available hours)"), this));
    left->addWidget(m_before, 1);
    //: Heading of the capacity table after moving preventive occurrences to flatten overloaded weeks.
    right->addWidget(new QLabel(tr("Levelled"), this));
    right->addWidget(m_after, 1);
    tables->addLayout(left, 1);
    tables->addLayout(right, 1);
    v->addLayout(tables, 2);
    v->addWidget(new QLabel(tr("Moves levelling makes"), this));
    m_moves = new QListWidget(this);
    m_moves->setObjectName(QStringLiteral("capacityMoves"));
    v->addWidget(m_moves, 1);
    m_use = new QCheckBox(tr("&Use the levelled days when generating"), this);
    m_use->setObjectName(QStringLiteral("useLevelled"));
    v->addWidget(m_use);
    connect(m_use, &QCheckBox::toggled, this, &CapacityPreviewPanel::useLevelledChanged);
    clear();
}

void CapacityPreviewPanel::clear()
{
    m_beforeModel->setPreview({});
    m_afterModel->setPreview({});
    m_moves->clear();
    m_moved.clear();
    m_use->setChecked(false);
    m_use->setEnabled(false);
    m_summary->setText(tr("The load appears with the preview."));
}

bool CapacityPreviewPanel::useLevelled() const { return m_use->isEnabled() && m_use->isChecked(); }

QVector<planning::CapacityMove> CapacityPreviewPanel::acceptedMoves() const { return useLevelled() ? m_moved : QVector<planning::CapacityMove>{}; }

void CapacityPreviewPanel::setLevelling(const planning::CapacityLevelling &levelling)
{
    m_beforeModel->setPreview(levelling.before);
    m_afterModel->setPreview(levelling.before, levelling.after);
    m_afterModel->showLevelled(true);
    m_moves->clear();
    m_moved = levelling.moved;
    const QLocale l;
    for (const planning::CapacityMove &m : levelling.moved)
        m_moves->addItem(tr("%1: %2 → %3").arg(m.planId, l.toString(m.from, QLocale::ShortFormat), l.toString(m.to, QLocale::ShortFormat)));
    const int before = overloadedCells(levelling.before);
    const int after = overloadedCells(levelling.after);
    if (levelling.before.isEmpty())
        m_summary->setText(tr("No preventive work falls within the horizon."));
    else if (before == 0)
        m_summary->setText(tr("No week is overloaded: the technicians able to do the work have the hours for it."));
    else
        m_summary->setText(tr("%1 week(s) × territory overloaded as due; %2 after levelling with %n move(s).", nullptr, int(levelling.moved.size()))
                               .arg(before)
                               .arg(after));
    m_use->setEnabled(!levelling.moved.isEmpty());
    if (levelling.moved.isEmpty())
        m_use->setChecked(false);
}

} // namespace fieldops::widgets
