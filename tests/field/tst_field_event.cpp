// One field event line read into its typed event, without a database: every key's type,
// range and vocabulary, and the rules between keys of one line (end after start, both
// coordinates or neither, departure not before arrival), each refusal naming its key.
#include "field/FieldEvent.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::field;

namespace {

const QDateTime kNow(QDate(2026, 12, 3), QTime(13, 0), QTimeZone::utc());

QString issueOf(const QByteArray &line)
{
    const auto parsed = parseFieldEvent(line, kNow);
    const EventIssue *issue = std::get_if<EventIssue>(&parsed);
    return issue ? issue->text() : QString();
}

} // namespace

class TestFieldEvent : public QObject {
    Q_OBJECT

private slots:
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("issue");
        const QByteArray pos = R"("kind":"position","technician_id":"t1","at":"2026-12-03T12:00:00Z")";
        QTest::newRow("heading beyond 360") << QByteArray("{" + pos + R"(,"lat":1,"lon":2,"heading_deg":361})") << QStringLiteral("heading_deg: must be a number between 0 and 360");
        QTest::newRow("negative speed") << QByteArray("{" + pos + R"(,"lat":1,"lon":2,"speed_kmh":-1})") << QStringLiteral("speed_kmh: must be a number of at least 0");
        QTest::newRow("negative accuracy") << QByteArray("{" + pos + R"(,"lat":1,"lon":2,"accuracy_m":-3})") << QStringLiteral("accuracy_m: must be a number of at least 0");
        QTest::newRow("lon beyond 180") << QByteArray("{" + pos + R"(,"lat":1,"lon":181})") << QStringLiteral("lon: must be a number between -180 and 180");
        QTest::newRow("empty id") << QByteArray(R"({"kind":"position","technician_id":" ","at":"2026-12-03T12:00:00Z","lat":1,"lon":2})")
                                  << QStringLiteral("technician_id: must be a non-empty text id");
        QTest::newRow("numeric id") << QByteArray(R"({"kind":"rating","work_order_id":7,"score":3})") << QStringLiteral("work_order_id: must be a non-empty text id");
        QTest::newRow("kind not text") << QByteArray(R"({"kind":3})") << QStringLiteral("kind: must be text, one of position, status, outcome, time_entry, part_used, rating, reading, delivered, read");
        QTest::newRow("impossible date") << QByteArray(R"({"kind":"rating","work_order_id":"w1","score":3,"rated_at":"2026-02-30T10:00:00Z"})")
                                         << QStringLiteral("rated_at: must be an ISO 8601 time with an offset or Z, e.g. 2026-12-03T13:05:00Z");
        QTest::newRow("status lat without lon") << QByteArray(R"({"kind":"status","appointment_id":"a1","status":"en_route","at":"2026-12-03T12:00:00Z","lat":1})")
                                                << QStringLiteral("lon: is required when lat is given");
        QTest::newRow("unknown reason") << QByteArray(R"({"kind":"outcome","appointment_id":"a1","resolved":false,"reason":"rain"})")
                                        << QStringLiteral("reason: must be one of needs_parts, customer_absent, second_visit, referred");
        QTest::newRow("departed before arrived") << QByteArray(R"({"kind":"outcome","appointment_id":"a1","resolved":true,"arrived_at":"2026-12-03T10:00:00Z","departed_at":"2026-12-03T09:00:00Z"})")
                                                 << QStringLiteral("departed_at: must not be before arrived_at");
        QTest::newRow("notes not text") << QByteArray(R"({"kind":"outcome","appointment_id":"a1","resolved":true,"notes":5})") << QStringLiteral("notes: must be text");
        QTest::newRow("end equals start") << QByteArray(R"({"kind":"time_entry","technician_id":"t1","work_order_id":"w1","start":"2026-12-03T10:00:00Z","end":"2026-12-03T07:00:00-03:00"})")
                                          << QStringLiteral("end: must be after start");
        QTest::newRow("billable as text") << QByteArray(R"({"kind":"time_entry","technician_id":"t1","work_order_id":"w1","start":"2026-12-03T10:00:00Z","end":"2026-12-03T11:00:00Z","billable":"yes"})")
                                          << QStringLiteral("billable: must be true or false");
        QTest::newRow("negative quantity") << QByteArray(R"({"kind":"part_used","appointment_id":"a1","sku":"P","quantity":-2})") << QStringLiteral("quantity: must be a number greater than 0");
        QTest::newRow("quantity as text") << QByteArray(R"({"kind":"part_used","appointment_id":"a1","sku":"P","quantity":"2"})") << QStringLiteral("quantity: must be a number");
        QTest::newRow("bad location") << QByteArray(R"({"kind":"part_used","appointment_id":"a1","sku":"P","quantity":1,"from":"truck:7"})")
                                      << QStringLiteral("from: must be van:<technician_id> or warehouse:<id>");
        QTest::newRow("van without id") << QByteArray(R"({"kind":"part_used","appointment_id":"a1","sku":"P","quantity":1,"from":"van:"})")
                                        << QStringLiteral("from: must be van:<technician_id> or warehouse:<id>");
        QTest::newRow("fractional score") << QByteArray(R"({"kind":"rating","work_order_id":"w1","score":4.5})") << QStringLiteral("score: must be a whole number from 1 to 5");
        QTest::newRow("score zero") << QByteArray(R"({"kind":"rating","work_order_id":"w1","score":0})") << QStringLiteral("score: must be a whole number from 1 to 5");
        QTest::newRow("value as text") << QByteArray(R"({"kind":"reading","asset_id":"a1","at":"2026-12-03T12:00:00Z","reading":"cycles","value":"7"})") << QStringLiteral("value: must be a number");
        QTest::newRow("reading kind missing") << QByteArray(R"({"kind":"reading","asset_id":"a1","at":"2026-12-03T12:00:00Z","value":7})") << QStringLiteral("reading: is required");
        QTest::newRow("beyond the skew") << QByteArray(R"({"kind":"reading","asset_id":"a1","at":"2026-12-03T13:05:01Z","reading":"cycles","value":7})")
                                         << QStringLiteral("at: 2026-12-03T13:05:01Z is in the future (now is 2026-12-03T13:00:00Z)");
        QTest::newRow("pressure in psi") << QByteArray(R"({"kind":"reading","asset_id":"a1","at":"2026-12-03T12:00:00Z","reading":"pressure","value":30,"unit":"psi"})")
                                         << QStringLiteral("unit: pressure readings are in \"bar\", not \"psi\"");
        QTest::newRow("bare number") << QByteArray("42") << QStringLiteral("line is not a JSON object");
        QTest::newRow("two objects") << QByteArray(R"({"kind":"rating"} {"kind":"rating"})") << QStringLiteral("line is not a JSON object");
    }
    void refusals()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, issue);
        QCOMPARE(issueOf(line), issue);
    }

    void acceptedEventsAreTyped()
    {
        // Within the clock skew, in another offset, unit omitted: the canonical one.
        const QByteArray text = R"({"kind":"reading","asset_id":"a1","at":"2026-12-03T10:04:59.750-03:00","reading":"vibration","value":2.5,"serial":"x"})";
        auto parsed = parseFieldEvent(text, kNow);
        const ParsedLine *line = std::get_if<ParsedLine>(&parsed);
        QVERIFY2(line, qPrintable(issueOf(text)));
        const auto &reading = std::get<ReadingEvent>(line->event);
        QCOMPARE(reading.at, QDateTime(QDate(2026, 12, 3), QTime(13, 4, 59), QTimeZone::utc()));
        QCOMPARE(reading.unit.value_or(QString()), QStringLiteral("mm/s"));
        QCOMPARE(line->unknownKeys, QStringList{QStringLiteral("serial")});
        QCOMPARE(kindOf(line->event), EventKind::Reading);

        // A free kind keeps what was given, and "no unit" apart from an empty one.
        parsed = parseFieldEvent(R"({"kind":"reading","asset_id":"a1","at":"2026-12-03T12:00:00Z","reading":"flow","value":3})", kNow);
        QVERIFY(!std::get<ReadingEvent>(std::get<ParsedLine>(parsed).event).unit.has_value());

        // null is absence; billable defaults to true.
        parsed = parseFieldEvent(R"({"kind":"time_entry","technician_id":"t1","work_order_id":"w1","start":"2026-12-03T10:00:00Z","end":"2026-12-03T11:00:00Z","comment":null})", kNow);
        const auto &entry = std::get<TimeEntryEvent>(std::get<ParsedLine>(parsed).event);
        QCOMPARE(entry.billable, true);
        QCOMPARE(entry.comment, QString());
        QVERIFY(!entry.comment.isNull());

        // The van is left to the writer when no location is given.
        parsed = parseFieldEvent(R"({"kind":"part_used","appointment_id":"a1","sku":"P","quantity":1.5})", kNow);
        const auto &part = std::get<PartUsedEvent>(std::get<ParsedLine>(parsed).event);
        QCOMPARE(part.quantity, 1.5);
        QVERIFY(part.from.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFieldEvent)
#include "tst_field_event.moc"
