// The breakdown chart's ranking: highest value first, ties by name (then key), rows
// without a value left out and counted, and the top and the bottom kept when only `room`
// bars fit.
#include "BreakdownRowsFixture.h"
#include "kpi/KpiRanking.h"

#include <QtTest>

using namespace fieldops;

namespace {
// True when `ranked` runs from the highest value down, ties ordered by name.
bool inRankOrder(const std::vector<kpi::KpiBreakdownRow> &rows, const std::vector<kpi::KpiRankedRow> &ranked)
{
    for (size_t i = 1; i < ranked.size(); ++i) {
        const kpi::KpiRankedRow &a = ranked[i - 1], &b = ranked[i];
        if (a.value < b.value || a.rank >= b.rank)
            return false;
        if (a.value == b.value && rows[size_t(a.row)].label.localeAwareCompare(rows[size_t(b.row)].label) > 0)
            return false;
    }
    return true;
}
} // namespace

class TestKpiRanking : public QObject {
    Q_OBJECT

private slots:
    void topAndBottom_data()
    {
        QTest::addColumn<int>("room");
        QTest::addColumn<int>("top");
        QTest::addColumn<int>("bottom");
        QTest::newRow("all fit") << 60 << 60 << 0;
        QTest::newRow("more room than rows") << 500 << 60 << 0;
        QTest::newRow("odd room") << 15 << 8 << 7;
        QTest::newRow("even room") << 20 << 10 << 10;
        QTest::newRow("one less than all") << 59 << 30 << 29;
        QTest::newRow("no room is one from each end") << 0 << 1 << 1;
    }

    void topAndBottom()
    {
        QFETCH(int, room);
        QFETCH(int, top);
        QFETCH(int, bottom);
        const auto rows = test::sixtyTechnicianRows();
        const kpi::KpiRanking r = kpi::rankBreakdown(rows, QStringLiteral("first_time_fix_rate"), room);
        QCOMPARE(r.ranked, 60);
        QCOMPARE(r.withoutValue, 0);
        QCOMPARE(int(r.top.size()), top);
        QCOMPARE(int(r.bottom.size()), bottom);
        QCOMPARE(r.isCut(), bottom > 0);
        QCOMPARE(r.top.front().rank, 1);
        if (r.isCut())
            QCOMPARE(r.bottom.back().rank, 60);
        std::vector<kpi::KpiRankedRow> shown = r.top;
        shown.insert(shown.end(), r.bottom.begin(), r.bottom.end());
        QVERIFY(inRankOrder(rows, shown));
        // Every row once at most.
        QSet<int> seen;
        for (const kpi::KpiRankedRow &s : shown)
            seen.insert(s.row);
        QCOMPARE(int(seen.size()), int(shown.size()));
    }

    void tiesGoByName()
    {
        std::vector<kpi::KpiBreakdownRow> rows(3);
        const QStringList names{QStringLiteral("Zé"), QStringLiteral("Ana"), QStringLiteral("Ana")};
        const QStringList keys{QStringLiteral("t1"), QStringLiteral("t3"), QStringLiteral("t2")};
        for (int i = 0; i < 3; ++i) {
            rows[size_t(i)].key = keys[i];
            rows[size_t(i)].label = names[i];
            rows[size_t(i)].kpis.values.insert(QStringLiteral("utilization"), 0.5);
        }
        const kpi::KpiRanking r = kpi::rankBreakdown(rows, QStringLiteral("utilization"), 10);
        QCOMPARE(int(r.top.size()), 3);
        // Ana (t2), Ana (t3), Zé: by name, then by key.
        QCOMPARE(r.top[0].row, 2);
        QCOMPARE(r.top[1].row, 1);
        QCOMPARE(r.top[2].row, 0);
        QCOMPARE(r.top[2].rank, 3);
    }

    void rowsWithoutAValueAreCountedNotRanked()
    {
        const auto rows = test::sixtyTechnicianRows();
        const kpi::KpiRanking r = kpi::rankBreakdown(rows, QStringLiteral("utilization"), 100);
        QCOMPARE(r.withoutValue, 3);
        QCOMPARE(r.ranked, 57);
        QCOMPARE(int(r.top.size()), 57);
        QVERIFY(inRankOrder(rows, r.top));
        // Utilization rises with the row: the last row is first.
        QCOMPARE(rows[size_t(r.top.front().row)].key, QStringLiteral("t060"));
        const kpi::KpiRanking none = kpi::rankBreakdown(rows, QStringLiteral("no_such_kpi"), 100);
        QCOMPARE(none.ranked, 0);
        QVERIFY(none.top.empty() && none.bottom.empty());
    }
};

QTEST_GUILESS_MAIN(TestKpiRanking)
#include "tst_kpi_ranking.moc"
