#include "controllers/ConnectionController.h"

#include "ConnectionDialog.h"
#include "DemoSeedRunner.h"
#include "FirstRunController.h"
#include "PasswordStore.h"
#include "common/ElidedLabel.h"
#include "common/StatusBadge.h"
#include "session/ConsoleSession.h"
#include "settings/RecentConnections.h"
#include "startup/FirstRunDialog.h"
#include "startup/StartupDatabase.h"

#include <QAction>
#include <QDateTime>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

Q_LOGGING_CATEGORY(lcConnection, "fieldops.gui.connection")

namespace fieldops::gui {

ConnectionController::ConnectionController(QMainWindow *window, ConsoleSession *session)
    : QObject(window), m_window(window), m_session(session), m_passwords(new PasswordStore(this))
{
    m_connectAction = new QAction(QIcon(QStringLiteral(":/fieldops/icons/connect.svg")), tr("&Connect…"), this);
    m_connectAction->setObjectName(QStringLiteral("actionConnect"));
    m_connectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_connectAction->setStatusTip(tr("Connect to a SQLite file or a PostgreSQL server"));
    connect(m_connectAction, &QAction::triggered, this, &ConnectionController::showConnectDialog);
    m_openAnotherAction = new QAction(tr("&Open another database…"), this);
    m_openAnotherAction->setObjectName(QStringLiteral("actionOpenAnotherDatabase"));
    m_openAnotherAction->setStatusTip(tr("Open the demo, a server or a database file, and start with it next time"));
    connect(m_openAnotherAction, &QAction::triggered, this, &ConnectionController::showOpenAnotherDialog);

    m_badge = new widgets::StatusBadge(window);
    m_badge->setObjectName(QStringLiteral("connectionBadge"));
    // The path and the rights can be long: they end in "…" rather than widen the window.
    m_database = new widgets::ElidedLabel(window);
    m_database->setObjectName(QStringLiteral("databaseLabel"));
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_user = new QLabel(window);
    m_user->setObjectName(QStringLiteral("userLabel"));
    m_role = new widgets::ElidedLabel(window);
    m_role->setObjectName(QStringLiteral("roleLabel"));
    m_role->setToolTip(tr("What your database role may change. The server enforces it; the console only hides what "
                          "would be refused."));
    m_refresh = new QLabel(window);
    m_refresh->setObjectName(QStringLiteral("refreshLabel"));
    QStatusBar *bar = window->statusBar();
    bar->addPermanentWidget(m_refresh);
    bar->addPermanentWidget(m_database);
    bar->addPermanentWidget(m_user);
    bar->addPermanentWidget(m_role);
    bar->addPermanentWidget(m_badge);

    connect(session, &ConsoleSession::stateChanged, this, &ConnectionController::onStateChanged);
    connect(session, &ConsoleSession::schemaMissing, this, &ConnectionController::onSchemaMissing);
    connect(session, &ConsoleSession::errorOccurred, this, &ConnectionController::onError);
    connect(session, &ConsoleSession::refreshed, this, &ConnectionController::onRefreshed);
    connect(session, &ConsoleSession::permissionsChanged, this, &ConnectionController::onPermissionsChanged);
    onStateChanged();
    onPermissionsChanged();
}

void ConnectionController::connectTo(const DatabaseUrl &url) { m_session->connectTo(url); }

void ConnectionController::showConnectDialog()
{
    ConnectionDialog dialog(m_passwords, m_window);
    if (m_session->state() != ConsoleSession::State::Disconnected)
        dialog.setUrl(m_session->url());
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.applyRememberPassword();
    connectTo(dialog.url());
}

void ConnectionController::showOpenAnotherDialog()
{
    FirstRunController firstRun(m_passwords, m_window);
    firstRun.dialog()->setReopened();
    if (const auto target = firstRun.run())
        open(*target);
}

void ConnectionController::open(const StartupTarget &target)
{
    if (target.seedDemo) {
        // The demo as of the wall clock: a working day around now, nothing "created" later.
        auto seeded = seedDemoIfEmpty(target.url, demoOptionsAt(QDateTime::currentDateTimeUtc()), m_window);
        // Cancelled or failed: still open the console, on whatever the database holds.
        if (!seeded && seeded.error().kind != Error::Kind::Cancelled) {
            qCWarning(lcConnection) << "demo seeding failed:" << seeded.error().message << seeded.error().detail;
            if (m_interactive)
                QMessageBox::warning(m_window, tr("FieldOps demo"), seeded.error().message);
        }
    }
    const DatabaseUrl url = target.url;
    // A remembered server carries no password (settings never hold one): the keychain may.
    if (url.dialect == Dialect::PostgreSQL && url.password.isEmpty() && PasswordStore::isAvailable()) {
        m_passwords->lookup(url.toDisplayString(), this, [this, url](const QString &password) {
            DatabaseUrl withPassword = url;
            withPassword.password = password;
            connectTo(withPassword);
        });
        return;
    }
    connectTo(url);
}

void ConnectionController::onStateChanged()
{
    using State = ConsoleSession::State;
    using Badge = widgets::StatusBadge::State;
    const State s = m_session->state();
    switch (s) {
    case State::Disconnected: m_badge->setState(Badge::Error, tr("Disconnected")); break;
    case State::Connecting: m_badge->setState(Badge::Idle, tr("Connecting…")); break;
    case State::SchemaMissing: m_badge->setState(Badge::Warning, tr("No schema")); break;
    case State::Connected: m_badge->setState(Badge::Ok, tr("Connected")); break;
    case State::ReadOnly: m_badge->setState(Badge::Warning, tr("Read-only")); break;
    case State::Lost: m_badge->setState(Badge::Error, tr("Disconnected, showing last data")); break;
    }
    const bool known = s != State::Disconnected;
    const DatabaseUrl &u = m_session->url();
    m_database->setText(known ? tr("%1: %2").arg(u.dialect == Dialect::SQLite ? tr("SQLite") : tr("PostgreSQL"),
                                                  u.toDisplayString())
                              : QString());
    const QString actor = m_session->connectionInfo().actor;
    m_user->setText(actor.isEmpty() ? QString() : tr("User: %1").arg(actor));
    m_window->setWindowTitle(known ? tr("FieldOps Console — %1").arg(u.dialect == Dialect::SQLite ? u.path : u.database)
                                   : tr("FieldOps Console"));
    if (s == State::Connected || s == State::ReadOnly)
        settings::rememberConnection(u);
}

void ConnectionController::onSchemaMissing()
{
    if (!m_interactive) {
        qCInfo(lcConnection) << "database has no schema:" << m_session->url().toDisplayString();
        return;
    }
    const auto answer = QMessageBox::question(
        m_window, tr("Initialise the database?"),
        tr("%1 has no FieldOps schema yet.\n\nCreate the tables now? Nothing else in the database is changed.")
            .arg(m_session->url().toDisplayString()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        m_session->initialiseSchema();
}

void ConnectionController::onError(const Error &error)
{
    qCWarning(lcConnection) << errorKindName(error.kind) << error.message << error.detail;
    // One box at a time: a dead server makes every pending job fail at once.
    if (!m_interactive || m_errorShowing)
        return;
    m_errorShowing = true;
    QMessageBox box(QMessageBox::Warning, tr("FieldOps"), error.message, QMessageBox::Ok, m_window);
    if (!error.detail.isEmpty() && error.detail != error.message)
        box.setDetailedText(error.detail);
    if (m_session->state() == ConsoleSession::State::Disconnected) {
        QPushButton *connectButton = box.addButton(tr("Connect…"), QMessageBox::AcceptRole);
        box.exec();
        m_errorShowing = false;
        if (box.clickedButton() == connectButton)
            showConnectDialog();
        return;
    }
    box.exec();
    m_errorShowing = false;
}

QString ConnectionController::describe(const Permissions &p)
{
    QStringList may;
    if (p.editSchedule)
        may << tr("schedule");
    if (p.editWorkOrders)
        may << tr("work orders");
    if (p.editAbsences)
        may << tr("absences");
    if (p.reviewTime)
        may << tr("time entries");
    if (p.editCustomers)
        may << tr("customers");
    if (p.editContracts)
        may << tr("contracts");
    if (p.editTechnicians)
        may << tr("technicians");
    if (p.editTargets)
        may << tr("KPI targets");
    QString text = may.isEmpty() ? tr("View only") : tr("May edit: %1").arg(may.join(QStringLiteral(", ")));
    if (p.manageUsers)
        text += tr(" · manages users");
    return text;
}

void ConnectionController::onPermissionsChanged()
{
    // Nothing to say while not connected: the badge says that already.
    m_role->setText(m_session->isUsable() ? describe(m_session->permissions()) : QString());
}

void ConnectionController::onRefreshed()
{
    m_refresh->setText(tr("Updated %1").arg(QLocale().toString(m_session->lastRefresh().toLocalTime().time(), QLocale::ShortFormat)));
}

} // namespace fieldops::gui
