#include "DemoSeedRunner.h"

#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent>
#include <atomic>
#include <memory>

namespace fieldops::gui {

namespace {
struct Outcome {
    Status status;
    DemoSeedOutcome result;
};

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeedRunner)
};

Outcome seedInThisThread(const DatabaseUrl &url, const DemoOptions &options, const DemoSeeder::Progress &progress)
{
    Outcome out;
    auto opened = Database::open(url);
    if (!opened) {
        out.status = opened.error();
        return out;
    }
    Database &db = **opened;
    progress(0, Text::tr("Creating the schema…"));
    auto migrated = Migrator(db).migrate();
    if (!migrated) {
        out.status = migrated.error();
        return out;
    }
    auto existing = db.scalar(QStringLiteral("SELECT count(*) FROM work_orders"));
    if (!existing) {
        out.status = existing.error();
        return out;
    }
    if (existing->toInt() > 0)
        return out; // a demo once seeded is the user's data now: never reseed over it
    auto summary = DemoSeeder(db).seed(options, progress);
    if (!summary) {
        out.status = summary.error();
        return out;
    }
    out.result.seeded = true;
    out.result.summary = *summary;
    return out;
}
} // namespace

Result<DemoSeedOutcome> seedDemoIfEmpty(const DatabaseUrl &url, const DemoOptions &options, QWidget *parent)
{
    QProgressDialog dialog(Text::tr("Preparing the demo database…"), Text::tr("Cancel"), 0, 100, parent);
    dialog.setWindowTitle(Text::tr("FieldOps demo"));
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setMinimumDuration(500);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setValue(0);

    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    QPointer<QProgressDialog> guard(&dialog);
    const DemoSeeder::Progress progress = [cancelled, guard](int percent, const QString &stage) {
        // Called in the pool thread: hand the figures to the dialog's thread.
        QMetaObject::invokeMethod(
            qApp,
            [guard, percent, stage] {
                if (!guard)
                    return;
                guard->setValue(qBound(0, percent, 99));
                if (!stage.isEmpty() && !guard->wasCanceled())
                    guard->setLabelText(stage);
            },
            Qt::QueuedConnection);
        return !cancelled->load();
    };
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [cancelled, &dialog] {
        cancelled->store(true);
        // Keep the dialog up until the worker has rolled back: quitting mid-write would
        // leave the user guessing what is in the file.
        dialog.show();
        dialog.setLabelText(Text::tr("Cancelling…"));
        dialog.setCancelButton(nullptr);
    });

    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Outcome>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([url, options, progress] { return seedInThisThread(url, options, progress); }));
    loop.exec();
    dialog.setValue(100);

    const Outcome out = watcher.result();
    if (!out.status) {
        if (cancelled->load())
            return Error{Error::Kind::Cancelled, Text::tr("the demo seeding was cancelled; nothing was written"), {}};
        return out.status.error();
    }
    return out.result;
}

} // namespace fieldops::gui
