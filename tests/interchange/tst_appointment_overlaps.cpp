// The import's double-booking sweep: overlaps inside the file and against the database,
// the later line gets the error, touching intervals and other technicians are fine.
#include "interchange/AppointmentOverlaps.h"

#include <QtTest>

using namespace fieldops::interchange;

namespace {
BusyInterval iv(const char *tech, const char *id, qint64 startMin, qint64 endMin, int line)
{
    return {QString::fromLatin1(tech), QString::fromLatin1(id), startMin * 60000, endMin * 60000, line};
}
} // namespace

class TestAppointmentOverlaps : public QObject {
    Q_OBJECT
private slots:
    void findsTheRightPairs()
    {
        const QVector<BusyInterval> all{
            iv("t1", "a", 0, 60, 2),    // file line 2
            iv("t1", "b", 60, 120, 3),  // touches a: fine
            iv("t1", "c", 30, 45, 4),   // inside a: error on line 4
            iv("t2", "d", 0, 60, 5),    // other technician: fine
            iv("t2", "db1", 50, 70, 0), // database row overlapping d: error on d's line 5
            iv("t3", "db2", 0, 60, 0),  // two database rows overlapping: not the import's business
            iv("t3", "db3", 30, 90, 0),
        };
        const auto found = findOverlaps(all);
        QCOMPARE(found.size(), 2);
        QCOMPARE(all.at(found.at(0).reported).appointmentId, QStringLiteral("c"));
        QCOMPARE(all.at(found.at(0).other).appointmentId, QStringLiteral("a"));
        QCOMPARE(all.at(found.at(1).reported).appointmentId, QStringLiteral("d"));
        QCOMPARE(all.at(found.at(1).other).appointmentId, QStringLiteral("db1"));
    }

    void laterLineGetsTheErrorEvenWhenItStartsFirst()
    {
        const QVector<BusyInterval> all{iv("t1", "late-in-file", 0, 60, 9), iv("t1", "early-in-file", 30, 90, 2)};
        const auto found = findOverlaps(all);
        QCOMPARE(found.size(), 1);
        QCOMPARE(all.at(found.first().reported).line, 9);
    }

    void longIntervalCoversLaterOnes()
    {
        // A long visit followed by two short ones that each overlap it, not each other.
        const QVector<BusyInterval> all{iv("t1", "long", 0, 300, 2), iv("t1", "s1", 60, 90, 3), iv("t1", "s2", 200, 230, 4)};
        const auto found = findOverlaps(all);
        QCOMPARE(found.size(), 2);
        for (const auto &f : found)
            QCOMPARE(all.at(f.other).appointmentId, QStringLiteral("long"));
    }

    void oneOverlapAmongManyIntervalsIsFound()
    {
        // 1,000 technicians × 100 back-to-back visits listed latest first, and one visit of
        // t500 that reaches 10 minutes into the next: that pair and nothing else.
        QVector<BusyInterval> all;
        for (int t = 0; t < 1000; ++t)
            for (int k = 0; k < 100; ++k)
                all << BusyInterval{QStringLiteral("t%1").arg(t), QStringLiteral("a%1_%2").arg(t).arg(k),
                                    qint64(99 - k) * 3600000, qint64(99 - k) * 3600000 + 3000000, t * 100 + k + 2};
        QVERIFY(findOverlaps(all).isEmpty());
        BusyInterval &longer = all[500 * 100 + 50]; // t500's visit at hour 49
        longer.endMs = longer.startMs + 3600000 + 600000;
        const auto found = findOverlaps(all);
        QCOMPARE(found.size(), 1);
        const QStringList pair{all.at(found.first().reported).appointmentId, all.at(found.first().other).appointmentId};
        QVERIFY2(pair.contains(QStringLiteral("a500_50")) && pair.contains(QStringLiteral("a500_49")), qPrintable(pair.join(' ')));
    }
};

QTEST_GUILESS_MAIN(TestAppointmentOverlaps)
#include "tst_appointment_overlaps.moc"
