// The board on a demo-seeded database: `fieldops-cli conflicts --json` over the board's
// horizon lists exactly what the Conflicts panel lists (one engine for everyone), and a
// screenshot of the board is written to fieldops-board.png for a person to look at.
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "board/ConflictListModel.h"
#include "board/ScheduleBoard.h"
#include "board/SchedulePage.h"
#include "commands/BoardEditor.h"
#include "conflicts/ConflictsPanel.h"
#include "demo/DemoSeeder.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/ItemRoles.h"
#include "util/TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace fieldops;

class TestScheduleBoardDemo : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    QString m_url;
    const QDate m_today{2026, 3, 4};

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary");
        test::DemoDatabase demo({.technicians = 24, .days = 14, .futureDays = 5, .customers = 300, .today = m_today});
        QVERIFY2(demo.db, qPrintable(demo.error));
        m_db = std::move(demo.db);
        m_url = demo.url;
        QVERIFY(demo.summary.appointments > 0);
    }

    void cliConflictsAgreeWithThePanel()
    {
        ScheduleDocument document;
        board::BoardModel model;
        BoardEditor editor(m_db.get(), &document, &model);
        widgets::SchedulePage page(&editor);
        page.board()->setDisplayZone(QTimeZone(QByteArrayLiteral("America/Sao_Paulo")));
        page.showDate(m_today);
        QVERIFY(model.isLoaded());
        widgets::ConflictsPanel panel(&model);

        QProcess cli;
        cli.start(qEnvironmentVariable("FIELDOPS_CLI"),
                  {QStringLiteral("--db"), m_url, QStringLiteral("conflicts"), QStringLiteral("--from"),
                   timefmt::toIsoUtc(model.from()), QStringLiteral("--to"), timefmt::toIsoUtc(model.to()),
                   QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray rows = QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(QStringLiteral("violations")).toArray();
        QVERIFY2(!rows.isEmpty(), "the demo has some conflicts to compare");
        QCOMPARE(panel.model()->rowCount(), int(rows.size()));
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject o = rows.at(i).toObject();
            const scheduling::Violation &v = model.violations()[size_t(i)];
            QCOMPARE(scheduling::kindName(v.kind), o.value(QStringLiteral("kind")).toString());
            QCOMPARE(v.technicianId, o.value(QStringLiteral("technician_id")).toString());
            QStringList ids;
            for (const QJsonValue &id : o.value(QStringLiteral("appointment_ids")).toArray())
                ids << id.toString();
            QCOMPARE(v.appointmentIds, ids);
            // What the panel shows on that row.
            const auto *m = panel.model();
            QCOMPARE(m->index(i, board::ConflictListModel::DetailColumn).data().toString(), o.value(QStringLiteral("detail")).toString());
            QCOMPARE(m->index(i, 0).data(roles::AppointmentId).toString(), ids.first());
            const int t = model.technicianIndex(v.technicianId);
            QCOMPARE(m->index(i, board::ConflictListModel::TechnicianColumn).data().toString(),
                     model.technicians()[size_t(t)].technician.name);
        }
    }

    void screenshot()
    {
        ScheduleDocument document;
        board::BoardModel model;
        BoardEditor editor(m_db.get(), &document, &model);
        widgets::SchedulePage page(&editor);
        const QTimeZone zone(QByteArrayLiteral("America/Sao_Paulo"));
        page.board()->setDisplayZone(zone);
        page.board()->setNowOverride(QDateTime(m_today, QTime(10, 0), zone));
        page.resize(1600, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showDate(m_today);
        page.board()->scrollToTime(QDateTime(m_today, QTime(6, 30), zone).toMSecsSinceEpoch(), 0.0);
        // Select a bar so the screenshot shows the selection outline.
        if (!model.items().empty())
            page.board()->selectAppointments({model.items().front().appointment.id});
        QTest::qWait(50);
        const QImage shot = page.grab().toImage();
        QVERIFY(shot.save(fieldops::test::screenshotPath(QStringLiteral("fieldops-board.png"))));
        QVERIFY(shot.width() == 1600 && shot.height() == 900);
        // Not an empty board: bars in several colours were painted.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7)
            for (int x = 300; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }
};

QTEST_MAIN(TestScheduleBoardDemo)
#include "tst_schedule_board_demo.moc"
