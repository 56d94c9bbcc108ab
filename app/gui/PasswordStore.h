#pragma once
// Remembered database passwords live in the system keychain (QtKeychain) and nowhere
// else: never in a settings file. Without QtKeychain the store is simply unavailable and
// the dialog says so. All calls are asynchronous, like the keychain itself.
#include <QObject>
#include <QString>
#include <functional>

namespace fieldops::gui {

class PasswordStore : public QObject {
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);
    static bool isAvailable();
    // Key: the connection's display URL (it has no password in it).
    void store(const QString &key, const QString &password);
    void remove(const QString &key);
    // done(password) runs on `context`'s thread; an empty password when none is stored.
    void lookup(const QString &key, QObject *context, std::function<void(const QString &)> done);
};

} // namespace fieldops::gui
