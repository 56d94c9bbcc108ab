// The Parts tab on the real main window, on both backends, driven with QTest keys and
// clicks: it lists the stock of the follow-up fixture with what open work orders reserve
// (2 filters held in Bruno's van for w1) and what is available; the location filter and
// "Below reorder point only" narrow it; a reorder point edited in place (double-click, F2)
// is written and Ctrl+Z restores it, unless someone changed it meanwhile (refused in
// words); a transfer through the dialog (Ctrl+Shift+T) moves stock at both ends with a
// stock_transfers row, and Ctrl+Z moves it back as a second one; an over-large transfer
// is stopped at its field, and one the stock no longer allows when saved is refused in
// words with the database unchanged; another console's transfer shows up by itself.
#include "../field/FollowUpFixture.h"
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "document/ScheduleDocument.h"
#include "domain/SignalColours.h"
#include "itemmodels/ItemRoles.h"
#include "parts/PartsView.h"
#include "parts/StockFilterProxy.h"
#include "parts/StockRepository.h"
#include "parts/StockTableModel.h"
#include "parts/TransferDialog.h"

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

using namespace fieldops;
using parts::StockTableModel;

namespace {

// The fixture, and w1 (open) holding 2 of its filters in Bruno's van: 4 on hand there,
// 2 available against a reorder point of 3.
QString fixture(Database &db)
{
    if (QString failed = test::insertFollowUpFixture(db); !failed.isEmpty())
        return failed;
    if (Status s = db.execDirect(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity, reserved_location) "
                                                "VALUES ('w1', 'F-100', 2, 'van:t2')"));
        !s)
        return s.error().message + QLatin1Char(' ') + s.error().detail;
    return {};
}

double quantityAt(Database &db, const char *sku, const char *location, const char *column = "quantity")
{
    return db.scalar(QStringLiteral("SELECT %1 FROM stock WHERE sku = ? AND location = ?").arg(QLatin1String(column)),
                     {QString::fromLatin1(sku), QString::fromLatin1(location)})
        ->toDouble();
}

} // namespace

class TestPartsView : public QObject {
    Q_OBJECT

    QString m_failure;

    std::unique_ptr<gui::MainWindow> window(const QString &backend, std::unique_ptr<Database> *db)
    {
        return test::openMainWindowOnFixture(backend, fixture, test::fixtureNow(), db, &m_failure);
    }

    // Alt+7 (View → Go to) and the stock read: the tab's view, or null.
    static widgets::PartsView *showParts(gui::MainWindow *w)
    {
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w))
            return nullptr;
        QTest::keyClick(w, Qt::Key_7, Qt::AltModifier);
        auto *view = qobject_cast<widgets::PartsView *>(w->tabs()->currentWidget());
        if (!view || !QTest::qWaitFor([view] { return view->stockModel()->rowCount() == 5; }, 10000))
            return nullptr;
        return view;
    }

    // The cell of `column` in the table's row of `sku` at `location` (as shown: filtered, sorted).
    static QModelIndex cell(widgets::PartsView *view, const QString &sku, const QString &location, int column)
    {
        QAbstractItemModel *m = view->table()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, column);
            if (i.data(roles::StockSku).toString() == sku && i.data(roles::StockLocation).toString() == location)
                return i;
        }
        return {};
    }

    static QString text(widgets::PartsView *view, const QString &sku, const QString &location, int column)
    {
        return cell(view, sku, location, column).data().toString();
    }

    static void clickRow(widgets::PartsView *view, const QModelIndex &index)
    {
        QTableView *t = view->table();
        t->scrollTo(index);
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualRect(index).center());
    }

    static widgets::TransferDialog *openTransfer(gui::MainWindow *w)
    {
        QTest::keyClick(w, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        widgets::TransferDialog *d = nullptr;
        if (!QTest::qWaitFor([&] { return (d = w->findChild<widgets::TransferDialog *>()) != nullptr; }, 10000))
            return nullptr;
        return QTest::qWaitForWindowExposed(d) ? d : nullptr;
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_parts_view")); }

    void listsFiltersAndSorts_data() { test::addBackendRows(); }
    void listsFiltersAndSorts()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        widgets::PartsView *view = showParts(w.get());
        QVERIFY(view);
        QCOMPARE(w->tabs()->tabText(w->tabs()->currentIndex()), QStringLiteral("Parts"));

        // Bruno's van: 4 filters, 2 of them held for w1, 2 free against a reorder point of 3.
        const QString van = QStringLiteral("van:t2");
        const QString central = QStringLiteral("warehouse:central");
        const QString filter = QStringLiteral("F-100");
        QCOMPARE(text(view, filter, van, StockTableModel::Location), QStringLiteral("Van of Bruno Lima"));
        QCOMPARE(text(view, filter, van, StockTableModel::Part), QStringLiteral("Filter"));
        QCOMPARE(text(view, filter, van, StockTableModel::OnHand), QStringLiteral("4"));
        QCOMPARE(text(view, filter, van, StockTableModel::Reserved), QStringLiteral("2"));
        QCOMPARE(text(view, filter, van, StockTableModel::Available), QStringLiteral("2"));
        QCOMPARE(text(view, filter, van, StockTableModel::ReorderPoint), QStringLiteral("3"));
        QCOMPARE(cell(view, filter, van, StockTableModel::Sku).data(Qt::ForegroundRole).value<QBrush>().color(), colours::warning());
        QCOMPARE(text(view, filter, central, StockTableModel::Location), QStringLiteral("Warehouse central"));
        QCOMPARE(text(view, filter, central, StockTableModel::Reserved), QStringLiteral("0"));
        QCOMPARE(text(view, filter, central, StockTableModel::Available), QStringLiteral("50"));
        QVERIFY(!cell(view, filter, central, StockTableModel::Sku).data(Qt::ForegroundRole).isValid());

        // The location filter: every warehouse and van, chosen with the keys.
        QComboBox *location = view->locationFilter();
        QStringList places;
        for (int i = 0; i < location->count(); ++i)
            places << location->itemText(i);
        QCOMPARE(places, (QStringList{QStringLiteral("All locations"), QStringLiteral("Warehouse central"), QStringLiteral("Warehouse north"),
                                      QStringLiteral("Van of Ana Souza"), QStringLiteral("Van of Bruno Lima")}));
        QVERIFY(test::chooseByKeys(location, van));
        QCOMPARE(view->table()->model()->rowCount(), 2);
        QVERIFY(test::chooseByKeys(location, QStringLiteral("warehouse:north")));
        QCOMPARE(view->table()->model()->rowCount(), 1);
        QVERIFY(test::chooseByKeys(location, QString()));
        QCOMPARE(view->table()->model()->rowCount(), 5);

        // The reorder list: only the van's filters, 1 short.
        QVERIFY(view->table()->isColumnHidden(StockTableModel::Shortfall));
        QTest::mouseClick(view->reorderOnlyBox(), Qt::LeftButton);
        QVERIFY(view->reorderOnlyBox()->isChecked());
        QCOMPARE(view->table()->model()->rowCount(), 1);
        QVERIFY(!view->table()->isColumnHidden(StockTableModel::Shortfall));
        QCOMPARE(text(view, filter, van, StockTableModel::Shortfall), QStringLiteral("1"));
        QTest::mouseClick(view->reorderOnlyBox(), Qt::LeftButton);
        QCOMPARE(view->table()->model()->rowCount(), 5);

        // Sorting: a click on "On hand" sorts by the figure (1, 3, 4, 5, 50), again reverses it.
        QHeaderView *header = view->table()->horizontalHeader();
        const auto clickHeader = [header](int section) {
            const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        };
        const auto column = [view](int c) {
            QStringList out;
            for (int r = 0; r < view->table()->model()->rowCount(); ++r)
                out << view->table()->model()->index(r, c).data().toString();
            return out;
        };
        clickHeader(StockTableModel::OnHand);
        if (header->sortIndicatorOrder() != Qt::AscendingOrder)
            clickHeader(StockTableModel::OnHand);
        QCOMPARE(column(StockTableModel::OnHand), (QStringList{"1", "3", "4", "5", "50"}));
        clickHeader(StockTableModel::OnHand);
        QCOMPARE(column(StockTableModel::OnHand), (QStringList{"50", "5", "4", "3", "1"}));
        clickHeader(StockTableModel::Location);

        // A row other than the van's filters chosen, so their warning colour shows in the picture.
        clickRow(view, cell(view, filter, central, StockTableModel::Sku));
        view->grab().save(test::screenshotPath(QStringLiteral("parts-%1.png").arg(backend)));

        // Another console moves two valves from the north warehouse to Ana's van: the tab
        // shows it by itself, from the change feed.
        QVERIFY(parts::StockRepository(*db).transfer({QStringLiteral("V-2"), QStringLiteral("warehouse:north"), QStringLiteral("van:t1"), 2}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(text(view, QStringLiteral("V-2"), QStringLiteral("van:t1"), StockTableModel::OnHand), QStringLiteral("2"), 15000);
        QCOMPARE(text(view, QStringLiteral("V-2"), QStringLiteral("warehouse:north"), StockTableModel::OnHand), QStringLiteral("3"));
        QCOMPARE(text(view, QStringLiteral("V-2"), QStringLiteral("van:t1"), StockTableModel::Location), QStringLiteral("Van of Ana Souza"));
    }

    void reorderPointInPlaceThenUndo_data() { test::addBackendRows(); }
    void reorderPointInPlaceThenUndo()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        widgets::PartsView *view = showParts(w.get());
        QVERIFY(view);
        QUndoStack *stack = w->session()->document()->undoStack();
        QTableView *table = view->table();

        // A double-click on the central warehouse's reorder point for filters, 20, Enter.
        const QModelIndex point = cell(view, QStringLiteral("F-100"), QStringLiteral("warehouse:central"), StockTableModel::ReorderPoint);
        QVERIFY(point.isValid());
        table->scrollTo(point);
        const QPoint at = table->visualRect(point).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((editor = table->findChild<QLineEdit *>(QStringLiteral("reorderPointEditor"))) && editor->isVisible(), 5000);
        QCOMPARE(editor->text(), QStringLiteral("0"));
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("20"));
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the event loop's next turn
        QTRY_COMPARE_WITH_TIMEOUT(quantityAt(*db, "F-100", "warehouse:central", "min_quantity"), 20.0, 5000);
        QCOMPARE(stack->undoText(), QStringLiteral("Reorder point of F-100 at Warehouse central: 0 → 20"));
        QTRY_COMPARE_WITH_TIMEOUT(text(view, QStringLiteral("F-100"), QStringLiteral("warehouse:central"), StockTableModel::ReorderPoint),
                                  QStringLiteral("20"), 10000);

        // Ctrl+Z restores it.
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(quantityAt(*db, "F-100", "warehouse:central", "min_quantity"), 0.0);
        QTRY_COMPARE_WITH_TIMEOUT(text(view, QStringLiteral("F-100"), QStringLiteral("warehouse:central"), StockTableModel::ReorderPoint),
                                  QStringLiteral("0"), 10000);

        // F2 on the north warehouse's valves (any cell of the row) edits its reorder point:
        // 7 against 5 available puts it on the reorder list.
        clickRow(view, cell(view, QStringLiteral("V-2"), QStringLiteral("warehouse:north"), StockTableModel::Part));
        QTest::keyClick(table, Qt::Key_F2);
        QTRY_VERIFY_WITH_TIMEOUT((editor = table->findChild<QLineEdit *>(QStringLiteral("reorderPointEditor"))) && editor->isVisible(), 5000);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("7"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(quantityAt(*db, "V-2", "warehouse:north", "min_quantity"), 7.0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(view, QStringLiteral("V-2"), QStringLiteral("warehouse:north"), StockTableModel::Sku)
                                     .data(roles::StockBelowReorderPoint)
                                     .toBool(),
                                 10000);

        // Someone else sets it to 9 meanwhile: Ctrl+Z is refused in words and writes nothing.
        QVERIFY(db->execDirect(QStringLiteral("UPDATE stock SET min_quantity = 9 WHERE sku = 'V-2' AND location = 'warehouse:north'")).ok());
        const QString before = test::dumpDatabase(*db);
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::dumpDatabase(*db), before);
        auto *message = view->findChild<QLabel *>(QStringLiteral("partsMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 5000);
        QVERIFY2(message->text().contains(QLatin1String("9")) && message->text().contains(QLatin1String("7")), qPrintable(message->text()));
        QCOMPARE(stack->count(), 0); // the refused step was dropped (the undone first edit went with the second)
    }

    void transferThenUndo_data() { test::addBackendRows(); }
    void transferThenUndo()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        widgets::PartsView *view = showParts(w.get());
        QVERIFY(view);
        QUndoStack *stack = w->session()->document()->undoStack();

        // From the central warehouse's filters: the dialog starts on that part and place.
        clickRow(view, cell(view, QStringLiteral("F-100"), QStringLiteral("warehouse:central"), StockTableModel::Sku));
        widgets::TransferDialog *dialog = openTransfer(w.get());
        QVERIFY(dialog);
        QCOMPARE(dialog->partField()->currentData().toString(), QStringLiteral("F-100"));
        QCOMPARE(dialog->fromField()->currentData().toString(), QStringLiteral("warehouse:central"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("transferSourceNote"));
        QCOMPARE(note->text(), QStringLiteral("50 on hand there."));

        // To Ana's van; the quantity says what is wrong as it is typed.
        QVERIFY(test::chooseByKeys(dialog->toField(), QStringLiteral("van:t1")));
        dialog->quantityField()->setFocus();
        QTest::keyClicks(dialog->quantityField(), QStringLiteral("five"));
        QVERIFY(dialog->issueLabel(QStringLiteral("quantity"))->isVisible());
        QCOMPARE(dialog->issueLabel(QStringLiteral("quantity"))->text(), QStringLiteral("\"five\" is not a number."));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->quantityField()->selectAll();
        QTest::keyClick(dialog->quantityField(), Qt::Key_Backspace);
        QTest::keyClicks(dialog->quantityField(), QStringLiteral("5"));
        QVERIFY(!dialog->issueLabel(QStringLiteral("quantity"))->isVisible());
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->grab().save(test::screenshotPath(QStringLiteral("transfer-%1.png").arg(backend)));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->findChild<widgets::TransferDialog *>(), 10000);

        QCOMPARE(quantityAt(*db, "F-100", "warehouse:central"), 45.0);
        QCOMPARE(quantityAt(*db, "F-100", "van:t1"), 5.0);
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT sku, from_location, to_location, quantity FROM stock_transfers ORDER BY id")),
                 QStringLiteral("F-100|warehouse:central|van:t1|5"));
        QCOMPARE(stack->undoText(), QStringLiteral("Move 5 × F-100 from Warehouse central to Van of Ana Souza"));
        QTRY_COMPARE_WITH_TIMEOUT(text(view, QStringLiteral("F-100"), QStringLiteral("van:t1"), StockTableModel::OnHand), QStringLiteral("5"), 10000);
        QCOMPARE(text(view, QStringLiteral("F-100"), QStringLiteral("warehouse:central"), StockTableModel::OnHand), QStringLiteral("45"));

        // Ctrl+Z moves the 5 back, as a transfer of its own in the log; Ctrl+Shift+Z again.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(quantityAt(*db, "F-100", "warehouse:central"), 50.0);
        QCOMPARE(quantityAt(*db, "F-100", "van:t1"), 0.0);
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT from_location, to_location, quantity FROM stock_transfers ORDER BY id")),
                 QStringLiteral("warehouse:central|van:t1|5;van:t1|warehouse:central|5"));
        QTRY_COMPARE_WITH_TIMEOUT(text(view, QStringLiteral("F-100"), QStringLiteral("warehouse:central"), StockTableModel::OnHand),
                                  QStringLiteral("50"), 10000);
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(quantityAt(*db, "F-100", "warehouse:central"), 45.0);
        QCOMPARE(quantityAt(*db, "F-100", "van:t1"), 5.0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM stock_transfers"))->toInt(), 3);
    }

    void overLargeTransferRefused_data() { test::addBackendRows(); }
    void overLargeTransferRefused()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        widgets::PartsView *view = showParts(w.get());
        QVERIFY(view);
        const QString untouched = test::dumpDatabase(*db);

        // Three valves out of Bruno's van, which holds one: stopped at the field.
        widgets::TransferDialog *dialog = openTransfer(w.get());
        QVERIFY(dialog);
        QVERIFY(test::chooseByKeys(dialog->partField(), QStringLiteral("V-2")));
        QVERIFY(test::chooseByKeys(dialog->fromField(), QStringLiteral("van:t2")));
        QVERIFY(test::chooseByKeys(dialog->toField(), QStringLiteral("van:t2")));
        QCOMPARE(dialog->issueLabel(QStringLiteral("to"))->text(), QStringLiteral("The part is already there: choose another place."));
        QVERIFY(test::chooseByKeys(dialog->toField(), QStringLiteral("warehouse:central")));
        QVERIFY(!dialog->issueLabel(QStringLiteral("to"))->isVisible());
        dialog->quantityField()->setFocus();
        QTest::keyClicks(dialog->quantityField(), QStringLiteral("3"));
        QCOMPARE(dialog->issueLabel(QStringLiteral("quantity"))->text(), QStringLiteral("Van of Bruno Lima holds 1 of V-2, fewer than 3."));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QTest::keyClick(dialog->quantityField(), Qt::Key_Return);
        QVERIFY(w->findChild<widgets::TransferDialog *>());
        QCOMPARE(test::dumpDatabase(*db), untouched);

        // One valve, but another console took it from the van just before Save: the
        // database refuses in words, the dialog stays open and nothing is written.
        dialog->quantityField()->selectAll();
        QTest::keyClicks(dialog->quantityField(), QStringLiteral("1"));
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(parts::StockRepository(*db).transfer({QStringLiteral("V-2"), QStringLiteral("van:t2"), QStringLiteral("warehouse:north"), 1}).ok());
        const QString before = test::dumpDatabase(*db);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->problemLabel()->isVisible(), 10000);
        QCOMPARE(dialog->problemLabel()->text(), QStringLiteral("van:t2 holds 0 of V-2, fewer than the 1 to move"));
        QVERIFY(w->findChild<widgets::TransferDialog *>());
        QCOMPARE(test::dumpDatabase(*db), before);
        QCOMPARE(w->session()->document()->undoStack()->count(), 0);
        dialog->grab().save(test::screenshotPath(QStringLiteral("transfer-refused-%1.png").arg(backend)));

        // The tab and the dialog go by the new figures: the van holds no valve now.
        QTRY_COMPARE_WITH_TIMEOUT(text(view, QStringLiteral("V-2"), QStringLiteral("van:t2"), StockTableModel::OnHand), QStringLiteral("0"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->issueLabel(QStringLiteral("from"))->text(), QStringLiteral("Van of Bruno Lima holds no V-2."), 5000);
        QVERIFY(!dialog->saveButton()->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!w->findChild<widgets::TransferDialog *>(), 5000);
    }
};

QTEST_MAIN(TestPartsView)
#include "tst_parts_view.moc"
