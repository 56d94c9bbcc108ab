#include "PasswordStore.h"

#include <QLoggingCategory>
#include <QMetaObject>

#ifdef FIELDOPS_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

Q_LOGGING_CATEGORY(lcKeychain, "fieldops.keychain")

namespace fieldops::gui {

namespace {
const QString kService = QStringLiteral("FieldOps Console");
}

PasswordStore::PasswordStore(QObject *parent) : QObject(parent) {}

bool PasswordStore::isAvailable()
{
#ifdef FIELDOPS_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordStore::store(const QString &key, const QString &password)
{
#ifdef FIELDOPS_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(key);
    job->setTextData(password);
    // Never fall back to a plain-text file: a password not kept safely is not kept.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            qCWarning(lcKeychain) << "could not store the password:" << j->errorString();
    });
    job->start();
#else
    Q_UNUSED(key);
    Q_UNUSED(password);
#endif
}

void PasswordStore::remove(const QString &key)
{
#ifdef FIELDOPS_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(key);
    job->start();
#else
    Q_UNUSED(key);
#endif
}

void PasswordStore::lookup(const QString &key, QObject *context, std::function<void(const QString &)> done)
{
#ifdef FIELDOPS_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(read->error() == QKeychain::NoError ? read->textData() : QString());
    });
    job->start();
#else
    Q_UNUSED(key);
    QMetaObject::invokeMethod(context, [done = std::move(done)] { done(QString()); }, Qt::QueuedConnection);
#endif
}

} // namespace fieldops::gui
