// `fieldops-cli user list | set-role | set-territories | disable | enable` as an admin
// runs them: the real binary (FIELDOPS_CLI) against the real test PostgreSQL server.
// Each change is checked where the server keeps it (pg_auth_members, pg_roles,
// user_territories) and by what the login may then do; every refusal (a non-admin,
// unknown names, hostile names, one's own login, SQLite) exits with its code, says one
// line on stderr and leaves the database and the roles exactly as they were.
#include "PgTestServer.h"
#include "CliRunner.h"
#include "TestDatabases.h"
#include "session/ConsoleSession.h"
#include "users/UserDirectory.h"
#include "users/UserReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

QString describe(const CliRun &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}

// Exactly one "error: …" line on stderr.
bool oneErrorLine(const CliRun &r)
{
    const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.size() == 1 && lines.first().startsWith(QLatin1String("error: "));
}

const QString kHostile = QStringLiteral("x\"; DROP ROLE boss; --");
const QString kSpaced = QStringLiteral("Ana Maria O'Neil");

} // namespace

class TestUsersCli : public QObject {
    Q_OBJECT
    QString m_dbName;
    std::unique_ptr<Database> m_super; // the superuser's connection, for looking behind the CLI

    QString urlAs(const QString &user) const { return test::PgTestServer::shared()->urlFor(m_dbName, user); }
    CliRun as(const QString &user, const QStringList &args) const { return runCli(urlAs(user), args); }
    CliRun asBoss(const QStringList &args) const { return as(QStringLiteral("boss"), args); }

    // The roles as the server keeps them (memberships, LOGIN, CREATEROLE) and every table.
    QString serverState()
    {
        QString out;
        auto q = m_super->run(QStringLiteral(
            "SELECT u.rolname, u.rolcanlogin, u.rolcreaterole,"
            "       coalesce((SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m"
            "                   JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = u.oid), '')"
            "  FROM pg_roles u WHERE u.rolname NOT LIKE 'pg\\_%' ORDER BY u.rolname"));
        while (q && q->next())
            out += QStringLiteral("%1|%2|%3|%4\n").arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                                       q->value(3).toString());
        return out + test::dumpDatabase(*m_super);
    }

    bool isMember(const QString &user, const QString &group)
    {
        auto v = m_super->scalar(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ? AND g.rolname = ?"),
                                 {user, group});
        return v && v->toInt() == 1;
    }

    QJsonArray listJson()
    {
        const CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            return {};
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("users")).toArray();
    }

    QJsonObject listed(const QString &name)
    {
        for (const QJsonValue &v : listJson())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject();
        return {};
    }

    static Status write(Database &db, const QString &sql)
    {
        Transaction tx(db);
        if (!tx.status())
            return tx.status();
        auto q = db.run(sql);
        if (!q)
            return q.error();
        return tx.commit();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary");
        QString url;
        m_super = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(m_super, qPrintable(test::lastError()));
        m_dbName = url.section(QLatin1Char('/'), -1);
        for (const char *sql : {"INSERT INTO territories(id, name) VALUES ('north', 'Zona Norte'), ('south', 'Zona Sul')",
                                "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
                                "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5, -46.6)",
                                "INSERT INTO technicians(id, name, territory_id, home_lat, home_lon) VALUES "
                                "('tn', 'Nina', 'north', -23.5, -46.6), ('ts', 'Saulo', 'south', -23.6, -46.7)",
                                "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES "
                                "('w1', 's1', 60, '2026-03-01T08:00:00Z'), ('w2', 's1', 60, '2026-03-01T08:00:00Z')"})
            QVERIFY2(write(*m_super, QString::fromLatin1(sql)).ok(), sql);
        const QString super = test::PgTestServer::shared()->urlFor(m_dbName);
        for (const auto &[name, role] : std::initializer_list<std::pair<const char *, const char *>>{
                 {"boss", "admin"}, {"ana", "dispatcher"}, {"paulo", "planner"}, {"maria", "manager"}}) {
            const CliRun r = runCli(super, {QStringLiteral("user"), QStringLiteral("add"), QString::fromLatin1(name),
                                            QStringLiteral("--role"), QString::fromLatin1(role)});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        }
        // A login outside FieldOps: the commands must leave it alone.
        QVERIFY(test::PgTestServer::shared()->execAsSuperuser(m_dbName, QStringLiteral("CREATE ROLE outsider LOGIN")));
    }

    void listAsJson()
    {
        const CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &perr);
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
        auto row = [](const char *name, const char *role) {
            return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                               {QStringLiteral("role"), QString::fromLatin1(role)},
                               {QStringLiteral("territories"), QJsonArray()},
                               {QStringLiteral("disabled"), false}};
        };
        // Sorted by name; neither `outsider` nor the superuser nor the group roles.
        QCOMPARE(doc.object(), (QJsonObject{{QStringLiteral("users"),
                                             QJsonArray{row("ana", "dispatcher"), row("boss", "admin"),
                                                        row("maria", "manager"), row("paulo", "planner")}}}));
        // The directory in-process says the same.
        auto boss = test::openUrl(urlAs(QStringLiteral("boss")));
        QVERIFY2(boss, qPrintable(test::lastError()));
        auto users = UserDirectory(*boss).list();
        QVERIFY2(users.ok(), qPrintable(users.ok() ? QString() : users.error().message));
        QCOMPARE(usersToJson(*users), doc.object());
    }

    void listAsTable()
    {
        const CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4 + 1); // header, four logins, count
        QVERIFY2(lines[0].startsWith(QLatin1String("LOGIN")), qPrintable(lines[0]));
        const qsizetype roleColumn = lines[0].indexOf(QLatin1String("ROLE"));
        const qsizetype statusColumn = lines[0].indexOf(QLatin1String("STATUS"));
        QVERIFY(roleColumn > 0 && statusColumn > roleColumn);
        QVERIFY2(lines[1].startsWith(QLatin1String("ana ")), qPrintable(lines[1]));
        // Aligned: every row's role and status start under their headings.
        QCOMPARE(lines[1].indexOf(QLatin1String("dispatcher")), roleColumn);
        QCOMPARE(lines[2].indexOf(QLatin1String("admin")), roleColumn);
        QCOMPARE(lines[1].indexOf(QLatin1String("active")), statusColumn);
        QVERIFY(lines[1].contains(QLatin1String("(all)")));
        QVERIFY2(lines.last().contains(QLatin1String("4")), qPrintable(lines.last()));
    }

    void setRoleMovesMembership()
    {
        CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("paulo"), QStringLiteral("--role"),
                           QStringLiteral("dispatcher")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.contains(QLatin1String("paulo")));
        QVERIFY(isMember(QStringLiteral("paulo"), QStringLiteral("fieldops_dispatcher")));
        QVERIFY(!isMember(QStringLiteral("paulo"), QStringLiteral("fieldops_planner")));
        QCOMPARE(listed(QStringLiteral("paulo")).value(QStringLiteral("role")).toString(), QStringLiteral("dispatcher"));
        {
            auto paulo = test::openUrl(urlAs(QStringLiteral("paulo")));
            QVERIFY2(paulo, qPrintable(test::lastError()));
            QVERIFY(paulo->scalar(QStringLiteral("SELECT has_table_privilege('appointments', 'INSERT')")).value().toBool());
            QVERIFY(!paulo->scalar(QStringLiteral("SELECT has_table_privilege('contracts', 'UPDATE')")).value().toBool());
        }
        // Admins get CREATEROLE, so they can manage users in turn; everyone else loses it.
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("paulo"), QStringLiteral("--role"),
                    QStringLiteral("admin")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(m_super->scalar(QStringLiteral("SELECT rolcreaterole FROM pg_roles WHERE rolname = 'paulo'")).value().toBool());
        QVERIFY(!isMember(QStringLiteral("paulo"), QStringLiteral("fieldops_dispatcher")));
        r = as(QStringLiteral("paulo"), {QStringLiteral("user"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("paulo"), QStringLiteral("--role"),
                    QStringLiteral("planner")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(!m_super->scalar(QStringLiteral("SELECT rolcreaterole FROM pg_roles WHERE rolname = 'paulo'")).value().toBool());
        QVERIFY(isMember(QStringLiteral("paulo"), QStringLiteral("fieldops_planner")));
        QVERIFY(!isMember(QStringLiteral("paulo"), QStringLiteral("fieldops_admin")));
        auto paulo = test::openUrl(urlAs(QStringLiteral("paulo")));
        QVERIFY2(paulo, qPrintable(test::lastError()));
        QVERIFY(paulo->scalar(QStringLiteral("SELECT has_table_privilege('contracts', 'UPDATE')")).value().toBool());
        QVERIFY(!paulo->scalar(QStringLiteral("SELECT has_table_privilege('appointments', 'INSERT')")).value().toBool());
    }

    void setTerritoriesLimitsTheDispatcher()
    {
        CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("set-territories"), QStringLiteral("ana"),
                           QStringLiteral("--territory"), QStringLiteral("south")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(QStringLiteral("ana")).value(QStringLiteral("territories")).toArray(), QJsonArray{QStringLiteral("south")});
        {
            auto ana = test::openUrl(urlAs(QStringLiteral("ana")));
            QVERIFY2(ana, qPrintable(test::lastError()));
            Status north = write(*ana, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) "
                                                      "VALUES ('n1', 'w1', 'tn', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')"));
            QVERIFY(!north.ok());
            QCOMPARE(int(north.error().kind), int(Error::Kind::PermissionDenied));
            QVERIFY(write(*ana, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) "
                                               "VALUES ('s1', 'w1', 'ts', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')")).ok());
        }
        // Two territories, then none: all again.
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-territories"), QStringLiteral("ana"), QStringLiteral("--territory"),
                    QStringLiteral("south"), QStringLiteral("--territory"), QStringLiteral("north")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(QStringLiteral("ana")).value(QStringLiteral("territories")).toArray(),
                 (QJsonArray{QStringLiteral("north"), QStringLiteral("south")}));
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-territories"), QStringLiteral("ana")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(QStringLiteral("ana")).value(QStringLiteral("territories")).toArray(), QJsonArray());
        QCOMPARE(m_super->scalar(QStringLiteral("SELECT count(*) FROM user_territories WHERE role_name = 'ana'")).value().toInt(), 0);
        auto ana = test::openUrl(urlAs(QStringLiteral("ana")));
        QVERIFY2(ana, qPrintable(test::lastError()));
        QVERIFY(write(*ana, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) "
                                           "VALUES ('n2', 'w2', 'tn', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z')")).ok());
    }

    void disableRefusesLoginAndEnableRestoresIt()
    {
        CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("maria")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(QStringLiteral("maria")).value(QStringLiteral("disabled")).toBool(), true);
        QVERIFY(!test::openUrl(urlAs(QStringLiteral("maria"))));
        QVERIFY2(test::lastError().contains(QLatin1String("not permitted to log in")), qPrintable(test::lastError()));
        r = asBoss({QStringLiteral("user"), QStringLiteral("list")});
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\nmaria +manager +\\(all\\) +disabled\\n"))));

        r = asBoss({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("maria")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(QStringLiteral("maria")).value(QStringLiteral("disabled")).toBool(), false);
        auto maria = test::openUrl(urlAs(QStringLiteral("maria")));
        QVERIFY2(maria, qPrintable(test::lastError()));
    }

    void nonAdminIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("dispatcher lists") << "ana" << QStringList{"user", "list"};
        QTest::newRow("dispatcher promotes herself") << "ana" << QStringList{"user", "set-role", "ana", "--role", "admin"};
        QTest::newRow("manager disables the admin") << "maria" << QStringList{"user", "disable", "boss"};
        QTest::newRow("planner limits a dispatcher") << "paulo" << QStringList{"user", "set-territories", "ana", "--territory", "north"};
        QTest::newRow("dispatcher adds an admin") << "ana" << QStringList{"user", "add", "eve", "--role", "admin"};
    }
    void nonAdminIsRefusedAndNothingChanges()
    {
        QFETCH(QString, login);
        QFETCH(QStringList, args);
        const QString before = serverState();
        const CliRun r = as(login, args);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(oneErrorLine(r), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("only a FieldOps admin may manage users")) && r.err.contains(login),
                 qPrintable(r.err));
        QCOMPARE(serverState(), before);
    }

    void invalidInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown user") << QStringList{"user", "set-role", "ghost", "--role", "planner"} << "unknown user ghost";
        QTest::newRow("unknown user disabled") << QStringList{"user", "disable", "ghost"} << "unknown user ghost";
        QTest::newRow("unknown role") << QStringList{"user", "set-role", "ana", "--role", "king"} << "unknown role \"king\"";
        QTest::newRow("no role") << QStringList{"user", "set-role", "ana"} << "needs --role";
        QTest::newRow("unknown territory") << QStringList{"user", "set-territories", "ana", "--territory", "south", "--territory", "atlantis"}
                                           << "unknown territory atlantis";
        QTest::newRow("not a FieldOps login") << QStringList{"user", "disable", "outsider"} << "outsider is not a FieldOps login";
        QTest::newRow("the superuser") << QStringList{"user", "set-role", "postgres", "--role", "dispatcher"}
                                       << "postgres is not a FieldOps login";
        QTest::newRow("a group role") << QStringList{"user", "disable", "fieldops_admin"} << "fieldops_admin is not a FieldOps login";
        QTest::newRow("unknown action") << QStringList{"user", "promote", "ana"} << "usage: fieldops-cli user";
        QTest::newRow("option of another action") << QStringList{"user", "list", "--role", "admin"} << "--role does not go with user list";
        QTest::newRow("missing name") << QStringList{"user", "enable"} << "takes one login name";
    }
    void invalidInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString before = serverState();
        const CliRun r = asBoss(args);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneErrorLine(r), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(serverState(), before);
    }

    // Names that break string-built SQL go through as plain values.
    void hostileNamesAreHandledSafely()
    {
        for (const QString &name : {kHostile, kSpaced}) {
            const CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"), QStringLiteral("dispatcher")});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        }
        CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("set-role"), kHostile, QStringLiteral("--role"), QStringLiteral("manager")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(isMember(kHostile, QStringLiteral("fieldops_manager")));
        QVERIFY(!isMember(kHostile, QStringLiteral("fieldops_dispatcher")));
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-territories"), kSpaced, QStringLiteral("--territory"), QStringLiteral("north")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(kSpaced).value(QStringLiteral("territories")).toArray(), QJsonArray{QStringLiteral("north")});
        r = asBoss({QStringLiteral("user"), QStringLiteral("disable"), kHostile});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(listed(kHostile).value(QStringLiteral("disabled")).toBool(), true);
        QCOMPARE(listed(kHostile).value(QStringLiteral("role")).toString(), QStringLiteral("manager"));

        // Injection attempts through every argument change nothing.
        const QString before = serverState();
        const QList<QStringList> attempts{
            {QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("ana; DROP ROLE boss"), QStringLiteral("--role"), QStringLiteral("admin")},
            {QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("ana\" SUPERUSER; --"), QStringLiteral("--role"), QStringLiteral("admin")},
            {QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("ana"), QStringLiteral("--role"), QStringLiteral("admin; DROP ROLE boss")},
            {QStringLiteral("user"), QStringLiteral("set-territories"), QStringLiteral("ana"), QStringLiteral("--territory"),
             QStringLiteral("north'); DELETE FROM user_territories; --")},
            {QStringLiteral("user"), QStringLiteral("set-territories"), QStringLiteral("ana"), QStringLiteral("--territory"),
             QStringLiteral("north\",\"south")},
            {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("boss' OR '1'='1")},
        };
        for (const QStringList &args : attempts) {
            r = asBoss(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + describe(r)));
            QVERIFY2(oneErrorLine(r), qPrintable(r.err));
        }
        QCOMPARE(serverState(), before);
        QVERIFY(isMember(QStringLiteral("boss"), QStringLiteral("fieldops_admin")));
    }

    // An admin cannot lock himself out: no self-disable, no self-demotion.
    void ownLoginIsProtected_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("disable") << QStringList{"user", "disable", "boss"} << "you cannot disable your own login (boss)";
        QTest::newRow("demote") << QStringList{"user", "set-role", "boss", "--role", "dispatcher"} << "you cannot change your own role (boss)";
    }
    void ownLoginIsProtected()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString before = serverState();
        const CliRun r = asBoss(args);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneErrorLine(r), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(serverState(), before);
        QVERIFY(test::openUrl(urlAs(QStringLiteral("boss"))));
        // Another admin may do it (and undo it).
        const CliRun other = as(QStringLiteral("postgres"), {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("boss")});
        QVERIFY2(other.exitCode == 0, qPrintable(describe(other)));
        QVERIFY(!test::openUrl(urlAs(QStringLiteral("boss"))));
        QCOMPARE(as(QStringLiteral("postgres"), {QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("boss")}).exitCode, 0);
    }

    void sqliteHasNoUsers_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("list") << QStringList{"user", "list", "--json"};
        QTest::newRow("set-role") << QStringList{"user", "set-role", "ana", "--role", "planner"};
        QTest::newRow("set-territories") << QStringList{"user", "set-territories", "ana"};
        QTest::newRow("disable") << QStringList{"user", "disable", "ana"};
        QTest::newRow("enable") << QStringList{"user", "enable", "ana"};
        QTest::newRow("add") << QStringList{"user", "add", "ana", "--role", "planner"};
    }
    void sqliteHasNoUsers()
    {
        QFETCH(QStringList, args);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const CliRun r = runCli(url, args);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneErrorLine(r), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("users and roles exist only on a PostgreSQL server")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void helpNamesEveryAction()
    {
        const CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *action : {"add NAME", "list [--json]", "set-role NAME --role R", "set-territories NAME", "disable NAME", "enable NAME"})
            QVERIFY2(r.out.contains(QLatin1String(action)), action);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: fieldops-cli [--db URL] user")));
    }

    // The field gateway's login (migration 26): `user add --role field` makes a member of
    // fieldops_field and of no console role. It logs in and calls the gateway's functions,
    // reads no table, and the console refuses to open a session for it, in words. set-role
    // moves a login to and from field, and the other commands treat it as any login.
    void fieldLoginIsTheGatewaysAndNoConsoles()
    {
        const QString phones = QStringLiteral("phones");
        CliRun r = asBoss({QStringLiteral("user"), QStringLiteral("add"), phones, QStringLiteral("--role"), QStringLiteral("field")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(isMember(phones, QStringLiteral("fieldops_field")));
        for (const char *console : {"fieldops_dispatcher", "fieldops_planner", "fieldops_manager", "fieldops_admin"})
            QVERIFY2(!isMember(phones, QString::fromLatin1(console)), console);
        QVERIFY(!m_super->scalar(QStringLiteral("SELECT rolcreaterole FROM pg_roles WHERE rolname = 'phones'")).value().toBool());
        QCOMPARE(listed(phones).value(QStringLiteral("role")).toString(), QStringLiteral("field"));
        r = asBoss({QStringLiteral("user"), QStringLiteral("list")});
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\nphones +field +\\(all\\) +active\\n"))), qPrintable(r.out));

        {
            auto gateway = test::openUrl(urlAs(phones));
            QVERIFY2(gateway, qPrintable(test::lastError()));
            // A gateway function: the position report, written under the gateway's login.
            const Status reported = write(*gateway, QStringLiteral("SELECT fieldops_field_position('tn', '2026-03-02T12:00:00Z', -23.5, -46.6)"));
            QVERIFY2(reported.ok(), qPrintable(reported.ok() ? QString() : reported.error().message));
            QCOMPARE(m_super->scalar(QStringLiteral("SELECT count(*) FROM positions WHERE technician_id = 'tn'")).value().toInt(), 1);
            // No table of its own.
            auto read = gateway->run(QStringLiteral("SELECT count(*) FROM work_orders"));
            QVERIFY(!read);
            QCOMPARE(int(read.error().kind), int(Error::Kind::PermissionDenied));
        }

        // The console refuses to open a session for it, saying why.
        {
            ConsoleSession session;
            QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
            QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
            session.connectTo(DatabaseUrl::parse(urlAs(phones)).value());
            QVERIFY(errors.wait(10000));
            const auto e = errors.first().first().value<Error>();
            QCOMPARE(int(e.kind), int(Error::Kind::PermissionDenied));
            QVERIFY2(e.message.contains(QLatin1String("phones is the field gateway's login (role field)")), qPrintable(e.message));
            QVERIFY2(e.message.contains(QLatin1String("cannot open the console")), qPrintable(e.message));
            QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
            QCOMPARE(refreshed.count(), 0);
        }
        // A console login still opens one.
        {
            ConsoleSession session;
            QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
            session.connectTo(DatabaseUrl::parse(urlAs(QStringLiteral("ana"))).value());
            QVERIFY(refreshed.wait(10000));
            QCOMPARE(session.state(), ConsoleSession::State::Connected);
        }

        // To a console role and back to field: one FieldOps role at a time.
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-role"), phones, QStringLiteral("--role"), QStringLiteral("dispatcher")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(isMember(phones, QStringLiteral("fieldops_dispatcher")));
        QVERIFY(!isMember(phones, QStringLiteral("fieldops_field")));
        QCOMPARE(listed(phones).value(QStringLiteral("role")).toString(), QStringLiteral("dispatcher"));
        r = asBoss({QStringLiteral("user"), QStringLiteral("set-role"), phones, QStringLiteral("--role"), QStringLiteral("field")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(isMember(phones, QStringLiteral("fieldops_field")));
        QVERIFY(!isMember(phones, QStringLiteral("fieldops_dispatcher")));
        QCOMPARE(listed(phones).value(QStringLiteral("role")).toString(), QStringLiteral("field"));

        // Disabled and enabled like any FieldOps login.
        r = asBoss({QStringLiteral("user"), QStringLiteral("disable"), phones});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(!test::openUrl(urlAs(phones)));
        r = asBoss({QStringLiteral("user"), QStringLiteral("enable"), phones});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(test::openUrl(urlAs(phones)));
    }
};

QTEST_GUILESS_MAIN(TestUsersCli)
#include "tst_users_cli.moc"
