// Approving and correcting time entries as record edits on the console's undo stack, on
// both backends: an approval or a correction written by TimeEntryReview (as the session's
// worker does) and pushed as an already-applied RecordEditCommand; undo puts the entry back
// as it was (state, times, comment, reviewer, a version further on), redo writes it again;
// the audit log keeps what the technician entered; entries already reviewed are left alone;
// a correction ending before it starts is refused at its field, writing nothing.
#include "../itemmodels/WorkOrderFixture.h"
#include "TestDatabases.h"
#include "billing/TimeEntryReview.h"
#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "util/TimeFormat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::billing;

class TestTimeEntryReview : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;

    // Ana's two entries on w5 (her visit ap2 on 1 March): 1 as entered, 2 without a comment.
    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true);
        if (!m_db || !test::insertWorkOrderFixture(*m_db).isEmpty())
            return false;
        return test::runAll(*m_db, {"INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                    "('t1', 'w5', '2026-03-01T08:05:00Z', '2026-03-01T09:00:00Z', TRUE, 'work', 'replaced the fan')",
                                    "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                    "('t1', 'w5', '2026-03-01T09:00:00Z', '2026-03-01T11:00:00Z', TRUE, 'work', '')"})
            .ok();
    }
    // "state vN start end billable comment by"
    QString row(int id)
    {
        auto q = m_db->run(QStringLiteral("SELECT review_state, version, start_at, end_at, CASE WHEN CAST(billable AS integer) = 1 THEN 1 ELSE 0 END, "
                                          "comment, reviewed_by FROM time_entries WHERE id = ?"),
                           {id});
        if (!q || !q->next())
            return QStringLiteral("<none>");
        return QStringLiteral("%1 v%2 %3 %4 %5 '%6' %7")
            .arg(q->value(0).toString())
            .arg(q->value(1).toInt())
            .arg(timefmt::toIsoUtc(timefmt::fromSql(q->value(2))), timefmt::toIsoUtc(timefmt::fromSql(q->value(3))))
            .arg(q->value(4).toInt())
            .arg(q->value(5).toString(), q->value(6).isNull() ? QStringLiteral("-") : q->value(6).toString());
    }
    QDateTime now() const { return test::fixtureNow(); }
    template <typename T>
    static QByteArray why(const Result<T> &r)
    {
        return r ? QByteArray() : r.error().message.toUtf8();
    }

private slots:
    void approveUndoRedo_data() { test::addBackendRows(); }
    void approveUndoRedo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        m_db->setActor(QStringLiteral("rita"));
        const QString entered = row(1);
        QCOMPARE(entered, QStringLiteral("pending v1 2026-03-01T08:05:00Z 2026-03-01T09:00:00Z 1 'replaced the fan' -"));
        ScheduleDocument doc;
        auto approved = TimeEntryReview(*m_db, now()).approve({1, 2});
        QVERIFY2(approved, why(approved).constData());
        QCOMPARE(approved->approved, (QList<qint64>{1, 2}));
        QCOMPARE(approved->edits.size(), 2);
        doc.push(RecordEditCommand::alreadyApplied({m_db.get(), &doc, doc.versions()}, QStringLiteral("Approve"), approved->edits));
        QCOMPARE(row(1), QStringLiteral("approved v2 2026-03-01T08:05:00Z 2026-03-01T09:00:00Z 1 'replaced the fan' rita"));
        QCOMPARE(row(2).left(11), QStringLiteral("approved v2"));

        doc.undoStack()->undo();
        QCOMPARE(row(1), QStringLiteral("pending v3 2026-03-01T08:05:00Z 2026-03-01T09:00:00Z 1 'replaced the fan' -"));
        QCOMPARE(row(2).left(10), QStringLiteral("pending v3"));
        doc.undoStack()->redo();
        QCOMPARE(row(1).left(11), QStringLiteral("approved v4"));

        // Approving again leaves them alone and writes nothing.
        auto again = TimeEntryReview(*m_db, now()).approve({1});
        QVERIFY(again);
        QCOMPARE(again->alreadyReviewed, QList<qint64>{1});
        QVERIFY(again->edits.isEmpty());
        QCOMPARE(row(1).left(11), QStringLiteral("approved v4"));
    }

    void correctionKeepsTheOriginalInTheAudit_data() { test::addBackendRows(); }
    void correctionKeepsTheOriginalInTheAudit()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        m_db->setActor(QStringLiteral("rita"));
        const QString entered = row(2);
        ScheduleDocument doc;
        Correction c;
        c.id = 2;
        c.end = QDateTime(QDate(2026, 3, 1), QTime(9, 45), QTimeZone::utc());
        c.comment = QStringLiteral("tested the fan");
        c.expectedVersion = 1;
        auto edits = TimeEntryReview(*m_db, now()).writeCorrection(c);
        QVERIFY2(edits, why(edits).constData());
        doc.push(RecordEditCommand::alreadyApplied({m_db.get(), &doc, doc.versions()}, QStringLiteral("Correct"), *edits));
        QCOMPARE(row(2), QStringLiteral("corrected v2 2026-03-01T09:00:00Z 2026-03-01T09:45:00Z 1 'tested the fan' rita"));

        // The audit log's before-image of the correction is what Ana entered.
        auto audit = m_db->run(QStringLiteral("SELECT old_values FROM audit_log WHERE entity = 'time_entries' AND op = 'update' ORDER BY id"));
        QVERIFY(audit);
        QVERIFY(audit->next());
        const QJsonObject before = QJsonDocument::fromJson(audit->value(0).toString().toUtf8()).object();
        audit->finish();
        QCOMPARE(before.value(QStringLiteral("review_state")).toString(), QStringLiteral("pending"));
        QCOMPARE(timefmt::parseIsoWithOffset(before.value(QStringLiteral("end_at")).toString()),
                 QDateTime(QDate(2026, 3, 1), QTime(11, 0), QTimeZone::utc()));
        QCOMPARE(before.value(QStringLiteral("comment")).toString(), QString());

        // Undo: the entry as entered, one version on.
        doc.undoStack()->undo();
        QString back = entered;
        back.replace(QStringLiteral(" v1 "), QStringLiteral(" v3 "));
        QCOMPARE(row(2), back);
        doc.undoStack()->redo();
        QCOMPARE(row(2).left(12), QStringLiteral("corrected v4"));
    }

    void backwardsCorrectionRefused_data() { test::addBackendRows(); }
    void backwardsCorrectionRefused()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString entered = row(1);
        Correction c;
        c.id = 1;
        c.end = QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc());
        auto refused = TimeEntryReview(*m_db, now()).writeCorrection(c);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QVERIFY2(refused.error().message.contains(QLatin1String("end_at")), qPrintable(refused.error().message));
        QCOMPARE(row(1), entered);
        const auto issues = correctionIssues(*c.end, c.end->addSecs(-60));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field, QStringLiteral("end_at"));
        QVERIFY(correctionIssues(*c.end, c.end->addSecs(60)).isEmpty());
        QCOMPARE(correctionIssues(QDateTime(), *c.end).first().field, QStringLiteral("start_at"));
    }
};

QTEST_GUILESS_MAIN(TestTimeEntryReview)
#include "tst_time_entry_review.moc"
