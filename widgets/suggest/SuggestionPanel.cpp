#include "SuggestionPanel.h"

#include "ScoreBarDelegate.h"
#include "domain/SignalColours.h"
#include "itemmodels/SuggestionModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

SuggestionPanel::SuggestionPanel(SuggestionModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(this)), m_busy(new QProgressBar(this)), m_table(new QTableView(this)),
      //: Verb: book (schedule) the chosen technician and time for the work order.
      m_whyNone(new QLabel(this)), m_book(new QPushButton(tr("&Book"), this))
{
    m_title->setObjectName(QStringLiteral("suggestionTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_busy->setObjectName(QStringLiteral("suggestionBusy"));
    m_busy->setRange(0, 0); // no figure to show: ranking takes one read and one pass
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->hide();
    m_whyNone->setObjectName(QStringLiteral("suggestionWhyNone"));
    m_whyNone->setWordWrap(true);
    m_whyNone->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::warning())));
    m_whyNone->hide();
    m_travelNote = new QLabel(this);
    m_travelNote->setObjectName(QStringLiteral("suggestionTravelNote"));
    m_travelNote->setWordWrap(true);
    m_travelNote->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::warning())));
    m_travelNote->hide();
    m_book->setObjectName(QStringLiteral("suggestionBook"));
    m_book->setToolTip(tr("Book the chosen slot (Enter). Undo takes it back."));
    auto *close = new QPushButton(tr("Close"), this);
    close->setToolTip(tr("Close the suggestions (Esc)."));

    m_table->setObjectName(QStringLiteral("suggestionTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(SuggestionModel::ScoreColumn, new ScoreBarDelegate(m_table));
    // Reasons take what is left and wrap; the short columns fit their content.
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(SuggestionModel::ReasonsColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->installEventFilter(this);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_book);
    buttons->addWidget(close);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(6, 6, 6, 6);
    v->addWidget(m_title);
    v->addWidget(m_busy);
    v->addWidget(m_whyNone);
    v->addWidget(m_travelNote);
    v->addWidget(m_table, 1);
    v->addLayout(buttons);

    // Room for the five rows a ranking returns, so no row is cut off below the board.
    setMinimumHeight(m_title->sizeHint().height() + 6 * m_table->verticalHeader()->defaultSectionSize() + m_book->sizeHint().height());

    connect(m_book, &QPushButton::clicked, this, &SuggestionPanel::requestBook);
    connect(close, &QPushButton::clicked, this, &SuggestionPanel::closeRequested);
    connect(m_table, &QTableView::doubleClicked, this, &SuggestionPanel::requestBook);
    connect(model, &QAbstractItemModel::modelReset, this, &SuggestionPanel::updateBookButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SuggestionPanel::updateBookButton);
    showProblem(tr("Select a work order in the queue or on the board, then choose Suggest technician (Ctrl+G)."));
}

void SuggestionPanel::showRanking(const QString &workOrderId, const QString &title)
{
    // Ranked again for the same work order, the last answer stays in view (not bookable
    // until the new one arrives); a new work order starts blank.
    if (workOrderId != m_workOrderId) {
        m_whyNone->hide();
        m_table->hide();
    }
    m_workOrderId = workOrderId;
    m_title->setText(title);
    m_busy->show();
    updateBookButton();
}

void SuggestionPanel::showResult(const QString &title)
{
    m_title->setText(title);
    m_busy->hide();
    const bool none = m_model->rowCount() == 0;
    m_whyNone->setText(none ? tr("No feasible slot: %1").arg(m_model->whyNone()) : QString());
    m_whyNone->setVisible(none);
    m_table->setVisible(!none);
    if (!none) {
        m_table->selectRow(0);
        // Only when asked (Ctrl+G): a re-ranking after a change must not pull the keyboard
        // away from the board.
        if (m_takeFocus)
            m_table->setFocus();
    }
    m_takeFocus = false;
    updateBookButton();
}

void SuggestionPanel::showProblem(const QString &text)
{
    m_workOrderId.clear();
    m_title->setText(tr("Suggestions"));
    m_busy->hide();
    m_whyNone->setText(text);
    m_whyNone->show();
    m_table->hide();
    updateBookButton();
}

bool SuggestionPanel::isBusy() const { return !m_busy->isHidden(); }

int SuggestionPanel::currentRow() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void SuggestionPanel::requestBook()
{
    if (m_book->isEnabled() && currentRow() >= 0)
        emit bookRequested(currentRow());
}

void SuggestionPanel::updateBookButton()
{
    m_book->setEnabled(m_busy->isHidden() && currentRow() >= 0 && m_model->rowCount() > 0);
}

bool SuggestionPanel::eventFilter(QObject *watched, QEvent *event)
{
    // The table would only emit activated() on Enter (and on a single click under some
    // styles): booking is a write, so it answers to Enter and a double-click only.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *e = static_cast<QKeyEvent *>(event);
        if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) {
            requestBook();
            return true;
        }
        if (e->key() == Qt::Key_Escape) {
            emit closeRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SuggestionPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        emit closeRequested();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        requestBook();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SuggestionPanel::setTravelNote(const QString &text)
{
    m_travelNote->setText(text);
    m_travelNote->setVisible(!text.isEmpty());
}

} // namespace fieldops::widgets
