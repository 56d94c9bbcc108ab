#include "workorders/WorkOrderIntake.h"

#include "domain/Vocabulary.h"
#include "interchange/CellCodec.h"
#include "interchange/InterchangeSchema.h"
#include "records/RecordSpec.h"
#include "records/RecordWriter.h"
#include "storage/Database.h"
#include "storage/SequentialIds.h"
#include "util/TimeFormat.h"
#include "workorders/ContractTermsRows.h"
#include "workorders/IntakeCatalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>
#include <QTimeZone>

namespace fieldops::workorders {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(WorkOrderIntake)
};

constexpr int kMaxDurationMin = 7 * 24 * 60;
constexpr int kMaxSummary = 200;
constexpr int kMaxDescription = 10000;
constexpr int kMaxReason = 500;

// A number checked by the interchange's own column rule, so the form, the CLI and an
// imported CSV give the same message for the same value.
void checkColumn(const QString &column, const QString &text, FieldIssues &issues)
{
    const interchange::ColumnSpec *spec = interchange::fileSpec(QStringLiteral("work_orders.csv"))->column(column);
    QVariant value;
    QString error;
    if (spec && !interchange::CellCodec(QStringLiteral("UTC")).parse(*spec, text, value, error))
        issues.push_back({column, error});
}

bool hasSpace(const QString &id)
{
    for (QChar c : id)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    return false;
}

} // namespace

Result<FieldIssues> WorkOrderIntake::check(const WorkOrderDraft &d, bool isNew)
{
    FieldIssues issues = checkValues(d, isNew);
    if (Status s = checkReferences(d, isNew, issues); !s)
        return s.error();
    sortByField(issues);
    return issues;
}

void WorkOrderIntake::sortByField(FieldIssues &issues)
{
    // Field order, as the form lists them, so the first message is the topmost field's.
    static const QStringList order{QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("site_id"), QStringLiteral("asset_id"),
                                   QStringLiteral("contract_id"), QStringLiteral("type"), QStringLiteral("priority"),
                                   QStringLiteral("summary"), QStringLiteral("description"), QStringLiteral("required_skills"),
                                   QStringLiteral("parts_needed"), QStringLiteral("duration_min"), QStringLiteral("window_start"), QStringLiteral("window_end"),
                                   QStringLiteral("created_at"), QStringLiteral("sla_due"), QStringLiteral("response_due"), QStringLiteral("status"),
                                   QStringLiteral("cancel_reason")};
    std::stable_sort(issues.begin(), issues.end(),
                     [](const FieldIssue &a, const FieldIssue &b) { return order.indexOf(a.field) < order.indexOf(b.field); });
}

FieldIssues WorkOrderIntake::checkValues(const WorkOrderDraft &d, bool isNew)
{
    FieldIssues issues;
    if (!d.id.isEmpty() && (hasSpace(d.id) || d.id.size() > 64))
        issues.push_back({QStringLiteral("id"), Text::tr("an id has 1 to 64 characters and no spaces")});
    if (d.siteId.trimmed().isEmpty())
        issues.push_back({QStringLiteral("site_id"), Text::tr("choose the site where the work is done")});
    if (!vocabulary::workOrderTypes().contains(d.type))
        issues.push_back({QStringLiteral("type"), Text::tr("\"%1\" is not one of %2").arg(d.type, vocabulary::workOrderTypes().join(QStringLiteral(", ")))});
    checkColumn(QStringLiteral("priority"), QString::number(d.priority), issues);
    checkColumn(QStringLiteral("duration_min"), QString::number(d.durationMin), issues);
    if (d.durationMin > kMaxDurationMin)
        issues.push_back({QStringLiteral("duration_min"), Text::tr("%1 is more than a week (%2 minutes)").arg(d.durationMin).arg(kMaxDurationMin)});
    if (d.windowStart.isValid() && d.windowEnd.isValid() && d.windowEnd <= d.windowStart)
        issues.push_back({QStringLiteral("window_end"), Text::tr("the customer's window must end after it starts")});
    if (!d.createdAt.isValid())
        issues.push_back({QStringLiteral("created_at"), Text::tr("the time the call came in is missing")});
    if (d.slaDue.isValid() && d.createdAt.isValid() && d.slaDue <= d.createdAt)
        issues.push_back({QStringLiteral("sla_due"), Text::tr("the SLA must fall due after the work order was created")});
    if (!vocabulary::workOrderStatuses().contains(d.status))
        issues.push_back({QStringLiteral("status"), Text::tr("\"%1\" is not one of %2").arg(d.status, vocabulary::workOrderStatuses().join(QStringLiteral(", ")))});
    else if (isNew && d.status != QLatin1String("open"))
        issues.push_back({QStringLiteral("status"), Text::tr("a new work order starts open")});
    if (d.summary.size() > kMaxSummary)
        issues.push_back({QStringLiteral("summary"), Text::tr("keep the summary to %1 characters (it has %2)").arg(kMaxSummary).arg(d.summary.size())});
    if (d.description.size() > kMaxDescription)
        issues.push_back({QStringLiteral("description"), Text::tr("the description is longer than %1 characters").arg(kMaxDescription)});
    if (d.cancelReason.size() > kMaxReason)
        issues.push_back({QStringLiteral("cancel_reason"), Text::tr("the reason is longer than %1 characters").arg(kMaxReason)});
    return issues;
}

Status WorkOrderIntake::checkReferences(const WorkOrderDraft &d, bool isNew, FieldIssues &issues)
{
    if (isNew && !d.id.isEmpty()) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = ?"), {d.id});
        if (!n)
            return n.error();
        if (n->toInt() > 0)
            issues.push_back({QStringLiteral("id"), Text::tr("work order %1 already exists").arg(d.id)});
    }
    if (!d.customerId.isEmpty()) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE id = ?"), {d.customerId});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            issues.push_back({QStringLiteral("customer_id"), Text::tr("unknown customer \"%1\"").arg(d.customerId)});
    }
    QString siteCustomer;
    if (!d.siteId.trimmed().isEmpty()) {
        auto c = m_db.scalar(QStringLiteral("SELECT customer_id FROM sites WHERE id = ?"), {d.siteId});
        if (!c)
            return c.error();
        if (!c->isValid())
            issues.push_back({QStringLiteral("site_id"), Text::tr("unknown site \"%1\"").arg(d.siteId)});
        else {
            siteCustomer = c->toString();
            if (!d.customerId.isEmpty() && siteCustomer != d.customerId)
                issues.push_back({QStringLiteral("site_id"), Text::tr("site %1 belongs to customer %2, not to %3").arg(d.siteId, siteCustomer, d.customerId)});
        }
    }
    if (!d.assetId.isEmpty()) {
        auto s = m_db.scalar(QStringLiteral("SELECT site_id FROM assets WHERE id = ?"), {d.assetId});
        if (!s)
            return s.error();
        if (!s->isValid())
            issues.push_back({QStringLiteral("asset_id"), Text::tr("unknown asset \"%1\"").arg(d.assetId)});
        else if (!d.siteId.isEmpty() && s->toString() != d.siteId)
            issues.push_back({QStringLiteral("asset_id"), Text::tr("asset %1 is at site %2, not at %3").arg(d.assetId, s->toString(), d.siteId)});
    }
    if (!d.contractId.isEmpty()) {
        auto c = m_db.scalar(QStringLiteral("SELECT customer_id FROM contracts WHERE id = ?"), {d.contractId});
        if (!c)
            return c.error();
        if (!c->isValid())
            issues.push_back({QStringLiteral("contract_id"), Text::tr("unknown contract \"%1\"").arg(d.contractId)});
        else if (!siteCustomer.isEmpty() && c->toString() != siteCustomer)
            issues.push_back({QStringLiteral("contract_id"), Text::tr("contract %1 is customer %2's, not the site's customer %3").arg(d.contractId, c->toString(), siteCustomer)});
    }
    QStringList unknown;
    for (const QString &skill : d.requiredSkills) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM skills WHERE code = ?"), {skill});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            unknown << skill;
    }
    if (!unknown.isEmpty())
        issues.push_back({QStringLiteral("required_skills"), Text::tr("unknown skill(s): %1").arg(unknown.join(QStringLiteral(", ")))});
    QStringList unknownParts;
    for (const parts::PartNeed &p : partsOf(d)) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM parts WHERE sku = ?"), {p.sku});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            unknownParts << p.sku;
    }
    if (!unknownParts.isEmpty())
        issues.push_back({QStringLiteral("parts_needed"), Text::tr("unknown part(s): %1").arg(unknownParts.join(QStringLiteral(", ")))});
    return {};
}

Result<CustomerFile> WorkOrderIntake::fileOfSite(const QString &siteId)
{
    auto customer = m_db.scalar(QStringLiteral("SELECT customer_id FROM sites WHERE id = ?"), {siteId});
    if (!customer)
        return customer.error();
    if (!customer->isValid())
        return CustomerFile();
    return IntakeCatalog(m_db).customerFile(customer->toString());
}

Result<std::optional<SlaContractTerms>> WorkOrderIntake::activeContract(const QString &siteId, const QString &assetId, const QDate &day)
{
    auto file = fileOfSite(siteId);
    if (!file)
        return file.error();
    if (const ContractChoice *k = file->activeContract(day, siteId, assetId))
        return std::optional<SlaContractTerms>(k->terms);
    return std::optional<SlaContractTerms>();
}

Result<SlaQuote> WorkOrderIntake::proposeSla(const WorkOrderDraft &d)
{
    auto file = fileOfSite(d.siteId);
    if (!file)
        return file.error();
    return quoteFor(*file, d);
}

Result<SlaQuote> WorkOrderIntake::quoteFor(const CustomerFile &file, const WorkOrderDraft &d)
{
    std::optional<SlaContractTerms> terms;
    if (const ContractChoice *k = file.contract(d.contractId))
        terms = k->terms;
    else if (!d.contractId.isEmpty()) {
        // Another customer's contract is refused by check(); its terms still give the quote.
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM contracts k WHERE k.id = ?").arg(contractTermsColumns(QStringLiteral("k"))),
                          {d.contractId});
        if (!q)
            return q.error();
        if (q->next())
            terms = readContractTerms(*q);
    }
    const QDateTime created = d.createdAt.isValid() ? d.createdAt : QDateTime::currentDateTimeUtc();
    return SlaPolicy::quote(created, d.priority, terms, file.placeOf(d.siteId, terms ? &*terms : nullptr));
}

Result<SlaQuote> WorkOrderIntake::complete(WorkOrderDraft &d, const QDateTime &now)
{
    if (!d.createdAt.isValid())
        d.createdAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), QTimeZone::utc());
    // One read of the customer's file picks the contract and prices the SLA.
    auto file = fileOfSite(d.siteId);
    if (!file)
        return file.error();
    if (d.contractId.isEmpty() && !d.siteId.isEmpty())
        if (const ContractChoice *k = file->activeContract(d.createdAt.toUTC().date(), d.siteId, d.assetId))
            d.contractId = k->terms.id;
    auto quote = quoteFor(*file, d);
    if (!quote)
        return quote.error();
    if (!d.slaDue.isValid())
        d.slaDue = quote->due;
    if (!d.responseDue.isValid())
        d.responseDue = quote->responseDue;
    if (d.id.isEmpty()) {
        auto id = nextId();
        if (!id)
            return id.error();
        d.id = *id;
    }
    return quote;
}

Result<QString> WorkOrderIntake::nextId()
{
    return nextSequentialId(m_db, QStringLiteral("work_orders"), QStringLiteral("WO"));
}

Result<WorkOrderDraft> WorkOrderIntake::load(const QString &id)
{
    auto q = m_db.run(QStringLiteral("SELECT w.site_id, w.asset_id, w.contract_id, w.type, w.priority, w.duration_min, "
                                     "w.window_start, w.window_end, w.created_at, w.sla_due, w.status, w.summary, "
                                     "w.description, w.cancel_reason, w.version, s.customer_id, w.response_due "
                                     "FROM work_orders w JOIN sites s ON s.id = w.site_id WHERE w.id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("work order %1 does not exist").arg(id), {}};
    WorkOrderDraft d;
    d.id = id;
    d.siteId = q->value(0).toString();
    d.assetId = q->value(1).toString();
    d.contractId = q->value(2).toString();
    d.type = q->value(3).toString();
    d.priority = q->value(4).toInt();
    d.durationMin = q->value(5).toInt();
    d.windowStart = timefmt::fromSql(q->value(6));
    d.windowEnd = timefmt::fromSql(q->value(7));
    d.createdAt = timefmt::fromSql(q->value(8));
    d.slaDue = timefmt::fromSql(q->value(9));
    d.status = q->value(10).toString();
    d.summary = q->value(11).toString();
    d.description = q->value(12).toString();
    d.cancelReason = q->value(13).toString();
    d.version = q->value(14).toInt();
    d.customerId = q->value(15).toString();
    d.responseDue = timefmt::fromSql(q->value(16));
    q->finish();
    auto skills = m_db.run(QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = ? ORDER BY skill_code"), {id});
    if (!skills)
        return skills.error();
    while (skills->next())
        d.requiredSkills << skills->value(0).toString();
    skills->finish();
    auto parts = records::RecordWriter(m_db).read(records::workOrderSpec(), id, {QStringLiteral("parts_needed")});
    if (!parts)
        return parts.error();
    d.partsNeeded = parts->value(QStringLiteral("parts_needed")).toStringList();
    return d;
}

records::RecordValues WorkOrderIntake::values(const WorkOrderDraft &d)
{
    const auto optionalId = [](const QString &id) { return id.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(id); };
    // A null QString binds as NULL; the text columns hold '' for "nothing".
    const auto text = [](const QString &t) { return t.isNull() ? QVariant(QStringLiteral("")) : QVariant(t); };
    QStringList skills = d.requiredSkills;
    skills.sort();
    skills.removeDuplicates();
    QStringList parts = d.partsNeeded;
    parts.sort(); // by SKU, as they are read back
    return {
        {QStringLiteral("site_id"), d.siteId},
        {QStringLiteral("asset_id"), optionalId(d.assetId)},
        {QStringLiteral("contract_id"), optionalId(d.contractId)},
        {QStringLiteral("type"), text(d.type)},
        {QStringLiteral("priority"), d.priority},
        {QStringLiteral("duration_min"), d.durationMin},
        {QStringLiteral("window_start"), timefmt::toSql(d.windowStart)},
        {QStringLiteral("window_end"), timefmt::toSql(d.windowEnd)},
        {QStringLiteral("created_at"), timefmt::toSql(d.createdAt)},
        {QStringLiteral("sla_due"), timefmt::toSql(d.slaDue)},
        {QStringLiteral("response_due"), timefmt::toSql(d.responseDue)},
        {QStringLiteral("status"), text(d.status)},
        {QStringLiteral("summary"), text(d.summary)},
        {QStringLiteral("description"), text(d.description)},
        {QStringLiteral("cancel_reason"), text(d.cancelReason)},
        {QStringLiteral("required_skills"), skills},
        {QStringLiteral("parts_needed"), parts},
    };
}

WorkOrderDraft WorkOrderIntake::rebase(const WorkOrderDraft &base, const WorkOrderDraft &mine, const WorkOrderDraft &theirs)
{
    WorkOrderDraft out = theirs;
    const auto take = [](auto &field, const auto &b, const auto &m) {
        if (!(b == m))
            field = m;
    };
    take(out.siteId, base.siteId, mine.siteId);
    take(out.assetId, base.assetId, mine.assetId);
    take(out.contractId, base.contractId, mine.contractId);
    take(out.type, base.type, mine.type);
    take(out.priority, base.priority, mine.priority);
    take(out.requiredSkills, base.requiredSkills, mine.requiredSkills);
    take(out.partsNeeded, base.partsNeeded, mine.partsNeeded);
    take(out.durationMin, base.durationMin, mine.durationMin);
    take(out.windowStart, base.windowStart, mine.windowStart);
    take(out.windowEnd, base.windowEnd, mine.windowEnd);
    take(out.slaDue, base.slaDue, mine.slaDue);
    take(out.responseDue, base.responseDue, mine.responseDue);
    take(out.status, base.status, mine.status);
    take(out.summary, base.summary, mine.summary);
    take(out.description, base.description, mine.description);
    take(out.cancelReason, base.cancelReason, mine.cancelReason);
    out.version = theirs.version;
    return out;
}

std::vector<parts::PartNeed> WorkOrderIntake::partsOf(const WorkOrderDraft &d)
{
    const records::ChildList *list = records::workOrderSpec().child(QStringLiteral("parts_needed"));
    std::vector<parts::PartNeed> out;
    for (const QString &item : d.partsNeeded) {
        const QStringList columns = list->splitItem(item);
        out.push_back({columns.at(0), QString(), columns.at(1).toDouble()});
    }
    return out;
}

void WorkOrderIntake::setParts(WorkOrderDraft &d, const std::vector<parts::PartNeed> &parts)
{
    const records::ChildList *list = records::workOrderSpec().child(QStringLiteral("parts_needed"));
    QHash<QString, QString> reservedAt;
    for (const QString &item : d.partsNeeded) {
        const QStringList columns = list->splitItem(item);
        reservedAt.insert(columns.at(0), columns.at(2));
    }
    QStringList items;
    for (const parts::PartNeed &p : parts)
        items << list->joinItem({p.sku, QString::number(p.quantity, 'g', QLocale::FloatingPointShortest), reservedAt.value(p.sku)});
    items.sort();
    d.partsNeeded = items;
}

records::RecordEdits WorkOrderIntake::createEdits(const WorkOrderDraft &d)
{
    return records::createEdit(records::workOrderSpec(), d.id, values(d));
}

records::RecordEdits WorkOrderIntake::updateEdits(const WorkOrderDraft &before, const WorkOrderDraft &after)
{
    return records::updateEdit(records::workOrderSpec(), before.id, before.version, values(before), values(after));
}

Result<QVector<QPair<QString, int>>> WorkOrderIntake::activeVisits(const QString &workOrderId)
{
    auto q = m_db.run(QStringLiteral("SELECT id, version FROM appointments WHERE work_order_id = ? "
                                     "AND status NOT IN ('completed', 'cancelled') ORDER BY start_at, id"),
                      {workOrderId});
    if (!q)
        return q.error();
    QVector<QPair<QString, int>> visits;
    while (q->next())
        visits.push_back({q->value(0).toString(), q->value(1).toInt()});
    return visits;
}

Result<records::RecordEdits> WorkOrderIntake::cancelEdits(const WorkOrderDraft &order, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error::invalid(Text::tr("cancel_reason: say why the work order is cancelled"));
    if (reason.size() > kMaxReason)
        return Error::invalid(Text::tr("cancel_reason: the reason is longer than %1 characters").arg(kMaxReason));
    if (order.status == QLatin1String("cancelled"))
        return Error::invalid(Text::tr("status: work order %1 is already cancelled").arg(order.id));
    if (order.status == QLatin1String("done"))
        return Error::invalid(Text::tr("status: work order %1 is done; a finished job cannot be cancelled").arg(order.id));
    WorkOrderDraft cancelled = order;
    cancelled.status = QStringLiteral("cancelled");
    cancelled.cancelReason = reason.trimmed();
    records::RecordEdits edits = updateEdits(order, cancelled);
    auto visits = activeVisits(order.id);
    if (!visits)
        return visits.error();
    for (const auto &[id, version] : *visits) {
        records::RecordEdit e;
        e.spec = &records::appointmentStatusSpec();
        e.id = id;
        e.version = version;
        auto status = m_db.scalar(QStringLiteral("SELECT status FROM appointments WHERE id = ?"), {id});
        if (!status)
            return status.error();
        e.before.insert(QStringLiteral("status"), status->toString());
        e.after.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        edits.push_back(e);
    }
    return edits;
}

Result<SavedWorkOrder> WorkOrderIntake::save(Database &db, const WorkOrderDraft &draft, bool isNew, const WorkOrderDraft &before,
                                             const QDateTime &now)
{
    const bool generatedId = isNew && draft.id.isEmpty();
    for (int attempt = 0;; ++attempt) {
        const bool mayRetry = generatedId && attempt < 3;
        SavedWorkOrder saved;
        saved.draft = draft;
        Status written = [&]() -> Status {
            Transaction tx(db);
            if (!tx.status())
                return tx.status();
            WorkOrderIntake intake(db);
            if (isNew) {
                if (auto quote = intake.complete(saved.draft, now); !quote)
                    return quote.error();
            }
            auto issues = intake.check(saved.draft, isNew);
            if (!issues)
                return issues.error();
            if (!issues->isEmpty()) {
                saved.issues = *issues;
                return {};
            }
            saved.edits = isNew ? createEdits(saved.draft) : updateEdits(before, saved.draft);
            if (saved.edits.isEmpty())
                return {};
            if (Status s = records::applyEdits(db, saved.edits, true); !s)
                return s;
            return tx.commit();
        }();
        // The id read as free was taken before this insert: try the next one.
        const bool idTaken = !saved.issues.isEmpty() && saved.issues.front().field == QLatin1String("id");
        if (mayRetry && (idTaken || (!written && written.error().kind == Error::Kind::Invalid))) {
            auto exists = db.scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = ?"), {saved.draft.id});
            if (exists && exists->toInt() > 0)
                continue;
        }
        if (!written)
            return written.error();
        return saved;
    }
}

} // namespace fieldops::workorders
