#include "settings/TileSourcePage.h"

#include "map/MbTilesReader.h"
#include "map/TileDiskCache.h"
#include "settings/SettingsEvents.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace fieldops::widgets {

TileSourcePage::TileSourcePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tileSourcePage"));
    auto *sourceBox = new QGroupBox(tr("Map tiles"), this);
    m_kinds = new QButtonGroup(this);
    m_xyz = new QRadioButton(tr("&Online tile server"), sourceBox);
    m_xyz->setObjectName(QStringLiteral("tileKindXyz"));
    m_mbtiles = new QRadioButton(tr("Offline &MBTiles file"), sourceBox);
    m_mbtiles->setObjectName(QStringLiteral("tileKindMbtiles"));
    m_none = new QRadioButton(tr("&No tiles (plain grid with latitude and longitude lines)"), sourceBox);
    m_none->setObjectName(QStringLiteral("tileKindNone"));
    m_kinds->addButton(m_xyz, int(map::TileSource::Kind::Xyz));
    m_kinds->addButton(m_mbtiles, int(map::TileSource::Kind::MbTiles));
    m_kinds->addButton(m_none, int(map::TileSource::Kind::None));

    m_url = new QLineEdit(sourceBox);
    m_url->setObjectName(QStringLiteral("tileUrlTemplate"));
    m_url->setPlaceholderText(map::TileSource::defaultUrlTemplate());
    m_url->setToolTip(tr("An address with {z}, {x} and {y} where the zoom, column and row go"));
    m_osm = new QPushButton(tr("OpenStreetMap"), sourceBox);
    m_osm->setObjectName(QStringLiteral("tileUseOsm"));
    m_osm->setToolTip(tr("Use the standard OpenStreetMap tile server"));
    m_attribution = new QLineEdit(sourceBox);
    m_attribution->setObjectName(QStringLiteral("tileAttribution"));
    m_attribution->setPlaceholderText(tr("The source's default (for OpenStreetMap: © OpenStreetMap contributors)"));
    m_path = new QLineEdit(sourceBox);
    m_path->setObjectName(QStringLiteral("mbtilesPath"));
    m_browse = new QPushButton(tr("&Browse…"), sourceBox);
    m_browse->setObjectName(QStringLiteral("mbtilesBrowse"));

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_osm);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("URL template:"), urlRow);
    form->addRow(tr("Attribution:"), m_attribution);
    auto *mbForm = new QFormLayout;
    mbForm->addRow(tr("File:"), pathRow);
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addWidget(m_xyz);
    sourceLayout->addLayout(form);
    sourceLayout->addWidget(m_mbtiles);
    sourceLayout->addLayout(mbForm);
    sourceLayout->addWidget(m_none);

    auto *cacheBox = new QGroupBox(tr("Tile cache"), this);
    m_cacheLocation = new QLabel(cacheBox);
    m_cacheLocation->setObjectName(QStringLiteral("tileCacheLocation"));
    m_cacheLocation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cacheLocation->setWordWrap(true);
    m_cacheSize = new QLabel(cacheBox);
    m_cacheSize->setObjectName(QStringLiteral("tileCacheSize"));
    m_clear = new QPushButton(tr("&Clear cache"), cacheBox);
    m_clear->setObjectName(QStringLiteral("tileCacheClear"));
    auto *cacheForm = new QFormLayout(cacheBox);
    cacheForm->addRow(tr("Location:"), m_cacheLocation);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_cacheSize, 1);
    sizeRow->addWidget(m_clear);
    cacheForm->addRow(tr("Size:"), sizeRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("tileSourceMessage"));
    m_message->setWordWrap(true);

    auto *v = new QVBoxLayout(this);
    v->addWidget(sourceBox);
    v->addWidget(cacheBox);
    v->addWidget(m_message);
    v->addStretch(1);

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            updateEnabled();
    });
    connect(m_osm, &QPushButton::clicked, this, [this] {
        m_url->setText(map::TileSource::defaultUrlTemplate());
        m_attribution->clear();
    });
    connect(m_browse, &QPushButton::clicked, this, &TileSourcePage::browseMbtiles);
    connect(m_clear, &QPushButton::clicked, this, &TileSourcePage::clearCache);

    setCacheFolder(map::TileDiskCache::defaultBase());
    load(map::TileSource::fromSettings());
}

void TileSourcePage::setCacheFolder(const QString &folder)
{
    m_cacheFolder = folder;
    m_cacheLocation->setText(QDir::toNativeSeparators(folder));
    refreshCacheSize();
}

void TileSourcePage::load(const map::TileSource &source)
{
    m_kinds->button(int(source.kind))->setChecked(true);
    m_url->setText(source.urlTemplate.isEmpty() ? map::TileSource::defaultUrlTemplate() : source.urlTemplate);
    m_attribution->setText(source.attribution);
    m_path->setText(source.mbtilesPath);
    showMessage({}, false);
    updateEnabled();
}

map::TileSource TileSourcePage::source() const
{
    map::TileSource s;
    s.kind = map::TileSource::Kind(m_kinds->checkedId());
    s.urlTemplate = m_url->text().trimmed();
    s.mbtilesPath = m_path->text().trimmed();
    s.attribution = m_attribution->text().trimmed();
    return s;
}

QString TileSourcePage::problem() const
{
    const map::TileSource s = source();
    switch (s.kind) {
    case map::TileSource::Kind::Xyz: {
        if (s.urlTemplate.isEmpty())
            return tr("The URL template is empty: enter a tile server address or choose another source.");
        for (const char *part : {"{z}", "{x}", "{y}"})
            if (!s.urlTemplate.contains(QLatin1String(part)))
                return tr("The URL template has no %1: it needs {z}, {x} and {y} where the tile's zoom, column and row go.")
                    .arg(QLatin1String(part));
        QString sample = s.urlTemplate;
        sample.replace(QLatin1String("{z}"), QLatin1String("1")).replace(QLatin1String("{x}"), QLatin1String("0")).replace(QLatin1String("{y}"), QLatin1String("0"));
        const QUrl url(sample, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
            return tr("The URL template is not an http:// or https:// address: %1").arg(s.urlTemplate);
        return {};
    }
    case map::TileSource::Kind::MbTiles: {
        if (s.mbtilesPath.isEmpty())
            return tr("No MBTiles file chosen: pick one with Browse… or choose another source.");
        // Opened once here, so a wrong file is refused now rather than as a blank map later.
        auto reader = map::MbTilesReader::open(s.mbtilesPath);
        if (!reader)
            return tr("The MBTiles file cannot be used: %1").arg(reader.error().message);
        return {};
    }
    case map::TileSource::Kind::None:
        break;
    }
    return {};
}

bool TileSourcePage::apply()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        showMessage(why, true);
        return false;
    }
    source().toSettings();
    showMessage({}, false);
    SettingsEvents::instance()->announce(SettingsEvents::mapGroup());
    return true;
}

QString TileSourcePage::message() const { return m_message->text(); }

void TileSourcePage::browseMbtiles()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : m_path->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose an MBTiles file"), start,
                                                      tr("MBTiles files (*.mbtiles);;All files (*)"));
    if (file.isEmpty())
        return;
    m_path->setText(file);
    m_mbtiles->setChecked(true);
    // Checked at once: the dispatcher learns now, not after pressing OK.
    const QString why = problem();
    showMessage(why, !why.isEmpty());
}

void TileSourcePage::clearCache()
{
    if (map::TileDiskCache::removeAll(m_cacheFolder))
        showMessage(tr("The tile cache is cleared."), false);
    else
        showMessage(tr("Some cached tiles could not be deleted from %1.").arg(QDir::toNativeSeparators(m_cacheFolder)), true);
    refreshCacheSize();
}

void TileSourcePage::refreshCacheSize()
{
    // Walking a large cache takes a while: off the GUI thread, the newest request wins.
    const quint64 generation = ++m_sizeGeneration;
    m_cacheSize->setText(tr("measuring…"));
    auto *watcher = new QFutureWatcher<qint64>(this);
    connect(watcher, &QFutureWatcher<qint64>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_sizeGeneration)
            return;
        const qint64 bytes = watcher->result();
        m_cacheSize->setText(bytes == 0 ? tr("empty") : QLocale().formattedDataSize(bytes));
        m_clear->setEnabled(bytes > 0);
        emit cacheSizeKnown(bytes);
    });
    watcher->setFuture(QtConcurrent::run([folder = m_cacheFolder] { return map::TileDiskCache::sizeOnDisk(folder); }));
}

void TileSourcePage::updateEnabled()
{
    const bool xyz = m_xyz->isChecked(), mb = m_mbtiles->isChecked();
    m_url->setEnabled(xyz);
    m_osm->setEnabled(xyz);
    m_attribution->setEnabled(xyz || mb);
    m_path->setEnabled(mb);
    m_browse->setEnabled(mb);
}

void TileSourcePage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #C62828;") : QString());
    m_message->setProperty("error", error);
}

} // namespace fieldops::widgets
