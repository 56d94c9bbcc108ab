#include "util/TimeFormat.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace fieldops::timefmt {

QString toIsoUtc(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QDateTime parseIsoWithOffset(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int h = m.captured(4).toInt(), mi = m.captured(5).toInt();
    const int s = m.captured(6).isEmpty() ? 0 : m.captured(6).toInt();
    int ms = 0;
    if (!m.captured(7).isEmpty())
        ms = m.captured(7).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime t(h, mi, s, ms);
    if (!d.isValid() || !t.isValid())
        return {};
    const QString off = m.captured(8);
    int offsetSecs = 0;
    if (off != QLatin1String("Z")) {
        QString digits = off.mid(1);
        digits.remove(QLatin1Char(':'));
        const int oh = digits.left(2).toInt(), om = digits.mid(2, 2).toInt();
        if (oh > 18 || om > 59)
            return {};
        offsetSecs = (oh * 3600 + om * 60) * (off.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    QDateTime local(d, t, Qt::UTC);
    return local.addSecs(-offsetSecs);
}

QDate parseDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    const QString s = text.trimmed();
    if (!re.match(s).hasMatch())
        return {};
    return QDate::fromString(s, Qt::ISODate);
}

std::optional<QTime> parseClock(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^(\d{1,2}):(\d{2})$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int h = m.captured(1).toInt(), mi = m.captured(2).toInt();
    if (h == 24 && mi == 0)
        return QTime(23, 59, 59, 999);
    if (h > 23 || mi > 59)
        return std::nullopt;
    return QTime(h, mi);
}

QString toClock(const QTime &t)
{
    if (t == QTime(23, 59, 59, 999))
        return QStringLiteral("24:00");
    return t.toString(QStringLiteral("HH:mm"));
}

namespace {
// Canonical "YYYY-MM-DDTHH:MM:SSZ": the digits read directly.
std::optional<qint64> msFromCanonical(const QString &s)
{
    if (s.size() != 20 || s.at(10) != QLatin1Char('T') || s.at(19) != QLatin1Char('Z'))
        return std::nullopt;
    auto num = [&](int pos, int len) {
        int n = 0;
        for (int i = pos; i < pos + len; ++i)
            n = n * 10 + (s.at(i).unicode() - '0');
        return n;
    };
    const QDate d(num(0, 4), num(5, 2), num(8, 2));
    if (!d.isValid())
        return std::nullopt;
    const qint64 days = d.toJulianDay() - 2440588;
    return ((days * 24 + num(11, 2)) * 60 + num(14, 2)) * 60000 + qint64(num(17, 2)) * 1000;
}
} // namespace

QDateTime fromSql(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    if (v.metaType().id() == QMetaType::QDateTime)
        return v.toDateTime().toUTC();
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    // The canonical form SQLite stores: digits read directly (the general parser costs
    // microseconds a value, and a horizon has hundreds of thousands of them).
    if (const auto ms = msFromCanonical(s))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    QDateTime t = parseIsoWithOffset(s);
    if (!t.isValid()) {
        // PostgreSQL text form "2026-03-02 11:00:00+00"
        t = QDateTime::fromString(s, Qt::ISODate);
    }
    return t.toUTC();
}

std::optional<qint64> msFromSql(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return std::nullopt;
    if (v.metaType().id() == QMetaType::QDateTime)
        return v.toDateTime().toMSecsSinceEpoch();
    const QString s = v.toString();
    if (const auto ms = msFromCanonical(s))
        return ms;
    const QDateTime t = fromSql(v);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

QDate dateFromSql(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    if (v.metaType().id() == QMetaType::QDate)
        return v.toDate();
    return QDate::fromString(v.toString().left(10), Qt::ISODate);
}

QVariant toSql(const QDateTime &t)
{
    if (!t.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return toIsoUtc(t);
}

QVariant toSql(const QDate &d)
{
    if (!d.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return d.toString(Qt::ISODate);
}

} // namespace fieldops::timefmt
