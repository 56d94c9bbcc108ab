#include "controllers/UsersTabController.h"

#include "session/ConsoleSession.h"
#include "users/UserService.h"
#include "users/UsersView.h"

#include <QCoreApplication>

namespace fieldops::gui {

UsersTabController::UsersTabController(ConsoleSession *session) : m_session(session)
{
    auto *service = new UserService;
    m_view = new widgets::UsersView(service);
    service->setParent(m_view);
    m_service = service;
    QObject::connect(session, &ConsoleSession::stateChanged, m_view, [this](ConsoleSession::State) { onSessionState(); });
}

void UsersTabController::onSessionState()
{
    if (!m_session->isUsable())
        return;
    // Users and roles live on a PostgreSQL server; the view says so for a SQLite file.
    // A reconnect to the same database keeps what is on screen.
    const QString url = m_session->url().toString(true);
    if (m_service->hasDatabase() && url == m_lastUrl)
        return;
    m_lastUrl = url;
    m_service->setDatabaseUrl(m_session->url());
    m_view->reload();
}

QString UsersTabController::id() const { return QStringLiteral("users"); }

QString UsersTabController::title() const { return QCoreApplication::translate("MainWindow", "Users"); }

QWidget *UsersTabController::widget() { return m_view; }

} // namespace fieldops::gui
