#include "connection/ConnectionForm.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
enum Backend { SqliteBackend = 0, PostgresBackend = 1 };

QWidget *withBrowse(QLineEdit *edit, QToolButton *button)
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(edit, 1);
    h->addWidget(button);
    return row;
}
} // namespace

ConnectionForm::ConnectionForm(QWidget *parent) : QWidget(parent)
{
    m_backend = new QComboBox(this);
    m_backend->addItem(tr("SQLite file (one person, demo, laptop)"));
    m_backend->addItem(tr("PostgreSQL server (shared)"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSqlitePage());
    m_pages->addWidget(buildPostgresPage());

    auto *top = new QFormLayout;
    top->addRow(tr("&Backend:"), m_backend);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(top);
    v->addWidget(m_pages);

    connect(m_backend, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_pages->setCurrentIndex(i);
        emit changed();
    });
}

QWidget *ConnectionForm::buildSqlitePage()
{
    auto *page = new QWidget;
    m_sqlitePath = new QLineEdit(page);
    m_sqlitePath->setPlaceholderText(DatabaseUrl::defaultSqlitePath());
    auto *browse = new QToolButton(page);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &ConnectionForm::browseSqlite);
    connect(m_sqlitePath, &QLineEdit::textChanged, this, &ConnectionForm::changed);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&File:"), withBrowse(m_sqlitePath, browse));
    return page;
}

QWidget *ConnectionForm::buildPostgresPage()
{
    auto *page = new QWidget;
    m_host = new QLineEdit(page);
    m_host->setPlaceholderText(QStringLiteral("localhost"));
    m_port = new QSpinBox(page);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(page);
    m_database->setPlaceholderText(QStringLiteral("fieldops"));
    m_user = new QLineEdit(page);
    m_password = new QLineEdit(page);
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox(page);
    // Empty = libpq's default (prefer); the others are libpq's words, not translated.
    m_sslMode->addItem(tr("default"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_rootCert = new QLineEdit(page);
    m_rootCert->setPlaceholderText(tr("only for verify-ca / verify-full"));
    auto *browse = new QToolButton(page);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &ConnectionForm::browseRootCert);

    for (QLineEdit *e : {m_host, m_database, m_user, m_password, m_rootCert})
        connect(e, &QLineEdit::textChanged, this, &ConnectionForm::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionForm::changed);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionForm::changed);

    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&SSL mode:"), m_sslMode);
    form->addRow(tr("&Root certificate:"), withBrowse(m_rootCert, browse));
    return page;
}

void ConnectionForm::browseSqlite()
{
    const QString start = m_sqlitePath->text().isEmpty() ? DatabaseUrl::defaultSqlitePath() : m_sqlitePath->text();
    // Save-style dialog: choosing a new file name is how a fresh database is created.
    const QString file = QFileDialog::getSaveFileName(this, tr("SQLite database file"), start,
                                                      tr("SQLite databases (*.db *.sqlite);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_sqlitePath->setText(QDir::toNativeSeparators(file));
}

void ConnectionForm::browseRootCert()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Root certificate"), m_rootCert->text(),
                                                      tr("Certificates (*.crt *.pem);;All files (*)"));
    if (!file.isEmpty())
        m_rootCert->setText(QDir::toNativeSeparators(file));
}

Result<DatabaseUrl> ConnectionForm::url() const
{
    DatabaseUrl u;
    if (m_backend->currentIndex() == SqliteBackend) {
        u.dialect = Dialect::SQLite;
        QString path = QDir::fromNativeSeparators(m_sqlitePath->text().trimmed());
        if (path.isEmpty())
            path = DatabaseUrl::defaultSqlitePath();
        if (!QDir::isAbsolutePath(path))
            return Error::invalid(tr("the SQLite file needs an absolute path"));
        u.path = QDir::cleanPath(path);
        return u;
    }
    u.dialect = Dialect::PostgreSQL;
    u.host = m_host->text().trimmed();
    if (u.host.isEmpty())
        return Error::invalid(tr("enter the PostgreSQL server's host name"));
    u.port = m_port->value();
    u.database = m_database->text().trimmed();
    if (u.database.isEmpty())
        return Error::invalid(tr("enter the database name"));
    u.user = m_user->text().trimmed();
    u.password = m_password->text();
    u.sslMode = m_sslMode->currentData().toString();
    u.sslRootCert = QDir::fromNativeSeparators(m_rootCert->text().trimmed());
    return u;
}

void ConnectionForm::setUrl(const DatabaseUrl &u)
{
    if (u.dialect == Dialect::SQLite) {
        m_backend->setCurrentIndex(SqliteBackend);
        m_sqlitePath->setText(QDir::toNativeSeparators(u.path));
        return;
    }
    m_backend->setCurrentIndex(PostgresBackend);
    m_host->setText(u.host);
    m_port->setValue(u.port);
    m_database->setText(u.database);
    m_user->setText(u.user);
    m_password->setText(u.password);
    const int ssl = m_sslMode->findData(u.sslMode);
    m_sslMode->setCurrentIndex(ssl < 0 ? 0 : ssl);
    m_rootCert->setText(QDir::toNativeSeparators(u.sslRootCert));
}

} // namespace fieldops::widgets
