#include "workorders/WorkOrderFormModel.h"

#include "workorders/WarrantyNote.h"
#include "parts/PartsText.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace fieldops::workorders {

WorkOrderFormModel::WorkOrderFormModel(QObject *parent) : QObject(parent) {}

void WorkOrderFormModel::startNew(const QDateTime &now)
{
    m_draft = WorkOrderDraft();
    m_draft.createdAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::utc());
    m_file = CustomerFile();
    m_customerName.clear();
    m_slaOverride = QDateTime();
    m_partsProblem.clear();
    m_isNew = true;
    update(true);
    m_dirty = false;
}

void WorkOrderFormModel::startEdit(const WorkOrderDraft &draft, const CustomerFile &file, bool dirty)
{
    m_draft = draft;
    m_loaded = draft;
    m_file = file;
    m_isNew = false;
    m_partsProblem.clear();
    m_slaOverride = draft.slaDue;
    update(true);
    m_dirty = dirty;
}

void WorkOrderFormModel::setSkillsOffered(const QVector<Skill> &skills)
{
    m_skills = skills;
    update();
}

void WorkOrderFormModel::setCustomer(const QString &customerId, const QString &customerName, const CustomerFile &file)
{
    m_draft.customerId = customerId;
    m_customerName = customerName;
    m_file = file;
    m_draft.siteId = file.sites.size() == 1 ? file.sites.front().id : QString();
    m_draft.assetId.clear();
    chooseContract();
    m_dirty = true;
    update(true);
}

void WorkOrderFormModel::chooseContract()
{
    // Only a new work order follows the place; an existing one keeps the contract it was
    // opened under.
    if (!m_isNew)
        return;
    const ContractChoice *k = m_file.activeContract(m_draft.createdAt.toUTC().date(), m_draft.siteId, m_draft.assetId);
    m_draft.contractId = k ? k->terms.id : QString();
}

void WorkOrderFormModel::setSite(const QString &siteId)
{
    if (siteId == m_draft.siteId)
        return;
    m_draft.siteId = siteId;
    if (const Asset *a = m_file.asset(m_draft.assetId); !a || a->siteId != siteId)
        m_draft.assetId.clear();
    chooseContract();
    m_dirty = true;
    update(true);
}

void WorkOrderFormModel::setAsset(const QString &assetId)
{
    if (assetId == m_draft.assetId)
        return;
    m_draft.assetId = assetId;
    chooseContract();
    m_dirty = true;
    update(true);
}

void WorkOrderFormModel::setType(const QString &type) { m_draft.type = type; m_dirty = true; update(); }
void WorkOrderFormModel::setPriority(int priority) { m_draft.priority = priority; m_dirty = true; update(); }
void WorkOrderFormModel::setSummary(const QString &summary) { m_draft.summary = summary; m_dirty = true; update(); }
void WorkOrderFormModel::setDescription(const QString &description) { m_draft.description = description; m_dirty = true; update(); }
void WorkOrderFormModel::setRequiredSkills(const QStringList &skills) { m_draft.requiredSkills = skills; m_dirty = true; update(); }
void WorkOrderFormModel::setPartsText(const QString &text)
{
    m_partsProblem.clear();
    const std::vector<parts::PartNeed> parts = parts::parsePartsText(text, &m_partsProblem);
    if (m_partsProblem.isEmpty())
        WorkOrderIntake::setParts(m_draft, parts);
    m_dirty = true;
    update();
}

QString WorkOrderFormModel::partsText() const { return parts::partsText(WorkOrderIntake::partsOf(m_draft)); }

void WorkOrderFormModel::setDurationMin(int minutes) { m_draft.durationMin = minutes; m_dirty = true; update(); }

void WorkOrderFormModel::setWindow(const QDateTime &start, const QDateTime &end)
{
    m_draft.windowStart = start.isValid() ? start.toUTC() : QDateTime();
    m_draft.windowEnd = end.isValid() ? end.toUTC() : QDateTime();
    m_dirty = true;
    update();
}

void WorkOrderFormModel::setSlaDueOverride(const QDateTime &due)
{
    m_slaOverride = due.isValid() ? due.toUTC() : QDateTime();
    m_dirty = true;
    update();
}

QString WorkOrderFormModel::issue(const QString &field) const
{
    for (const FieldIssue &i : m_issues)
        if (i.field == field)
            return i.message;
    return {};
}

QString WorkOrderFormModel::warrantyText() const
{
    const Asset *a = m_file.asset(m_draft.assetId);
    if (!a || !a->warrantyUntil.isValid())
        return {};
    const QDate day = m_draft.createdAt.date();
    return a->warrantyUntil >= day ? tr("Under warranty until %1").arg(a->warrantyUntil.toString(Qt::ISODate))
                                   : tr("Warranty ended on %1").arg(a->warrantyUntil.toString(Qt::ISODate));
}

QString WorkOrderFormModel::warrantyNote() const
{
    if (m_draft.type != QLatin1String("corrective"))
        return {};
    return workorders::warrantyNote(m_file.asset(m_draft.assetId), m_draft.createdAt.toUTC().date());
}

void WorkOrderFormModel::update(bool placeMoved)
{
    // The SLA: the contract's terms in the site's time zone and holiday calendar, unless
    // the user typed a time. The response deadline always follows the contract.
    const Site *site = m_file.site(m_draft.siteId);
    std::optional<SlaContractTerms> terms;
    if (const ContractChoice *k = m_file.contract(m_draft.contractId))
        terms = k->terms;
    m_quote = SlaPolicy::quote(m_draft.createdAt, m_draft.priority, terms, m_file.placeOf(m_draft.siteId, terms ? &*terms : nullptr));
    m_draft.slaDue = m_slaOverride.isValid() ? m_slaOverride : m_quote.due;
    // An existing work order keeps the response deadline it was given until what it is
    // counted from changes (its contract's terms may have changed since).
    const bool termsMoved = m_isNew || m_draft.priority != m_loaded.priority || m_draft.siteId != m_loaded.siteId
        || m_draft.contractId != m_loaded.contractId;
    m_draft.responseDue = termsMoved ? m_quote.responseDue : m_loaded.responseDue;

    m_issues = WorkOrderIntake::checkValues(m_draft, m_isNew);
    if (m_isNew && m_draft.customerId.isEmpty())
        m_issues.push_back({QStringLiteral("customer_id"), tr("choose the customer who called")});
    if (!m_draft.customerId.isEmpty() && !m_draft.siteId.isEmpty() && !site)
        m_issues.push_back({QStringLiteral("site_id"), tr("site %1 is not one of this customer's").arg(m_draft.siteId)});
    if (!m_draft.customerId.isEmpty() && m_file.sites.isEmpty())
        m_issues.push_back({QStringLiteral("site_id"), tr("this customer has no site yet: add one on the customer's page")});
    if (!m_draft.assetId.isEmpty()) {
        const Asset *a = m_file.asset(m_draft.assetId);
        if (!a || a->siteId != m_draft.siteId)
            m_issues.push_back({QStringLiteral("asset_id"), tr("asset %1 is not at this site").arg(m_draft.assetId)});
    }
    if (m_draft.summary.trimmed().isEmpty())
        m_issues.push_back({QStringLiteral("summary"), tr("say in a few words what the customer reported")});
    QStringList unknown;
    for (const QString &s : m_draft.requiredSkills) {
        const bool known = std::any_of(m_skills.begin(), m_skills.end(), [&](const Skill &k) { return k.code == s; });
        if (!known)
            unknown << s;
    }
    if (!unknown.isEmpty() && !m_skills.isEmpty())
        m_issues.push_back({QStringLiteral("required_skills"), tr("unknown skill(s): %1").arg(unknown.join(QStringLiteral(", ")))});
    if (!m_partsProblem.isEmpty())
        m_issues.push_back({QStringLiteral("parts_needed"), m_partsProblem});
    // The duplicate "site_id: choose the site" and "not one of this customer's" say one thing.
    FieldIssues unique;
    for (const FieldIssue &i : std::as_const(m_issues))
        if (std::none_of(unique.begin(), unique.end(), [&](const FieldIssue &u) { return u.field == i.field; }))
            unique.push_back(i);
    m_issues = unique;
    WorkOrderIntake::sortByField(m_issues);
    emit changed();
    if (placeMoved)
        emit placeChanged();
}

} // namespace fieldops::workorders
