#pragma once
// `sqlite:///abs/path.db` or `postgresql://user[:password]@host:port/db?sslmode=…`
// (from --db or FIELDOPS_DB). Parsing never throws: a bad URL is an Invalid error with a
// one-line reason.
#include "util/Result.h"

#include <QString>

namespace fieldops {

enum class Dialect { SQLite, PostgreSQL };

struct DatabaseUrl {
    Dialect dialect = Dialect::SQLite;
    QString path; // SQLite: absolute file path
    QString host; // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString sslMode;     // disable | allow | prefer | require | verify-ca | verify-full
    QString sslRootCert; // path

    static Result<DatabaseUrl> parse(const QString &text);
    static QString defaultSqlitePath(); // AppDataLocation/fieldops.db
    // Without the password: safe for settings files, logs and the status bar.
    QString toDisplayString() const;
    QString toString(bool withPassword) const;
    // libpq connection options for QSqlDatabase::setConnectOptions.
    QString pgConnectOptions() const;
};

} // namespace fieldops
