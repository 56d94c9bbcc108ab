#include "map/MbTilesReader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace fieldops::map {

MbTilesReader::MbTilesReader(QString connectionName) : m_connection(std::move(connectionName)) {}

MbTilesReader::~MbTilesReader()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<MbTilesReader>> MbTilesReader::open(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return Error{Error::Kind::NotFound, QCoreApplication::translate("MapView", "the MBTiles file %1 does not exist").arg(path), {}};
    const QString name = QStringLiteral("fieldops-mbtiles-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<MbTilesReader> reader(new MbTilesReader(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        return Error::other(QCoreApplication::translate("MapView", "cannot open the MBTiles file %1").arg(path), db.lastError().text());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, value FROM metadata")))
        return Error::invalid(QCoreApplication::translate("MapView", "%1 is not an MBTiles file (no metadata table)").arg(path));
    while (q.next())
        reader->m_metadata.insert(q.value(0).toString(), q.value(1).toString());
    // Metadata alone is not enough: the tiles must be where the reader will look.
    if (!q.exec(QStringLiteral("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1")))
        return Error::invalid(QCoreApplication::translate("MapView", "%1 is not an MBTiles file (no tiles table)").arg(path));
    return reader;
}

Result<std::optional<QByteArray>> MbTilesReader::tile(const TileKey &key)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"));
    q.addBindValue(key.z);
    q.addBindValue(key.x);
    q.addBindValue(key.tmsRow());
    if (!q.exec())
        return Error::other(QCoreApplication::translate("MapView", "cannot read a tile from the MBTiles file"), q.lastError().text());
    if (!q.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q.value(0).toByteArray());
}

} // namespace fieldops::map
