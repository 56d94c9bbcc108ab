#pragma once
// The board's data and its conflict engine, kept in step: load() reads a horizon;
// refreshAppointments() re-reads just the rows an edit or the change feed names, updates
// the bars and the ConflictIndex in place (no rebuild, no flicker) and re-checks the
// horizon's rules for the conflicts panel. Views ask it for the bars of a technician in a
// time range (a binary search), never for everything.
#include "board/BoardData.h"
#include "board/BoardLoader.h"
#include "scheduling/ConflictIndex.h"
#include "scheduling/Violation.h"
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <memory>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::scheduling {
class ShiftCalendar;
}

namespace fieldops::board {

// A horizon as read from the database, ready to be adopted by the model. Plain data (the
// conflict index included), so it can be read and built on a worker thread.
struct BoardHorizon {
    QDateTime from, to;
    std::vector<Technician> technicians;
    std::vector<Absence> absences;
    QHash<QString, QString> territoryNames;
    std::vector<LoadedItem> items;
    std::shared_ptr<scheduling::ConflictIndex> index;
};

// Rows re-read by id after an edit or a change of someone else's: the appointments
// asked for and those of them still found. Plain data, read on any thread.
struct RowRefresh {
    QStringList appointmentIds;
    std::vector<LoadedItem> rows;
};

class BoardModel : public QObject {
    Q_OBJECT
public:
    explicit BoardModel(QObject *parent = nullptr);
    ~BoardModel() override;

    // Reads and adopts a horizon on the calling thread (tests, benchmarks, the CLI).
    Status load(Database &db, const QDateTime &from, const QDateTime &to);
    // The two halves of load(): any thread may read; the model's thread adopts.
    static Result<BoardHorizon> readHorizon(Database &db, const QDateTime &from, const QDateTime &to);
    void adopt(BoardHorizon &&horizon);
    // Re-reads these appointments (any that no longer exist or left the horizon go away).
    Status refreshAppointments(Database &db, const QStringList &appointmentIds);
    // A work order changed: its bars in the horizon are re-read (labels, SLA, skills).
    Status refreshWorkOrders(Database &db, const QStringList &workOrderIds);
    // Makes a queue work order known to the conflict engine so a drop can be judged.
    Result<LoadedWorkOrder> prepareWorkOrder(Database &db, const QString &workOrderId);

    // The halves of the three above, for a model whose reads run on another thread:
    // any thread reads (with what the model's thread gathered first), the model's applies.
    // Appointments shown now that belong to these work orders (read them too).
    QStringList appointmentsOfWorkOrders(const QStringList &workOrderIds) const;
    // Visits shown now whose work orders need any of these parts (a stock change re-reads
    // them: their vans may lack something else now).
    QStringList appointmentsNeedingParts(const QStringList &skus) const;
    static Result<RowRefresh> readRows(Database &db, QStringList appointmentIds, const QStringList &workOrderIds,
                                       const QDateTime &from, const QDateTime &to);
    void applyRows(RowRefresh &&refresh);
    void knowWorkOrder(const LoadedWorkOrder &workOrder);

    bool isLoaded() const { return m_index != nullptr; }
    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }
    qint64 fromMs() const { return m_from.toMSecsSinceEpoch(); }
    qint64 toMs() const { return m_to.toMSecsSinceEpoch(); }

    const std::vector<BoardTechnician> &technicians() const { return m_techs; }
    const std::vector<BoardItem> &items() const { return m_items; }
    int technicianIndex(const QString &id) const { return m_techById.value(id, -1); }
    int itemIndex(const QString &appointmentId) const { return m_itemById.value(appointmentId, -1); }
    const BoardItem *item(const QString &appointmentId) const;

    // Items of technician `tech` whose [start, end) intersects [fromMs, toMs), in order.
    void itemsBetween(int tech, qint64 fromMs, qint64 toMs, std::vector<int> &out) const;
    const scheduling::ShiftCalendar *shifts(int tech) const;
    // Share of the technician's shift time in [fromMs, toMs) taken by live visits (0…1+).
    double utilization(int tech, qint64 fromMs, qint64 toMs) const;

    scheduling::Verdict verdict(const std::vector<scheduling::ProposedMove> &moves) const;
    const std::vector<scheduling::Violation> &violations() const { return m_violations; }
    const scheduling::ConflictIndex *conflictIndex() const { return m_index.get(); }

signals:
    void reloaded();
    // Bars of these technicians changed (repaint their rows only).
    void techniciansChanged(const QList<int> &technicians);
    void violationsChanged();

private:
    void placeItem(int itemIndex);
    void unplaceItem(int itemIndex);
    void sortRow(int tech);
    void computeLeadIns(int tech);
    void recheck();

    QDateTime m_from, m_to;
    std::vector<BoardTechnician> m_techs;
    QHash<QString, int> m_techById;
    std::vector<BoardItem> m_items;
    QHash<QString, int> m_itemById;
    std::shared_ptr<scheduling::ConflictIndex> m_index;
    std::vector<scheduling::Violation> m_violations;
};

} // namespace fieldops::board
