#include "technicians/TechnicianRules.h"

#include "domain/Vocabulary.h"
#include "interchange/CellCodec.h"
#include "interchange/InterchangeSchema.h"
#include "records/RecordSpec.h"
#include "storage/Database.h"

#include <algorithm>
#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace fieldops::technicians {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TechnicianRules)
};

constexpr int kMaxId = 64;
constexpr int kMaxName = 200;

// A cell checked by the importer's own column rule: the same message for the same value
// whether it was typed in the form or read from technicians.csv.
bool checkColumn(const QString &column, const QString &text, FieldIssues &issues, QVariant *parsed = nullptr)
{
    const interchange::ColumnSpec *spec = interchange::fileSpec(QStringLiteral("technicians.csv"))->column(column);
    QVariant value;
    QString error;
    if (spec && !interchange::CellCodec(QStringLiteral("UTC")).parse(*spec, text, value, error)) {
        issues.push_back({column, error});
        return false;
    }
    if (parsed)
        *parsed = value;
    return true;
}

bool hasSpace(const QString &id)
{
    for (QChar c : id)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    return false;
}

QStringList weekOrdered(const QStringList &days)
{
    QStringList out;
    for (const QString &d : vocabulary::weekDays())
        if (days.contains(d))
            out << d;
    return out;
}

bool toBool(const QVariant &v) { return v.metaType().id() == QMetaType::Bool ? v.toBool() : v.toInt() != 0; }

} // namespace

void TechnicianRules::sortByField(FieldIssues &issues)
{
    static const QStringList order{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("employment"),
                                   QStringLiteral("skills"), QStringLiteral("territory_id"), QStringLiteral("home_lat"),
                                   QStringLiteral("home_lon"), QStringLiteral("time_zone"), QStringLiteral("shift_start"),
                                   QStringLiteral("shift_end"), QStringLiteral("work_days"), QStringLiteral("hourly_cost"),
                                   QStringLiteral("active")};
    std::stable_sort(issues.begin(), issues.end(),
                     [](const FieldIssue &a, const FieldIssue &b) { return order.indexOf(a.field) < order.indexOf(b.field); });
}

FieldIssues TechnicianRules::checkValues(const TechnicianDraft &d, bool isNew)
{
    FieldIssues issues;
    if (isNew && d.id.trimmed().isEmpty())
        issues.push_back({QStringLiteral("id"), Text::tr("give the technician an id (like T-042)")});
    else if (hasSpace(d.id) || d.id.size() > kMaxId)
        issues.push_back({QStringLiteral("id"), Text::tr("an id has 1 to %1 characters and no spaces").arg(kMaxId)});
    if (d.name.trimmed().isEmpty())
        issues.push_back({QStringLiteral("name"), Text::tr("the name is required")});
    else if (d.name.size() > kMaxName)
        issues.push_back({QStringLiteral("name"), Text::tr("keep the name to %1 characters").arg(kMaxName)});
    if (d.employment.trimmed().isEmpty())
        issues.push_back({QStringLiteral("employment"), Text::tr("choose one of %1").arg(vocabulary::employmentTypes().join(QStringLiteral(", ")))});
    else
        checkColumn(QStringLiteral("employment"), d.employment, issues);
    if (d.homeLat.trimmed().isEmpty())
        issues.push_back({QStringLiteral("home_lat"), Text::tr("where the technician starts the day: a latitude is required")});
    else
        checkColumn(QStringLiteral("home_lat"), d.homeLat, issues);
    if (d.homeLon.trimmed().isEmpty())
        issues.push_back({QStringLiteral("home_lon"), Text::tr("where the technician starts the day: a longitude is required")});
    else
        checkColumn(QStringLiteral("home_lon"), d.homeLon, issues);
    if (d.timeZone.trimmed().isEmpty())
        issues.push_back({QStringLiteral("time_zone"), Text::tr("choose the time zone the shift is worked in")});
    else
        checkColumn(QStringLiteral("time_zone"), d.timeZone, issues);
    QVariant start, end;
    const bool startOk = checkColumn(QStringLiteral("shift_start"), d.shiftStart.isEmpty() ? QStringLiteral("?") : d.shiftStart, issues, &start);
    const bool endOk = checkColumn(QStringLiteral("shift_end"), d.shiftEnd.isEmpty() ? QStringLiteral("?") : d.shiftEnd, issues, &end);
    if (startOk && endOk && end.toString() <= start.toString())
        issues.push_back({QStringLiteral("shift_end"), Text::tr("the shift must end after it starts (%1)").arg(start.toString())});
    if (d.workDays.isEmpty())
        issues.push_back({QStringLiteral("work_days"), Text::tr("choose at least one working day")});
    else
        checkColumn(QStringLiteral("work_days"), d.workDays.join(QLatin1Char(';')), issues);
    if (!d.hourlyCost.trimmed().isEmpty())
        checkColumn(QStringLiteral("hourly_cost"), d.hourlyCost, issues);
    sortByField(issues);
    return issues;
}

Result<FieldIssues> TechnicianRules::check(const TechnicianDraft &d, bool isNew)
{
    FieldIssues issues = checkValues(d, isNew);
    if (Status s = checkReferences(d, isNew, issues); !s)
        return s.error();
    sortByField(issues);
    return issues;
}

Status TechnicianRules::checkReferences(const TechnicianDraft &d, bool isNew, FieldIssues &issues)
{
    if (isNew && !d.id.trimmed().isEmpty()) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = ?"), {d.id});
        if (!n)
            return n.error();
        if (n->toInt() > 0)
            issues.push_back({QStringLiteral("id"), Text::tr("technician %1 already exists").arg(d.id)});
    }
    if (!d.territoryId.isEmpty()) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM territories WHERE id = ?"), {d.territoryId});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            issues.push_back({QStringLiteral("territory_id"), Text::tr("unknown territory \"%1\"").arg(d.territoryId)});
    }
    QStringList unknown;
    for (const QString &skill : d.skills) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM skills WHERE code = ?"), {skill});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            unknown << skill;
    }
    if (!unknown.isEmpty())
        issues.push_back({QStringLiteral("skills"), Text::tr("unknown skill(s): %1").arg(unknown.join(QStringLiteral(", ")))});
    return {};
}

Result<TechnicianDraft> TechnicianRules::load(const QString &id)
{
    auto q = m_db.run(QStringLiteral("SELECT name, employment, territory_id, home_lat, home_lon, time_zone, shift_start, shift_end, "
                                     "work_days, hourly_cost, active, version FROM technicians WHERE id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("technician %1 does not exist").arg(id), {}};
    TechnicianDraft d;
    d.id = id;
    d.name = q->value(0).toString();
    d.employment = q->value(1).toString();
    d.territoryId = q->value(2).toString();
    d.homeLat = QString::number(q->value(3).toDouble(), 'g', 10);
    d.homeLon = QString::number(q->value(4).toDouble(), 'g', 10);
    d.timeZone = q->value(5).toString();
    d.shiftStart = q->value(6).toString();
    d.shiftEnd = q->value(7).toString();
    d.workDays = q->value(8).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    d.hourlyCost = q->value(9).isNull() ? QString() : QString::number(q->value(9).toDouble(), 'g', 10);
    d.active = toBool(q->value(10));
    d.version = q->value(11).toInt();
    q->finish();
    auto skills = m_db.run(QStringLiteral("SELECT skill_code FROM technician_skills WHERE technician_id = ? ORDER BY skill_code"), {id});
    if (!skills)
        return skills.error();
    while (skills->next())
        d.skills << skills->value(0).toString();
    return d;
}

Result<QVector<TechnicianRow>> TechnicianRules::list(const TechnicianFilter &f)
{
    QStringList where;
    QVariantList binds;
    if (!f.text.trimmed().isEmpty()) {
        where << QStringLiteral("(lower(t.name) LIKE ? OR lower(t.id) LIKE ?)");
        const QString like = QLatin1Char('%') + f.text.trimmed().toLower() + QLatin1Char('%');
        binds << like << like;
    }
    if (!f.territoryId.isEmpty()) {
        where << QStringLiteral("t.territory_id = ?");
        binds << f.territoryId;
    }
    if (!f.employment.isEmpty()) {
        where << QStringLiteral("t.employment = ?");
        binds << f.employment;
    }
    if (f.activity != TechnicianFilter::Activity::Any) {
        where << QStringLiteral("t.active = ?");
        binds << (f.activity == TechnicianFilter::Activity::Active);
    }
    const QString sql = QStringLiteral("SELECT t.id, t.name, t.employment, t.territory_id, r.name, t.active FROM technicians t "
                                       "LEFT JOIN territories r ON r.id = t.territory_id %1 ORDER BY t.name, t.id")
                            .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")));
    auto q = m_db.run(sql, binds);
    if (!q)
        return q.error();
    QVector<TechnicianRow> rows;
    QHash<QString, int> index;
    while (q->next()) {
        TechnicianRow r;
        r.id = q->value(0).toString();
        r.name = q->value(1).toString();
        r.employment = q->value(2).toString();
        r.territoryId = q->value(3).toString();
        r.territoryName = q->value(4).toString();
        r.active = toBool(q->value(5));
        index.insert(r.id, int(rows.size()));
        rows.push_back(r);
    }
    q->finish();
    auto skills = m_db.run(QStringLiteral("SELECT technician_id, skill_code FROM technician_skills ORDER BY technician_id, skill_code"));
    if (!skills)
        return skills.error();
    while (skills->next()) {
        const int i = index.value(skills->value(0).toString(), -1);
        if (i >= 0)
            rows[i].skills << skills->value(1).toString();
    }
    return rows;
}

Result<TechnicianCatalog> TechnicianRules::catalog()
{
    TechnicianCatalog c;
    auto t = m_db.run(QStringLiteral("SELECT id, name, version FROM territories ORDER BY name, id"));
    if (!t)
        return t.error();
    while (t->next())
        c.territories.push_back({t->value(0).toString(), t->value(1).toString(), t->value(2).toInt()});
    t->finish();
    auto s = m_db.run(QStringLiteral("SELECT code, name FROM skills ORDER BY name, code"));
    if (!s)
        return s.error();
    while (s->next())
        c.skills.push_back({s->value(0).toString(), s->value(1).toString()});
    return c;
}

records::RecordValues TechnicianRules::values(const TechnicianDraft &d)
{
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullReal(QMetaType::fromType<double>());
    QStringList skills = d.skills;
    skills.sort();
    skills.removeDuplicates();
    return {
        {QStringLiteral("name"), d.name.trimmed()},
        {QStringLiteral("employment"), d.employment},
        {QStringLiteral("territory_id"), d.territoryId.isEmpty() ? nullText : QVariant(d.territoryId)},
        {QStringLiteral("home_lat"), d.homeLat.trimmed().toDouble()},
        {QStringLiteral("home_lon"), d.homeLon.trimmed().toDouble()},
        {QStringLiteral("time_zone"), d.timeZone.trimmed()},
        {QStringLiteral("shift_start"), d.shiftStart.trimmed()},
        {QStringLiteral("shift_end"), d.shiftEnd.trimmed()},
        {QStringLiteral("work_days"), weekOrdered(d.workDays).join(QLatin1Char(';'))},
        {QStringLiteral("hourly_cost"), d.hourlyCost.trimmed().isEmpty() ? nullReal : QVariant(d.hourlyCost.trimmed().toDouble())},
        {QStringLiteral("active"), d.active},
        {QStringLiteral("skills"), skills},
    };
}

records::RecordEdits TechnicianRules::createEdits(const TechnicianDraft &d)
{
    return records::createEdit(records::technicianSpec(), d.id.trimmed(), values(d));
}

records::RecordEdits TechnicianRules::updateEdits(const TechnicianDraft &before, const TechnicianDraft &after)
{
    return records::updateEdit(records::technicianSpec(), before.id, before.version, values(before), values(after));
}

Result<SavedTechnician> TechnicianRules::save(Database &db, const TechnicianDraft &draft, bool isNew, const TechnicianDraft &before)
{
    SavedTechnician saved;
    saved.draft = draft;
    saved.draft.id = draft.id.trimmed();
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    auto issues = TechnicianRules(db).check(saved.draft, isNew);
    if (!issues)
        return issues.error();
    if (!issues->isEmpty()) {
        saved.issues = *issues;
        return saved;
    }
    saved.edits = isNew ? createEdits(saved.draft) : updateEdits(before, saved.draft);
    if (saved.edits.isEmpty())
        return saved;
    if (Status s = records::applyEdits(db, saved.edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    saved.draft.version = saved.edits.front().version;
    return saved;
}

Result<SavedTechnician> TechnicianRules::setActive(Database &db, const QString &id, int seenVersion, bool active)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    auto loaded = TechnicianRules(db).load(id);
    if (!loaded)
        return loaded.error();
    TechnicianDraft seen = *loaded;
    seen.version = seenVersion; // a change since the user looked is a lost race
    TechnicianDraft changed = seen;
    changed.active = active;
    SavedTechnician saved;
    saved.draft = changed;
    saved.edits = updateEdits(seen, changed);
    if (saved.edits.isEmpty())
        return saved;
    if (Status s = records::applyEdits(db, saved.edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    saved.draft.version = saved.edits.front().version;
    return saved;
}

} // namespace fieldops::technicians
