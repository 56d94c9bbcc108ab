#include "technicians/TechnicianFormModel.h"

#include "technicians/AbsenceRules.h"
#include "technicians/TechnicianRules.h"

#include <algorithm>

namespace fieldops::technicians {

namespace {

QString issueOf(const FieldIssues &issues, const QString &field)
{
    for (const FieldIssue &i : issues)
        if (i.field == field)
            return i.message;
    return {};
}

} // namespace

TechnicianFormModel::TechnicianFormModel(QObject *parent) : QObject(parent) { update(); }

void TechnicianFormModel::startNew()
{
    m_draft = TechnicianDraft();
    m_isNew = true;
    m_serverIssues.clear();
    update();
    m_dirty = false;
}

void TechnicianFormModel::startEdit(const TechnicianDraft &draft, bool dirty)
{
    m_draft = draft;
    m_isNew = false;
    m_serverIssues.clear();
    update();
    m_dirty = dirty;
}

void TechnicianFormModel::setCatalog(const TechnicianCatalog &catalog)
{
    m_catalog = catalog;
    update();
}

void TechnicianFormModel::edited(const QString &field)
{
    m_dirty = true;
    m_serverIssues.erase(std::remove_if(m_serverIssues.begin(), m_serverIssues.end(),
                                        [&](const FieldIssue &i) { return i.field == field; }),
                         m_serverIssues.end());
    update();
}

void TechnicianFormModel::setId(const QString &id) { if (m_draft.id != id) { m_draft.id = id; edited(QStringLiteral("id")); } }
void TechnicianFormModel::setName(const QString &name) { if (m_draft.name != name) { m_draft.name = name; edited(QStringLiteral("name")); } }
void TechnicianFormModel::setEmployment(const QString &e) { if (m_draft.employment != e) { m_draft.employment = e; edited(QStringLiteral("employment")); } }
void TechnicianFormModel::setTerritory(const QString &t) { if (m_draft.territoryId != t) { m_draft.territoryId = t; edited(QStringLiteral("territory_id")); } }
void TechnicianFormModel::setHomeLat(const QString &t) { if (m_draft.homeLat != t) { m_draft.homeLat = t; edited(QStringLiteral("home_lat")); } }
void TechnicianFormModel::setHomeLon(const QString &t) { if (m_draft.homeLon != t) { m_draft.homeLon = t; edited(QStringLiteral("home_lon")); } }
void TechnicianFormModel::setTimeZone(const QString &z) { if (m_draft.timeZone != z) { m_draft.timeZone = z; edited(QStringLiteral("time_zone")); } }
void TechnicianFormModel::setShiftStart(const QString &c) { if (m_draft.shiftStart != c) { m_draft.shiftStart = c; edited(QStringLiteral("shift_start")); } }
void TechnicianFormModel::setShiftEnd(const QString &c) { if (m_draft.shiftEnd != c) { m_draft.shiftEnd = c; edited(QStringLiteral("shift_end")); } }
void TechnicianFormModel::setWorkDays(const QStringList &d) { if (m_draft.workDays != d) { m_draft.workDays = d; edited(QStringLiteral("work_days")); } }
void TechnicianFormModel::setHourlyCost(const QString &t) { if (m_draft.hourlyCost != t) { m_draft.hourlyCost = t; edited(QStringLiteral("hourly_cost")); } }
void TechnicianFormModel::setActive(bool a) { if (m_draft.active != a) { m_draft.active = a; edited(QStringLiteral("active")); } }
void TechnicianFormModel::setSkills(const QStringList &s) { if (m_draft.skills != s) { m_draft.skills = s; edited(QStringLiteral("skills")); } }

void TechnicianFormModel::setServerIssues(const FieldIssues &issues)
{
    m_serverIssues = issues;
    update();
}

QString TechnicianFormModel::issue(const QString &field) const { return issueOf(m_issues, field); }

void TechnicianFormModel::update()
{
    m_issues = TechnicianRules::checkValues(m_draft, m_isNew);
    if (!m_draft.territoryId.isEmpty() && !m_catalog.territories.isEmpty()
        && std::none_of(m_catalog.territories.begin(), m_catalog.territories.end(),
                        [&](const Territory &t) { return t.id == m_draft.territoryId; }))
        m_issues.push_back({QStringLiteral("territory_id"), tr("unknown territory \"%1\"").arg(m_draft.territoryId)});
    QStringList unknown;
    for (const QString &s : m_draft.skills)
        if (std::none_of(m_catalog.skills.begin(), m_catalog.skills.end(), [&](const Skill &k) { return k.code == s; }))
            unknown << s;
    if (!unknown.isEmpty() && !m_catalog.skills.isEmpty())
        m_issues.push_back({QStringLiteral("skills"), tr("unknown skill(s): %1").arg(unknown.join(QStringLiteral(", ")))});
    for (const FieldIssue &i : std::as_const(m_serverIssues))
        if (issueOf(m_issues, i.field).isEmpty())
            m_issues.push_back(i);
    TechnicianRules::sortByField(m_issues);
    emit changed();
}

AbsenceFormModel::AbsenceFormModel(QObject *parent) : QObject(parent) {}

void AbsenceFormModel::start(const AbsenceDraft &draft, const QVector<AbsenceDraft> &others)
{
    m_draft = draft;
    m_others = others;
    m_visits.clear();
    m_coveredKnown = false;
    update(true);
}

void AbsenceFormModel::setStart(const QDateTime &start)
{
    if (m_draft.start == start.toUTC())
        return;
    m_draft.start = start.toUTC();
    update(true);
}

void AbsenceFormModel::setEnd(const QDateTime &end)
{
    if (m_draft.end == end.toUTC())
        return;
    m_draft.end = end.toUTC();
    update(true);
}

void AbsenceFormModel::setReason(const QString &reason)
{
    m_draft.reason = reason;
    update(false);
}

void AbsenceFormModel::setCoveredVisits(const QDateTime &start, const QDateTime &end, const CoveredVisits &visits)
{
    if (start.toUTC() != m_draft.start || end.toUTC() != m_draft.end)
        return;
    m_visits = visits;
    m_coveredKnown = true;
    update(false);
}

void AbsenceFormModel::setReturnVisits(bool returnThem)
{
    m_return = returnThem;
    update(false);
}

QStringList AbsenceFormModel::visitsToReturn() const
{
    QStringList ids;
    if (m_return)
        for (const CoveredVisit &v : m_visits)
            ids << v.id;
    return ids;
}

QString AbsenceFormModel::issue(const QString &field) const { return issueOf(m_issues, field); }

void AbsenceFormModel::update(bool intervalMoved)
{
    if (intervalMoved) {
        m_visits.clear();
        m_coveredKnown = false;
    }
    m_issues = AbsenceRules::checkValues(m_draft, m_others);
    emit changed();
    if (intervalMoved)
        emit intervalChanged();
}

} // namespace fieldops::technicians
