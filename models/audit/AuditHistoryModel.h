#pragma once
// The inspector's history: who changed what, when, before → after, for a work order and
// everything hanging off it (its visits, required skills, ratings). One row per changed
// field of an edit (one row for a creation or a deletion), newest first, with readable
// field names and values. Filled from a worker thread's load(); it never reads itself.
#include "audit/AuditEntry.h"
#include "util/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>
#include <vector>

namespace fieldops {
class Database;

struct AuditHistory {
    QString workOrderId;
    AuditEntries entries; // newest first
    QHash<QString, QString> technicianNames;
};

class AuditHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Who, Item, Field, Before, After, ColumnCount };

    explicit AuditHistoryModel(QObject *parent = nullptr);

    // Reads a work order's history; runs on any thread with its own connection.
    static Result<AuditHistory> load(Database &db, const QString &workOrderId);

    void setHistory(AuditHistory history);
    void clear();
    QString workOrderId() const { return m_workOrderId; }
    void setTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Line {
        const AuditEntry *entry;
        QString column; // empty: the whole row was created or deleted
    };
    QString itemText(const AuditEntry &e) const;
    QString valueText(const AuditEntry &e, const QString &column, const QJsonObject &values) const;
    void rebuildLines();

    QString m_workOrderId;
    AuditEntries m_entries;
    QHash<QString, QString> m_names;
    std::vector<Line> m_lines;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace fieldops
