#pragma once
// "These settings just changed": the settings dialog announces a group it wrote (e.g.
// "Map"), and whoever uses that group re-reads it at once, so a choice applies live
// without the dialog knowing who listens.
#include <QObject>
#include <QString>

namespace fieldops {

class SettingsEvents : public QObject {
    Q_OBJECT
public:
    static SettingsEvents *instance();
    void announce(const QString &group) { emit changed(group); }

    static QString mapGroup() { return QStringLiteral("Map"); }
    static QString displayGroup() { return QStringLiteral("Display"); }
    static QString conditionsGroup() { return QStringLiteral("Conditions"); }

signals:
    void changed(const QString &group);
};

} // namespace fieldops
