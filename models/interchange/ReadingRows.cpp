#include "interchange/ReadingRows.h"

#include "domain/Vocabulary.h"
#include "field/ReadingHours.h"
#include "field/ReadingPartitions.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace fieldops::interchange {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};

struct Columns {
    int asset, kind, unit;
    explicit Columns(const FileSpec &spec)
        : asset(spec.indexOf(QStringLiteral("asset_id"))), kind(spec.indexOf(QStringLiteral("kind"))), unit(spec.indexOf(QStringLiteral("unit")))
    {
    }
};

} // namespace

void checkReadingUnits(const ParsedFile &readings, IssueSink &issues)
{
    const Columns c(*readings.spec);
    // The file replaces every reading of its assets, so only its own rows must agree.
    QHash<QString, QPair<QString, int>> firstUnit; // asset + kind → unit, line
    for (const ParsedRow &row : readings.rows) {
        if (!row.valid || row.values.isEmpty())
            continue;
        const QString asset = row.values.at(c.asset).toString(), kind = row.values.at(c.kind).toString();
        const QString unit = row.values.at(c.unit).toString().trimmed();
        const QString canonical = vocabulary::canonicalReadingUnit(kind);
        if (!canonical.isNull()) {
            if (!unit.isEmpty() && unit != canonical)
                issues.add({readings.spec->fileName, row.line, QStringLiteral("unit"),
                            Text::tr("%1 readings are in \"%2\", not \"%3\"").arg(kind, canonical, unit)});
            continue;
        }
        const QString key = asset + QLatin1Char('\n') + kind;
        const auto it = firstUnit.constFind(key);
        if (it == firstUnit.constEnd())
            firstUnit.insert(key, {unit, row.line});
        else if (it->first != unit)
            issues.add({readings.spec->fileName, row.line, QStringLiteral("unit"),
                        Text::tr("%1 readings of asset %2 are in \"%3\" (line %4), not \"%5\"").arg(kind, asset, it->first).arg(it->second).arg(unit)});
    }
}

void fillCanonicalUnits(ParsedFile &readings)
{
    const Columns c(*readings.spec);
    for (ParsedRow &row : readings.rows) {
        if (row.values.isEmpty())
            continue;
        const QString canonical = vocabulary::canonicalReadingUnit(row.values.at(c.kind).toString());
        if (!canonical.isNull())
            row.values[c.unit] = canonical;
        else
            row.values[c.unit] = row.values.at(c.unit).toString().trimmed();
    }
}

Status rebuildReadingHours(Database &db, const ParsedFile &readings)
{
    const Columns c(*readings.spec);
    QSet<QString> seen;
    QStringList assets;
    for (const ParsedRow &row : readings.rows) {
        const QString asset = row.values.isEmpty() ? QString() : row.values.at(c.asset).toString();
        if (!asset.isEmpty() && !seen.contains(asset)) {
            seen.insert(asset);
            assets << asset;
        }
    }
    return field::ReadingHours::rebuild(db, assets);
}

Status coverReadingWeeks(Database &db, const ParsedFile &readings)
{
    const int at = readings.spec->indexOf(QStringLiteral("at"));
    QDateTime first, last;
    for (const ParsedRow &row : readings.rows) {
        if (row.values.isEmpty())
            continue;
        const QDateTime t = row.values.at(at).toDateTime();
        if (!t.isValid())
            continue;
        if (!first.isValid() || t < first)
            first = t;
        if (!last.isValid() || t > last)
            last = t;
    }
    if (!first.isValid())
        return {};
    return field::ReadingPartitions().cover(db, first, last);
}

} // namespace fieldops::interchange
