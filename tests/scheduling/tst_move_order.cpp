// The order a set of visit changes is written in (dayplan::writeOrder): the database refuses a
// double booking at every statement, so no step may land where a visit still waiting to move
// sits. Checked here by replaying the steps on a plain list of places.
#include "dayplan/MoveOrder.h"

#include <QtTest>

using namespace fieldops;
using dayplan::VisitMove;

namespace {

QDateTime at(int hour) { return QDateTime(QDate(2026, 3, 2), QTime(hour, 0), Qt::UTC); }

VisitMove move(const char *id, const char *from, int fromHour, const char *to, int toHour)
{
    return {QString::fromLatin1(id), QStringLiteral("w-") + QString::fromLatin1(id), QString::fromLatin1(from), at(fromHour),
            at(fromHour + 1), QString::fromLatin1(to), at(toHour), at(toHour + 1)};
}

struct Place {
    QString tech;
    QDateTime start, end;
};

// Replays `steps` from `places`; the first step that lands on another visit, or that does not
// start from where its visit is, makes it return false with why.
bool replay(QHash<QString, Place> places, const std::vector<VisitMove> &steps, QString &why)
{
    for (const VisitMove &s : steps) {
        if (s.appointmentId.isEmpty())
            continue;
        if (s.toTechnicianId.isEmpty()) {
            places.remove(s.appointmentId);
            continue;
        }
        const Place &now = places[s.appointmentId];
        if (now.tech != s.fromTechnicianId || now.start != s.fromStart || now.end != s.fromEnd) {
            why = s.appointmentId + QStringLiteral(" does not start from where it is");
            return false;
        }
        for (auto it = places.cbegin(); it != places.cend(); ++it) {
            if (it.key() != s.appointmentId && it->tech == s.toTechnicianId && s.start < it->end && it->start < s.end) {
                why = s.appointmentId + QStringLiteral(" lands on ") + it.key();
                return false;
            }
        }
        places[s.appointmentId] = {s.toTechnicianId, s.start, s.end};
    }
    return true;
}

QHash<QString, Place> placesBefore(const std::vector<VisitMove> &changes)
{
    QHash<QString, Place> out;
    for (const VisitMove &m : changes) {
        if (!m.appointmentId.isEmpty())
            out.insert(m.appointmentId, {m.fromTechnicianId, m.fromStart, m.fromEnd});
    }
    return out;
}

QStringList ids(const std::vector<VisitMove> &steps)
{
    QStringList out;
    for (const VisitMove &s : steps)
        out << (s.appointmentId.isEmpty() ? s.workOrderId : s.appointmentId);
    return out;
}

} // namespace

class TestMoveOrder : public QObject {
    Q_OBJECT

private slots:
    // A day pushed later by an hour: each visit lands where the next one is, so the last goes first.
    void aCascadeMovesTheLastFirst()
    {
        const std::vector<VisitMove> changes{move("a", "t1", 9, "t1", 10), move("b", "t1", 10, "t1", 11), move("c", "t1", 11, "t1", 12)};
        const auto steps = dayplan::writeOrder(changes);
        QCOMPARE(ids(steps), (QStringList{"c", "b", "a"}));
        QString why;
        QVERIFY2(replay(placesBefore(changes), steps, why), qPrintable(why));
    }

    // The same day pulled earlier: the first goes first, whatever the latest-first habit says.
    void aDayPulledEarlierMovesTheFirstFirst()
    {
        const std::vector<VisitMove> changes{move("a", "t1", 10, "t1", 9), move("b", "t1", 11, "t1", 10)};
        const auto steps = dayplan::writeOrder(changes);
        QCOMPARE(ids(steps), (QStringList{"a", "b"}));
        QString why;
        QVERIFY2(replay(placesBefore(changes), steps, why), qPrintable(why));
    }

    // Two visits trading technicians at the same hour: one is parked far away first.
    void tradedPlacesParkOne()
    {
        const std::vector<VisitMove> changes{move("a", "t1", 9, "t2", 9), move("b", "t2", 9, "t1", 9)};
        const auto steps = dayplan::writeOrder(changes);
        QCOMPARE(steps.size(), size_t(3));
        QCOMPARE(steps[0].start.date(), dayplan::kParkingDate);
        QCOMPARE(steps[0].toTechnicianId, steps[0].fromTechnicianId);
        QCOMPARE(steps.back().appointmentId, steps[0].appointmentId);
        QCOMPARE(steps.back().fromStart, steps[0].start);
        QString why;
        QVERIFY2(replay(placesBefore(changes), steps, why), qPrintable(why));
    }

    // Three in a ring, two rings at once: each ring parks one, never the same place twice.
    void ringsOfMovesAreUntied()
    {
        const std::vector<VisitMove> changes{move("a", "t1", 9, "t2", 9), move("b", "t2", 9, "t3", 9), move("c", "t3", 9, "t1", 9),
                                             move("d", "t4", 13, "t5", 13), move("e", "t5", 13, "t4", 13)};
        const auto steps = dayplan::writeOrder(changes);
        QCOMPARE(steps.size(), size_t(7));
        QString why;
        QVERIFY2(replay(placesBefore(changes), steps, why), qPrintable(why));
        QHash<QString, Place> finalPlaces = placesBefore(changes);
        QVERIFY(replay(finalPlaces, steps, why));
        for (const VisitMove &m : changes) {
            const VisitMove *last = nullptr;
            for (const VisitMove &s : steps) {
                if (s.appointmentId == m.appointmentId)
                    last = &s;
            }
            QVERIFY(last);
            QCOMPARE(last->toTechnicianId, m.toTechnicianId);
            QCOMPARE(last->start, m.start);
        }
    }

    // Visits sent to the queue free their place first; new visits come last.
    void queueFirstNewLast()
    {
        VisitMove toQueue = move("q", "t1", 9, "", 0);
        toQueue.toTechnicianId.clear();
        VisitMove added = move("", "", 0, "t1", 9);
        added.appointmentId.clear();
        added.workOrderId = QStringLiteral("w-new");
        const std::vector<VisitMove> changes{added, move("a", "t1", 12, "t1", 10), toQueue};
        const auto steps = dayplan::writeOrder(changes);
        QCOMPARE(ids(steps), (QStringList{"q", "a", "w-new"}));
    }
};

QTEST_GUILESS_MAIN(TestMoveOrder)
#include "tst_move_order.moc"
