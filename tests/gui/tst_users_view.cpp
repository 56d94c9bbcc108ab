// The admins' Users view driven with the mouse and keyboard (offscreen) against the real
// test PostgreSQL server: the table lists the FieldOps logins; a role, territories and
// the login switch change through the buttons and their forms, the table follows and the
// server holds the change; what the server refuses (one's own demotion, a non-admin)
// shows in the view's message line and changes nothing. A render goes to
// users-view.png.
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "controllers/UsersTabController.h"
#include "session/ConsoleSession.h"
#include "itemmodels/UserListModel.h"
#include "users/UserEditDialog.h"
#include "users/UserService.h"
#include "users/UsersView.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace fieldops;

namespace {

int cli(const QString &url, const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("FIELDOPS_CLI"), QStringList{QStringLiteral("--db"), url} + args);
    if (!p.waitForFinished(60000))
        return -1;
    return p.exitCode();
}

} // namespace

class TestUsersView : public QObject {
    Q_OBJECT
    QString m_dbName;
    std::unique_ptr<Database> m_super;
    std::unique_ptr<UserService> m_service; // outlives the view
    std::unique_ptr<widgets::UsersView> m_view;

    QString urlAs(const QString &user) const { return test::PgTestServer::shared()->urlFor(m_dbName, user); }

    QString cell(const QString &login, int column) const
    {
        const int row = m_view->model()->rowOf(login);
        return row < 0 ? QString() : m_view->model()->index(row, column).data().toString();
    }

    bool isMember(const QString &user, const QString &group)
    {
        auto v = m_super->scalar(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ? AND g.rolname = ?"),
                                 {user, group});
        return v && v->toInt() == 1;
    }

    // Clicks the login's row in the table, as a user does.
    bool clickRow(const QString &login)
    {
        const int row = m_view->model()->rowOf(login);
        if (row < 0)
            return false;
        QTableView *table = m_view->table();
        const QRect rect = table->visualRect(table->model()->index(row, UserListModel::Login));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        return m_view->selectedLogin() == login;
    }

    // Opens a form with its button and waits for it to show.
    widgets::UserEditDialog *openForm(QPushButton *button)
    {
        if (!button->isEnabled())
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        widgets::UserEditDialog *dialog = m_view->openDialog();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    static void clickOk(widgets::UserEditDialog *dialog)
    {
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_users_view"));
        QString url;
        m_super = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(m_super, qPrintable(test::lastError()));
        m_dbName = url.section(QLatin1Char('/'), -1);
        QVERIFY(m_super->run(QStringLiteral("INSERT INTO territories(id, name) VALUES ('north', 'Zona Norte'), ('south', 'Zona Sul')")).ok());
        for (const auto &[name, role] : std::initializer_list<std::pair<const char *, const char *>>{
                 {"boss", "admin"}, {"ana", "dispatcher"}, {"paulo", "planner"}})
            QCOMPARE(cli(url, {QStringLiteral("user"), QStringLiteral("add"), QString::fromLatin1(name), QStringLiteral("--role"),
                               QString::fromLatin1(role)}),
                     0);

        m_service = std::make_unique<UserService>();
        m_service->setDatabaseUrl(*DatabaseUrl::parse(urlAs(QStringLiteral("boss"))));
        m_view = std::make_unique<widgets::UsersView>(m_service.get());
        QVERIFY(test::showExposed(*m_view, QSize(760, 420)));
        QSignalSpy listed(m_service.get(), &UserService::usersChanged);
        m_view->reload();
        QVERIFY(listed.wait(15000));
    }

    void cleanupTestCase()
    {
        m_view.reset();
        m_service.reset();
    }

    void listShowsTheLogins()
    {
        UserListModel *model = m_view->model();
        QCOMPARE(model->rowCount(), 3);
        QStringList logins;
        for (int r = 0; r < model->rowCount(); ++r)
            logins << model->index(r, UserListModel::Login).data().toString();
        QCOMPARE(logins, (QStringList{"ana", "boss", "paulo"}));
        QCOMPARE(cell(QStringLiteral("ana"), UserListModel::Role), QStringLiteral("Dispatcher"));
        QCOMPARE(cell(QStringLiteral("boss"), UserListModel::Role), QStringLiteral("Admin"));
        QCOMPARE(cell(QStringLiteral("paulo"), UserListModel::Territories), QStringLiteral("All"));
        QCOMPARE(cell(QStringLiteral("paulo"), UserListModel::Status), QStringLiteral("Active"));
        QCOMPARE(model->headerData(UserListModel::Status, Qt::Horizontal).toString(), QStringLiteral("Status"));
        // The admin's own row stands out.
        QVERIFY(model->index(model->rowOf(QStringLiteral("boss")), 0).data(Qt::FontRole).value<QFont>().bold());
        // Nothing selected: only Add and Refresh are offered.
        QVERIFY(m_view->addButton()->isEnabled());
        QVERIFY(!m_view->roleButton()->isEnabled());
        QVERIFY(!m_view->messageLabel()->isVisible());
    }

    void changeRoleThroughTheForm()
    {
        QVERIFY(clickRow(QStringLiteral("ana")));
        QVERIFY(m_view->roleButton()->isEnabled());
        widgets::UserEditDialog *dialog = openForm(m_view->roleButton());
        QVERIFY(dialog);
        QVERIFY(!dialog->territoryList()); // the role form asks for the role only
        QCOMPARE(dialog->roleCombo()->currentData().toString(), QStringLiteral("dispatcher"));
        // Every FieldOps role, the field gateway's last.
        QCOMPARE(dialog->roleCombo()->count(), 5);
        QCOMPARE(dialog->roleCombo()->itemData(4).toString(), QStringLiteral("field"));
        QCOMPARE(dialog->roleCombo()->itemText(4), QStringLiteral("Field gateway"));
        QVERIFY(test::chooseByKeys(dialog->roleCombo(), QStringLiteral("planner")));
        QSignalSpy changed(m_service.get(), &UserService::changed);
        clickOk(dialog);
        QVERIFY(changed.wait(15000));
        QCOMPARE(cell(QStringLiteral("ana"), UserListModel::Role), QStringLiteral("Planner"));
        QVERIFY(isMember(QStringLiteral("ana"), QStringLiteral("fieldops_planner")));
        QVERIFY(!isMember(QStringLiteral("ana"), QStringLiteral("fieldops_dispatcher")));
        // The view says what happened and keeps the row selected.
        QVERIFY(m_view->messageLabel()->isVisible());
        QVERIFY2(m_view->messageLabel()->text().contains(QLatin1String("ana")), qPrintable(m_view->messageLabel()->text()));
        QCOMPARE(m_view->messageLabel()->property("error").toBool(), false);
        QCOMPARE(m_view->selectedLogin(), QStringLiteral("ana"));
    }

    void territoriesThroughTheForm()
    {
        QVERIFY(clickRow(QStringLiteral("ana")));
        widgets::UserEditDialog *dialog = openForm(m_view->territoriesButton());
        QVERIFY(dialog);
        QListWidget *list = dialog->territoryList();
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QVERIFY(!dialog->roleCombo());
        list->setFocus();
        list->setCurrentRow(1); // south
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(dialog->territories(), QStringList{QStringLiteral("south")});
        QSignalSpy changed(m_service.get(), &UserService::changed);
        clickOk(dialog);
        QVERIFY(changed.wait(15000));
        QCOMPARE(cell(QStringLiteral("ana"), UserListModel::Territories), QStringLiteral("south"));
        QCOMPARE(m_super->scalar(QStringLiteral("SELECT string_agg(territory_id, ',') FROM user_territories WHERE role_name = 'ana'"))
                     .value()
                     .toString(),
                 QStringLiteral("south"));
    }

    void disableAndEnableWithOneButton()
    {
        QVERIFY(clickRow(QStringLiteral("paulo")));
        QCOMPARE(m_view->loginButton()->text(), QStringLiteral("&Disable"));
        QSignalSpy changed(m_service.get(), &UserService::changed);
        QTest::mouseClick(m_view->loginButton(), Qt::LeftButton);
        QVERIFY(changed.wait(15000));
        QCOMPARE(cell(QStringLiteral("paulo"), UserListModel::Status), QStringLiteral("Disabled"));
        QVERIFY(!test::openUrl(urlAs(QStringLiteral("paulo"))));
        QCOMPARE(m_view->selectedLogin(), QStringLiteral("paulo"));
        QCOMPARE(m_view->loginButton()->text(), QStringLiteral("&Enable"));
        QTest::mouseClick(m_view->loginButton(), Qt::LeftButton);
        QVERIFY(changed.wait(15000));
        QCOMPARE(cell(QStringLiteral("paulo"), UserListModel::Status), QStringLiteral("Active"));
        QVERIFY(test::openUrl(urlAs(QStringLiteral("paulo"))));
    }

    void addThroughTheForm()
    {
        widgets::UserEditDialog *dialog = openForm(m_view->addButton());
        QVERIFY(dialog);
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // no name yet
        dialog->nameEdit()->setFocus();
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("zoe o'hara"));
        QVERIFY(test::chooseByKeys(dialog->roleCombo(), QStringLiteral("manager")));
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(dialog->grab().save(fieldops::test::screenshotPath(QStringLiteral("users-add-dialog.png"))));
        QSignalSpy changed(m_service.get(), &UserService::changed);
        clickOk(dialog);
        QVERIFY(changed.wait(15000));
        QCOMPARE(m_view->model()->rowCount(), 4);
        QCOMPARE(cell(QStringLiteral("zoe o'hara"), UserListModel::Role), QStringLiteral("Manager"));
        QVERIFY(isMember(QStringLiteral("zoe o'hara"), QStringLiteral("fieldops_manager")));
    }

    // The server refuses; the view says why, inline, and the table stays as it was.
    void selfDemotionIsShownInTheView()
    {
        QVERIFY(clickRow(QStringLiteral("boss")));
        widgets::UserEditDialog *dialog = openForm(m_view->roleButton());
        QVERIFY(dialog);
        QVERIFY(test::chooseByKeys(dialog->roleCombo(), QStringLiteral("dispatcher")));
        QSignalSpy failed(m_service.get(), &UserService::failed);
        clickOk(dialog);
        QVERIFY(failed.wait(15000));
        QLabel *message = m_view->messageLabel();
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QLatin1String("you cannot change your own role")), qPrintable(message->text()));
        QCOMPARE(message->property("error").toBool(), true);
        QCOMPARE(cell(QStringLiteral("boss"), UserListModel::Role), QStringLiteral("Admin"));
        QVERIFY(isMember(QStringLiteral("boss"), QStringLiteral("fieldops_admin")));
        QVERIFY(m_view->roleButton()->isEnabled()); // not busy any more

        QVERIFY(m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("users-view.png"))));
    }

    // A dispatcher's console: the view says it is for admins, lists nothing.
    void nonAdminSeesWhy()
    {
        UserService service;
        service.setDatabaseUrl(*DatabaseUrl::parse(urlAs(QStringLiteral("paulo"))));
        widgets::UsersView view(&service);
        QVERIFY(test::showExposed(view, QSize(600, 300)));
        QSignalSpy failed(&service, &UserService::failed);
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QVERIFY(failed.wait(15000));
        QVERIFY(view.messageLabel()->isVisible());
        QVERIFY2(view.messageLabel()->text().contains(QLatin1String("only a FieldOps admin")), qPrintable(view.messageLabel()->text()));
        QCOMPARE(view.model()->rowCount(), 0);
    }

    // The tab controller follows the session: once connected, the view lists that
    // database's logins without being asked.
    void tabFollowsTheSession()
    {
        ConsoleSession session;
        gui::UsersTabController tab(&session);
        std::unique_ptr<QWidget> page(tab.widget()); // a tab widget would own it
        QCOMPARE(tab.id(), QStringLiteral("users"));
        session.connectTo(*DatabaseUrl::parse(urlAs(QStringLiteral("boss"))));
        QTRY_VERIFY_WITH_TIMEOUT(tab.view()->model()->rowCount() == 4, 15000);
        QCOMPARE(tab.view()->model()->currentLogin(), QStringLiteral("boss"));
        QVERIFY(tab.view()->model()->rowOf(QStringLiteral("zoe o'hara")) >= 0);
        session.disconnectFromDatabase();
    }
};

QTEST_MAIN(TestUsersView)
#include "tst_users_view.moc"
