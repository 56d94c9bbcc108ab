#include "ConnectionDialog.h"

#include "PasswordStore.h"
#include "connection/ConnectionForm.h"
#include "repositories/ConnectionProbe.h"
#include "settings/RecentConnections.h"
#include "storage/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace fieldops::gui {

ConnectionDialog::ConnectionDialog(PasswordStore *passwords, QWidget *parent) : QDialog(parent), m_passwords(passwords)
{
    setWindowTitle(tr("Connect to a database"));
    m_recent = new QComboBox(this);
    m_recent->setObjectName(QStringLiteral("recentConnections"));
    m_recent->addItem(tr("(new connection)"));
    for (const QString &u : settings::recentConnectionList())
        m_recent->addItem(u, u);

    m_form = new widgets::ConnectionForm(this);
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), this);
    if (!PasswordStore::isAvailable())
        m_remember->setToolTip(tr("This build has no keychain support: passwords are never stored."));

    m_test = new QPushButton(tr("&Test connection"), this);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_buttons->addButton(m_test, QDialogButtonBox::ActionRole);

    auto *recentRow = new QFormLayout;
    recentRow->addRow(tr("&Recent:"), m_recent);
    auto *v = new QVBoxLayout(this);
    v->addLayout(recentRow);
    v->addWidget(m_form);
    v->addWidget(m_remember);
    v->addWidget(m_testResult);
    v->addStretch(1);
    v->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_recent, &QComboBox::activated, this, &ConnectionDialog::pickRecent);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::runTest);
    connect(&m_watcher, &QFutureWatcher<TestOutcome>::finished, this, &ConnectionDialog::showTestOutcome);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_form, &widgets::ConnectionForm::changed, this, [this] {
        m_testResult->clear();
        updateRememberEnabled();
    });
    updateRememberEnabled();
}

void ConnectionDialog::setUrl(const DatabaseUrl &url) { m_form->setUrl(url); }

void ConnectionDialog::chooseRecent(const QString &displayUrl)
{
    const int index = m_recent->findData(displayUrl);
    if (index < 0)
        return;
    m_recent->setCurrentIndex(index);
    pickRecent(index);
}

void ConnectionDialog::applyRememberPassword()
{
    if (m_accepted.dialect != Dialect::PostgreSQL)
        return;
    if (rememberPassword() && !m_accepted.password.isEmpty())
        m_passwords->store(m_accepted.toDisplayString(), m_accepted.password);
    else if (PasswordStore::isAvailable())
        m_passwords->remove(m_accepted.toDisplayString());
}

bool ConnectionDialog::rememberPassword() const { return m_remember->isEnabled() && m_remember->isChecked(); }

void ConnectionDialog::updateRememberEnabled()
{
    auto u = m_form->url();
    m_remember->setEnabled(PasswordStore::isAvailable() && u.ok() && u->dialect == Dialect::PostgreSQL);
}

void ConnectionDialog::pickRecent(int index)
{
    const QString text = m_recent->itemData(index).toString();
    if (text.isEmpty())
        return;
    auto u = DatabaseUrl::parse(text);
    if (!u)
        return;
    m_form->setUrl(*u);
    if (u->dialect == Dialect::PostgreSQL && PasswordStore::isAvailable()) {
        // Recent entries carry no password; fill it from the keychain if one is kept.
        m_passwords->lookup(text, this, [this](const QString &password) {
            if (password.isEmpty())
                return;
            m_form->passwordEdit()->setText(password);
            m_remember->setChecked(true);
        });
    }
}

void ConnectionDialog::runTest()
{
    auto u = m_form->url();
    if (!u) {
        m_testResult->setText(u.error().message);
        return;
    }
    if (m_watcher.isRunning())
        return;
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(u->toDisplayString()));
    const DatabaseUrl url = *u;
    // A throwaway connection in a pool thread: the dialog stays responsive while a
    // server takes its time to answer (or not).
    m_watcher.setFuture(QtConcurrent::run([url]() -> TestOutcome {
        auto db = Database::open(url);
        if (!db)
            return {false, db.error().message};
        auto info = probeConnection(**db);
        if (!info)
            return {false, info.error().message};
        QString what;
        if (info->schemaVersion == 0)
            what = tr("connected; the database has no FieldOps schema yet (it can be initialised after connecting)");
        else if (info->schemaVersion < info->latestVersion)
            what = tr("connected; schema version %1 will be upgraded to %2").arg(info->schemaVersion).arg(info->latestVersion);
        else
            what = tr("connected; schema version %1").arg(info->schemaVersion);
        if (info->readOnly)
            what += tr(", read-only for %1").arg(info->actor);
        else
            what += tr(", writable as %1").arg(info->actor);
        return {true, what};
    }));
}

void ConnectionDialog::showTestOutcome()
{
    m_test->setEnabled(true);
    const TestOutcome o = m_watcher.result();
    m_testResult->setText((o.ok ? tr("✔ ") : tr("✘ ")) + o.message);
}

void ConnectionDialog::accept()
{
    auto u = m_form->url();
    if (!u) {
        QMessageBox::warning(this, windowTitle(), u.error().message);
        return;
    }
    m_accepted = *u;
    QDialog::accept();
}

} // namespace fieldops::gui
