#include "ScreenshotCommand.h"

#include "MainWindow.h"
#include "StartupOptions.h"
#include "controllers/ConnectionController.h"
#include "map/TileSource.h"
#include "session/ConsoleSession.h"
#include "startup/StartupDatabase.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QMouseEvent>
#include <QPixmap>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

namespace fieldops::gui {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScreenshotCommand)
};

void say(const QString &line) { std::fprintf(stderr, "fieldops: %s\n", qPrintable(line)); }

struct View {
    const char *name;
    const char *tab;         // the tab's id (TabController::id)
    bool selectFirstRow;     // a list view shows its first record's page, not an empty form
};
constexpr View kViews[] = {
    {"board", "schedule", false},      {"map", "map", false},
    {"kpi", "kpis", false},            {"workorders", "workorders", true},
    {"customers", "customers", true},  {"contracts", "contracts", true},
    {"technicians", "technicians", true}, {"assets", "assethealth", true},
    {"parts", "parts", false},
};

const View *findView(const QString &name)
{
    for (const View &v : kViews)
        if (name == QLatin1String(v.name))
            return &v;
    return nullptr;
}

// Lets queued reads land and the views repaint: the window's reads run on worker threads.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Waits for the first load of the session (or its failure). Empty when it loaded.
QString waitForFirstLoad(ConsoleSession *session, int timeoutMs)
{
    QEventLoop loop;
    QString problem;
    QObject::connect(session, &ConsoleSession::refreshed, &loop, &QEventLoop::quit);
    QObject::connect(session, &ConsoleSession::errorOccurred, &loop, [&](const Error &error) {
        problem = error.message;
        loop.quit();
    });
    QObject::connect(session, &ConsoleSession::schemaMissing, &loop, [&] {
        problem = Text::tr("%1 has no FieldOps schema").arg(session->url().toDisplayString());
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        problem = Text::tr("the database was not read within %1 s").arg(timeoutMs / 1000);
        loop.quit();
    });
    loop.exec();
    return problem;
}

void selectFirstRow(QWidget *page)
{
    for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
        if (!view->isVisible() || !view->model() || view->model()->rowCount() == 0)
            continue;
        // Clicked as a user would: some views open a record on a click, not on a new current row.
        const QModelIndex first = view->model()->index(0, 0);
        view->scrollTo(first);
        const QPoint at = view->visualRect(first).center();
        const QPoint global = view->viewport()->mapToGlobal(at);
        for (QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease}) {
            QMouseEvent event(type, at, global, Qt::LeftButton,
                              type == QEvent::MouseButtonPress ? Qt::LeftButton : Qt::NoButton, Qt::NoModifier);
            QCoreApplication::sendEvent(view->viewport(), &event);
        }
        return;
    }
}
} // namespace

QStringList screenshotViews()
{
    QStringList names;
    for (const View &v : kViews)
        names << QString::fromLatin1(v.name);
    return names;
}

QString screenshotTabName(const QString &view)
{
    const View *v = findView(view);
    return v ? QString::fromLatin1(v->tab) + QStringLiteral("Tab") : QString();
}

int runScreenshotCommand(const StartupOptions &options)
{
    const View *view = findView(options.screenshotView);
    if (!view) {
        say(Text::tr("unknown view \"%1\"; the views are: %2").arg(options.screenshotView, screenshotViews().join(QStringLiteral(", "))));
        return 2;
    }
    auto target = resolveStartupDatabase({options.db, qEnvironmentVariable("FIELDOPS_DB"), options.demo},
                                         StartupChoice::remembered());
    if (!target) {
        say(target.error().message);
        return 2;
    }
    if (target->source == StartupTarget::Source::Ask) {
        say(Text::tr("no database to draw: give --db URL or --demo, or choose one at a first start"));
        return 2;
    }

    // From here on the window reads and writes scratch settings: the picture shows the
    // default layout, the map draws no network tiles, and the user's layout is untouched.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        say(Text::tr("cannot make a scratch folder: %1").arg(scratch.errorString()));
        return 1;
    }
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scratch.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratch.path());
    map::settings::tileSourceKind().set(QStringLiteral("none"));

    MainWindow window;
    window.connection()->setInteractive(false);
    window.setFixedSize(screenshotWindowSize);
    window.show();
    window.connection()->open(*target);
    if (const QString problem = waitForFirstLoad(window.session(), 120000); !problem.isEmpty()) {
        say(problem);
        return 1;
    }
    QWidget *page = window.tabs()->findChild<QWidget *>(screenshotTabName(options.screenshotView));
    if (!page) {
        say(Text::tr("the console has no %1 view").arg(options.screenshotView));
        return 1;
    }
    window.tabs()->setCurrentWidget(page);
    settle(2000);
    if (view->selectFirstRow) {
        selectFirstRow(page);
        settle(1500);
    }

    const QPixmap picture = window.grab();
    // Quality 0: the smallest file (PNG is lossless either way); the README carries these.
    if (!picture.save(options.screenshotFile, "PNG", 0)) {
        say(Text::tr("cannot write %1").arg(QDir::toNativeSeparators(options.screenshotFile)));
        return 1;
    }
    window.close();
    return 0;
}

} // namespace fieldops::gui
