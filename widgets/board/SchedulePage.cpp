#include "SchedulePage.h"

#include "BoardToolbar.h"
#include "ScheduleBoard.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "domain/SignalColours.h"

#include <QLabel>
#include <QVBoxLayout>

namespace fieldops::widgets {

SchedulePage::SchedulePage(BoardEditor *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_toolbar(new BoardToolbar(this)), m_board(new ScheduleBoard(this)),
      m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("boardMessage"));
    m_message->setContentsMargins(6, 2, 6, 2);
    m_message->setWordWrap(true);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(m_toolbar);
    v->addWidget(m_board, 1);
    v->addWidget(m_message);
    m_board->setEditor(editor);

    connect(m_toolbar, &BoardToolbar::spanChanged, m_board, &ScheduleBoard::setSpan);
    connect(m_toolbar, &BoardToolbar::snapChanged, m_board, &ScheduleBoard::setSnapMinutes);
    connect(m_toolbar, &BoardToolbar::filterChanged, this, [this] { m_board->setFilter(m_toolbar->filter()); });
    connect(m_toolbar, &BoardToolbar::todayRequested, this, [this] {
        const qint64 now = m_board->nowMs();
        board::BoardModel *m = m_editor->model();
        if (m->isLoaded() && now >= m->fromMs() && now < m->toMs())
            m_board->scrollToTime(now);
        else
            showDate(QDateTime::fromMSecsSinceEpoch(now, m_board->displayZone()).date());
    });
    connect(m_toolbar, &BoardToolbar::dateChosen, this, [this](const QDate &d) {
        board::BoardModel *m = m_editor->model();
        const qint64 at = QDateTime(d, QTime(0, 0), m_board->displayZone()).toMSecsSinceEpoch();
        if (m->isLoaded() && at >= m->fromMs() && at + board::kDayMs <= m->toMs())
            m_board->scrollToTime(at, 0.0);
        else
            showDate(d);
    });
    connect(m_toolbar, &BoardToolbar::markAbsentToggled, m_board, &ScheduleBoard::setMarkAbsentMode);
    connect(m_board, &ScheduleBoard::markAbsentModeChanged, m_toolbar, &BoardToolbar::setMarkAbsentChecked);
    connect(m_board, &ScheduleBoard::message, this, &SchedulePage::showMessage);
    connect(editor->model(), &board::BoardModel::reloaded, this, [this] { m_toolbar->setChoices(*m_editor->model()); });
    connect(editor, &BoardEditor::horizonLoading, this, [this] { showMessage(loadingText()); });
    connect(editor, &BoardEditor::horizonLoaded, this, &SchedulePage::onHorizonLoaded);
    connect(editor, &BoardEditor::problem, this, [this] {
        if (!m_editor->isLoadingHorizon())
            m_pendingDay = QDate(); // a failed load: stay where we are
    });
}

void SchedulePage::showDate(const QDate &date)
{
    const QDate day = date.isValid() ? date : QDateTime::fromMSecsSinceEpoch(m_board->nowMs(), m_board->displayZone()).date();
    const QDateTime from(day.addDays(-1), QTime(0, 0), m_board->displayZone());
    m_pendingDay = day;
    m_editor->loadHorizon(from, from.addDays(kHorizonDays));
}

void SchedulePage::setEditable(bool editable, const QString &why)
{
    const bool was = m_board->isEditable();
    m_board->setEditable(editable);
    if (!editable)
        showMessage(why.isEmpty() ? tr("Read only: your role can view the schedule but not change it.") : why);
    else if (!was)
        showMessage(QString());
}

void SchedulePage::onHorizonLoaded()
{
    if (m_message->text() == loadingText())
        showMessage(QString());
    if (!m_pendingDay.isValid())
        return;
    const QDate day = m_pendingDay;
    m_pendingDay = QDate();
    m_toolbar->setDate(day);
    m_board->scrollToTime(QDateTime(day, QTime(7, 0), m_board->displayZone()).toMSecsSinceEpoch(), 0.02);
}

QString SchedulePage::loadingText() const { return tr("Loading the schedule…"); }

void SchedulePage::showMessage(const QString &text, ScheduleBoard::MessageKind kind)
{
    m_message->setText(text);
    m_messageKind = kind;
    switch (kind) {
    case ScheduleBoard::MessageKind::Refusal:
        m_message->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(colours::css(colours::alarm())));
        break;
    case ScheduleBoard::MessageKind::Warning:
        m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::warning())));
        break;
    case ScheduleBoard::MessageKind::Info:
        m_message->setStyleSheet(QString());
        break;
    }
}

} // namespace fieldops::widgets
