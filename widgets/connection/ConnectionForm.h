#pragma once
// The fields of a database connection: SQLite file (with a browse button) or PostgreSQL
// host, port, database, user, password, sslmode and root certificate. It turns its fields
// into a DatabaseUrl and back; it never connects and never stores anything.
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace fieldops::widgets {

class ConnectionForm : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    // Invalid when a required field is empty or a value is malformed.
    Result<DatabaseUrl> url() const;
    void setUrl(const DatabaseUrl &url);

    // Named access for tests and for the dialog's tab order.
    QComboBox *backendCombo() const { return m_backend; }
    QLineEdit *sqlitePathEdit() const { return m_sqlitePath; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *sslModeCombo() const { return m_sslMode; }
    QLineEdit *rootCertEdit() const { return m_rootCert; }

signals:
    void changed();

private:
    QWidget *buildSqlitePage();
    QWidget *buildPostgresPage();
    void browseSqlite();
    void browseRootCert();

    QComboBox *m_backend;
    QStackedWidget *m_pages;
    QLineEdit *m_sqlitePath = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_rootCert = nullptr;
};

} // namespace fieldops::widgets
