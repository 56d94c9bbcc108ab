#include "OptimizePanel.h"

#include "dayplan/DayPlan.h"
#include "domain/SignalColours.h"
#include "itemmodels/DayPlanProposalModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldops::widgets {

OptimizePanel::OptimizePanel(DayPlanProposalModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_date(new QDateEdit(this)), m_territory(new QComboBox(this)),
      m_timeLimit(new QDoubleSpinBox(this)), m_solve(new QPushButton(tr("&Solve"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)), m_title(new QLabel(this)),
      m_message(new QLabel(this)), m_table(new QTableView(this)), m_travel(new QLabel(this)),
      m_unplacedTitle(new QLabel(tr("Still unplaced"), this)), m_unplaced(new QTreeWidget(this)),
      m_accept(new QPushButton(tr("&Accept"), this)), m_discard(new QPushButton(tr("&Discard"), this))
{
    m_date->setObjectName(QStringLiteral("optimizeDate"));
    m_date->setDate(QDate::currentDate()); // the controller puts the board's day in when it opens the panel
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    m_territory->setObjectName(QStringLiteral("optimizeTerritory"));
    setTerritories({});
    m_timeLimit->setObjectName(QStringLiteral("optimizeTimeLimit"));
    // As `fieldops-cli optimize`: decimals allowed, 5 s by default, at most an hour.
    m_timeLimit->setRange(0.1, 3600);
    m_timeLimit->setDecimals(1);
    m_timeLimit->setValue(5);
    m_timeLimit->setSuffix(tr(" s"));
    m_moveBooked = new QCheckBox(tr("&Move booked visits"), this);
    m_moveBooked->setObjectName(QStringLiteral("optimizeMoveBooked"));
    m_moveBooked->setToolTip(tr("Re-plan the whole day: visits already booked that are neither locked nor started may move to "
                                "another time or technician. Off: they stay where they are."));
    m_solve->setObjectName(QStringLiteral("optimizeSolve"));
    m_solve->setToolTip(tr("Plan the day's unassigned work orders around the visits already booked."));
    m_cancel->setObjectName(QStringLiteral("optimizeCancel"));
    m_cancel->setToolTip(tr("Stop the search; nothing is proposed."));
    m_progress->setObjectName(QStringLiteral("optimizeProgress"));
    m_progress->setRange(0, 100);
    m_title->setObjectName(QStringLiteral("optimizeTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_message->setObjectName(QStringLiteral("optimizeMessage"));
    m_message->setWordWrap(true);
    m_travel->setObjectName(QStringLiteral("optimizeTravel"));
    m_travelNote = new QLabel(this);
    m_travelNote->setObjectName(QStringLiteral("optimizeTravelNote"));
    m_travelNote->setWordWrap(true);
    m_travelNote->hide();

    m_table->setObjectName(QStringLiteral("optimizeTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_unplaced->setObjectName(QStringLiteral("optimizeUnplaced"));
    m_unplaced->setRootIsDecorated(false);
    m_unplaced->setHeaderLabels({tr("Work order"), tr("Why")});
    m_unplaced->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_accept->setObjectName(QStringLiteral("optimizeAccept"));
    m_accept->setToolTip(tr("Book every proposed visit as one step; Undo takes them all back."));
    m_discard->setObjectName(QStringLiteral("optimizeDiscard"));
    m_discard->setToolTip(tr("Drop the proposal; nothing is booked."));

    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Day"), this));
    form->addWidget(m_date);
    form->addWidget(new QLabel(tr("Territory"), this));
    form->addWidget(m_territory, 1);
    form->addWidget(new QLabel(tr("Time limit"), this));
    form->addWidget(m_timeLimit);
    form->addWidget(m_moveBooked);
    form->addWidget(m_solve);
    auto *running = new QHBoxLayout;
    running->addWidget(m_progress, 1);
    running->addWidget(m_cancel);
    auto *lists = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_travel);
    left->addWidget(m_travelNote);
    auto *right = new QVBoxLayout;
    right->addWidget(m_unplacedTitle);
    right->addWidget(m_unplaced, 1);
    lists->addLayout(left, 3);
    lists->addLayout(right, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_discard);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);
    v->addLayout(form);
    v->addLayout(running);
    v->addWidget(m_title);
    v->addWidget(m_message);
    v->addLayout(lists, 1);
    v->addLayout(buttons);

    connect(m_solve, &QPushButton::clicked, this, &OptimizePanel::solveRequested);
    connect(m_cancel, &QPushButton::clicked, this, &OptimizePanel::cancelRequested);
    connect(m_accept, &QPushButton::clicked, this, &OptimizePanel::acceptRequested);
    connect(m_discard, &QPushButton::clicked, this, &OptimizePanel::discardRequested);
    showMessage(tr("Choose the day and Solve: the unassigned work orders are fitted around the visits already booked."));
}

void OptimizePanel::setDate(const QDate &date) { m_date->setDate(date); }

QDate OptimizePanel::date() const { return m_date->date(); }

void OptimizePanel::setTerritories(const QList<QPair<QString, QString>> &territories)
{
    const QString current = territory();
    m_territory->clear();
    m_territory->addItem(tr("All territories"), QString());
    for (const auto &[id, name] : territories)
        m_territory->addItem(name.isEmpty() ? id : name, id);
    const int keep = m_territory->findData(current);
    m_territory->setCurrentIndex(keep >= 0 ? keep : 0);
}

QString OptimizePanel::territory() const { return m_territory->currentData().toString(); }

double OptimizePanel::timeLimitSeconds() const { return m_timeLimit->value(); }

bool OptimizePanel::moveBooked() const { return m_moveBooked->isChecked(); }

void OptimizePanel::setMoveBooked(bool on) { m_moveBooked->setChecked(on); }

void OptimizePanel::setTimeLimitSeconds(double seconds) { m_timeLimit->setValue(seconds); }

void OptimizePanel::showSolving(const QString &text)
{
    m_solving = true;
    m_stale = false;
    m_title->clear();
    m_message->setStyleSheet(QString());
    m_message->setText(text);
    setTravelNote({});
    m_progress->setValue(0);
    updateButtons();
}

void OptimizePanel::setProgress(double fraction) { m_progress->setValue(int(std::clamp(fraction, 0.0, 1.0) * 100 + 0.5)); }

void OptimizePanel::showProposal(const QString &title)
{
    m_solving = false;
    m_stale = false;
    m_title->setText(title);
    m_message->setStyleSheet(QString());
    const int added = int(m_model->plan().visits.size());
    const int moved = int(m_model->plan().moves.size());
    if (moved > 0)
        m_message->setText(tr("%n new visit(s) and %1 booked visit(s) moved. Accept writes them as one step; Discard drops them.", nullptr, added)
                               .arg(moved));
    else
        m_message->setText(added == 0 ? tr("Nothing to book: no unassigned work order fits this day.")
                                      : tr("%n visit(s) proposed. Accept books them as one step; Discard drops them.", nullptr, added));
    m_travel->setText(m_model->travelText());
    m_unplaced->clear();
    for (const dayplan::Unplaced &u : m_model->plan().unplaced) {
        const QString summary = m_model->summary(u.workOrderId);
        auto *item = new QTreeWidgetItem(m_unplaced, {summary.isEmpty() ? u.workOrderId : tr("%1 · %2").arg(u.workOrderId, summary),
                                                      dayplan::unplacedReasonText(u.reason)});
        item->setData(0, Qt::UserRole, u.workOrderId);
    }
    updateButtons();
}

void OptimizePanel::setTravelNote(const QString &text)
{
    m_travelNote->setText(text);
    m_travelNote->setVisible(!text.isEmpty());
}

void OptimizePanel::showMessage(const QString &text)
{
    m_solving = false;
    m_stale = false;
    m_title->clear();
    m_message->setStyleSheet(QString());
    m_message->setText(text);
    setTravelNote({});
    m_travel->clear();
    m_unplaced->clear();
    updateButtons();
}

void OptimizePanel::showStale(const QString &text)
{
    m_stale = true;
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::warning())));
    m_message->setText(text);
    updateButtons();
}

void OptimizePanel::updateButtons()
{
    const bool proposal = !m_solving && m_model->rowCount() > 0;
    m_progress->setVisible(m_solving);
    m_cancel->setVisible(m_solving);
    m_solve->setEnabled(!m_solving);
    m_solve->setText(m_stale ? tr("&Solve again") : tr("&Solve"));
    // Accept stays enabled when stale: pressing it says why it is refused and offers a new solve.
    m_accept->setEnabled(proposal);
    m_discard->setEnabled(!m_solving && !m_model->isEmpty());
    m_unplacedTitle->setVisible(m_unplaced->topLevelItemCount() > 0);
    m_unplaced->setVisible(m_unplaced->topLevelItemCount() > 0);
}

} // namespace fieldops::widgets
