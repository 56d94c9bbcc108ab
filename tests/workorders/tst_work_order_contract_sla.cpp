// The contract SLA rule without a database: deadlines computed by hand for per-priority
// response and resolution hours on business-hours coverage, a holiday from the contract's
// own calendar against the site's territory's, a DST change, 24x7, a day closing at 24:00,
// the rule in words, and which contract applies (asset > site > blanket).
#include "workorders/IntakeCatalog.h"
#include "workorders/SlaPolicy.h"
#include "workorders/WarrantyNote.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::workorders;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0) { return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()); }

const QTimeZone saoPaulo("America/Sao_Paulo"); // UTC-3 all year since 2019
const QTimeZone berlin("Europe/Berlin");       // CET → CEST on Sunday 2026-03-29 at 02:00

// Gold: Monday to Friday 08:00–18:00; priority 2 answers in 4 business hours and is
// resolved in 16; the other priorities fall back to response_hours 8.
SlaContractTerms gold()
{
    SlaContractTerms k;
    k.id = QStringLiteral("K12");
    k.name = QStringLiteral("Gold");
    k.responseHours = 8;
    k.responseHoursByPriority[1] = 4;
    k.resolutionHoursByPriority[1] = 16;
    k.coverage = planning::Coverage::fromContract(QStringLiteral("business_hours"), QStringLiteral("Mon;Tue;Wed;Thu;Fri"),
                                                  QStringLiteral("08:00"), QStringLiteral("18:00"));
    return k;
}

SlaPlace place(const QTimeZone &zone, const QString &territory = {}, const QString &name = {}, QSet<QDate> days = {})
{
    SlaPlace p;
    p.zone = zone;
    p.holidays = HolidayCalendar{territory, name, std::move(days)};
    return p;
}

ContractChoice choice(const char *id, QDate starts, QStringList sites = {}, QStringList assets = {})
{
    ContractChoice c;
    c.terms.id = QString::fromLatin1(id);
    c.startsOn = starts;
    c.endsOn = QDate(2026, 12, 31);
    c.siteIds = std::move(sites);
    c.assetIds = std::move(assets);
    return c;
}

} // namespace

class TestContractSla : public QObject {
    Q_OBJECT
private slots:
    void perPriorityBusinessHours()
    {
        // Thursday 2026-03-05 16:00 in São Paulo (19:00Z).
        const QDateTime created = utc(2026, 3, 5, 19);
        const SlaQuote p2 = SlaPolicy::quote(created, 2, gold(), place(saoPaulo));
        // Respond: Thu 16–18 (2 h) + Fri 08–10 (2 h) → Fri 10:00 local.
        QCOMPARE(p2.responseDue, utc(2026, 3, 6, 13));
        // Resolve: Thu 2 h + Fri 10 h + Mon 08–12 (4 h) → Mon 12:00 local; sla_due is it.
        QCOMPARE(p2.due, utc(2026, 3, 9, 15));
        QCOMPARE(p2.rule, QStringLiteral("Contract K12 (Gold), priority 2: respond within 4 business hours, resolve within 16 "
                                         "(Mon–Fri 08:00–18:00, site time)"));

        // Priority 3 sets nothing of its own: response_hours 8 → Thu 2 h + Fri 6 h = Fri 14:00 local.
        const SlaQuote p3 = SlaPolicy::quote(created, 3, gold(), place(saoPaulo));
        QCOMPARE(p3.responseDue, utc(2026, 3, 6, 17));
        QCOMPARE(p3.due, p3.responseDue); // no resolution hours: sla_due is the response deadline
        QCOMPARE(p3.rule, QStringLiteral("Contract K12 (Gold), priority 3: respond within 8 business hours (Mon–Fri 08:00–18:00, site time)"));

        // Without any response hours the priority default runs around the clock.
        SlaContractTerms bare = gold();
        bare.responseHours.reset();
        const SlaQuote p4 = SlaPolicy::quote(created, 4, bare, place(saoPaulo));
        QCOMPARE(p4.responseDue, created.addSecs(72 * 3600));
        QCOMPARE(p4.due, p4.responseDue);
        QVERIFY2(p4.rule.contains(QLatin1String("priority default 72 h")), qPrintable(p4.rule));
        const SlaQuote none = SlaPolicy::quote(created, 1, std::nullopt, place(saoPaulo));
        QCOMPARE(none.due, created.addSecs(4 * 3600));
        QCOMPARE(none.responseDue, none.due);
    }

    void contractCalendarBeatsSiteTerritory()
    {
        // The site is in North (holiday Friday 2026-03-06); South's holiday is Monday 03-09.
        const QHash<QString, HolidayCalendar> calendars{
            {QStringLiteral("north"), {QStringLiteral("north"), QStringLiteral("North"), {QDate(2026, 3, 6)}}},
            {QStringLiteral("south"), {QStringLiteral("south"), QStringLiteral("South"), {QDate(2026, 3, 9)}}},
        };
        CustomerFile file;
        Site site;
        site.id = QStringLiteral("s1");
        site.timeZone = QStringLiteral("America/Sao_Paulo");
        file.sites << site;
        file.siteTerritories.insert(QStringLiteral("s1"), QStringLiteral("north"));
        file.calendars = calendars;
        const QDateTime created = utc(2026, 3, 5, 19); // Thursday 16:00 local

        // No calendar of its own: the site's territory's. Thu 2 h, Friday off, Mon 08–10.
        const SlaContractTerms siteCalendar = gold();
        const SlaQuote a = SlaPolicy::quote(created, 2, siteCalendar, file.placeOf(QStringLiteral("s1"), &siteCalendar));
        QCOMPARE(a.responseDue, utc(2026, 3, 9, 13));
        // Resolve 16: Thu 2 + Mon 10 + Tue 4 → Tue 12:00 local.
        QCOMPARE(a.due, utc(2026, 3, 10, 15));
        QCOMPARE(a.rule, QStringLiteral("Contract K12 (Gold), priority 2: respond within 4 business hours, resolve within 16 "
                                        "(Mon–Fri 08:00–18:00, site time, holidays of North)"));

        // The contract names South's calendar: Friday is worked, Monday is not.
        SlaContractTerms southCalendar = gold();
        southCalendar.holidayTerritoryId = QStringLiteral("south");
        const SlaQuote b = SlaPolicy::quote(created, 2, southCalendar, file.placeOf(QStringLiteral("s1"), &southCalendar));
        QCOMPARE(b.responseDue, utc(2026, 3, 6, 13));     // Fri 10:00 local
        QCOMPARE(b.due, utc(2026, 3, 10, 15));            // Thu 2 + Fri 10 + (Mon off) + Tue 4
        QVERIFY2(b.rule.endsWith(QLatin1String("holidays of South)")), qPrintable(b.rule));
    }

    void dstChangeKeepsTheWallClock()
    {
        // Every day 08:00–18:00 in Berlin. Saturday 2026-03-28 17:00 CET (16:00Z), 3 h:
        // Sat 17–18 (1 h), then Sunday 08:00–10:00 CEST, which is 08:00Z (not 09:00Z).
        SlaContractTerms k = gold();
        k.responseHoursByPriority[0] = 3;
        k.coverage = planning::Coverage::fromContract(QStringLiteral("business_hours"), QStringLiteral("Mon;Tue;Wed;Thu;Fri;Sat;Sun"),
                                                      QStringLiteral("08:00"), QStringLiteral("18:00"));
        const SlaQuote q = SlaPolicy::quote(utc(2026, 3, 28, 16), 1, k, place(berlin));
        QCOMPARE(q.responseDue, utc(2026, 3, 29, 8));
        QCOMPARE(q.rule, QStringLiteral("Contract K12 (Gold), priority 1: respond within 3 business hours (Mon–Sun 08:00–18:00, site time)"));

        // Around the clock, 24 h over the change are 24 elapsed hours (25 on the wall clock).
        SlaContractTerms allDay = k;
        allDay.businessHours = false;
        allDay.responseHoursByPriority[0] = 24;
        QCOMPARE(SlaPolicy::quote(utc(2026, 3, 28, 11), 1, allDay, place(berlin)).responseDue, utc(2026, 3, 29, 11));
    }

    void twentyFourSeven()
    {
        SlaContractTerms k = gold();
        k.businessHours = false;
        k.responseHoursByPriority[0] = 2;
        k.resolutionHoursByPriority[0] = 8;
        // Holidays do not stop a 24x7 clock either.
        const SlaQuote q = SlaPolicy::quote(utc(2026, 3, 6, 22), 1, k,
                                            place(saoPaulo, QStringLiteral("north"), QStringLiteral("North"), {QDate(2026, 3, 7)}));
        QCOMPARE(q.responseDue, utc(2026, 3, 7, 0));
        QCOMPARE(q.due, utc(2026, 3, 7, 6));
        QCOMPARE(q.rule, QStringLiteral("Contract K12 (Gold), priority 1: respond within 2 hours, resolve within 8, around the clock"));
    }

    void coverageUntilMidnight()
    {
        // Mon–Fri 08:00–24:00 in UTC; Friday 23:00 + 3 h = Fri 23–24, Mon 08–10.
        SlaContractTerms k = gold();
        k.responseHoursByPriority[1] = 3;
        k.resolutionHoursByPriority[1].reset();
        k.coverage = planning::Coverage::fromContract(QStringLiteral("business_hours"), QStringLiteral("Mon;Tue;Wed;Thu;Fri"),
                                                      QStringLiteral("08:00"), QStringLiteral("24:00"));
        QVERIFY(k.coverage.closesAtMidnight);
        const SlaQuote q = SlaPolicy::quote(utc(2026, 3, 6, 23), 2, k, place(QTimeZone::utc()));
        QCOMPARE(q.due, utc(2026, 3, 9, 10));
        QVERIFY2(q.rule.contains(QStringLiteral("Mon–Fri 08:00–24:00")), qPrintable(q.rule));
        // Terms that cannot be read fall back to the default business hours.
        const planning::Coverage garbled = planning::Coverage::fromContract(QStringLiteral("business_hours"), QStringLiteral("Funday"),
                                                                            QStringLiteral("08:00"), QStringLiteral("18:00"));
        QCOMPARE(garbled.days, (QList<int>{1, 2, 3, 4, 5}));
    }

    void assetBeatsSiteBeatsBlanket()
    {
        CustomerFile file;
        file.contracts = {
            choice("blanket-old", QDate(2025, 1, 1)),
            choice("blanket", QDate(2026, 1, 1)),
            choice("site", QDate(2025, 6, 1), {QStringLiteral("s1")}),
            choice("asset", QDate(2025, 1, 1), {}, {QStringLiteral("a1")}),
            choice("elsewhere", QDate(2026, 2, 1), {QStringLiteral("s2")}), // the latest start, but names another site
        };
        const QDate day(2026, 3, 5);
        const auto pick = [&](const char *site, const char *asset) {
            const ContractChoice *c = file.activeContract(day, QString::fromLatin1(site), QString::fromLatin1(asset));
            return c ? c->terms.id : QStringLiteral("<none>");
        };
        QCOMPARE(pick("s1", "a1"), QStringLiteral("asset"));
        QCOMPARE(pick("s1", ""), QStringLiteral("site"));
        QCOMPARE(pick("s1", "a9"), QStringLiteral("site"));     // an asset no contract names
        QCOMPARE(pick("s3", ""), QStringLiteral("blanket"));    // "elsewhere" does not apply; the later blanket wins
        QCOMPARE(pick("s2", ""), QStringLiteral("elsewhere"));
        // Before the site contract started only the old blanket one was active.
        QCOMPARE(file.activeContract(QDate(2025, 3, 1), QStringLiteral("s1"), {})->terms.id, QStringLiteral("blanket-old"));
        // After every contract ended nothing applies.
        QCOMPARE(file.activeContract(QDate(2027, 1, 1), QStringLiteral("s1"), QStringLiteral("a1")), nullptr);
        // A contract naming only other places never applies, even alone.
        CustomerFile only;
        only.contracts = {choice("elsewhere", QDate(2026, 2, 1), {QStringLiteral("s2")})};
        QCOMPARE(only.activeContract(day, QStringLiteral("s1"), QString()), nullptr);
    }

    void warranty()
    {
        Asset a;
        a.id = QStringLiteral("A-17");
        a.warrantyUntil = QDate(2027, 5, 1);
        QCOMPARE(warrantyNote(&a, QDate(2027, 5, 1)), QStringLiteral("Asset A-17 is under warranty until 2027-05-01"));
        QCOMPARE(warrantyNote(&a, QDate(2027, 5, 2)), QString());
        a.warrantyUntil = QDate();
        QCOMPARE(warrantyNote(&a, QDate(2026, 1, 1)), QString());
        QCOMPARE(warrantyNote(nullptr, QDate(2026, 1, 1)), QString());
    }
};

QTEST_GUILESS_MAIN(TestContractSla)
#include "tst_work_order_contract_sla.moc"
