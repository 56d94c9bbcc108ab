#include "interchange/ImportValidator.h"

#include "interchange/AppointmentOverlaps.h"
#include "interchange/ReadingRows.h"
#include "interchange/ReferenceIndex.h"
#include "interchange/TermsValidator.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace fieldops::interchange {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};

QString shown(const QVariant &v)
{
    if (v.metaType().id() == QMetaType::QDateTime)
        return timefmt::toIsoUtc(v.toDateTime());
    if (v.metaType().id() == QMetaType::QDate)
        return v.toDate().toString(Qt::ISODate);
    return v.toString();
}

bool usable(const ParsedRow &row) { return !row.values.isEmpty(); }

} // namespace

Status ImportValidator::validate(const QVector<ParsedFile> &files)
{
    ReferenceIndex refs(m_db);
    // Every key a file defines counts as known, even on a row with another problem, so one
    // bad cell does not cascade into "unknown technician" errors elsewhere.
    for (const ParsedFile &file : files) {
        const FileSpec &spec = *file.spec;
        if (spec.defines == RefKind::None)
            continue;
        const int key = spec.indexOf(spec.keyColumn);
        for (const ParsedRow &row : file.rows) {
            if (usable(row) && !row.values.at(key).isNull())
                refs.addFromDirectory(spec.defines, row.values.at(key).toString());
        }
    }
    for (const ParsedFile &file : files) {
        checkUniqueKeys(file);
        checkOrder(file);
        checkReferences(file, refs);
        if (refs.error())
            return *refs.error();
        if (file.spec->table == QLatin1String("appointments")) {
            if (Status s = checkOverlaps(file); !s)
                return s;
        }
        if (file.spec->table == QLatin1String("asset_readings"))
            checkReadingUnits(file, m_issues);
        if (file.spec->table == QLatin1String("work_orders") && file.has(QStringLiteral("follow_up_of")))
            checkFollowUps(file);
    }
    return TermsValidator(m_db, m_issues).validate(files);
}

void ImportValidator::checkUniqueKeys(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    if (spec.uniqueColumns.isEmpty())
        return;
    QVector<int> cols;
    for (const QString &c : spec.uniqueColumns)
        cols << spec.indexOf(c);
    QHash<QString, int> firstLine;
    firstLine.reserve(file.rows.size());
    for (const ParsedRow &row : file.rows) {
        if (!usable(row))
            continue;
        QString key = row.values.at(cols.first()).toString();
        for (qsizetype i = 1; i < cols.size(); ++i)
            key += QChar(0x1F) + row.values.at(cols.at(i)).toString();
        const auto it = firstLine.constFind(key);
        if (it == firstLine.constEnd()) {
            firstLine.insert(key, row.line);
            continue;
        }
        QString shownKey = key;
        shownKey.replace(QChar(0x1F), QLatin1Char(' '));
        m_issues.add({spec.fileName, row.line, spec.uniqueColumns.last(),
                      Text::tr("\"%1\" appears again (first on line %2)").arg(shownKey).arg(*it)});
    }
}

void ImportValidator::checkOrder(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    for (const OrderRule &rule : spec.orderRules) {
        const int a = spec.indexOf(rule.earlier), b = spec.indexOf(rule.later);
        for (const ParsedRow &row : file.rows) {
            if (!row.valid || !usable(row))
                continue;
            const QVariant &x = row.values.at(a), &y = row.values.at(b);
            if (x.isNull() || y.isNull())
                continue;
            // Dates, timestamps, or clock times as 'HH:MM' text, which sorts like the time.
            const int order = x.metaType().id() == QMetaType::QDate ? (x.toDate() < y.toDate() ? -1 : x.toDate() == y.toDate() ? 0 : 1)
                : x.metaType().id() == QMetaType::QString              ? x.toString().compare(y.toString())
                                                                       : (x.toDateTime() < y.toDateTime() ? -1 : x.toDateTime() == y.toDateTime() ? 0 : 1);
            const bool bad = rule.allowEqual ? order > 0 : order >= 0;
            if (!bad)
                continue;
            const QString msg = rule.allowEqual ? Text::tr("%1 is before %2 %3") : Text::tr("%1 is not after %2 %3");
            m_issues.add({spec.fileName, row.line, rule.later, msg.arg(shown(y), rule.earlier, shown(x))});
        }
    }
}

void ImportValidator::checkReferences(const ParsedFile &file, ReferenceIndex &refs)
{
    const FileSpec &spec = *file.spec;
    for (int c = 0; c < spec.columns.size(); ++c) {
        const ColumnSpec &col = spec.columns.at(c);
        const bool location = col.type == CellType::StockLocation;
        if (col.ref == RefKind::None && !location)
            continue;
        for (const ParsedRow &row : file.rows) {
            if (!usable(row))
                continue;
            const QVariant &v = row.values.at(c);
            if (v.isNull())
                continue;
            if (location) {
                const QString text = v.toString();
                if (text.startsWith(QLatin1String("van:")) && !refs.knows(RefKind::Technician, text.mid(4)))
                    m_issues.add({spec.fileName, row.line, col.name,
                                  Text::tr("unknown technician \"%1\" in %2").arg(text.mid(4), text)});
                continue;
            }
            const QStringList ids = col.type == CellType::SkillList ? v.toStringList() : QStringList{v.toString()};
            for (const QString &id : ids) {
                if (!refs.knows(col.ref, id))
                    m_issues.add({spec.fileName, row.line, col.name, Text::tr("unknown %1 \"%2\"").arg(refKindName(col.ref), id)});
            }
        }
    }
}

void ImportValidator::checkFollowUps(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    const int key = spec.indexOf(QStringLiteral("id"));
    const int of = spec.indexOf(QStringLiteral("follow_up_of"));
    QHash<QString, QString> follows; // the file's links; the database's are left to its checks
    for (const ParsedRow &row : file.rows)
        if (usable(row) && !row.values.at(of).isNull())
            follows.insert(row.values.at(key).toString(), row.values.at(of).toString());
    for (const ParsedRow &row : file.rows) {
        if (!usable(row) || row.values.at(of).isNull())
            continue;
        const QString id = row.values.at(key).toString();
        if (row.values.at(of).toString() == id) {
            m_issues.add({spec.fileName, row.line, QStringLiteral("follow_up_of"), Text::tr("work order %1 cannot be a return visit of itself").arg(id)});
            continue;
        }
        QString at = follows.value(id);
        for (qsizetype step = 0; step < follows.size() && !at.isEmpty(); ++step) {
            if (at == id) {
                m_issues.add({spec.fileName, row.line, QStringLiteral("follow_up_of"),
                              Text::tr("work order %1 is in a loop of return visits that follow each other").arg(id)});
                break;
            }
            at = follows.value(at);
        }
    }
}

Status ImportValidator::checkOverlaps(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    const int cId = spec.indexOf(QStringLiteral("id")), cTech = spec.indexOf(QStringLiteral("technician_id")),
              cStart = spec.indexOf(QStringLiteral("start")), cEnd = spec.indexOf(QStringLiteral("end")),
              cStatus = spec.indexOf(QStringLiteral("status"));

    QVector<BusyInterval> busy;
    busy.reserve(file.rows.size());
    QHash<QString, int> fileRowOf; // appointment id → index into busy (-1 when cancelled in the file)
    QSet<QString> technicians;
    qint64 from = std::numeric_limits<qint64>::max(), to = std::numeric_limits<qint64>::min();
    for (const ParsedRow &row : file.rows) {
        if (!usable(row))
            continue;
        const QString id = row.values.at(cId).toString();
        const bool cancelled = row.values.at(cStatus).toString() == QLatin1String("cancelled");
        const QDateTime s = row.values.at(cStart).toDateTime(), e = row.values.at(cEnd).toDateTime();
        if (!row.valid || cancelled || !s.isValid() || !e.isValid() || e <= s) {
            fileRowOf.insert(id, -1);
            continue;
        }
        BusyInterval b{row.values.at(cTech).toString(), id, s.toMSecsSinceEpoch(), e.toMSecsSinceEpoch(), row.line};
        from = std::min(from, b.startMs);
        to = std::max(to, b.endMs);
        technicians.insert(b.technicianId);
        fileRowOf.insert(id, int(busy.size()));
        busy.append(b);
    }
    if (busy.isEmpty())
        return {};

    // The database's non-cancelled appointments of these technicians in the file's span;
    // those this import rewrites are represented by their file row instead.
    auto q = m_db.run(QStringLiteral("SELECT id, technician_id, start_at, end_at FROM appointments "
                                     "WHERE status <> 'cancelled' AND end_at > ? AND start_at < ?"),
                      {timefmt::toSql(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC)),
                       timefmt::toSql(QDateTime::fromMSecsSinceEpoch(to, Qt::UTC))});
    if (!q)
        return q.error();
    while (q->next()) {
        const QString id = q->value(0).toString();
        const QString tech = q->value(1).toString();
        const qint64 s = timefmt::fromSql(q->value(2)).toMSecsSinceEpoch();
        const qint64 e = timefmt::fromSql(q->value(3)).toMSecsSinceEpoch();
        auto mine = fileRowOf.constFind(id);
        if (mine != fileRowOf.constEnd()) {
            const bool moves = *mine < 0 || busy.at(*mine).technicianId != tech || busy.at(*mine).startMs != s
                || busy.at(*mine).endMs != e;
            if (moves)
                m_release << id;
            continue;
        }
        if (technicians.contains(tech))
            busy.append(BusyInterval{tech, id, s, e, 0});
    }

    for (const OverlapFinding &f : findOverlaps(busy)) {
        const BusyInterval &mine = busy.at(f.reported), &other = busy.at(f.other);
        const QString where = other.line > 0 ? Text::tr("line %1").arg(other.line) : Text::tr("already in the database");
        m_issues.add({spec.fileName, mine.line, QStringLiteral("start"),
                      Text::tr("technician %1 is double-booked: overlaps appointment %2 (%3, %4 to %5)")
                          .arg(mine.technicianId, other.appointmentId, where,
                               timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(other.startMs, Qt::UTC)),
                               timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(other.endMs, Qt::UTC)))});
    }
    return {};
}

} // namespace fieldops::interchange
