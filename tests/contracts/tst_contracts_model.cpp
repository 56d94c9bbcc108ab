// Contracts and preventive plans as the planner's workspace keeps them, on both backends:
// a contract saved with its checks (a covered site of another customer, an unknown holiday
// calendar and a resolution sooner than the response are refused with nothing written),
// its covered sites replaced as a whole and undone in one step; a renewal that copies the
// contract and its plans (dates moved by whole months) and is undone as one step, or is
// refused whole when one plan cannot be written; the list's states; a contract's
// consumption against hand-counted figures; billing periods; the plan preview at month ends.
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "commands/RecordEditCommand.h"
#include "contracts/ContractConsumption.h"
#include "contracts/ContractList.h"
#include "contracts/ContractPage.h"
#include "contracts/ContractRenewal.h"
#include "contracts/ContractRules.h"
#include "contracts/PlanPreview.h"
#include "document/ScheduleDocument.h"
#include "records/RecordSpec.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::contracts;

class TestContractsModel : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_edit;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        const bool pg = m_db->isPostgres();
        const QString yes = pg ? QStringLiteral("true") : QStringLiteral("1");
        const QString no = pg ? QStringLiteral("false") : QStringLiteral("0");
        const QStringList sql{
            QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
            QStringLiteral("INSERT INTO territories(id, name) VALUES ('sp', 'São Paulo')"),
            QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme'), ('c2', 'Beta')"),
            QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES "
                           "('s1', 'c1', 'Plant', -23.5, -46.6, 'America/Sao_Paulo'), ('s2', 'c2', 'HQ', -23.6, -46.7, 'America/Sao_Paulo')"),
            QStringLiteral("INSERT INTO assets(id, site_id, model, warranty_until) VALUES ('a1', 's1', 'Chiller', '2027-01-10')"),
            QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
            QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage, fee_period, included_hours) VALUES "
                           "('k1', 'c1', 'Gold', '2026-01-15', '2027-01-14', 4, '24x7', 'month', 10), "
                           "('k2', 'c2', 'Basic', '2025-01-01', '2025-12-31', 8, 'business_hours', 'month', NULL), "
                           "('k3', 'c2', 'Next', '2026-04-01', '2027-03-31', 8, 'business_hours', 'month', NULL)"),
            QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence) VALUES "
                           "('p1', 'k1', 'a1', 'Filters', 30, 60, '2026-02-15', 'every 1 months on day 15'), "
                           "('p2', 'k1', 'a1', 'Coils', 90, 120, '2026-03-31', 'every 3 months on day 31')"),
            QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES ('p1', 'hvac')"),
            // Three work orders due in the contract's days so far: w1 closed in time, w2
            // closed late, w3 still open past its due time; w4 due after today.
            QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, contract_id, type, priority, duration_min, created_at, sla_due, status, pm_plan_id, pm_due) VALUES "
                           "('w1', 's1', 'a1', 'k1', 'corrective', 2, 60, '2026-02-01T08:00:00Z', '2026-02-01T12:00:00Z', 'done', NULL, NULL), "
                           "('w2', 's1', 'a1', 'k1', 'corrective', 2, 60, '2026-02-10T08:00:00Z', '2026-02-10T12:00:00Z', 'done', NULL, NULL), "
                           "('w3', 's1', 'a1', 'k1', 'corrective', 2, 60, '2026-03-01T08:00:00Z', '2026-03-01T12:00:00Z', 'open', NULL, NULL), "
                           "('w4', 's1', 'a1', 'k1', 'preventive', 3, 60, '2026-03-01T08:00:00Z', '2026-03-20T12:00:00Z', 'open', 'p1', '2026-03-15'), "
                           "('w5', 's1', 'a1', 'k1', 'preventive', 3, 60, '2026-02-01T08:00:00Z', NULL, 'done', 'p1', '2026-02-15'), "
                           "('w6', 's1', 'a1', 'k1', 'preventive', 3, 60, '2026-01-20T08:00:00Z', NULL, 'cancelled', 'p2', '2026-01-31')"),
            QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES "
                           "('v1', 'w1', 't1', '2026-02-01T09:00:00Z', '2026-02-01T10:00:00Z', 'completed', '2026-02-01T09:00:00Z', '2026-02-01T10:00:00Z', %1), "
                           "('v2', 'w2', 't1', '2026-02-10T13:00:00Z', '2026-02-10T14:00:00Z', 'completed', '2026-02-10T13:00:00Z', '2026-02-10T14:00:00Z', %1), "
                           "('v3', 'w3', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'cancelled', NULL, NULL, %2)")
                .arg(yes, no),
            // Hours: 1.5 billable + 1 not in February, 2 billable in March (this period).
            QStringLiteral("INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable) VALUES "
                           "('t1', 'w1', '2026-02-01T09:00:00Z', '2026-02-01T10:30:00Z', %1), "
                           "('t1', 'w2', '2026-02-10T13:00:00Z', '2026-02-10T14:00:00Z', %2), "
                           "('t1', 'w3', '2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z', %1)")
                .arg(yes, no),
            // Parts on its visits: 2 filters at 12.50 and 1 gasket at 4.00; a sealant with no
            // unit cost; and one filter before the contract began, not counted.
            QStringLiteral("INSERT INTO parts(sku, name, unit_cost) VALUES ('f1', 'Filter', 12.5), ('g1', 'Gasket', 4), ('s9', 'Sealant', NULL)"),
            QStringLiteral("INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES "
                           "('v1', 'f1', 2, 'van:t1', '2026-02-01T09:30:00Z'), ('v2', 'g1', 1, 'van:t1', '2026-02-10T13:30:00Z'), "
                           "('v2', 's9', 0.5, 'van:t1', '2026-02-10T13:40:00Z'), ('v1', 'f1', 1, 'van:t1', '2026-01-10T09:30:00Z')"),
        };
        for (const QString &s : sql)
            if (Status st = m_db->execDirect(s); !st) {
                qWarning() << s << st.error().message;
                return false;
            }
        m_edit = test::openUrl(m_url);
        return m_edit != nullptr;
    }
    int count(const QString &sql) { return m_db->scalar(sql)->toInt(); }
    QString text(const QString &sql) { return m_db->scalar(sql)->toString(); }
    EditTarget target(ScheduleDocument &doc) { return {m_edit.get(), &doc, doc.versions()}; }

    records::RecordRow contract(const QString &id)
    {
        auto page = readContractPage(*m_db, id, QDate(2026, 3, 10));
        return page ? page->contract : records::RecordRow{};
    }

private slots:
    void savingChecksTheWholeContract_data() { test::addBackendRows(); }
    void savingChecksTheWholeContract()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        records::RecordRow k1 = contract(QStringLiteral("k1"));
        QCOMPARE(k1.values.value(QStringLiteral("name")).toString(), QStringLiteral("Gold"));
        QCOMPARE(k1.values.value(QStringLiteral("parts_included")).typeId(), QMetaType::Bool);
        QCOMPARE(k1.values.value(QStringLiteral("included_hours")).toDouble(), 10.0);

        const auto refused = [&](const QString &field, const QVariant &value, const QString &message,
                                 const records::RecordValues &base) {
            records::RecordValues after = base;
            after.insert(field, value);
            auto saved = records::saveRecord(*m_db, records::contractSpec(),
                                             records::updateEdit(records::contractSpec(), k1.id, k1.version, k1.values, after), contractChecks());
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
            QCOMPARE(saved->issues.size(), 1);
            QCOMPARE(saved->issues.front().field, field);
            QCOMPARE(saved->issues.front().message, message);
            QVERIFY(saved->edits.isEmpty());
        };
        refused(QStringLiteral("covered_sites"), QStringList{QStringLiteral("s2")}, QStringLiteral("site s2 is not a site of customer c1"), k1.values);
        refused(QStringLiteral("holiday_territory_id"), QStringLiteral("north"), QStringLiteral("unknown territory \"north\""), k1.values);
        records::RecordValues badHours = k1.values;
        badHours.insert(QStringLiteral("response_hours_p2"), 8.0);
        refused(QStringLiteral("resolution_hours_p2"), 6.0, QStringLiteral("resolving cannot take less time than responding (8 h)"), badHours);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_sites")), 0);
        QCOMPARE(count(QStringLiteral("SELECT version FROM contracts WHERE id = 'k1'")), 1);

        // A valid edit: business hours, Saturday included, São Paulo's calendar, s1 covered.
        records::RecordValues after = k1.values;
        after.insert(QStringLiteral("coverage"), QStringLiteral("business_hours"));
        after.insert(QStringLiteral("coverage_days"), QStringLiteral("Mon;Tue;Wed;Thu;Fri;Sat"));
        after.insert(QStringLiteral("holiday_territory_id"), QStringLiteral("sp"));
        after.insert(QStringLiteral("covered_sites"), QStringList{QStringLiteral("s1")});
        after.insert(QStringLiteral("parts_included"), true);
        auto saved = records::saveRecord(*m_db, records::contractSpec(), records::updateEdit(records::contractSpec(), k1.id, k1.version, k1.values, after),
                                         contractChecks());
        QVERIFY(saved.ok());
        QVERIFY(saved->issues.isEmpty());
        QCOMPARE(text(QStringLiteral("SELECT coverage || ' ' || coverage_days || ' ' || holiday_territory_id FROM contracts WHERE id = 'k1'")),
                 QStringLiteral("business_hours Mon;Tue;Wed;Thu;Fri;Sat sp"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_sites WHERE contract_id = 'k1' AND site_id = 's1'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'contract_sites' AND entity_id = 'k1' AND op = 'insert'")), 1);
        ScheduleDocument doc;
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Edit contract k1"), saved->edits));
        doc.undoStack()->undo();
        QCOMPARE(text(QStringLiteral("SELECT coverage FROM contracts WHERE id = 'k1'")), QStringLiteral("24x7"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_sites")), 0);
        QVERIFY(!contract(QStringLiteral("k1")).values.value(QStringLiteral("parts_included")).toBool());
        doc.undoStack()->redo();
        QVERIFY(contract(QStringLiteral("k1")).values.value(QStringLiteral("parts_included")).toBool());
        QCOMPARE(contract(QStringLiteral("k1")).values.value(QStringLiteral("covered_sites")).toStringList(), QStringList{QStringLiteral("s1")});
    }

    void renewalIsOneStep_data() { test::addBackendRows(); }
    void renewalIsOneStep()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        auto page = readContractPage(*m_db, QStringLiteral("k1"), QDate(2026, 3, 10));
        QVERIFY(page.ok());
        const RenewalRequest proposal = proposedRenewal(page->contract);
        QCOMPARE(proposal.newId, QStringLiteral("k1-2027"));
        QCOMPARE(proposal.startsOn, QDate(2027, 1, 15));
        QCOMPARE(proposal.endsOn, QDate(2028, 1, 14));
        auto saved = saveRenewal(*m_db, renewalEdits(page->contract, page->plans, proposal));
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QVERIFY(saved->issues.isEmpty());
        QCOMPARE(saved->edits.size(), 3);
        QCOMPARE(text(QStringLiteral("SELECT renewed_from || ' ' || starts_on || ' ' || ends_on FROM contracts WHERE id = 'k1-2027'")),
                 QStringLiteral("k1 2027-01-15 2028-01-14"));
        // Twelve months on: the 15th stays the 15th, the 31st of March stays the 31st.
        QCOMPARE(text(QStringLiteral("SELECT next_due FROM maintenance_plans WHERE contract_id = 'k1-2027' AND task = 'Filters'")), QStringLiteral("2027-02-15"));
        QCOMPARE(text(QStringLiteral("SELECT next_due FROM maintenance_plans WHERE contract_id = 'k1-2027' AND task = 'Coils'")), QStringLiteral("2027-03-31"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM maintenance_plan_skills s JOIN maintenance_plans p ON p.id = s.plan_id WHERE p.contract_id = 'k1-2027'")), 1);
        auto list = readContractList(*m_db);
        QVERIFY(list.ok());
        const auto k1 = std::find_if(list->begin(), list->end(), [](const ContractListRow &r) { return r.id == QLatin1String("k1"); });
        QCOMPARE(k1->renewedBy, QStringLiteral("k1-2027"));
        ScheduleDocument doc;
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Renew contract k1 as k1-2027"), saved->edits));
        doc.undoStack()->undo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contracts WHERE id = 'k1-2027'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM maintenance_plans WHERE contract_id = 'k1-2027'")), 0);
        doc.undoStack()->redo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM maintenance_plans WHERE contract_id = 'k1-2027'")), 2);

        // A second renewal onto an id taken by a plan is refused whole.
        RenewalRequest clash{QStringLiteral("k1-2028"), QDate(2028, 1, 15), QDate(2029, 1, 14)};
        QVERIFY(m_db->execDirect(QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, task, interval_days, duration_min, next_due) "
                                                "VALUES ('k1-2028-P1', 'k3', 'Squatter', 30, 30, '2026-05-01')")));
        auto refused = saveRenewal(*m_db, renewalEdits(page->contract, page->plans, clash));
        QVERIFY(refused.ok());
        QCOMPARE(refused->issues.size(), 1);
        QCOMPARE(refused->issues.front().text(), QStringLiteral("id: k1-2028-P1: k1-2028-P1 is taken: ids are unique"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contracts WHERE id = 'k1-2028'")), 0);
    }

    void listStates()
    {
        ContractListRow r;
        r.startsOn = QDate(2026, 1, 15);
        r.endsOn = QDate(2026, 4, 14);
        QCOMPARE(r.state(QDate(2026, 1, 14)), ContractState::Future);
        QCOMPARE(r.state(QDate(2026, 1, 15)), ContractState::Active);
        QCOMPARE(r.state(QDate(2026, 4, 14)), ContractState::Active);
        QCOMPARE(r.state(QDate(2026, 4, 15)), ContractState::Expired);
        QVERIFY(r.expiresWithin(QDate(2026, 3, 15), 30));
        QVERIFY(!r.expiresWithin(QDate(2026, 3, 14), 30));
        QVERIFY(!r.expiresWithin(QDate(2026, 4, 15), 90)); // already ended
    }

    void consumptionCountsByHand_data() { test::addBackendRows(); }
    void consumptionCountsByHand()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        auto c = readConsumption(*m_db, QStringLiteral("k1"), QDate(2026, 3, 10));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QCOMPARE(c->from, QDate(2026, 1, 15));
        QCOMPARE(c->to, QDate(2026, 3, 10));
        QCOMPARE(c->workOrders, 6);
        QCOMPARE(c->openWorkOrders, 2);
        QCOMPARE(c->visits, 2);       // v3 was cancelled
        QCOMPARE(c->slaDue, 3);       // w1, w2, w3 (w4 is due after today)
        QCOMPARE(c->slaMet, 1);       // w1
        QCOMPARE(*c->slaCompliance(), 1.0 / 3);
        QCOMPARE(c->hours, 4.5);
        QCOMPARE(c->billableHours, 3.5);
        QCOMPARE(c->periodFrom, QDate(2026, 3, 1));
        QCOMPARE(c->periodTo, QDate(2026, 3, 31));
        QCOMPARE(c->periodHours, 2.0);
        QCOMPARE(*c->includedHours, 10.0);
        QCOMPARE(c->pmDone, 1);   // w5
        QCOMPARE(c->pmDue, 1);    // w4 on 03-15
        QCOMPARE(c->pmMissed, 1); // w6 cancelled
        QCOMPARE(c->partLines, 3);
        QCOMPARE(c->partQuantity, 3.5);
        QCOMPARE(c->partCost, 29.0); // 2 × 12.50 + 4.00
        QCOMPARE(c->partsWithoutCost, 1);
        QCOMPARE(readConsumption(*m_db, QStringLiteral("nope"), QDate(2026, 3, 10)).error().kind, Error::Kind::NotFound);
    }

    void billingPeriods()
    {
        QCOMPARE(billingPeriod(QStringLiteral("month"), QDate(2026, 2, 14)), std::make_pair(QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QCOMPARE(billingPeriod(QStringLiteral("quarter"), QDate(2026, 5, 31)), std::make_pair(QDate(2026, 4, 1), QDate(2026, 6, 30)));
        QCOMPARE(billingPeriod(QStringLiteral("quarter"), QDate(2026, 12, 1)), std::make_pair(QDate(2026, 10, 1), QDate(2026, 12, 31)));
        QCOMPARE(billingPeriod(QStringLiteral("year"), QDate(2028, 2, 29)), std::make_pair(QDate(2028, 1, 1), QDate(2028, 12, 31)));
    }

    void planPreviewAtMonthEnds()
    {
        records::RecordValues plan{{QStringLiteral("recurrence"), QStringLiteral("every 1 months on day 31")},
                                   {QStringLiteral("interval_days"), 30.0},
                                   {QStringLiteral("next_due"), QStringLiteral("2026-01-31")},
                                   {QStringLiteral("seasonal_months"), QString()},
                                   {QStringLiteral("shift_on_miss"), false}};
        PlanPreview p = previewPlan(plan, QDate(2026, 5, 15), QStringLiteral("America/Sao_Paulo"), QDate(2026, 1, 1), 10);
        QVERIFY(p.problem.isEmpty());
        QVector<QDate> days;
        for (const auto &o : p.occurrences)
            days << o.due;
        QCOMPARE(days, (QVector<QDate>{QDate(2026, 1, 31), QDate(2026, 2, 28), QDate(2026, 3, 31), QDate(2026, 4, 30)}));
        plan.insert(QStringLiteral("recurrence"), QStringLiteral("every fortnight"));
        p = previewPlan(plan, QDate(2026, 5, 15), QStringLiteral("UTC"), QDate(2026, 1, 1), 10);
        QVERIFY(p.occurrences.isEmpty());
        QVERIFY(!p.problem.isEmpty());
        // The same words the form shows at the field.
        plan.insert(QStringLiteral("contract_id"), QStringLiteral("k1"));
        plan.insert(QStringLiteral("task"), QStringLiteral("Filters"));
        plan.insert(QStringLiteral("duration_min"), 60.0);
        const workorders::FieldIssues issues = planRules(plan, false);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.front().field, QStringLiteral("recurrence"));
        QVERIFY2(p.problem.contains(issues.front().message), qPrintable(p.problem + QStringLiteral(" / ") + issues.front().message));
    }

    void cleanupTestCase() { m_edit.reset(); m_db.reset(); }
};

QTEST_MAIN(TestContractsModel)
#include "tst_contracts_model.moc"
