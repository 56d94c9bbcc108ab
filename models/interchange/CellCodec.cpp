#include "interchange/CellCodec.h"

#include "domain/Vocabulary.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QTimeZone>
#include <cmath>

namespace fieldops::interchange {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};

QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QVariant nullOf(CellType type)
{
    switch (type) {
    case CellType::Integer: return QVariant(QMetaType::fromType<qlonglong>());
    case CellType::Real: return QVariant(QMetaType::fromType<double>());
    default: return QVariant(QMetaType::fromType<QString>());
    }
}

bool checkRange(const ColumnSpec &c, double v, const QString &shown, QString &error)
{
    if (c.min && c.max && (v < *c.min || v > *c.max)) {
        error = Text::tr("%1 is outside [%2, %3]").arg(shown, number(*c.min), number(*c.max));
        return false;
    }
    if (c.min && !c.max) {
        if (c.minExclusive && v <= *c.min) {
            error = Text::tr("%1 must be greater than %2").arg(shown, number(*c.min));
            return false;
        }
        if (!c.minExclusive && v < *c.min) {
            error = Text::tr("%1 must be at least %2").arg(shown, number(*c.min));
            return false;
        }
    }
    return true;
}

inline int digit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9') ? c.unicode() - '0' : -1; }

// Reads `count` decimal digits at `at`; -1 when one is not a digit.
int digits(const QString &t, int at, int count)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const int d = digit(t.at(at + i));
        if (d < 0)
            return -1;
        v = v * 10 + d;
    }
    return v;
}

// Big files hold hundreds of thousands of timestamps, nearly all in the two canonical
// shapes `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS±HH:MM`; those are read here
// without a regular expression. Anything else goes to timefmt, which has the last word.
QDateTime parseTimestamp(const QString &t)
{
    const qsizetype n = t.size();
    if ((n == 20 || n == 25) && t.at(4) == QLatin1Char('-') && t.at(7) == QLatin1Char('-') && t.at(10) == QLatin1Char('T')
        && t.at(13) == QLatin1Char(':') && t.at(16) == QLatin1Char(':')) {
        const int y = digits(t, 0, 4), mo = digits(t, 5, 2), d = digits(t, 8, 2);
        const int h = digits(t, 11, 2), mi = digits(t, 14, 2), sec = digits(t, 17, 2);
        int offset = -1;
        if (n == 20 && t.at(19) == QLatin1Char('Z'))
            offset = 0;
        else if (n == 25 && (t.at(19) == QLatin1Char('+') || t.at(19) == QLatin1Char('-')) && t.at(22) == QLatin1Char(':')) {
            const int oh = digits(t, 20, 2), om = digits(t, 23, 2);
            if (oh >= 0 && oh <= 18 && om >= 0 && om <= 59)
                offset = (oh * 3600 + om * 60) * (t.at(19) == QLatin1Char('-') ? -1 : 1);
            else
                return {};
        }
        if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && sec >= 0 && offset != -1) {
            const QDate date(y, mo, d);
            const QTime time(h, mi, sec);
            if (!date.isValid() || !time.isValid())
                return {};
            return QDateTime(date, time, Qt::UTC).addSecs(-offset);
        }
    }
    return timefmt::parseIsoWithOffset(t);
}

// timefmt::toIsoUtc without QDateTime::toString's locale machinery (same text).
QString formatTimestamp(const QDateTime &v)
{
    if (!v.isValid())
        return {};
    const QDateTime t = v.timeSpec() == Qt::UTC ? v : v.toUTC();
    const QDate d = t.date();
    const QTime tm = t.time();
    if (d.year() < 0 || d.year() > 9999)
        return timefmt::toIsoUtc(t);
    char buf[21];
    auto put = [&](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[at + i] = char('0' + value % 10);
    };
    put(0, d.year(), 4);
    buf[4] = '-';
    put(5, d.month(), 2);
    buf[7] = '-';
    put(8, d.day(), 2);
    buf[10] = 'T';
    put(11, tm.hour(), 2);
    buf[13] = ':';
    put(14, tm.minute(), 2);
    buf[16] = ':';
    put(17, tm.second(), 2);
    buf[19] = 'Z';
    return QString::fromLatin1(buf, 20);
}

} // namespace

bool CellCodec::isTimeZoneKnown(const QString &id)
{
    // QTimeZone's lookup walks the zone list; an import asks about the same few zones
    // thousands of times.
    static QMutex mutex;
    static QHash<QString, bool> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(id);
    if (it != cache.constEnd())
        return *it;
    const bool known = id == QLatin1String("UTC") || QTimeZone::isTimeZoneIdAvailable(id.toUtf8());
    cache.insert(id, known);
    return known;
}

bool CellCodec::parse(const ColumnSpec &c, const QString &cell, QVariant &value, QString &error) const
{
    const bool empty = c.type == CellType::Text ? cell.isEmpty() : cell.trimmed().isEmpty();
    if (!empty)
        return parseText(c, cell, value, error);
    if (c.required) {
        error = Text::tr("a value is required");
        return false;
    }
    if (c.defaultTimeZone)
        return parseText(c, m_defaultTimeZone, value, error);
    if (!c.defaultText.isEmpty())
        return parseText(c, c.defaultText, value, error);
    if (c.type == CellType::Text)
        value = QString(QLatin1String(""));
    else if (c.type == CellType::SkillList)
        value = QStringList();
    else
        value = nullOf(c.type);
    return true;
}

bool CellCodec::parseText(const ColumnSpec &c, const QString &cell, QVariant &value, QString &error) const
{
    const QString t = c.type == CellType::Text ? cell : cell.trimmed();
    switch (c.type) {
    case CellType::Text:
    case CellType::Id:
        value = t;
        return true;
    case CellType::Integer: {
        bool ok = false;
        const qlonglong v = t.toLongLong(&ok);
        if (!ok) {
            error = Text::tr("\"%1\" is not a whole number").arg(t);
            return false;
        }
        if (!checkRange(c, double(v), t, error))
            return false;
        value = v;
        return true;
    }
    case CellType::Real: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            error = Text::tr("\"%1\" is not a number").arg(t);
            return false;
        }
        if (!checkRange(c, v, t, error))
            return false;
        value = v;
        return true;
    }
    case CellType::Boolean:
        if (t == QLatin1String("0") || t == QLatin1String("1")) {
            value = t == QLatin1String("1");
            return true;
        }
        error = Text::tr("\"%1\" is not 0 or 1").arg(t);
        return false;
    case CellType::Timestamp: {
        const QDateTime d = parseTimestamp(t);
        if (!d.isValid()) {
            error = Text::tr("\"%1\" is not an ISO 8601 timestamp with an offset or Z (like 2026-03-02T08:00:00-03:00)").arg(t);
            return false;
        }
        value = d;
        return true;
    }
    case CellType::Date: {
        const QDate d = timefmt::parseDate(t);
        if (!d.isValid()) {
            error = Text::tr("\"%1\" is not a date YYYY-MM-DD").arg(t);
            return false;
        }
        value = d;
        return true;
    }
    case CellType::Clock: {
        const auto clock = timefmt::parseClock(t);
        if (!clock) {
            error = Text::tr("\"%1\" is not a clock time HH:MM").arg(t);
            return false;
        }
        value = timefmt::toClock(*clock);
        return true;
    }
    case CellType::ClosingClock: {
        if (t == QLatin1String("24:00")) {
            value = t;
            return true;
        }
        const auto clock = timefmt::parseClock(t);
        if (!clock) {
            error = Text::tr("\"%1\" is not a clock time HH:MM (or 24:00)").arg(t);
            return false;
        }
        value = timefmt::toClock(*clock);
        return true;
    }
    case CellType::TimeZone:
        if (!isTimeZoneKnown(t)) {
            error = Text::tr("\"%1\" is not an IANA time zone (like America/Sao_Paulo)").arg(t);
            return false;
        }
        value = t;
        return true;
    case CellType::Enum:
        if (!c.allowed.contains(t)) {
            error = Text::tr("\"%1\" is not one of %2").arg(t, c.allowed.join(QStringLiteral(", ")));
            return false;
        }
        value = t;
        return true;
    case CellType::SkillList: {
        QStringList codes;
        for (const QString &part : t.split(QLatin1Char(';'))) {
            const QString code = part.trimmed();
            if (!code.isEmpty() && !codes.contains(code))
                codes << code;
        }
        value = codes;
        return true;
    }
    case CellType::WorkDays: {
        const QStringList &week = vocabulary::weekDays();
        QVector<bool> on(week.size(), false);
        for (const QString &part : t.split(QLatin1Char(';'))) {
            const QString day = part.trimmed();
            if (day.isEmpty())
                continue;
            const qsizetype i = week.indexOf(day);
            if (i < 0) {
                error = Text::tr("\"%1\" is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)").arg(day);
                return false;
            }
            on[i] = true;
        }
        QStringList days; // stored in week order so equal sets compare equal
        for (qsizetype i = 0; i < week.size(); ++i) {
            if (on[i])
                days << week.at(i);
        }
        value = days.join(QLatin1Char(';'));
        return true;
    }
    case CellType::StockLocation: {
        const bool warehouse = t.startsWith(QLatin1String("warehouse:")) && t.size() > 10;
        const bool van = t.startsWith(QLatin1String("van:")) && t.size() > 4;
        if (!warehouse && !van) {
            error = Text::tr("\"%1\" is not warehouse:<id> or van:<technician_id>").arg(t);
            return false;
        }
        value = t;
        return true;
    }
    }
    return false;
}

QString CellCodec::format(const ColumnSpec &c, const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    switch (c.type) {
    case CellType::Integer: return QString::number(v.toLongLong());
    case CellType::Real: return number(v.toDouble());
    case CellType::Boolean: return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case CellType::Timestamp: return formatTimestamp(timefmt::fromSql(v));
    case CellType::Date: return timefmt::dateFromSql(v).toString(Qt::ISODate);
    case CellType::SkillList: return v.toStringList().join(QLatin1Char(';'));
    default: return v.toString();
    }
}

QVariant CellCodec::toSql(const ColumnSpec &c, const QVariant &v)
{
    switch (c.type) {
    case CellType::Timestamp: {
        // The canonical text timefmt::toSql binds, written without QDateTime::toString.
        const QString text = formatTimestamp(v.toDateTime());
        return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
    }
    case CellType::Date: return timefmt::toSql(v.toDate());
    default: return v;
    }
}

} // namespace fieldops::interchange
