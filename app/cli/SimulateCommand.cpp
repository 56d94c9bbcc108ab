// `fieldops-cli simulate [--speed X] [--duration S] [--seed N]`: plays the technicians'
// phones against the database, the way their backend would write: each technician drives
// (straight line at the travel model's effective speed, so arrival matches the rules'
// estimate) to their next visit, reports a position every few simulated seconds, goes en
// route, on site and completed with arrival and completion times, some visits stay
// unresolved, and time entries and ratings are written. Demos look alive with it, and it
// load-tests the live map. It writes what the phones would send, as field events through
// the ingest's own writer (models/field), so simulated and real phones change the same
// rows the same way. The connected equipment's sensors report too (demo/SensorSimulation):
// readings with their daily cycle, dropouts and faults, through the same writer.
// Phones are not perfect, and neither are technicians: some on-site taps are forgotten,
// some are sent early from the road, fixes drift now and then and GPS drops out for a few
// minutes, so `infer-arrivals` has realistic cases to find.
// The phones also report on the technicians' outbox (schedule notices and dispatchers'
// messages, also those written while it runs): each notice is delivered seconds after it
// was written (after a phone's GPS gap, when its signal is back) and read minutes later,
// or not at all during the run, as `delivered` and `read` events through the same writer.
#include "CliContext.h"
#include "Commands.h"

#include "demo/SensorSimulation.h"
#include "field/FieldEventWriter.h"
#include "scheduling/TravelTime.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace fieldops::cli {

namespace {

constexpr int kTickMs = 200;            // real time between simulation steps
constexpr int kMovingReportSecs = 10;   // simulated seconds between positions while driving
constexpr int kIdleReportSecs = 120;    // … while parked
constexpr double kResolvedShare = 0.85; // the rest stay unresolved (a second visit is needed)
constexpr double kRatedShare = 0.6;
// The lapses, drawn from their own random stream so the rest of a seed's run stays as it was.
constexpr double kForgottenTapShare = 0.08; // of visits: no on-site tap at all
constexpr double kEarlyTapShare = 0.08;     // of visits: on site tapped 8–20 minutes before arriving
constexpr double kDriftShare = 0.03;        // of fixes: 100–400 m off
constexpr double kGapChance = 0.003;        // per fix: the next 3–12 minutes without one
constexpr quint32 kLapseStream = 0x1a95e5u;
// The outbox: notices looked for every minute (simulated), delivered 2–40 s after they
// were written, read 1–10 minutes after delivery (most), 10–45 minutes (some), or not.
constexpr int kNoticePollSecs = 60;
constexpr double kSlowReadShare = 0.25;
constexpr double kUnreadShare = 0.05;
constexpr quint32 kNoticeStream = 0x0b7b0cu;

struct SimNotice {
    qint64 id = 0;
    QString technicianId;
    QDateTime deliverAt; // invalid: delivered already
    QDateTime readAt;    // invalid: not read during the run
};

struct SimVisit {
    QString appointmentId;
    QString workOrderId;
    QDateTime start;
    QDateTime end;
    QString status;
    double lat = 0;
    double lon = 0;
    int version = 1;
    int workOrderVersion = 1;
    bool forgetOnSite = false;
    QDateTime earlyTapAt; // valid: on site is tapped from the road then
    bool tappedOnSite = false;
};

struct SimTech {
    QString id;
    double lat = 0;
    double lon = 0;
    double heading = 0;
    std::vector<SimVisit> visits; // today's remaining, by start
    size_t next = 0;
    enum class Phase { Waiting, Driving, Working, Done } phase = Phase::Waiting;
    QDateTime departAt;   // Waiting: when to leave for visits[next]
    QDateTime phaseStart; // Driving: when they left; Working: when they arrived
    double fromLat = 0, fromLon = 0;
    double driveSecs = 0;
    qint64 workSecs = 0;
    QDateTime lastReport;
    QDateTime gapUntil; // no fix before then
};

struct Counters {
    int positions = 0, enRoute = 0, arrived = 0, completed = 0, unresolved = 0, timeEntries = 0, ratings = 0, readings = 0;
    int forgottenTaps = 0, earlyTaps = 0, gaps = 0, driftingFixes = 0;
    int noticesDelivered = 0, noticesRead = 0;
};

constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180;

double bearingDeg(double lat1, double lon1, double lat2, double lon2)
{
    const double p1 = lat1 * std::numbers::pi / 180, p2 = lat2 * std::numbers::pi / 180;
    const double dl = (lon2 - lon1) * std::numbers::pi / 180;
    const double y = std::sin(dl) * std::cos(p2);
    const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
    return std::fmod(std::atan2(y, x) * 180 / std::numbers::pi + 360, 360);
}

class Simulator {
public:
    Simulator(Database &db, quint32 seed)
        : m_db(db), m_rng(seed), m_lapses(seed ^ kLapseStream), m_noticeRng(seed ^ kNoticeStream), m_writer(db, QDateTime::currentDateTimeUtc()),
          m_sensors(seed)
    {
    }

    Status load(const QDateTime &now)
    {
        auto techs = m_db.run(QStringLiteral("SELECT id, home_lat, home_lon FROM technicians ORDER BY id"));
        if (!techs)
            return techs.error();
        while (techs->next()) {
            SimTech t;
            t.id = techs->value(0).toString();
            t.lat = techs->value(1).toDouble();
            t.lon = techs->value(2).toDouble();
            m_index.insert(t.id, int(m_techs.size()));
            m_techs.push_back(t);
        }
        techs->finish();
        // Where each phone last was (the latest row per technician).
        auto last = m_db.run(QStringLiteral("SELECT technician_id, lat, lon, heading_deg FROM positions "
                                            "WHERE id IN (SELECT MAX(id) FROM positions GROUP BY technician_id)"));
        if (!last)
            return last.error();
        while (last->next()) {
            const int i = m_index.value(last->value(0).toString(), -1);
            if (i < 0)
                continue;
            m_techs[size_t(i)].lat = last->value(1).toDouble();
            m_techs[size_t(i)].lon = last->value(2).toDouble();
            m_techs[size_t(i)].heading = last->value(3).toDouble();
        }
        last->finish();
        // The visits still ahead today (and any begun): what the phones will play.
        auto visits = m_db.run(QStringLiteral(
                                   "SELECT a.id, a.work_order_id, a.technician_id, a.start_at, a.end_at, a.status, s.lat, s.lon, "
                                   "a.version, w.version FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
                                   "JOIN sites s ON s.id = w.site_id WHERE a.status IN ('scheduled', 'tentative', 'en_route', 'on_site') "
                                   "AND a.end_at > ? AND a.start_at < ? ORDER BY a.technician_id, a.start_at"),
                               {timefmt::toSql(now.addSecs(-4 * 3600)), timefmt::toSql(now.addDays(1))});
        if (!visits)
            return visits.error();
        while (visits->next()) {
            const int i = m_index.value(visits->value(2).toString(), -1);
            if (i < 0)
                continue;
            SimVisit v{visits->value(0).toString(), visits->value(1).toString(), timefmt::fromSql(visits->value(3)),
                       timefmt::fromSql(visits->value(4)), visits->value(5).toString(), visits->value(6).toDouble(),
                       visits->value(7).toDouble(), visits->value(8).toInt(), visits->value(9).toInt(), false, QDateTime(), false};
            m_techs[size_t(i)].visits.push_back(v);
        }
        visits->finish();
        for (SimTech &t : m_techs)
            planNext(t, now);
        if (Status s = pollNotices(now); !s)
            return s;
        return m_sensors.load(m_db, now);
    }

    // One simulation step up to `now`, written in one transaction.
    Status step(const QDateTime &now)
    {
        if (!m_lastPoll.isValid() || m_lastPoll.secsTo(now) >= kNoticePollSecs) {
            if (Status s = pollNotices(now); !s)
                return s;
        }
        if (Status s = m_writer.begin(); !s)
            return s;
        for (SimTech &t : m_techs)
            if (Status s = advance(t, now); !s)
                return s;
        if (Status s = reportNotices(now); !s)
            return s;
        for (const field::ReadingEvent &r : m_sensors.advance(now)) {
            bool refused = false;
            if (Status s = send(r, &refused); !s)
                return s;
            m_counters.readings += refused ? 0 : 1;
        }
        return m_writer.commit();
    }

    const Counters &counters() const { return m_counters; }
    int technicianCount() const { return int(m_techs.size()); }
    int sensorCount() const { return m_sensors.unitCount(); }
    int faultsStarted() const { return m_sensors.faultsStarted(); }

private:
    // The outbox's notices the phones have not reported read yet, new ones since the last
    // look included, each with when its phone will report it delivered and read.
    Status pollNotices(const QDateTime &now)
    {
        m_lastPoll = now;
        auto q = m_db.run(QStringLiteral("SELECT id, technician_id, created_at, delivered_at FROM technician_outbox "
                                         "WHERE read_at IS NULL AND id > ? ORDER BY id"),
                          {m_lastNoticeId});
        if (!q)
            return q.error();
        while (q->next()) {
            SimNotice n;
            n.id = q->value(0).toLongLong();
            n.technicianId = q->value(1).toString();
            const QDateTime created = timefmt::fromSql(q->value(2));
            const QDateTime delivered = timefmt::fromSql(q->value(3));
            m_lastNoticeId = std::max(m_lastNoticeId, n.id);
            QDateTime reachedPhone = delivered;
            if (!delivered.isValid()) {
                // Seconds after it was written, or after the phone's signal comes back.
                QDateTime from = std::max(created, now);
                const int i = m_index.value(n.technicianId, -1);
                if (i >= 0 && m_techs[size_t(i)].gapUntil.isValid() && m_techs[size_t(i)].gapUntil > from)
                    from = m_techs[size_t(i)].gapUntil;
                n.deliverAt = from.addSecs(2 + m_noticeRng.bounded(39));
                reachedPhone = n.deliverAt;
            }
            const double reading = m_noticeRng.generateDouble();
            if (reading >= kUnreadShare) {
                const qint64 delaySecs = reading < kUnreadShare + kSlowReadShare ? 600 + m_noticeRng.bounded(2101) : 60 + m_noticeRng.bounded(541);
                n.readAt = std::max(reachedPhone, now).addSecs(delaySecs);
            }
            if (n.deliverAt.isValid() || n.readAt.isValid())
                m_notices.push_back(n);
        }
        q->finish();
        return {};
    }

    // The deliveries and readings that are due, at their own instants. A refusal (the
    // notice was pruned or deleted meanwhile) drops the notice.
    Status reportNotices(const QDateTime &now)
    {
        for (SimNotice &n : m_notices) {
            if (n.deliverAt.isValid() && n.deliverAt <= now) {
                bool refused = false;
                if (Status s = send(field::DeliveredEvent{n.id, n.deliverAt}, &refused); !s)
                    return s;
                n.deliverAt = {};
                if (refused) {
                    n.readAt = {};
                    continue;
                }
                ++m_counters.noticesDelivered;
            }
            if (!n.deliverAt.isValid() && n.readAt.isValid() && n.readAt <= now) {
                bool refused = false;
                if (Status s = send(field::ReadEvent{n.id, n.readAt}, &refused); !s)
                    return s;
                n.readAt = {};
                m_counters.noticesRead += refused ? 0 : 1;
            }
        }
        std::erase_if(m_notices, [](const SimNotice &n) { return !n.deliverAt.isValid() && !n.readAt.isValid(); });
        return {};
    }

    void planNext(SimTech &t, const QDateTime &now)
    {
        while (t.next < t.visits.size() && t.visits[t.next].status == QLatin1String("completed"))
            ++t.next;
        if (t.next >= t.visits.size()) {
            t.phase = SimTech::Phase::Done;
            return;
        }
        const SimVisit &v = t.visits[t.next];
        if (v.status == QLatin1String("on_site")) {
            t.phase = SimTech::Phase::Working;
            t.phaseStart = now;
            t.workSecs = workSeconds(v);
            return;
        }
        const int travelMin = scheduling::defaultTravelTime().minutes({QString(), t.lat, t.lon}, {QString(), v.lat, v.lon});
        // Phones leave roughly on time: up to 5 minutes early or 15 late (so some run late).
        const int jitterMin = int(m_rng.bounded(21)) - 5;
        t.departAt = v.start.addSecs(-60LL * travelMin + 60LL * jitterMin);
        if (t.departAt < now || v.status == QLatin1String("en_route"))
            t.departAt = now;
        t.phase = SimTech::Phase::Waiting;
    }

    qint64 workSeconds(const SimVisit &v)
    {
        // The planned length, give or take a quarter.
        const qint64 planned = std::max<qint64>(600, v.start.secsTo(v.end));
        return qint64(planned * (0.75 + 0.5 * m_rng.generateDouble()));
    }

    // Events happen at their own instants (departure, arrival, completion), not at the
    // step's, so a coarse step (a high --speed) still writes the right times; several
    // events may fall inside one step.
    Status advance(SimTech &t, const QDateTime &now)
    {
        for (int guard = 0; guard < 16; ++guard) {
            switch (t.phase) {
            case SimTech::Phase::Waiting:
                if (now < t.departAt)
                    return reportIfDue(t, now, kIdleReportSecs, 0);
                if (Status s = depart(t, t.departAt); !s)
                    return s;
                continue;
            case SimTech::Phase::Driving: {
                const SimVisit &v = t.visits[t.next];
                const QDateTime arriveAt = t.phaseStart.addSecs(qint64(t.driveSecs));
                if (v.earlyTapAt.isValid() && !v.tappedOnSite && now >= v.earlyTapAt) {
                    if (Status s = tapEarly(t, t.visits[t.next]); !s)
                        return s;
                    continue;
                }
                if (now >= arriveAt) {
                    if (Status s = arrive(t, arriveAt); !s)
                        return s;
                    continue;
                }
                const double done = t.phaseStart.secsTo(now) / t.driveSecs;
                t.lat = t.fromLat + (v.lat - t.fromLat) * done;
                t.lon = t.fromLon + (v.lon - t.fromLon) * done;
                const double kmh = scheduling::HaversineTravelTime::kSpeedKmh / scheduling::HaversineTravelTime::kRoadFactor;
                return reportIfDue(t, now, kMovingReportSecs, kmh);
            }
            case SimTech::Phase::Working: {
                const QDateTime doneAt = t.phaseStart.addSecs(t.workSecs);
                if (now < doneAt)
                    return reportIfDue(t, now, kIdleReportSecs, 0);
                if (Status s = complete(t, doneAt); !s)
                    return s;
                continue;
            }
            case SimTech::Phase::Done:
                return reportIfDue(t, now, kIdleReportSecs, 0);
            }
        }
        return {};
    }

    Status reportIfDue(SimTech &t, const QDateTime &now, int everySecs, double speedKmh)
    {
        if (t.gapUntil.isValid() && now < t.gapUntil)
            return {};
        if (t.lastReport.isValid() && t.lastReport.secsTo(now) < everySecs)
            return {};
        t.lastReport = now;
        if (m_lapses.generateDouble() < kGapChance) {
            t.gapUntil = now.addSecs(180 + m_lapses.bounded(541));
            ++m_counters.gaps;
            return {};
        }
        double lat = t.lat, lon = t.lon;
        if (m_lapses.generateDouble() < kDriftShare) {
            const double metres = 100 + m_lapses.bounded(300.0), angle = m_lapses.bounded(2 * std::numbers::pi);
            lat += metres * std::cos(angle) / kMetresPerDegree;
            lon += metres * std::sin(angle) / (kMetresPerDegree * std::cos(t.lat * std::numbers::pi / 180));
            ++m_counters.driftingFixes;
        }
        ++m_counters.positions;
        return send(field::PositionEvent{t.id, now, lat, lon, speedKmh, t.heading, std::nullopt});
    }

    // On site tapped from the road: the phone says where it really is.
    Status tapEarly(SimTech &t, SimVisit &v)
    {
        const double done = std::clamp(t.phaseStart.secsTo(v.earlyTapAt) / t.driveSecs, 0.0, 1.0);
        const double lat = t.fromLat + (v.lat - t.fromLat) * done, lon = t.fromLon + (v.lon - t.fromLon) * done;
        v.tappedOnSite = true;
        ++m_counters.earlyTaps;
        bool refused = false;
        if (Status s = send(field::StatusEvent{v.appointmentId, QStringLiteral("on_site"), v.earlyTapAt, lat, lon}, &refused); !s)
            return s;
        if (refused)
            v.status = QStringLiteral("cancelled");
        return {};
    }

    // What a phone sends, written as the ingest writes it. A refusal (a dispatcher
    // cancelled the visit meanwhile) wrote nothing: the phone's report is dropped and the
    // simulation goes on; only the database failing stops it.
    Status send(const field::FieldEvent &event, bool *refused = nullptr)
    {
        auto r = m_writer.write(event);
        if (!r)
            return r.error();
        if (refused)
            *refused = r->has_value();
        return {};
    }

    Status setAppointment(SimVisit &v, const QString &status, const QDateTime &at)
    {
        bool refused = false;
        if (Status s = send(field::StatusEvent{v.appointmentId, status, at, std::nullopt, std::nullopt}, &refused); !s)
            return s;
        v.status = refused ? QStringLiteral("cancelled") : status;
        return {};
    }

    Status depart(SimTech &t, const QDateTime &now)
    {
        SimVisit &v = t.visits[t.next];
        t.fromLat = t.lat;
        t.fromLon = t.lon;
        t.heading = bearingDeg(t.lat, t.lon, v.lat, v.lon);
        t.driveSecs = 60.0 * scheduling::defaultTravelTime().minutes({QString(), t.lat, t.lon}, {QString(), v.lat, v.lon});
        t.phaseStart = now;
        t.phase = SimTech::Phase::Driving;
        t.lastReport = {};
        ++m_counters.enRoute;
        const double lapse = m_lapses.generateDouble();
        v.forgetOnSite = lapse < kForgottenTapShare;
        if (!v.forgetOnSite && lapse < kForgottenTapShare + kEarlyTapShare) {
            const qint64 leadSecs = 60LL * (8 + m_lapses.bounded(13));
            v.earlyTapAt = now.addSecs(std::max<qint64>(0, qint64(t.driveSecs) - leadSecs));
        }
        if (Status s = setAppointment(v, QStringLiteral("en_route"), now); !s)
            return s;
        return reportIfDue(t, now, kMovingReportSecs, 0);
    }

    Status arrive(SimTech &t, const QDateTime &now)
    {
        SimVisit &v = t.visits[t.next];
        t.lat = v.lat;
        t.lon = v.lon;
        t.phase = SimTech::Phase::Working;
        t.workSecs = workSeconds(v);
        const QDateTime left = t.phaseStart;
        t.phaseStart = now;
        ++m_counters.arrived;
        // On site: the arrival time, and the work order in progress; unless the technician
        // forgot, or tapped already from the road.
        if (v.forgetOnSite) {
            ++m_counters.forgottenTaps;
        } else if (!v.tappedOnSite) {
            v.tappedOnSite = true;
            if (Status s = setAppointment(v, QStringLiteral("on_site"), now); !s)
                return s;
        }
        if (left < now) {
            // The drive is logged time too (not billable).
            if (Status s = timeEntry(t, v, left, now, false, QStringLiteral("travel")); !s)
                return s;
        }
        t.lastReport = {};
        return reportIfDue(t, now, kIdleReportSecs, 0);
    }

    Status complete(SimTech &t, const QDateTime &now)
    {
        SimVisit &v = t.visits[t.next];
        const bool resolved = m_rng.generateDouble() < kResolvedShare;
        ++m_counters.completed;
        if (!resolved)
            ++m_counters.unresolved;
        // The outcome completes the visit; the work order is done, or goes back to the
        // queue for another visit when unresolved.
        field::OutcomeEvent outcome;
        outcome.appointmentId = v.appointmentId;
        outcome.resolved = resolved;
        outcome.completedAt = now;
        outcome.departedAt = now;
        if (Status s = send(outcome); !s)
            return s;
        v.status = QStringLiteral("completed");
        if (Status s = timeEntry(t, v, t.phaseStart, now, true, QStringLiteral("work")); !s)
            return s;
        if (resolved && m_rng.generateDouble() < kRatedShare) {
            const int score = 3 + int(m_rng.bounded(3));
            if (Status s = send(field::RatingEvent{v.workOrderId, score, QStringLiteral(""), now}); !s)
                return s;
            ++m_counters.ratings;
        }
        ++t.next;
        planNext(t, now);
        return {};
    }

    Status timeEntry(const SimTech &t, const SimVisit &v, const QDateTime &from, const QDateTime &to, bool billable,
                     const QString &activity)
    {
        if (to <= from)
            return {};
        if (Status s = send(field::TimeEntryEvent{t.id, v.workOrderId, from, to, billable, activity, QStringLiteral("")}); !s)
            return s;
        ++m_counters.timeEntries;
        return {};
    }

    Database &m_db;
    QRandomGenerator m_rng;
    QRandomGenerator m_lapses;
    QRandomGenerator m_noticeRng;
    field::FieldEventWriter m_writer;
    std::vector<SimTech> m_techs;
    QHash<QString, int> m_index;
    Counters m_counters;
    demo::SensorSimulation m_sensors;
    std::vector<SimNotice> m_notices;
    qint64 m_lastNoticeId = 0;
    QDateTime m_lastPoll;
};

} // namespace

int runSimulate(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption speedOpt(QStringLiteral("speed"),
                                      QCoreApplication::translate("cli", "Simulated seconds per real second (default 60)."),
                                      QStringLiteral("X"), QStringLiteral("60"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"),
                                         QCoreApplication::translate("cli", "How long to run, in real seconds (default 60)."),
                                         QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QCoreApplication::translate("cli", "Random seed (default 1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions({speedOpt, durationOpt, seedOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("simulate"),
                   QCoreApplication::translate("cli", "Play the technicians' phones: positions, en route / on site / completed, "
                                                      "time entries and ratings, and the connected equipment's "
                                                      "sensor readings, written live to the database."),
                   code))
        return code;
    bool ok = false;
    const double speed = parser.value(speedOpt).toDouble(&ok);
    if (!ok || speed <= 0 || speed > 100000)
        return ctx.invalid(QCoreApplication::translate("cli", "--speed must be a number above 0 (at most 100000)"));
    const double duration = parser.value(durationOpt).toDouble(&ok);
    if (!ok || duration <= 0)
        return ctx.invalid(QCoreApplication::translate("cli", "--duration must be a number of seconds above 0"));
    const uint seed = parser.value(seedOpt).toUInt(&ok);
    if (!ok)
        return ctx.invalid(QCoreApplication::translate("cli", "--seed must be a whole number"));

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    db->setActor(QStringLiteral("simulator"));
    QDateTime simNow = QDateTime::currentDateTimeUtc();
    simNow.setTime(QTime(simNow.time().hour(), simNow.time().minute(), simNow.time().second()));
    Simulator sim(*db, seed);
    if (Status s = sim.load(simNow); !s)
        return ctx.fail(s.error());
    ctx.out() << QCoreApplication::translate("cli", "simulating %1 technicians at %2× for %3 s …")
                     .arg(sim.technicianCount())
                     .arg(speed)
                     .arg(duration)
              << Qt::endl;

    QElapsedTimer clock;
    clock.start();
    qint64 simulatedMs = 0;
    while (clock.elapsed() < qint64(duration * 1000)) {
        const qint64 target = qint64(clock.elapsed() * speed);
        if (target - simulatedMs >= 1000) {
            // Whole simulated seconds: the schema stores seconds.
            const qint64 stepSecs = (target - simulatedMs) / 1000;
            simulatedMs += stepSecs * 1000;
            simNow = simNow.addSecs(stepSecs);
            if (Status s = sim.step(simNow); !s)
                return ctx.fail(s.error());
        }
        QThread::msleep(kTickMs);
    }
    const Counters &c = sim.counters();
    ctx.out() << QCoreApplication::translate("cli", "simulated until %1: %2 positions, %3 departures, %4 arrivals, %5 completed "
                                                    "(%6 unresolved), %7 time entries, %8 ratings, %9 sensor readings "
                                                    "(%10 faults started on %11 connected units)")
                     .arg(timefmt::toIsoUtc(simNow))
                     .arg(c.positions)
                     .arg(c.enRoute)
                     .arg(c.arrived)
                     .arg(c.completed)
                     .arg(c.unresolved)
                     .arg(c.timeEntries)
                     .arg(c.ratings)
                     .arg(c.readings)
                     .arg(sim.faultsStarted())
                     .arg(sim.sensorCount())
              << Qt::endl;
    ctx.out() << QCoreApplication::translate("cli", "lapses: %1 on-site taps forgotten, %2 sent early from the road, %3 GPS gaps, %4 drifting fixes")
                     .arg(c.forgottenTaps)
                     .arg(c.earlyTaps)
                     .arg(c.gaps)
                     .arg(c.driftingFixes)
              << Qt::endl;
    ctx.out() << QCoreApplication::translate("cli", "outbox: %1 notices delivered, %2 read").arg(c.noticesDelivered).arg(c.noticesRead) << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
