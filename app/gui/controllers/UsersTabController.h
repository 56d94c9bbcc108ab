#pragma once
// The "Users" tab for admins: the Users view over its own UserService (queries off the
// GUI thread), pointed at the session's database whenever the session connects. Whether
// the tab is shown at all (Permissions::manageUsers) is the window's decision.
#include "controllers/TabController.h"

#include <QString>

namespace fieldops {
class ConsoleSession;
class UserService;
}
namespace fieldops::widgets {
class UsersView;
}

namespace fieldops::gui {

class UsersTabController : public TabController {
public:
    explicit UsersTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;
    widgets::UsersView *view() const { return m_view; }
    UserService *service() const { return m_service; }

private:
    void onSessionState();
    ConsoleSession *m_session;
    widgets::UsersView *m_view; // owned by the tab widget once added
    UserService *m_service;     // child of the view
    QString m_lastUrl;          // the database the service reads
};

} // namespace fieldops::gui
