// The board's technician filter on the map: technicians it leaves out, and the jobs only
// they visit today, leave the map model's spatial indexes (so they are neither drawn nor
// hit); unassigned jobs stay; clearing the filter brings everyone back where they are now.
// The filter's fields (territory, skills, employment) come from the database on both
// backends, and a ViewFilterService drives the model as the map tab wires it.
#include "MapFixtures.h"
#include "TestDatabases.h"
#include "map/MapModel.h"
#include "map/MapProjection.h"
#include "map/MapQueries.h"
#include "selection/SelectionService.h"
#include "selection/ViewFilterService.h"

#include <QtTest>
#include <algorithm>

using namespace fieldops;
using namespace fieldops::map;

namespace {
const QDateTime kNow(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC);

std::vector<int> sorted(std::vector<int> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

QStringList techniciansIndexed(const MapModel &m)
{
    QStringList out;
    for (int i : m.technicianIndex().inRect(QRectF(0, 0, 1, 1)))
        out << m.technicians()[size_t(i)].id;
    out.sort();
    return out;
}

QStringList jobsIndexed(const MapModel &m)
{
    QStringList out;
    for (int i : m.jobIndex().inRect(QRectF(0, 0, 1, 1)))
        out << m.jobs()[size_t(i)].job.workOrderId;
    out.sort();
    return out;
}

Position fix(const char *tech, double lat, double lon, qint64 rowId)
{
    Position p;
    p.rowId = rowId;
    p.technicianId = QString::fromLatin1(tech);
    p.at = kNow.addSecs(-60 + rowId);
    p.lat = lat;
    p.lon = lon;
    return p;
}

MapVisit visit(const char *appointment, const char *workOrder, const char *tech, double lat, double lon)
{
    return MapVisit{QString::fromLatin1(appointment), QString::fromLatin1(workOrder), QString::fromLatin1(tech), kNow.addSecs(3600),
                    kNow.addSecs(7200), QStringLiteral("scheduled"), lat, lon};
}

MapJob job(const char *id, bool unassigned, double lat, double lon)
{
    return MapJob{QString::fromLatin1(id), {}, {}, 2, unassigned ? QStringLiteral("open") : QStringLiteral("scheduled"), unassigned, lat, lon};
}

// Nora (north, employee, hvac), Sam (south, contractor, electrical), Nico (north, contractor).
MapSnapshot world()
{
    MapSnapshot s;
    s.technicians = {{QStringLiteral("nora"), QStringLiteral("Nora North"), QStringLiteral("employee"), QStringLiteral("N"), {QStringLiteral("hvac")}},
                     {QStringLiteral("sam"), QStringLiteral("Sam South"), QStringLiteral("contractor"), QStringLiteral("S"), {QStringLiteral("electrical")}},
                     {QStringLiteral("nico"), QStringLiteral("Nico Norte"), QStringLiteral("contractor"), QStringLiteral("N"), {}}};
    s.positions = {fix("nora", -23.50, -46.60, 1), fix("sam", -23.70, -46.60, 2), fix("nico", -23.52, -46.62, 3)};
    s.lastPositionId = 3;
    // w-n visited by Nora, w-s by Sam, w-both by both, w-open unassigned, w-later
    // scheduled on another day of the horizon (no visit today).
    s.visits = {visit("a1", "w-n", "nora", -23.51, -46.60), visit("a2", "w-s", "sam", -23.71, -46.60),
                visit("a3", "w-both", "nora", -23.60, -46.60), visit("a4", "w-both", "sam", -23.60, -46.60)};
    s.jobs = {job("w-n", false, -23.51, -46.60), job("w-s", false, -23.71, -46.60), job("w-both", false, -23.60, -46.60),
              job("w-open", true, -23.72, -46.61), job("w-later", false, -23.73, -46.62)};
    return s;
}
} // namespace

class TestMapFilter : public QObject {
    Q_OBJECT
private slots:
    void filterHidesTechniciansAndTheirJobs()
    {
        MapModel model;
        model.reset(world(), kNow);
        const QStringList everyone{QStringLiteral("nico"), QStringLiteral("nora"), QStringLiteral("sam")};
        const QStringList allJobs{QStringLiteral("w-both"), QStringLiteral("w-later"), QStringLiteral("w-n"), QStringLiteral("w-open"), QStringLiteral("w-s")};
        QCOMPARE(techniciansIndexed(model), everyone);
        QCOMPARE(jobsIndexed(model), allJobs);

        QSignalSpy jobsChanged(&model, &MapModel::jobsChanged);
        board::BoardFilter north;
        north.territoryId = QStringLiteral("N");
        model.setFilter(north);
        QCOMPARE(jobsChanged.count(), 1);
        QCOMPARE(techniciansIndexed(model), (QStringList{QStringLiteral("nico"), QStringLiteral("nora")}));
        // Sam's own job goes; the shared one, the unassigned one and tomorrow's stay.
        QCOMPARE(jobsIndexed(model), (QStringList{QStringLiteral("w-both"), QStringLiteral("w-later"), QStringLiteral("w-n"), QStringLiteral("w-open")}));
        QVERIFY(!model.technician(QStringLiteral("sam"))->shown);
        // Not hit where he stands.
        QVERIFY(!model.technicianIndex().nearest(toWorld(-23.70, -46.60), 1e-6));

        // Sam drives on while hidden: still out of the index…
        model.applyPositions({fix("sam", -23.65, -46.58, 4)});
        QCOMPARE(techniciansIndexed(model), (QStringList{QStringLiteral("nico"), QStringLiteral("nora")}));
        // …Sam's visit moves to Nora: that job shows.
        model.upsertVisits({visit("a2", "w-s", "nora", -23.71, -46.60)});
        QVERIFY(jobsIndexed(model).contains(QStringLiteral("w-s")));
        model.upsertVisits({visit("a2", "w-s", "sam", -23.71, -46.60)});
        QVERIFY(!jobsIndexed(model).contains(QStringLiteral("w-s")));

        // Skill, employment and name search use the board's rules.
        board::BoardFilter f;
        f.skill = QStringLiteral("electrical");
        model.setFilter(f);
        QCOMPARE(techniciansIndexed(model), QStringList{QStringLiteral("sam")});
        f = {};
        f.employment = QStringLiteral("contractor");
        f.search = QStringLiteral("NORTE");
        model.setFilter(f);
        QCOMPARE(techniciansIndexed(model), QStringList{QStringLiteral("nico")});
        // Nico visits nothing today: every visited job is somebody else's.
        QCOMPARE(jobsIndexed(model), (QStringList{QStringLiteral("w-later"), QStringLiteral("w-open")}));

        // Cleared: everyone back, Sam where he drove to.
        model.setFilter({});
        QCOMPARE(techniciansIndexed(model), everyone);
        QCOMPARE(jobsIndexed(model), allJobs);
        const auto samAt = model.technicianIndex().nearest(toWorld(-23.65, -46.58), 1e-6);
        QVERIFY(samAt);
        QCOMPARE(model.technicians()[size_t(*samAt)].id, QStringLiteral("sam"));

        // A technician moved into the filtered territory shows at once.
        model.setFilter(north);
        model.upsertTechnicians({{QStringLiteral("sam"), QStringLiteral("Sam South"), QStringLiteral("contractor"), QStringLiteral("N"), {}}});
        QVERIFY(techniciansIndexed(model).contains(QStringLiteral("sam")));
        QCOMPARE(jobsIndexed(model), allJobs);
        // Removed jobs never come back through a filter change.
        model.removeJobs({QStringLiteral("w-open")});
        model.setFilter({});
        QVERIFY(!jobsIndexed(model).contains(QStringLiteral("w-open")));
        QCOMPARE(sorted(model.jobIndex().inRect(QRectF(0, 0, 1, 1))).size(), size_t(4));
    }

    void serviceDrivesTheModelWithDatabaseFields_data() { test::addBackendRows(); }
    void serviceDrivesTheModelWithDatabaseFields()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = test::mapTestNow();
        QVERIFY(test::seedMapWorld(*db, now).ok());
        QVERIFY(test::execAll(*db, {{QStringLiteral("INSERT INTO territories(id, name) VALUES ('T-C', 'Centro')"), {}},
                                    {QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"), {}},
                                    {QStringLiteral("UPDATE technicians SET territory_id = ?, employment = ? WHERE id = ?"),
                                     {QStringLiteral("T-C"), QStringLiteral("contractor"), QStringLiteral("t1")}},
                                    {QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) VALUES (?, ?)"),
                                     {QStringLiteral("t2"), QStringLiteral("hvac")}}})
                    .ok());
        const QDateTime dayStart = now.addSecs(-12 * 3600);
        auto snap = MapQueries(*db).snapshot(now, dayStart, dayStart.addDays(1), dayStart.addDays(2));
        QVERIFY2(snap.ok(), snap.ok() ? "" : qPrintable(snap.error().message));
        MapModel model;
        model.reset(*snap, now);
        QCOMPARE(model.technician(QStringLiteral("t1"))->territoryId, QStringLiteral("T-C"));
        QCOMPARE(model.technician(QStringLiteral("t1"))->employment, QStringLiteral("contractor"));
        QCOMPARE(model.technician(QStringLiteral("t2"))->skills, QStringList{QStringLiteral("hvac")});

        // Wired as the map tab does it: the board's toolbar writes the shared service.
        SelectionService selection;
        ViewFilterService *service = ViewFilterService::sharedWith(&selection);
        QCOMPARE(ViewFilterService::sharedWith(&selection), service); // one per owner
        connect(service, &ViewFilterService::changed, &model, &MapModel::setFilter);
        QSignalSpy changed(service, &ViewFilterService::changed);
        board::BoardFilter f;
        f.skill = QStringLiteral("hvac");
        service->setFilter(f);
        service->setFilter(f); // the same again: no second signal
        QCOMPARE(changed.count(), 1);
        QCOMPARE(techniciansIndexed(model), QStringList{QStringLiteral("t2")});
        // w1 is visited only by t1 (hidden); w2 is unassigned and stays.
        QCOMPARE(jobsIndexed(model), QStringList{QStringLiteral("w2")});
        f = {};
        f.territoryId = QStringLiteral("T-C");
        service->setFilter(f);
        QCOMPARE(techniciansIndexed(model), QStringList{QStringLiteral("t1")});
        QCOMPARE(jobsIndexed(model), (QStringList{QStringLiteral("w1"), QStringLiteral("w2")}));
        service->setFilter({});
        QCOMPARE(techniciansIndexed(model), (QStringList{QStringLiteral("t1"), QStringLiteral("t2")}));
    }
};

QTEST_GUILESS_MAIN(TestMapFilter)
#include "tst_map_filter.moc"
