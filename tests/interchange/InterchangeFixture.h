#pragma once
// Shared by the interchange tests: a hand-made directory that covers every file and
// column of the README's CSV interchange (quoted multi-line cells, Unicode, empty cells meaning the
// default), running the real fieldops-cli, and a dump of the domain tables that ignores
// surrogate keys, versions and the change/audit logs.
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>

namespace fieldops::test {

inline QMap<QString, QString> sampleDirectory()
{
    QMap<QString, QString> f;
    f[QStringLiteral("skills.csv")] = QStringLiteral(
        "code,name\n"
        "hvac,\"HVAC, heating & cooling\"\n"
        "elec,Electrical\n"
        "plumb,Plumbing\n");
    f[QStringLiteral("territories.csv")] = QStringLiteral(
        "id,name\n"
        "north,Zona Norte\n"
        "south,Zona Sul — São Paulo\n");
    f[QStringLiteral("technicians.csv")] = QStringLiteral(
        "id,name,employment,skills,territory_id,home_lat,home_lon,time_zone,shift_start,shift_end,work_days,hourly_cost\n"
        "t1,Ana Souza,employee,hvac;elec,north,-23.5,-46.6,America/Sao_Paulo,07:30,16:30,Mon;Tue;Wed;Thu;Fri,42.5\n"
        "t2,\"Zé \"\"Mão\"\" Silva\",contractor,plumb,south,-23.6,-46.7,,,,,\n"
        "t3,李雷,part_time,,,-23.55,-46.65,Asia/Shanghai,09:00,13:00,Sat;Sun,\n");
    f[QStringLiteral("absences.csv")] = QStringLiteral(
        "technician_id,start,end,reason\n"
        "t1,2026-03-10T00:00:00-03:00,2026-03-12T00:00:00-03:00,\"Férias\n(vacation)\"\n"
        "t2,2026-03-05T12:00:00Z,2026-03-05T18:00:00Z,\n");
    f[QStringLiteral("customers.csv")] = QStringLiteral(
        "id,name,phone,email\n"
        "c1,Padaria Pão Quente,+55 11 5555-0001,contato@pao.example\n"
        "c2,\"ACME, Inc.\",,\n");
    f[QStringLiteral("sites.csv")] = QStringLiteral(
        "id,customer_id,name,address,lat,lon,time_zone\n"
        "s1,c1,Loja Centro,\"Rua Augusta, 100\nSão Paulo\",-23.5505,-46.6333,America/Sao_Paulo\n"
        "s2,c2,Warehouse,,-23.6,-46.7,\n");
    f[QStringLiteral("assets.csv")] = QStringLiteral(
        "id,site_id,serial,model,installed_on,warranty_until\n"
        "as1,s1,SN-001,Carrier X,2024-01-15,2027-01-15\n"
        "as2,s2,,,,\n");
    f[QStringLiteral("contracts.csv")] = QStringLiteral(
        "id,customer_id,name,starts_on,ends_on,response_hours,coverage\n"
        "k1,c1,Gold,2026-01-01,2026-12-31,4,24x7\n"
        "k2,c2,,2026-01-01,2026-01-01,,\n");
    f[QStringLiteral("maintenance_plans.csv")] = QStringLiteral(
        "id,contract_id,asset_id,task,interval_days,duration_min,skills,next_due\n"
        "mp1,k1,as1,Filter change,90,45,hvac,2026-04-01\n"
        "mp2,k2,,\"Inspect, report\",30,20,,2026-03-15\n");
    f[QStringLiteral("work_orders.csv")] = QStringLiteral(
        "id,site_id,asset_id,contract_id,type,priority,required_skills,duration_min,window_start,window_end,created_at,sla_due,status,summary\n"
        "w1,s1,as1,k1,corrective,1,hvac;elec,90,2026-03-02T08:00:00-03:00,2026-03-02T18:00:00-03:00,2026-03-01T10:00:00Z,2026-03-02T14:00:00-03:00,scheduled,\"Ar-condicionado não liga\ncliente aguarda\"\n"
        "w2,s2,,,install,,,60,,,2026-03-01T11:00:00Z,,open,\n"
        "w3,s2,as2,k2,inspection,4,plumb,30,,,2026-03-01T12:00:00+05:30,,done,\n");
    f[QStringLiteral("appointments.csv")] = QStringLiteral(
        "id,work_order_id,technician_id,start,end,status,arrived_at,completed_at,resolved,locked,departed_at,outcome_reason,outcome_notes,signed_by\n"
        "a1,w1,t1,2026-03-02T09:00:00-03:00,2026-03-02T10:30:00-03:00,completed,2026-03-02T09:05:00-03:00,2026-03-02T10:25:00-03:00,1,1,2026-03-02T10:28:00-03:00,,\"Capacitor trocado, \"\"ok\"\"\",Maria Souza\n"
        "a2,w3,t2,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,scheduled,,,,,,,,\n"
        "a3,w3,t2,2026-03-02T12:10:00Z,2026-03-02T12:40:00Z,cancelled,,,0,0,,customer_absent,,\n");
    f[QStringLiteral("ratings.csv")] = QStringLiteral(
        "work_order_id,score,comment,rated_at\n"
        "w1,5,\"Ótimo serviço!\nMuito rápido, \"\"recomendo\"\"\",2026-03-03T10:00:00Z\n"
        "w3,3,,\n");
    f[QStringLiteral("time_entries.csv")] = QStringLiteral(
        "technician_id,work_order_id,start,end,billable,activity,comment\n"
        "t1,w1,2026-03-02T12:05:00Z,2026-03-02T13:25:00Z,1,repair,troca do capacitor\n"
        "t2,w3,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,0,,\n");
    f[QStringLiteral("parts.csv")] = QStringLiteral(
        "sku,name,unit_cost\n"
        "p-cap,Capacitor 35µF,12.9\n"
        "p-filter,Filtro,\n");
    f[QStringLiteral("stock.csv")] = QStringLiteral(
        "sku,location,quantity\n"
        "p-cap,warehouse:main,40\n"
        "p-cap,van:t1,3\n"
        "p-filter,warehouse:main,12.5\n");
    f[QStringLiteral("positions.csv")] = QStringLiteral(
        "technician_id,at,lat,lon,speed_kmh,heading_deg,accuracy_m\n"
        "t1,2026-03-02T12:00:00Z,-23.55,-46.63,32.5,270,4.5\n"
        "t2,2026-03-02T12:01:00Z,-23.6,-46.7,,,\n");
    // A standard kind without its unit (the canonical one is meant) and a free kind.
    f[QStringLiteral("readings.csv")] = QStringLiteral(
        "asset_id,at,kind,value,unit,source\n"
        "as1,2026-03-02T12:10:00Z,temperature,4.5,,probe\n"
        "as1,2026-03-02T12:40:00-00:00,temperature,6.5,°C,probe\n"
        "as1,2026-03-02T13:05:00Z,flow,12,l/min,\n");
    return f;
}

inline bool writeDirectory(const QString &path, const QMap<QString, QString> &files)
{
    if (!QDir().mkpath(path))
        return false;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QFile f(QDir(path).filePath(it.key()));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(it.value().toUtf8()) < 0)
            return false;
    }
    return true;
}

inline QMap<QString, QByteArray> readDirectory(const QString &path)
{
    QMap<QString, QByteArray> out;
    const QDir dir(path);
    for (const QString &name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.insert(name, f.readAll());
    }
    return out;
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real fieldops-cli (path in FIELDOPS_CLI) against the database URL.
inline CliRun runCli(const QString &url, const QStringList &args)
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("FIELDOPS_CLI"));
    p.setArguments(QStringList{QStringLiteral("--db"), url} + args);
    p.start();
    CliRun r;
    if (!p.waitForStarted(30000)) {
        r.err = QStringLiteral("cannot start fieldops-cli (FIELDOPS_CLI=%1)").arg(p.program());
        return r;
    }
    p.waitForFinished(300000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline const QStringList &domainTables()
{
    static const QStringList t{
        QStringLiteral("skills"), QStringLiteral("territories"), QStringLiteral("holidays"), QStringLiteral("technicians"),
        QStringLiteral("technician_skills"), QStringLiteral("absences"), QStringLiteral("customers"),
        QStringLiteral("sites"), QStringLiteral("assets"), QStringLiteral("contracts"), QStringLiteral("contract_sites"),
        QStringLiteral("contract_assets"),
        QStringLiteral("maintenance_plans"), QStringLiteral("maintenance_plan_skills"), QStringLiteral("work_orders"),
        QStringLiteral("work_order_skills"), QStringLiteral("appointments"), QStringLiteral("ratings"),
        QStringLiteral("time_entries"), QStringLiteral("parts"), QStringLiteral("stock"), QStringLiteral("work_order_parts"),
        QStringLiteral("positions")};
    return t;
}

// Every domain row, sorted, without surrogate ids and versions: two databases holding the
// same facts dump the same.
inline QString domainDump(Database &db, QMap<QString, int> *counts = nullptr)
{
    QString out;
    const QStringList surrogateKeyed{QStringLiteral("absences"), QStringLiteral("ratings"), QStringLiteral("time_entries"),
                                     QStringLiteral("stock"), QStringLiteral("positions")};
    for (const QString &table : domainTables()) {
        const bool surrogate = surrogateKeyed.contains(table);
        auto q = db.run(QStringLiteral("SELECT * FROM %1").arg(table));
        if (!q)
            return QStringLiteral("cannot read ") + table;
        QStringList rows;
        while (q->next()) {
            const QSqlRecord r = q->record();
            QStringList cells;
            for (int i = 0; i < r.count(); ++i) {
                const QString name = r.fieldName(i);
                if (name == QLatin1String("version") || (name == QLatin1String("id") && surrogate))
                    continue;
                const QVariant v = q->value(i);
                QString text;
                if (v.isNull())
                    text = QStringLiteral("<null>");
                else if (v.metaType().id() == QMetaType::QDateTime)
                    text = v.toDateTime().toUTC().toString(Qt::ISODate);
                else if (v.metaType().id() == QMetaType::QDate)
                    text = v.toDate().toString(Qt::ISODate);
                else if (v.metaType().id() == QMetaType::Bool)
                    text = v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
                else
                    text = v.toString();
                cells << name + QLatin1Char('=') + text;
            }
            rows << cells.join(QLatin1Char('|'));
        }
        rows.sort();
        if (counts)
            counts->insert(table, int(rows.size()));
        out += QStringLiteral("## %1 (%2)\n").arg(table).arg(rows.size()) + rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace fieldops::test
