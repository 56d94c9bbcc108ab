#pragma once
// A typed setting declared once with its key and default (the README's developers' section), so no key is
// spelled twice and no caller repeats a default. Reads and writes go to the application's
// QSettings (organisation and application names set in main(); tests point them at a
// scratch location).
#include <QSettings>
#include <QString>
#include <QVariant>

namespace fieldops {

template <typename T>
class SettingValue {
public:
    SettingValue(QString key, T defaultValue) : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    const QString &key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

    T get() const
    {
        const QVariant v = QSettings().value(m_key);
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.template value<T>();
    }
    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(m_key); }
    bool isSet() const { return QSettings().contains(m_key); }

    T operator()() const { return get(); }

private:
    QString m_key;
    T m_default;
};

} // namespace fieldops
