// Predicted-late technicians in the alerts list: the map model's prediction flows into
// AlertListModel as one row per technician, updated in place (no duplicates, no resets),
// removed when the technician catches up, and left out when the repository already
// reports the visit as a missed start.
#include "itemmodels/AlertListModel.h"
#include "itemmodels/ItemRoles.h"
#include "map/MapModel.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::map;

namespace {
const QDateTime kNow(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC);

Position fix(const char *tech, double lat, double lon, qint64 rowId, int secondsAgo = 60)
{
    Position p;
    p.rowId = rowId;
    p.technicianId = QString::fromLatin1(tech);
    p.at = kNow.addSecs(-secondsAgo);
    p.lat = lat;
    p.lon = lon;
    return p;
}

MapVisit visit(const char *appointment, const char *tech, int startMin, double lat, double lon)
{
    return MapVisit{QString::fromLatin1(appointment), QStringLiteral("w-") + QString::fromLatin1(appointment),
                    QString::fromLatin1(tech), kNow.addSecs(60LL * startMin), kNow.addSecs(60LL * (startMin + 60)),
                    QStringLiteral("scheduled"), lat, lon};
}

// Leo ~22 km and Mia ~33 km south of visits starting in 10 minutes; Ivo beside his.
MapSnapshot world()
{
    MapSnapshot s;
    s.technicians = {{QStringLiteral("leo"), QStringLiteral("Late Leo")},
                     {QStringLiteral("mia"), QStringLiteral("Far Mia")},
                     {QStringLiteral("ivo"), QStringLiteral("Idle Ivo")}};
    s.positions = {fix("leo", -23.70, -46.63, 1), fix("mia", -23.80, -46.60, 2), fix("ivo", -23.5005, -46.60, 3)};
    s.lastPositionId = 3;
    s.visits = {visit("a1", "leo", 10, -23.50, -46.63), visit("a2", "mia", 10, -23.50, -46.60), visit("a3", "ivo", 10, -23.50, -46.60)};
    return s;
}

QStringList technicianColumn(const AlertListModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r).data(roles::TechnicianId).toString();
    return out;
}
} // namespace

class TestLateAlerts : public QObject {
    Q_OBJECT
private slots:
    void predictedLateRowsFollowTheMap()
    {
        MapModel map;
        AlertListModel alerts;
        connect(&map, &MapModel::lateAlertsChanged, &alerts, [&] { alerts.setPredictedLate(map.lateAlerts()); });
        map.reset(world(), kNow);
        QCOMPARE(alerts.rowCount(), 2);
        QCOMPARE(alerts.countOf(Alert::Kind::PredictedLate), 2);
        QStringList techs = technicianColumn(alerts);
        techs.sort();
        QCOMPARE(techs, (QStringList{QStringLiteral("leo"), QStringLiteral("mia")}));
        const int leoRow = technicianColumn(alerts).indexOf(QStringLiteral("leo"));
        const QModelIndex leo = alerts.index(leoRow);
        QCOMPARE(leo.data(roles::AlertKind).toInt(), int(Alert::Kind::PredictedLate));
        QCOMPARE(leo.data(roles::WorkOrderId).toString(), QStringLiteral("w-a1"));
        QCOMPARE(leo.data(roles::AppointmentId).toString(), QStringLiteral("a1"));
        QVERIFY(leo.data().toString().contains(QStringLiteral("Late Leo")));
        QVERIFY(leo.data().toString().contains(QStringLiteral("w-a1")));
        QVERIFY(alerts.predictedAt(leoRow));
        QVERIFY(!alerts.alertAt(leoRow));

        // Leo moves a little (still late): his row changes in place, nothing inserted,
        // removed or reset, and the list still holds him once.
        QSignalSpy inserted(&alerts, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&alerts, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&alerts, &QAbstractItemModel::modelReset);
        QSignalSpy changedRows(&alerts, &QAbstractItemModel::dataChanged);
        const int before = alerts.predictedAt(leoRow)->minutesLate;
        map.applyPositions({fix("leo", -23.65, -46.63, 4, 30)});
        QCOMPARE(alerts.rowCount(), 2);
        QCOMPARE(technicianColumn(alerts).count(QStringLiteral("leo")), 1);
        QCOMPARE(inserted.count() + removed.count() + reset.count(), 0);
        QVERIFY(alerts.predictedAt(leoRow)->minutesLate < before);
        QCOMPARE(changedRows.count(), 1);
        QCOMPARE(changedRows.first().at(0).toModelIndex().row(), leoRow);

        // The same prediction given twice (a repaint, a second listener) adds nothing.
        alerts.setPredictedLate(map.lateAlerts());
        auto doubled = map.lateAlerts();
        doubled.push_back(doubled.front());
        alerts.setPredictedLate(doubled);
        QCOMPARE(alerts.rowCount(), 2);

        // Leo arrives near the site: his row goes, Mia's stays.
        map.applyPositions({fix("leo", -23.5005, -46.63, 5, 0)});
        QCOMPARE(technicianColumn(alerts), QStringList{QStringLiteral("mia")});
        QCOMPARE(removed.count(), 1);
    }

    void missedStartIsNotRepeated()
    {
        MapModel map;
        AlertListModel alerts;
        map.reset(world(), kNow);
        alerts.setPredictedLate(map.lateAlerts());
        QCOMPARE(alerts.rowCount(), 2);
        // The repository already reports Mia's visit as a late arrival: one line for it.
        Alert missed;
        missed.kind = Alert::Kind::LateArrival;
        missed.workOrderId = QStringLiteral("w-a2");
        missed.appointmentId = QStringLiteral("a2");
        missed.technicianName = QStringLiteral("Far Mia");
        missed.at = kNow.addSecs(-600);
        alerts.setAlerts({missed}, kNow);
        QCOMPARE(alerts.rowCount(), 2);
        QCOMPARE(alerts.countOf(Alert::Kind::LateArrival), 1);
        QCOMPARE(alerts.countOf(Alert::Kind::PredictedLate), 1);
        QCOMPARE(alerts.index(0).data(roles::AlertKind).toInt(), int(Alert::Kind::LateArrival));
        QCOMPARE(alerts.index(1).data(roles::TechnicianId).toString(), QStringLiteral("leo"));
        // The repository's row has no technician id: a click selects only the work order.
        QVERIFY(alerts.index(0).data(roles::TechnicianId).toString().isEmpty());
        // Once the repository stops reporting it, the prediction shows again.
        alerts.setAlerts({}, kNow);
        QCOMPARE(alerts.countOf(Alert::Kind::PredictedLate), 2);
    }
};

QTEST_GUILESS_MAIN(TestLateAlerts)
#include "tst_late_alerts.moc"
