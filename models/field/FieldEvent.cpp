#include "field/FieldEvent.h"

#include "domain/Vocabulary.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace fieldops::field {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FieldEvent)
};

QString number(double d) { return QString::number(d, 'g', 15); }

// Reads the keys of one object, remembering which it took so the rest can be warned
// about. A key whose value is null counts as absent. The first problem is kept and every
// later read is a no-op, so each kind's reader stays a straight list of its keys.
class ObjectReader {
public:
    explicit ObjectReader(const QJsonObject &object) : m_object(object) {}

    std::optional<EventIssue> issue;

    bool has(const QString &key)
    {
        m_taken.insert(key);
        return m_object.contains(key) && !m_object.value(key).isNull();
    }

    // Absent text is empty, never null (a null QString binds as SQL NULL).
    QString text(const QString &key, bool required)
    {
        if (!present(key, required))
            return QStringLiteral("");
        const QJsonValue v = m_object.value(key);
        if (!v.isString())
            fail(key, Text::tr("must be text"));
        return v.toString();
    }

    // An id: non-empty text without surrounding spaces (ids are compared as given).
    QString id(const QString &key)
    {
        if (!present(key, true))
            return {};
        const QJsonValue v = m_object.value(key);
        if (!v.isString() || v.toString().trimmed().isEmpty())
            fail(key, Text::tr("must be a non-empty text id"));
        return v.toString().trimmed();
    }

    QDateTime time(const QString &key, bool required)
    {
        if (!present(key, required))
            return {};
        const QJsonValue v = m_object.value(key);
        const QDateTime t = v.isString() ? timefmt::parseIsoWithOffset(v.toString()) : QDateTime();
        if (!t.isValid())
            fail(key, Text::tr("must be an ISO 8601 time with an offset or Z, e.g. 2026-12-03T13:05:00Z"));
        // The schema keeps whole seconds.
        return t.isValid() ? t.addMSecs(-t.time().msec()) : t;
    }

    // A number in [min, max] (either bound may be absent).
    std::optional<double> real(const QString &key, bool required, std::optional<double> min = {}, std::optional<double> max = {})
    {
        if (!present(key, required))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || (min && d < *min) || (max && d > *max)) {
            if (min && max)
                fail(key, Text::tr("must be a number between %1 and %2").arg(number(*min), number(*max)));
            else if (min)
                fail(key, Text::tr("must be a number of at least %1").arg(number(*min)));
            else
                fail(key, Text::tr("must be a number"));
            return std::nullopt;
        }
        return d;
    }

    std::optional<bool> boolean(const QString &key, bool required)
    {
        if (!present(key, required))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (!v.isBool()) {
            fail(key, Text::tr("must be true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }

    QString oneOf(const QString &key, bool required, const QStringList &allowed)
    {
        if (!present(key, required))
            return {};
        const QJsonValue v = m_object.value(key);
        if (!v.isString() || !allowed.contains(v.toString())) {
            fail(key, Text::tr("must be one of %1").arg(allowed.join(QStringLiteral(", "))));
            return {};
        }
        return v.toString();
    }

    // An array, or nullopt when absent (or not an array: then the issue is set).
    std::optional<QJsonArray> array(const QString &key)
    {
        if (!present(key, false))
            return std::nullopt;
        const QJsonValue v = m_object.value(key);
        if (!v.isArray()) {
            fail(key, Text::tr("must be a list"));
            return std::nullopt;
        }
        return v.toArray();
    }

    void fail(const QString &key, const QString &reason)
    {
        if (!issue)
            issue = EventIssue{key, reason};
    }

    QStringList unknownKeys() const
    {
        QStringList out;
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_taken.contains(it.key()))
                out << it.key();
        return out;
    }

private:
    bool present(const QString &key, bool required)
    {
        if (issue)
            return false;
        if (has(key))
            return true;
        if (required)
            fail(key, Text::tr("is required"));
        return false;
    }

    const QJsonObject &m_object;
    QSet<QString> m_taken{QStringLiteral("kind")};
};

PositionEvent readPosition(ObjectReader &r)
{
    PositionEvent e;
    e.technicianId = r.id(QStringLiteral("technician_id"));
    e.at = r.time(QStringLiteral("at"), true);
    e.lat = r.real(QStringLiteral("lat"), true, -90.0, 90.0).value_or(0);
    e.lon = r.real(QStringLiteral("lon"), true, -180.0, 180.0).value_or(0);
    e.speedKmh = r.real(QStringLiteral("speed_kmh"), false, 0.0);
    e.headingDeg = r.real(QStringLiteral("heading_deg"), false, 0.0, 360.0);
    e.accuracyM = r.real(QStringLiteral("accuracy_m"), false, 0.0);
    return e;
}

StatusEvent readStatus(ObjectReader &r)
{
    StatusEvent e;
    e.appointmentId = r.id(QStringLiteral("appointment_id"));
    e.status = r.oneOf(QStringLiteral("status"), true, vocabulary::fieldStatuses());
    e.at = r.time(QStringLiteral("at"), true);
    e.lat = r.real(QStringLiteral("lat"), false, -90.0, 90.0);
    e.lon = r.real(QStringLiteral("lon"), false, -180.0, 180.0);
    // A position needs both coordinates.
    if (e.lat && !e.lon)
        r.fail(QStringLiteral("lon"), Text::tr("is required when lat is given"));
    else if (e.lon && !e.lat)
        r.fail(QStringLiteral("lat"), Text::tr("is required when lon is given"));
    return e;
}

OutcomeEvent readOutcome(ObjectReader &r)
{
    OutcomeEvent e;
    e.appointmentId = r.id(QStringLiteral("appointment_id"));
    e.resolved = r.boolean(QStringLiteral("resolved"), true).value_or(false);
    e.reason = r.oneOf(QStringLiteral("reason"), false, vocabulary::outcomeReasons());
    e.notes = r.text(QStringLiteral("notes"), false);
    e.signedBy = r.text(QStringLiteral("signed_by"), false);
    e.arrivedAt = r.time(QStringLiteral("arrived_at"), false);
    e.departedAt = r.time(QStringLiteral("departed_at"), false);
    e.completedAt = r.time(QStringLiteral("completed_at"), false);
    if (e.arrivedAt.isValid() && e.departedAt.isValid() && e.departedAt < e.arrivedAt)
        r.fail(QStringLiteral("departed_at"), Text::tr("must not be before arrived_at"));
    else if (e.arrivedAt.isValid() && e.completedAt.isValid() && e.completedAt < e.arrivedAt)
        r.fail(QStringLiteral("completed_at"), Text::tr("must not be before arrived_at"));
    // The parts the return visit needs: [{"sku":"FLT-100","quantity":2}], each part once.
    if (const std::optional<QJsonArray> list = r.array(QStringLiteral("parts"))) {
        const QString key = QStringLiteral("parts");
        if (e.reason != QLatin1String("needs_parts"))
            r.fail(key, Text::tr("only an outcome with reason needs_parts lists parts"));
        QSet<QString> seen;
        for (qsizetype i = 0; i < list->size() && !r.issue; ++i) {
            const QJsonObject item = list->at(i).toObject();
            const QJsonValue sku = item.value(QLatin1String("sku"));
            const QJsonValue quantity = item.value(QLatin1String("quantity"));
            if (!list->at(i).isObject() || !sku.isString() || sku.toString().trimmed().isEmpty())
                r.fail(key, Text::tr("item %1 must be an object with a non-empty text sku and a quantity").arg(i + 1));
            else if (!quantity.isDouble() || !std::isfinite(quantity.toDouble()) || quantity.toDouble() <= 0)
                r.fail(key, Text::tr("item %1 (%2): quantity must be a number greater than 0").arg(i + 1).arg(sku.toString().trimmed()));
            else if (seen.contains(sku.toString().trimmed()))
                r.fail(key, Text::tr("%1 is listed twice").arg(sku.toString().trimmed()));
            else {
                seen.insert(sku.toString().trimmed());
                e.parts.push_back({sku.toString().trimmed(), QString(), quantity.toDouble()});
            }
        }
    }
    return e;
}

TimeEntryEvent readTimeEntry(ObjectReader &r)
{
    TimeEntryEvent e;
    e.technicianId = r.id(QStringLiteral("technician_id"));
    e.workOrderId = r.id(QStringLiteral("work_order_id"));
    e.start = r.time(QStringLiteral("start"), true);
    e.end = r.time(QStringLiteral("end"), true);
    e.billable = r.boolean(QStringLiteral("billable"), false).value_or(true);
    e.activity = r.text(QStringLiteral("activity"), false);
    e.comment = r.text(QStringLiteral("comment"), false);
    if (e.start.isValid() && e.end.isValid() && e.end <= e.start)
        r.fail(QStringLiteral("end"), Text::tr("must be after start"));
    return e;
}

PartUsedEvent readPartUsed(ObjectReader &r)
{
    PartUsedEvent e;
    e.appointmentId = r.id(QStringLiteral("appointment_id"));
    e.sku = r.id(QStringLiteral("sku"));
    if (const auto q = r.real(QStringLiteral("quantity"), true)) {
        // Nothing used is no event, and a negative use would put parts back unrecorded.
        if (*q <= 0)
            r.fail(QStringLiteral("quantity"), Text::tr("must be a number greater than 0"));
        e.quantity = *q;
    }
    e.from = r.text(QStringLiteral("from"), false).trimmed();
    const bool van = e.from.startsWith(QLatin1String("van:")) && e.from.size() > 4;
    const bool warehouse = e.from.startsWith(QLatin1String("warehouse:")) && e.from.size() > 10;
    if (!e.from.isEmpty() && !van && !warehouse)
        r.fail(QStringLiteral("from"), Text::tr("must be van:<technician_id> or warehouse:<id>"));
    return e;
}

RatingEvent readRating(ObjectReader &r)
{
    RatingEvent e;
    e.workOrderId = r.id(QStringLiteral("work_order_id"));
    if (const auto score = r.real(QStringLiteral("score"), true)) {
        if (*score != std::floor(*score) || *score < 1 || *score > 5)
            r.fail(QStringLiteral("score"), Text::tr("must be a whole number from 1 to 5"));
        e.score = int(*score);
    }
    e.comment = r.text(QStringLiteral("comment"), false);
    e.ratedAt = r.time(QStringLiteral("rated_at"), false);
    return e;
}

ReadingEvent readReading(ObjectReader &r, const QDateTime &now)
{
    ReadingEvent e;
    e.assetId = r.id(QStringLiteral("asset_id"));
    e.at = r.time(QStringLiteral("at"), true);
    if (e.at.isValid() && e.at > now.addSecs(kClockSkewSecs))
        r.fail(QStringLiteral("at"), Text::tr("%1 is in the future (now is %2)").arg(timefmt::toIsoUtc(e.at), timefmt::toIsoUtc(now)));
    e.kind = r.id(QStringLiteral("reading"));
    e.value = r.real(QStringLiteral("value"), true).value_or(0);
    if (r.has(QStringLiteral("unit")))
        e.unit = r.text(QStringLiteral("unit"), false).trimmed();
    e.source = r.text(QStringLiteral("source"), false);
    const QString canonical = vocabulary::canonicalReadingUnit(e.kind);
    if (!r.issue && !canonical.isNull() && e.unit && *e.unit != canonical)
        r.fail(QStringLiteral("unit"), Text::tr("%1 readings are in \"%2\", not \"%3\"").arg(e.kind, canonical, *e.unit));
    if (!canonical.isNull())
        e.unit = canonical;
    return e;
}

// delivered and read: the notice by its outbox id, and when.
template <typename Event>
Event readNotice(ObjectReader &r)
{
    Event e;
    if (const auto id = r.real(QStringLiteral("outbox_id"), true)) {
        if (*id != std::floor(*id) || *id < 1 || *id > 9e15)
            r.fail(QStringLiteral("outbox_id"), Text::tr("must be a whole number greater than 0"));
        else
            e.outboxId = qint64(*id);
    }
    e.at = r.time(QStringLiteral("at"), true);
    return e;
}

} // namespace

QString kindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Position: return QStringLiteral("position");
    case EventKind::Status: return QStringLiteral("status");
    case EventKind::Outcome: return QStringLiteral("outcome");
    case EventKind::TimeEntry: return QStringLiteral("time_entry");
    case EventKind::PartUsed: return QStringLiteral("part_used");
    case EventKind::Rating: return QStringLiteral("rating");
    case EventKind::Reading: return QStringLiteral("reading");
    case EventKind::Delivered: return QStringLiteral("delivered");
    case EventKind::Read: return QStringLiteral("read");
    }
    return {};
}

EventKind kindOf(const FieldEvent &event) { return EventKind(event.index()); }

std::variant<ParsedLine, EventIssue> parseFieldEvent(const QByteArray &line, const QDateTime &now)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return EventIssue{QString(), Text::tr("line is not a JSON object")};
    const QJsonObject object = doc.object();
    const QJsonValue kindValue = object.value(QLatin1String("kind"));
    if (kindValue.isUndefined() || kindValue.isNull())
        return EventIssue{QStringLiteral("kind"), Text::tr("is required")};
    if (!kindValue.isString())
        return EventIssue{QStringLiteral("kind"), Text::tr("must be text, one of position, status, outcome, time_entry, part_used, rating, reading, delivered, read")};
    const QString kind = kindValue.toString();

    ObjectReader r(object);
    FieldEvent event;
    if (kind == QLatin1String("position"))
        event = readPosition(r);
    else if (kind == QLatin1String("status"))
        event = readStatus(r);
    else if (kind == QLatin1String("outcome"))
        event = readOutcome(r);
    else if (kind == QLatin1String("time_entry"))
        event = readTimeEntry(r);
    else if (kind == QLatin1String("part_used"))
        event = readPartUsed(r);
    else if (kind == QLatin1String("rating"))
        event = readRating(r);
    else if (kind == QLatin1String("reading"))
        event = readReading(r, now);
    else if (kind == QLatin1String("delivered"))
        event = readNotice<DeliveredEvent>(r);
    else if (kind == QLatin1String("read"))
        event = readNotice<ReadEvent>(r);
    else
        return EventIssue{QStringLiteral("kind"), Text::tr("unknown kind \"%1\"").arg(kind)};
    if (r.issue)
        return *r.issue;
    return ParsedLine{std::move(event), r.unknownKeys()};
}

} // namespace fieldops::field
