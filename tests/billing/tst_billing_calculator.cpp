// BillingCalculator on a March worked by hand (period 2026-03-01 to 2026-03-31):
//  c1/k1 monthly: fee 500, 10 h included, 80/h beyond, parts billed. Approved 6 h (e1) and a
//    corrected 5.5 h (e2): 11.5 h, 1.5 h beyond = 120.00 (e1 wholly included, e2 4 h included
//    and 1.5 h billed); a non-billable approved 2 h (e3) and a pending 3 h (e4) are not billed.
//    Parts: 2 × 12.50 = 25.00 and one valve without a cost (0). 120 + 500 + 25 = 645.00.
//  c1/k2 quarterly, from 2026-03-16: 16 of the quarter's 90 days, so 30 h × 16/90 = 5.33 h
//    included and 900 × 16/90 = 160.00 fee; 8 h approved, 2.67 h × 60 = 160.20; parts included
//    (3 gaskets at 0). Total 320.20.
//  c2 without contract: 2 h approved, no rate (0, no_rate); a filter billed 12.50; one pending.
//  c2/k3 yearly 1200, nothing used: 1200 × 31/365 = 101.92.
#include "billing/BillingCalculator.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::billing;

namespace {

QDateTime at(int day, int hour, int minute = 0) { return QDateTime(QDate(2026, 3, day), QTime(hour, minute), QTimeZone::utc()); }

BillingEntry timeEntry(qint64 id, const char *customer, const char *contract, QDateTime from, QDateTime to, const char *state,
                       bool billable = true)
{
    BillingEntry b;
    b.entry.id = id;
    b.entry.technicianId = QStringLiteral("ana");
    b.entry.workOrderId = QStringLiteral("w-%1").arg(QString::fromLatin1(contract));
    b.entry.start = from;
    b.entry.end = to;
    b.entry.billable = billable;
    b.entry.activity = QStringLiteral("work");
    b.entry.comment = QStringLiteral("did it");
    b.entry.reviewState = QString::fromLatin1(state);
    b.customerId = QString::fromLatin1(customer);
    b.contractId = QString::fromLatin1(contract);
    return b;
}

PartLine part(qint64 id, const char *customer, const char *contract, const char *sku, double qty, std::optional<double> cost, int day)
{
    PartLine p;
    p.id = id;
    p.customerId = QString::fromLatin1(customer);
    p.contractId = QString::fromLatin1(contract);
    p.workOrderId = QStringLiteral("w-%1").arg(QString::fromLatin1(contract));
    p.technicianId = QStringLiteral("ana");
    p.sku = QString::fromLatin1(sku);
    p.partName = p.sku;
    p.quantity = qty;
    p.unitCost = cost;
    p.at = at(day, 12);
    return p;
}

BillingContract contract(const char *id, const char *customer, const char *period, QDate starts, QDate ends, std::optional<double> fee,
                         std::optional<double> included, std::optional<double> rate, bool partsIncluded)
{
    BillingContract c;
    c.id = QString::fromLatin1(id);
    c.customerId = QString::fromLatin1(customer);
    c.feePeriod = QString::fromLatin1(period);
    c.startsOn = starts;
    c.endsOn = ends;
    c.fixedFee = fee;
    c.includedHours = included;
    c.hourlyRate = rate;
    c.partsIncluded = partsIncluded;
    return c;
}

BillingInput march()
{
    BillingInput in;
    in.from = QDate(2026, 3, 1);
    in.to = QDate(2026, 3, 31);
    in.contracts = {
        contract("k1", "c1", "month", QDate(2026, 1, 1), QDate(2026, 12, 31), 500, 10, 80, false),
        contract("k2", "c1", "quarter", QDate(2026, 3, 16), QDate(2027, 3, 15), 900, 30, 60, true),
        contract("k3", "c2", "year", QDate(2026, 1, 1), QDate(2026, 12, 31), 1200, std::nullopt, std::nullopt, false),
    };
    in.entries = {
        timeEntry(2, "c1", "k1", at(5, 9), at(5, 14, 30), "corrected"),
        timeEntry(1, "c1", "k1", at(2, 8), at(2, 14), "approved"),
        timeEntry(3, "c1", "k1", at(3, 8), at(3, 10), "approved", false),
        timeEntry(4, "c1", "k1", at(6, 8), at(6, 11), "pending"),
        timeEntry(5, "c1", "k2", at(20, 8), at(20, 16), "approved"),
        timeEntry(6, "c2", "", at(10, 13), at(10, 15), "approved"),
        timeEntry(7, "c2", "", at(11, 13), at(11, 14), "pending"),
    };
    in.parts = {
        part(31, "c1", "k1", "filter", 2, 12.5, 2),
        part(32, "c1", "k1", "valve", 1, std::nullopt, 5),
        part(33, "c1", "k2", "gasket", 3, 4.0, 20),
        part(34, "c2", "", "filter", 1, 12.5, 10),
    };
    return in;
}

const BillingSummary *row(const BillingStatement &st, const char *customer, const char *contract)
{
    for (const BillingSummary &s : st.summaries) {
        if (s.customerId == QLatin1String(customer) && s.contractId == QLatin1String(contract))
            return &s;
    }
    return nullptr;
}

} // namespace

class TestBillingCalculator : public QObject {
    Q_OBJECT

private slots:
    void feePeriodShares()
    {
        const BillingContract m = contract("m", "c", "month", QDate(2026, 1, 1), QDate(2026, 12, 31), 100, 10, 50, false);
        QCOMPARE(feePeriodShare(m, QDate(2026, 3, 1), QDate(2026, 3, 31)), 1.0);
        // 17/31 of January, February whole, 15/31 of March.
        QCOMPARE(feePeriodShare(m, QDate(2026, 1, 15), QDate(2026, 3, 15)), 17.0 / 31 + 1 + 15.0 / 31);
        const BillingContract q = contract("q", "c", "quarter", QDate(2026, 3, 16), QDate(2027, 3, 15), 900, 30, 60, false);
        QCOMPARE(feePeriodShare(q, QDate(2026, 3, 1), QDate(2026, 3, 31)), 16.0 / 90);
        // Q2 whole (91 days) and Q3 whole: two fee periods.
        QCOMPARE(feePeriodShare(q, QDate(2026, 4, 1), QDate(2026, 9, 30)), 2.0);
        const BillingContract y = contract("y", "c", "year", QDate(2026, 1, 1), QDate(2026, 12, 31), 1200, 100, 50, false);
        QCOMPARE(feePeriodShare(y, QDate(2026, 3, 1), QDate(2026, 3, 31)), 31.0 / 365);
        // Before the contract starts: nothing.
        QCOMPARE(feePeriodShare(q, QDate(2026, 3, 1), QDate(2026, 3, 15)), 0.0);
    }

    void summaryPerCustomerAndContract()
    {
        const BillingStatement st = computeBilling(march());
        QCOMPARE(st.summaries.size(), size_t(4));
        // Sorted by customer, then contract (none first).
        QCOMPARE(st.summaries[0].contractId, QStringLiteral("k1"));
        QCOMPARE(st.summaries[1].contractId, QStringLiteral("k2"));
        QCOMPARE(st.summaries[2].contractId, QString());
        QCOMPARE(st.summaries[3].contractId, QStringLiteral("k3"));

        const BillingSummary *k1 = row(st, "c1", "k1");
        QVERIFY(k1);
        QCOMPARE(k1->approvedHours, 11.5);
        QCOMPARE(k1->includedHours, 10.0);
        QCOMPARE(k1->hoursBeyond, 1.5);
        QCOMPARE(k1->hourlyRate.value_or(-1), 80.0);
        QCOMPARE(k1->timeAmount, 120.0);
        QCOMPARE(k1->fixedFee, 500.0);
        QCOMPARE(k1->partsAmount, 25.0);
        QCOMPARE(k1->total, 645.0);
        QCOMPARE(k1->pendingEntries, 1);
        QCOMPARE(k1->notes, QStringList());

        const BillingSummary *k2 = row(st, "c1", "k2");
        QVERIFY(k2);
        QCOMPARE(k2->approvedHours, 8.0);
        QCOMPARE(k2->includedHours, 5.33);
        QVERIFY(qAbs(k2->hoursBeyond - 2.67) < 1e-9);
        QCOMPARE(k2->timeAmount, 160.2);
        QCOMPARE(k2->fixedFee, 160.0);
        QCOMPARE(k2->partsAmount, 0.0);
        QCOMPARE(k2->total, 320.2);
        QCOMPARE(k2->pendingEntries, 0);

        const BillingSummary *none = row(st, "c2", "");
        QVERIFY(none);
        QCOMPARE(none->approvedHours, 2.0);
        QCOMPARE(none->includedHours, 0.0);
        QCOMPARE(none->hoursBeyond, 2.0);
        QVERIFY(!none->hourlyRate);
        QCOMPARE(none->timeAmount, 0.0);
        QCOMPARE(none->fixedFee, 0.0);
        QCOMPARE(none->partsAmount, 12.5);
        QCOMPARE(none->total, 12.5);
        QCOMPARE(none->pendingEntries, 1);
        QCOMPARE(none->notes, QStringList{kNoRate});

        const BillingSummary *k3 = row(st, "c2", "k3");
        QVERIFY(k3);
        QCOMPARE(k3->approvedHours, 0.0);
        QCOMPARE(k3->fixedFee, 101.92);
        QCOMPARE(k3->total, 101.92);
        QCOMPARE(k3->notes, QStringList());
    }

    void linesUseTheIncludedHoursInStartOrder()
    {
        const BillingStatement st = computeBilling(march());
        QStringList got;
        for (const BillingLine &l : st.lines)
            got << QStringLiteral("%1 %2 %3 %4 q=%5 inc=%6 billed=%7 price=%8 amount=%9 %10")
                       .arg(l.customerId, l.contractId.isEmpty() ? QStringLiteral("-") : l.contractId,
                            l.kind == BillingLine::Kind::Time ? QStringLiteral("time") : QStringLiteral("part"), QString::number(l.id),
                            QString::number(l.quantity, 'f', 2), QString::number(l.includedQuantity, 'f', 2),
                            QString::number(l.billedQuantity, 'f', 2), l.unitPrice ? QString::number(*l.unitPrice, 'f', 2) : QStringLiteral("-"),
                            QString::number(l.amount, 'f', 2))
                       .arg(l.note)
                       .trimmed();
        const QStringList expected{
            "c1 k1 time 1 q=6.00 inc=6.00 billed=0.00 price=80.00 amount=0.00",
            "c1 k1 time 2 q=5.50 inc=4.00 billed=1.50 price=80.00 amount=120.00",
            "c1 k1 part 31 q=2.00 inc=0.00 billed=2.00 price=12.50 amount=25.00",
            "c1 k1 part 32 q=1.00 inc=0.00 billed=1.00 price=- amount=0.00 no_unit_cost",
            "c1 k2 time 5 q=8.00 inc=5.33 billed=2.67 price=60.00 amount=160.20",
            "c1 k2 part 33 q=3.00 inc=3.00 billed=0.00 price=0.00 amount=0.00 parts_included",
            "c2 - time 6 q=2.00 inc=0.00 billed=2.00 price=- amount=0.00 no_rate",
            "c2 - part 34 q=1.00 inc=0.00 billed=1.00 price=12.50 amount=12.50",
        };
        QCOMPARE(got, expected);
    }

    void nothingReviewedBillsNothing()
    {
        BillingInput in = march();
        for (BillingEntry &b : in.entries)
            b.entry.reviewState = QStringLiteral("pending");
        in.parts.clear();
        const BillingStatement st = computeBilling(in);
        const BillingSummary *k1 = row(st, "c1", "k1");
        QVERIFY(k1);
        QCOMPARE(k1->approvedHours, 0.0);
        QCOMPARE(k1->timeAmount, 0.0);
        QCOMPARE(k1->pendingEntries, 4);
        QCOMPARE(k1->total, 500.0); // the fee alone
        QCOMPARE(st.lines.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestBillingCalculator)
#include "tst_billing_calculator.moc"
