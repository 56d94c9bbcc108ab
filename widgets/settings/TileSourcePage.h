#pragma once
// The settings page for the map's tiles: an online XYZ server (URL template and
// attribution; the OpenStreetMap server by default), an offline MBTiles file (checked by
// opening it), or no tiles (the plain grid). It also shows where tiles are cached and how
// much room they take, with a button to clear them. apply() refuses a bad choice with a
// message naming what is wrong and writes nothing; a good one is saved and announced so
// the map switches at once.
#include "map/TileSource.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace fieldops::widgets {

class TileSourcePage : public QWidget {
    Q_OBJECT
public:
    explicit TileSourcePage(QWidget *parent = nullptr);
    // The folder shown and cleared (default: the application's tile cache).
    void setCacheFolder(const QString &folder);
    QString cacheFolder() const { return m_cacheFolder; }

    void load(const map::TileSource &source);
    map::TileSource source() const;
    // Empty when the choice can be used; otherwise what is wrong, for people.
    QString problem() const;
    // Validates, then saves to the settings and announces the change. False (with the
    // message shown on the page) when invalid.
    bool apply();
    QString message() const;

public slots:
    void browseMbtiles();
    void clearCache();
    void refreshCacheSize();

signals:
    void cacheSizeKnown(qint64 bytes);

private:
    void updateEnabled();
    void showMessage(const QString &text, bool error);

    QString m_cacheFolder;
    QButtonGroup *m_kinds;
    QRadioButton *m_xyz;
    QRadioButton *m_mbtiles;
    QRadioButton *m_none;
    QLineEdit *m_url;
    QLineEdit *m_attribution;
    QPushButton *m_osm;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_cacheLocation;
    QLabel *m_cacheSize;
    QPushButton *m_clear;
    QLabel *m_message;
    quint64 m_sizeGeneration = 0; // a late answer for an older folder or state is dropped
};

} // namespace fieldops::widgets
