#pragma once
// Everything about the connection as the user sees it: the Connect… action and dialog,
// the status bar (state badge, backend and database, acting user, last refresh), the
// offer to initialise an empty database, and message boxes for the session's errors
// (the window layer is the only place errors become dialogs).
#include "storage/DatabaseUrl.h"

#include <QObject>

class QAction;
class QLabel;
class QMainWindow;

namespace fieldops {
class ConsoleSession;
struct StartupTarget;
struct Error;
struct Permissions;
}
namespace fieldops::widgets {
class StatusBadge;
}

namespace fieldops::gui {
class PasswordStore;

class ConnectionController : public QObject {
    Q_OBJECT
public:
    ConnectionController(QMainWindow *window, ConsoleSession *session);

    QAction *connectAction() const { return m_connectAction; }
    // File → Open another database…: the first-run choices again (FirstRunController).
    QAction *openAnotherAction() const { return m_openAnotherAction; }
    widgets::StatusBadge *badge() const { return m_badge; }
    QLabel *databaseLabel() const { return m_database; }
    QLabel *userLabel() const { return m_user; }
    // What the connected role may change ("May edit: schedule"), or "View only".
    QLabel *roleLabel() const { return m_role; }
    static QString describe(const Permissions &permissions);

    void connectTo(const DatabaseUrl &url);
    void showConnectDialog();
    void showOpenAnotherDialog();
    // What start-up or the first-run dialog chose: seeds the demo when asked (with its
    // progress dialog), takes a server's password from the keychain when one is kept, and
    // connects.
    void open(const StartupTarget &target);

    // Tests run without anyone to answer questions: errors are logged, not shown, and
    // an empty database is not initialised unless asked.
    void setInteractive(bool interactive) { m_interactive = interactive; }

private:
    void onStateChanged();
    void onSchemaMissing();
    void onError(const Error &error);
    void onRefreshed();
    void onPermissionsChanged();

    QMainWindow *m_window;
    ConsoleSession *m_session;
    PasswordStore *m_passwords;
    QAction *m_connectAction;
    QAction *m_openAnotherAction;
    widgets::StatusBadge *m_badge;
    QLabel *m_database;
    QLabel *m_user;
    QLabel *m_role;
    QLabel *m_refresh;
    bool m_interactive = true;
    bool m_errorShowing = false;
};

} // namespace fieldops::gui
