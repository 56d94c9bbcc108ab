#pragma once
// Makes the first-run dialog's choices real: the demo file in the data folder, a server
// through the usual connection dialog (its recent list and kept passwords), or a new
// SQLite file with the schema created in it. A choice that works is remembered for the
// next start (StartupChoice); one that fails is explained in the dialog, which stays up.
#include "startup/StartupDatabase.h"

#include <QObject>
#include <memory>
#include <optional>

class QWidget;

namespace fieldops::widgets {
class FirstRunDialog;
}

namespace fieldops::gui {
class PasswordStore;

class FirstRunController : public QObject {
    Q_OBJECT
public:
    FirstRunController(PasswordStore *passwords, QWidget *parent = nullptr);
    ~FirstRunController() override;

    widgets::FirstRunDialog *dialog() const { return m_dialog.get(); }

    // Blocks until a choice worked (remembered, and returned with the password the user
    // typed, if any) or the user quit (nothing, and nothing remembered).
    std::optional<StartupTarget> run();

private:
    void openDemo();
    void openServer(const QString &recentDisplayUrl);
    void openFile(const QString &path);
    void finish(StartupKind kind, const DatabaseUrl &url, bool seedDemo);

    PasswordStore *m_passwords;
    std::unique_ptr<widgets::FirstRunDialog> m_dialog;
    std::optional<StartupTarget> m_target;
};

} // namespace fieldops::gui
