// SuggestionModel: one row per candidate in the order given, the raw values behind the
// roles the panel books with, people's text in the display role, and why there is none.
#include "itemmodels/ItemRoles.h"
#include "itemmodels/SuggestionModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;

namespace {

Suggestion candidate(const char *tech, const char *start, int minutes, int travel, double score, QStringList reasons)
{
    Suggestion s;
    s.technicianId = QString::fromLatin1(tech);
    s.start = QDateTime::fromString(QString::fromLatin1(start), Qt::ISODate);
    s.end = s.start.addSecs(60 * minutes);
    s.facts.travelMin = travel;
    s.score = score;
    s.reasons = std::move(reasons);
    return s;
}

SuggestionResult twoCandidates()
{
    SuggestionResult r;
    r.candidates.push_back(candidate("t5", "2026-03-02T09:20:00Z", 60, 20, 0.914236, {"skill hvac", "20 min away"}));
    r.candidates.push_back(candidate("t2", "2026-03-02T13:00:00Z", 60, 0, 0.891667, {"skill hvac", "0 min away"}));
    return r;
}

} // namespace

class TestSuggestionModel : public QObject {
    Q_OBJECT

private slots:
    void rowsAndRoles()
    {
        SuggestionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setResult(QStringLiteral("job"), twoCandidates());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(SuggestionModel::ColumnCount));
        const QModelIndex first = model.index(0, SuggestionModel::ScoreColumn);
        QCOMPARE(model.data(first, roles::TechnicianId).toString(), QStringLiteral("t5"));
        QCOMPARE(model.data(first, roles::WorkOrderId).toString(), QStringLiteral("job"));
        QCOMPARE(model.data(first, roles::SlotStart).toDateTime(), QDateTime(QDate(2026, 3, 2), QTime(9, 20), Qt::UTC));
        QCOMPARE(model.data(first, roles::SlotEnd).toDateTime(), QDateTime(QDate(2026, 3, 2), QTime(10, 20), Qt::UTC));
        QCOMPARE(model.data(first, roles::SlotScore).toDouble(), 0.914236);
        QCOMPARE(model.data(first, Qt::DisplayRole).toString(), QLocale().toString(0.914236, 'f', 2));
        QCOMPARE(model.data(model.index(1, SuggestionModel::TravelColumn), Qt::DisplayRole).toString(), QStringLiteral("0 min"));
        QCOMPARE(model.data(model.index(1, SuggestionModel::TravelColumn), roles::SortValue).toInt(), 0);
        QCOMPARE(model.data(model.index(0, SuggestionModel::ReasonsColumn), Qt::DisplayRole).toString(),
                 QStringLiteral("skill hvac; 20 min away"));
        QCOMPARE(model.data(model.index(1, SuggestionModel::StartColumn), roles::SortValue).toDateTime(),
                 QDateTime(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC));
        QCOMPARE(model.headerData(SuggestionModel::TechnicianColumn, Qt::Horizontal).toString(), QStringLiteral("Technician"));
        QCOMPARE(model.suggestionAt(1)->technicianId, QStringLiteral("t2"));
        QVERIFY(!model.suggestionAt(2));
    }

    void noneSaysWhy()
    {
        SuggestionModel model;
        model.setResult(QStringLiteral("job"), twoCandidates());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        SuggestionResult none;
        none.whyNone = QStringLiteral("no active technician has the skill electrical");
        model.setResult(QStringLiteral("elec"), none);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.whyNone(), none.whyNone);
        QCOMPARE(model.workOrderId(), QStringLiteral("elec"));
        model.clear();
        QVERIFY(model.whyNone().isEmpty());
        QVERIFY(model.workOrderId().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSuggestionModel)
#include "tst_suggestion_model.moc"
