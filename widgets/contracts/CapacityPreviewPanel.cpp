#include "contracts/CapacityPreviewPanel.h"

#include "itemmodels/CapacityTableModel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

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

// As tall as the header, the rows and the scroll bar: territories are few, and the space
// left under them goes to the list of moves instead of to blank table.
void fitHeightToRows(QTableView *view)
{
    view->resizeRowsToContents();
    int height = view->horizontalHeader()->sizeHint().height() + 2 * view->frameWidth();
    for (int r = 0; r < view->model()->rowCount(); ++r)
        height += view->rowHeight(r);
    height += view->horizontalScrollBar()->sizeHint().height();
    view->setMaximumHeight(std::max(height, view->minimumSizeHint().height()));
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
    // One table above the other, each the dialog's full width, so a quarter's weeks fit
    // side by side; the weeks line up because both tables have the same columns.
    m_before = capacityTable(m_beforeModel, QStringLiteral("capacityBefore"), this);
    m_after = capacityTable(m_afterModel, QStringLiteral("capacityAfter"), this);
    v->addWidget(new QLabel(tr("As due (demand / available hours)"), this));
    v->addWidget(m_before);
    //: Heading of the capacity table after moving preventive occurrences to flatten overloaded weeks.
    v->addWidget(new QLabel(tr("Levelled"), this));
    v->addWidget(m_after);
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
    fitHeightToRows(m_before);
    fitHeightToRows(m_after);
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
    fitHeightToRows(m_before);
    fitHeightToRows(m_after);
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
