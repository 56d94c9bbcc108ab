// Work-order intake figures: the customer type-ahead over 200,000 customers (reading the
// directory from each backend once, then every keystroke of several typed queries), and
// opening one customer's page with 500 sites and 20,000 past work orders. Prints figures; asserts nothing.
// FIELDOPS_BENCH_SCALE shrinks the customer count (CI: 0.05).
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "customers/CustomerPage.h"
#include "util/TimeFormat.h"
#include "workorders/CustomerDirectory.h"
#include "workorders/IntakeCatalog.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimeZone>
#include <cstdio>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

const char *kFirst[] = {"Maria", "João", "Ana", "Pedro", "Lucas", "Juliana", "Carlos", "Fernanda", "Rafael", "Beatriz",
                        "Gabriel", "Larissa", "Mateus", "Camila", "Bruno", "Patrícia", "Diego", "Aline", "Thiago", "Renata"};
const char *kLast[] = {"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
                       "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa"};
const char *kKind[] = {"Padaria", "Clínica", "Mercado", "Hotel", "Escola", "Farmácia", "Restaurante", "Academia", "Condomínio", "Oficina"};

Status fill(Database &db, int customers, int sitesOfFirst, int ordersOfFirst)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    auto q = db.prepare(QStringLiteral("INSERT INTO customers(id, name, phone, email) VALUES (?, ?, ?, ?)"));
    if (!q)
        return q.error();
    for (int i = 0; i < customers; ++i) {
        const QString name = QStringLiteral("%1 %2 %3").arg(QString::fromUtf8(kKind[i % 10]), QString::fromUtf8(kFirst[(i / 10) % 20]),
                                                             QString::fromUtf8(kLast[(i / 200) % 20]));
        q->bindValue(0, QStringLiteral("c%1").arg(i + 1));
        q->bindValue(1, QStringLiteral("%1 %2").arg(name).arg(i / 4000 + 1));
        q->bindValue(2, QStringLiteral("+55 11 9%1-%2").arg(1000 + i % 9000).arg(i % 10000, 4, 10, QLatin1Char('0')));
        q->bindValue(3, QStringLiteral("contato%1@cliente.example").arg(i + 1));
        if (Status s = db.exec(*q); !s)
            return s;
    }
    auto site = db.prepare(QStringLiteral("INSERT INTO sites(id, customer_id, name, address, lat, lon, time_zone) VALUES (?, 'c1', ?, ?, ?, ?, 'America/Sao_Paulo')"));
    if (!site)
        return site.error();
    for (int i = 0; i < sitesOfFirst; ++i) {
        site->bindValue(0, QStringLiteral("s%1").arg(i + 1));
        site->bindValue(1, QStringLiteral("Loja %1").arg(i + 1));
        site->bindValue(2, QStringLiteral("Rua %1, %2").arg(i + 1).arg(100 + i));
        site->bindValue(3, -23.5 - i * 0.0001);
        site->bindValue(4, -46.6 - i * 0.0001);
        if (Status s = db.exec(*site); !s)
            return s;
    }
    auto wo = db.prepare(QStringLiteral("INSERT INTO work_orders(id, site_id, type, priority, duration_min, created_at, status, summary) "
                                        "VALUES (?, ?, 'corrective', 3, 60, ?, ?, ?)"));
    if (!wo)
        return wo.error();
    const QDateTime start(QDate(2024, 1, 1), QTime(8, 0), QTimeZone::utc());
    for (int i = 0; i < ordersOfFirst; ++i) {
        wo->bindValue(0, QStringLiteral("w%1").arg(i + 1));
        wo->bindValue(1, QStringLiteral("s%1").arg(i % sitesOfFirst + 1));
        wo->bindValue(2, timefmt::toIsoUtc(start.addSecs(qint64(i) * 3000)));
        wo->bindValue(3, i % 50 == 0 ? QStringLiteral("open") : QStringLiteral("done"));
        wo->bindValue(4, QStringLiteral("Visit %1").arg(i + 1));
        if (Status s = db.exec(*wo); !s)
            return s;
    }
    return tx.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int customers = std::max(1000, int(200000 * scale));
    const int orders = std::max(500, int(20000 * scale));
    out << "bench_intake: scale " << scale << ", " << customers << " customers, one with 500 sites and " << orders
        << " past work orders\n";
    out << "backend   load directory ms   keystroke median ms   p95 ms   max ms   customer page ms   RSS MB\n";
    for (const char *backend : {"sqlite", "postgres"}) {
        auto db = test::freshDatabase(QString::fromLatin1(backend));
        if (!db) {
            out << backend << ": " << test::lastError() << '\n';
            return 1;
        }
        if (Status s = fill(*db, customers, 500, orders); !s) {
            out << backend << ": " << s.error().message << '\n';
            return 1;
        }
        auto t0 = Clock::now();
        auto list = workorders::IntakeCatalog(*db).customers();
        if (!list) {
            out << backend << ": " << list.error().message << '\n';
            return 1;
        }
        workorders::CustomerDirectory directory(std::move(*list));
        const double loadMs = msSince(t0);

        // A dispatcher typing: names, a surname, a phone fragment, an email, an id.
        const QStringList typed{QStringLiteral("maria silva"), QStringLiteral("padaria"), QStringLiteral("9123-4"),
                                QStringLiteral("contato1234@"), QStringLiteral("clínica ana"), QStringLiteral("c19999"),
                                QStringLiteral("oficina thiago barbosa")};
        std::vector<double> keystrokes;
        QString slowest;
        double slowestMs = 0;
        int found = 0;
        for (const QString &query : typed) {
            for (int n = 1; n <= query.size(); ++n) {
                const auto k0 = Clock::now();
                found += int(directory.search(query.left(n), 30).size());
                keystrokes.push_back(msSince(k0));
                if (keystrokes.back() > slowestMs) {
                    slowestMs = keystrokes.back();
                    slowest = query.left(n);
                }
            }
            directory.search(QString()); // the field cleared between customers
        }
        const double max = *std::max_element(keystrokes.begin(), keystrokes.end());

        // Opening the customer's page: details, sites, assets, contracts and every work order.
        t0 = Clock::now();
        auto page = customers::readCustomerPage(*db, QStringLiteral("c1"));
        const double fileMs = msSince(t0);
        if (!page || page->sites.size() != 500 || page->workOrders.size() != orders) {
            out << backend << ": customer page read failed\n";
            return 1;
        }
        out << QString::fromLatin1(backend).leftJustified(10) << QString::number(loadMs, 'f', 0).rightJustified(19)
            << QString::number(median(keystrokes), 'f', 2).rightJustified(22) << QString::number(p95(keystrokes), 'f', 2).rightJustified(9)
            << QString::number(max, 'f', 2).rightJustified(9) << QString::number(fileMs, 'f', 1).rightJustified(19)
            << QString::number(residentMb(), 'f', 0).rightJustified(9) << "   (" << keystrokes.size() << " keystrokes, "
            << found << " suggestions; slowest \"" << slowest << "\")\n";
        out.flush();
    }
    return 0;
}
