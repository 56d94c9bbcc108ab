// Schedule board figures (printed, never asserted; targets from issue 3):
//  - open the board on a database holding 1,000,000 historical appointments, reading only
//    a 14-day horizon of 2,000 technicians and 40,000 appointments: time to first paint
//    (target ≤ 1.5 s) and resident memory of the loaded board (≤ 250 MB);
//  - full repaint of a 1920×1080 viewport (median ≤ 8 ms, offscreen raster);
//  - one drag-move step: hit test + verdict + repaint of the rows it changed (median ≤ 4 ms).
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks every count. The change-log triggers of the
// appointments table are dropped for the bulk load only (a benchmark fixture, not a path
// any console takes), so filling a million rows takes seconds, not minutes.
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "board/BoardGeometry.h"
#include "board/BoardModel.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QApplication>
#include <QFile>
#include <QUrl>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace fieldops;
using namespace fieldops::bench;

namespace {







bool exec(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto q = db.run(sql, binds);
    if (!q)
        std::fprintf(stderr, "bench_board: %s\n%s\n", qPrintable(q.error().message + q.error().detail), qPrintable(sql));
    return q.ok();
}

const QDateTime kToday(QDate(2026, 3, 2), QTime(0, 0), QTimeZone::utc());

// 2,000 technicians in 20 territories, 10,000 work orders at 1,000 sites; the horizon
// holds 20 visits per technician (two a day on ten of the fourteen days, 90 min each)
// and the history a million completed visits (three a day, going back).
bool fill(Database &db, int techs, int horizonAppts, int historyAppts)
{
    Transaction tx(db);
    if (!tx.status())
        return false;
    for (const char *op : {"insert", "update", "delete"})
        if (!exec(db, QStringLiteral("DROP TRIGGER IF EXISTS appointments_track_%1").arg(QLatin1String(op))))
            return false;
    // The rows are disjoint by construction; the per-row overlap probe would make the fill
    // quadratic in a technician's history.
    if (!exec(db, QStringLiteral("DROP TRIGGER IF EXISTS appointments_no_double_booking_insert")))
        return false;
    const QString seq = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) ");
    bool ok = exec(db, QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac','HVAC'),('electrical','Electrical'),('gas','Gas')"))
              && exec(db, seq + QStringLiteral("INSERT INTO territories(id, name) SELECT printf('z%02d', i), printf('Zone %02d', i) FROM n"), {20})
              && exec(db, seq + QStringLiteral(
                          "INSERT INTO technicians(id, name, employment, territory_id, home_lat, home_lon, time_zone, work_days) "
                          "SELECT printf('t%04d', i), printf('Technician %04d', i), CASE i % 5 WHEN 0 THEN 'contractor' ELSE 'employee' END, "
                          "printf('z%02d', i % 20), -23.5 - (i % 40) * 0.01, -46.6 - (i % 37) * 0.01, "
                          "CASE i % 3 WHEN 0 THEN 'America/Sao_Paulo' WHEN 1 THEN 'UTC' ELSE 'Europe/Berlin' END, "
                          "'Mon;Tue;Wed;Thu;Fri' FROM n"), {techs})
              && exec(db, QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) SELECT id, CASE abs(random()) % 3 "
                                         "WHEN 0 THEN 'hvac' WHEN 1 THEN 'electrical' ELSE 'gas' END FROM technicians"))
              && exec(db, seq + QStringLiteral("INSERT INTO customers(id, name) SELECT printf('c%03d', i), printf('Customer %03d', i) FROM n"), {100})
              && exec(db, seq + QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) SELECT printf('s%04d', i), "
                                               "printf('c%03d', i % 100), printf('Site %04d', i), -23.4 - (i % 50) * 0.01, "
                                               "-46.5 - (i % 43) * 0.01 FROM n"), {1000})
              && exec(db, seq + QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, sla_due, status, summary) "
                                               "SELECT printf('w%05d', i), printf('s%04d', i % 1000), 1 + i % 4, 90, '2025-01-01T00:00:00Z', "
                                               "'2026-03-09T12:00:00Z', 'scheduled', printf('Job %05d', i) FROM n"), {10000});
    if (!ok)
        return false;
    const qint64 day0 = kToday.addDays(-1).toMSecsSinceEpoch() / 1000;
    // Horizon: visit k of technician t on day k/2 (of the first ten), 08:00 or 12:00 UTC.
    ok = exec(db, seq + QStringLiteral(
                  "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                  "SELECT printf('h%07d', i), printf('w%05d', i % 10000), printf('t%04d', i % ?), "
                  "strftime('%Y-%m-%dT%H:%M:%SZ', ? + ((i / ?) / 2) * 86400 + 28800 + ((i / ?) % 2) * 14400, 'unixepoch'), "
                  "strftime('%Y-%m-%dT%H:%M:%SZ', ? + ((i / ?) / 2) * 86400 + 28800 + ((i / ?) % 2) * 14400 + 5400, 'unixepoch'), "
                  "CASE i % 7 WHEN 0 THEN 'tentative' WHEN 1 THEN 'completed' WHEN 2 THEN 'en_route' ELSE 'scheduled' END FROM n"),
              {horizonAppts, techs, day0, techs, techs, day0, techs, techs});
    // History: three completed visits a day per technician, going back from the horizon.
    ok = ok && exec(db, seq + QStringLiteral(
                        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) "
                        "SELECT printf('p%07d', i), printf('w%05d', i % 10000), printf('t%04d', i % ?), "
                        "strftime('%Y-%m-%dT%H:%M:%SZ', ? - (1 + (i / ?) / 3) * 86400 + 28800 + ((i / ?) % 3) * 10800, 'unixepoch'), "
                        "strftime('%Y-%m-%dT%H:%M:%SZ', ? - (1 + (i / ?) / 3) * 86400 + 28800 + ((i / ?) % 3) * 10800 + 7200, 'unixepoch'), "
                        "'completed', NULL, NULL, 1 FROM n"),
                    {historyAppts, techs, day0, techs, techs, day0, techs, techs});
    return ok && tx.commit().ok();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const double scale = benchScale();
    const int techs = std::max(10, int(2000 * scale));
    const int horizon = std::max(100, int(40000 * scale));
    const int history = std::max(1000, int(1'000'000 * scale));
    std::printf("bench_board: scale %.3f — %d technicians, %d horizon appointments, %d historical appointments\n", scale,
                techs, horizon, history);

    QString url;
    auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
    if (!db) {
        std::fprintf(stderr, "bench_board: %s\n", qPrintable(test::lastError()));
        return 1;
    }
    auto t0 = Clock::now();
    if (!fill(*db, techs, horizon, history))
        return 1;
    std::printf("  fixture written in %.0f ms\n", msSince(t0));
    // The board opens a database at rest: what the fill left in the write-ahead log goes
    // into the main file first, as SQLite's own checkpoints do between sessions.
    (void)db->execDirect(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    // For looking at query plans by hand: FIELDOPS_BENCH_KEEP_DB=/path keeps a copy.
    if (const QString keep = qEnvironmentVariable("FIELDOPS_BENCH_KEEP_DB"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(QUrl(url).path(), keep);
    }
    const double rssBefore = residentMb();

    // Opening the board: horizon read + conflict index + first paint of a 1920×1080 viewport.
    ScheduleDocument document;
    board::BoardModel model;
    BoardEditor editor(db.get(), &document, &model);
    widgets::ScheduleBoard boardWidget;
    boardWidget.setDisplayZone(QTimeZone::utc());
    boardWidget.setNowOverride(kToday.addSecs(10 * 3600));
    boardWidget.resize(1920 + widgets::ScheduleBoard::kHeaderWidth + boardWidget.verticalScrollBar()->sizeHint().width() + 4,
                       1080 + widgets::ScheduleBoard::kRulerHeight + boardWidget.horizontalScrollBar()->sizeHint().height() + 4);
    QImage frame(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    t0 = Clock::now();
    if (Status s = model.load(*db, kToday.addDays(-1), kToday.addDays(13)); !s) {
        std::fprintf(stderr, "bench_board: %s\n", qPrintable(s.error().message + s.error().detail));
        return 1;
    }
    const double loadMs = msSince(t0);
    boardWidget.setEditor(&editor);
    boardWidget.scrollToTime(kToday.addSecs(7 * 3600).toMSecsSinceEpoch(), 0.0);
    widgets::BoardPainter painter;
    {
        QPainter p(&frame);
        painter.paintTimeline(p, frame.rect(), boardWidget.paintContext());
    }
    const double firstPaintMs = msSince(t0);
    const double rssAfter = residentMb();
    std::printf("  open board (14-day horizon of %zu bars, %zu violations): load %.0f ms, first paint at %.0f ms "
                "(target ≤ 1500 ms)\n",
                model.items().size(), model.violations().size(), loadMs, firstPaintMs);
    std::printf("  resident memory: %.0f MB after load (%.0f MB before; target ≤ 250 MB)\n", rssAfter, rssBefore);

    // Full repaints at each span.
    for (const auto &[span, name] : {std::pair{board::VisibleSpan::Day, "day"}, std::pair{board::VisibleSpan::Week, "week"},
                                     std::pair{board::VisibleSpan::TwoWeeks, "2 weeks"}}) {
        boardWidget.setSpan(span);
        boardWidget.scrollToTime(kToday.toMSecsSinceEpoch(), 0.0);
        boardWidget.verticalScrollBar()->setValue(boardWidget.verticalScrollBar()->maximum() / 2);
        std::vector<double> times, cpu;
        for (int i = 0; i < 40; ++i) {
            QPainter p(&frame);
            const auto t = Clock::now();
            const double c0 = threadCpuMs();
            painter.paintTimeline(p, frame.rect(), boardWidget.paintContext());
            p.end();
            times.push_back(msSince(t));
            cpu.push_back(threadCpuMs() - c0);
        }
        std::printf("  full repaint 1920×1080, %s span: median %.2f ms (CPU %.2f ms), p95 %.2f ms (target ≤ 8 ms)\n", name,
                    median(times), median(cpu), p95(times));
    }

    // Drag steps: the grabbed bar follows the pointer across rows and time; each step is a
    // hit test at the pointer, the engine's verdict and a repaint of the rows the ghost
    // left and entered.
    boardWidget.setSpan(board::VisibleSpan::Day);
    boardWidget.scrollToTime(kToday.toMSecsSinceEpoch(), 0.0);
    boardWidget.verticalScrollBar()->setValue(0);
    const board::RowLayout &rows = boardWidget.rows();
    const board::TimeScale &ts = boardWidget.scale();
    const board::BoardGeometry geo(model, rows, ts);
    std::vector<double> steps, stepsCpu;
    std::vector<double> verdictUs;
    int hard = 0, soft = 0;
    int grabbedRow = -1, grabbed = -1;
    for (int r = 0; r < rows.count() && grabbed < 0; ++r) {
        if (rows.row(r).kind != board::BoardRow::Kind::Technician)
            continue;
        std::vector<int> its;
        model.itemsBetween(rows.row(r).technician, kToday.toMSecsSinceEpoch(), kToday.addDays(1).toMSecsSinceEpoch(), its);
        if (!its.empty()) {
            grabbed = its.front();
            grabbedRow = r;
        }
    }
    if (grabbed >= 0) {
        const board::BoardItem &b = model.items()[size_t(grabbed)];
        const QRectF bar = geo.barRect(b, grabbedRow).translated(-QPointF(boardWidget.scrollOffset()));
        int lastRow = grabbedRow;
        for (int i = 0; i < 300; ++i) {
            const QPointF pointer = bar.center() + QPointF((i % 60) * 7.0, (i % 25) * 11.0);
            const auto t = Clock::now();
            const double c0 = threadCpuMs();
            const board::BoardHit hit = geo.hitTest(boardWidget.toContent(pointer), false);
            const int row = hit.row >= 0 && rows.row(hit.row).kind == board::BoardRow::Kind::Technician ? hit.row : lastRow;
            const qint64 shift = board::snapMs(ts.axisAt(boardWidget.toContent(pointer).x()) - ts.axisAt(boardWidget.toContent(bar.center()).x()), 15);
            const auto tv = Clock::now();
            const scheduling::Verdict v = model.verdict({{b.appointment.id,
                                                          model.technicians()[size_t(rows.row(row).technician)].technician.id,
                                                          QDateTime::fromMSecsSinceEpoch(b.startMs + shift, QTimeZone::utc()),
                                                          QDateTime::fromMSecsSinceEpoch(b.endMs + shift, QTimeZone::utc()),
                                                          b.appointment.workOrderId}});
            verdictUs.push_back(msSince(tv) * 1000.0);
            hard += v.hard.empty() ? 0 : 1;
            soft += v.soft.empty() ? 0 : 1;
            QPainter p(&frame);
            for (const int r : {lastRow, row}) {
                const QRect changed(0, rows.top(r) - boardWidget.scrollOffset().y() - 6, 1920, rows.height(r) + 40);
                p.setClipRect(changed);
                painter.paintTimeline(p, changed.intersected(frame.rect()), boardWidget.paintContext());
            }
            p.end();
            steps.push_back(msSince(t));
            stepsCpu.push_back(threadCpuMs() - c0);
            lastRow = row;
        }
    }
    std::printf("  drag-move step (hit test + verdict + repaint of the changed rows): median %.3f ms (CPU %.3f ms), p95 %.3f ms "
                "(target ≤ 4 ms); verdict alone median %.1f µs; %d hard, %d soft of %zu steps\n",
                median(steps), median(stepsCpu), p95(steps), median(verdictUs), hard, soft, steps.size());
    return 0;
}
