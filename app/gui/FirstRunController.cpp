#include "FirstRunController.h"

#include "ConnectionDialog.h"
#include "settings/RecentConnections.h"
#include "startup/FirstRunDialog.h"

#include <QApplication>

namespace fieldops::gui {

FirstRunController::FirstRunController(PasswordStore *passwords, QWidget *parent)
    : QObject(parent), m_passwords(passwords), m_dialog(std::make_unique<widgets::FirstRunDialog>(parent))
{
    // Only servers: a recent SQLite file is either the demo or the user's own file,
    // offered by the other two buttons.
    QStringList servers;
    for (const QString &url : settings::recentConnectionList())
        if (url.startsWith(QLatin1String("postgres")))
            servers << url;
    m_dialog->setRecentServers(servers);
    connect(m_dialog.get(), &widgets::FirstRunDialog::demoRequested, this, &FirstRunController::openDemo);
    connect(m_dialog.get(), &widgets::FirstRunDialog::serverRequested, this, &FirstRunController::openServer);
    connect(m_dialog.get(), &widgets::FirstRunDialog::fileRequested, this, &FirstRunController::openFile);
}

FirstRunController::~FirstRunController() = default;

std::optional<StartupTarget> FirstRunController::run()
{
    m_target.reset();
    if (m_dialog->exec() != QDialog::Accepted)
        return std::nullopt;
    return m_target;
}

void FirstRunController::openDemo() { finish(StartupKind::Demo, demoDatabaseUrl(), true); }

void FirstRunController::openServer(const QString &recentDisplayUrl)
{
    ConnectionDialog connection(m_passwords, m_dialog.get());
    if (!recentDisplayUrl.isEmpty())
        connection.chooseRecent(recentDisplayUrl);
    if (connection.exec() != QDialog::Accepted)
        return; // back to the three choices
    connection.applyRememberPassword();
    const DatabaseUrl url = connection.url();
    // The connection dialog also takes a SQLite file: remembered as the user's own file.
    finish(url.dialect == Dialect::PostgreSQL ? StartupKind::Server : StartupKind::File, url, false);
}

void FirstRunController::openFile(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<DatabaseUrl> prepared = prepareDatabaseFile(path);
    QApplication::restoreOverrideCursor();
    if (!prepared) {
        m_dialog->showProblem(prepared.error().message);
        return;
    }
    finish(StartupKind::File, *prepared, false);
}

void FirstRunController::finish(StartupKind kind, const DatabaseUrl &url, bool seedDemo)
{
    StartupChoice{kind, url.toDisplayString()}.remember();
    StartupTarget target;
    target.source = StartupTarget::Source::FirstRun;
    target.url = url;
    target.kind = kind;
    target.seedDemo = seedDemo;
    m_target = target;
    m_dialog->accept();
}

} // namespace fieldops::gui
