#include "storage/DatabaseUrl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace fieldops {

namespace {
const QStringList kSslModes{QStringLiteral("disable"), QStringLiteral("allow"),
                            QStringLiteral("prefer"), QStringLiteral("require"),
                            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error::invalid(QObject::tr("empty database URL"));
    DatabaseUrl u;
    if (t.startsWith(QLatin1String("sqlite://"))) {
        u.dialect = Dialect::SQLite;
        QString path = QUrl::fromPercentEncoding(t.mid(int(qstrlen("sqlite://"))).toUtf8());
        if (path.isEmpty() || !QDir::isAbsolutePath(path))
            return Error::invalid(QObject::tr("SQLite URL needs an absolute path, e.g. sqlite:///home/me/fieldops.db (got \"%1\")").arg(t));
        u.path = QDir::cleanPath(path);
        return u;
    }
    if (t.startsWith(QLatin1String("postgresql://")) || t.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid())
            return Error::invalid(QObject::tr("malformed PostgreSQL URL: %1").arg(url.errorString()));
        u.dialect = Dialect::PostgreSQL;
        u.host = url.host();
        if (u.host.isEmpty())
            return Error::invalid(QObject::tr("PostgreSQL URL has no host (expected postgresql://user@host:port/db)"));
        u.port = url.port(5432);
        if (u.port <= 0 || u.port > 65535)
            return Error::invalid(QObject::tr("PostgreSQL URL has an invalid port"));
        u.user = url.userName();
        u.password = url.password();
        u.database = url.path().mid(1);
        if (u.database.isEmpty() || u.database.contains(QLatin1Char('/')))
            return Error::invalid(QObject::tr("PostgreSQL URL has no database name (expected postgresql://user@host:port/db)"));
        const QUrlQuery q(url);
        for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("sslmode")) {
                if (!kSslModes.contains(value))
                    return Error::invalid(QObject::tr("unknown sslmode \"%1\" (one of %2)").arg(value, kSslModes.join(QStringLiteral(", "))));
                u.sslMode = value;
            } else if (key == QLatin1String("sslrootcert")) {
                u.sslRootCert = value;
            } else {
                return Error::invalid(QObject::tr("unknown PostgreSQL URL option \"%1\" (sslmode, sslrootcert)").arg(key));
            }
        }
        return u;
    }
    return Error::invalid(QObject::tr("database URL must start with sqlite:/// or postgresql:// (got \"%1\")").arg(t));
}

QString DatabaseUrl::defaultSqlitePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/fieldops");
    return QDir(dir).filePath(QStringLiteral("fieldops.db"));
}

QString DatabaseUrl::toString(bool withPassword) const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("sqlite://") + path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    // Decoded mode: a '%', '@' or ':' typed in the dialog is part of the name, not URL syntax.
    url.setUserName(user, QUrl::DecodedMode);
    if (withPassword && !password.isEmpty())
        url.setPassword(password, QUrl::DecodedMode);
    url.setPath(QLatin1Char('/') + database, QUrl::DecodedMode);
    // Query values are encoded here so '&', '=', '+', '#' and '%' in a path survive.
    const auto encoded = [](const QString &v) {
        QString e = v;
        return e.replace(QLatin1Char('%'), QStringLiteral("%25"))
            .replace(QLatin1Char('&'), QStringLiteral("%26"))
            .replace(QLatin1Char('='), QStringLiteral("%3D"))
            .replace(QLatin1Char('+'), QStringLiteral("%2B"))
            .replace(QLatin1Char('#'), QStringLiteral("%23"));
    };
    QUrlQuery q;
    if (!sslMode.isEmpty())
        q.addQueryItem(QStringLiteral("sslmode"), encoded(sslMode));
    if (!sslRootCert.isEmpty())
        q.addQueryItem(QStringLiteral("sslrootcert"), encoded(sslRootCert));
    url.setQuery(q);
    // Readable when that form parses back to the same URL, fully encoded otherwise.
    const QString pretty = url.toString();
    if (QUrl(pretty, QUrl::StrictMode).isValid() && QUrl(pretty, QUrl::StrictMode).userName() == user)
        return pretty;
    return url.toString(QUrl::FullyEncoded);
}

QString DatabaseUrl::toDisplayString() const { return toString(false); }

QString DatabaseUrl::pgConnectOptions() const
{
    QStringList opts{QStringLiteral("connect_timeout=5"), QStringLiteral("application_name=fieldops")};
    if (!sslMode.isEmpty())
        opts << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty()) {
        // libpq quoting, so a space or quote in the path stays part of it (';' is refused
        // at open: the Qt driver turns it into a separator).
        QString quoted = sslRootCert;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
        opts << QStringLiteral("sslrootcert='%1'").arg(quoted);
    }
    return opts.join(QLatin1Char(';'));
}

} // namespace fieldops
