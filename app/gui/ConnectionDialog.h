#pragma once
// "Connect to a database": recent connections, the connection form, "remember password"
// (system keychain only), and a Test button that connects off the GUI thread and says
// what it found. Accepting returns the URL with its password; the caller connects.
#include "storage/DatabaseUrl.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace fieldops::widgets {
class ConnectionForm;
}

namespace fieldops::gui {
class PasswordStore;

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    ConnectionDialog(PasswordStore *passwords, QWidget *parent = nullptr);
    void setUrl(const DatabaseUrl &url);
    // As if picked from the Recent list: fills the form and the kept password, if any.
    void chooseRecent(const QString &displayUrl);
    // After acceptance: keeps the password in the keychain or forgets it, as ticked.
    void applyRememberPassword();
    // Valid once accepted.
    DatabaseUrl url() const { return m_accepted; }
    bool rememberPassword() const;

    widgets::ConnectionForm *form() const { return m_form; }
    QComboBox *recentCombo() const { return m_recent; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResultLabel() const { return m_testResult; }
    // For tests: the pending connection test, if any.
    bool isTesting() const { return m_watcher.isRunning(); }

    void accept() override;

private:
    struct TestOutcome {
        bool ok = false;
        QString message;
    };
    void pickRecent(int index);
    void runTest();
    void showTestOutcome();
    void updateRememberEnabled();

    PasswordStore *m_passwords;
    QComboBox *m_recent;
    widgets::ConnectionForm *m_form;
    QCheckBox *m_remember;
    QPushButton *m_test;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<TestOutcome> m_watcher;
    DatabaseUrl m_accepted;
};

} // namespace fieldops::gui
