#pragma once
// Follow-up (return) work orders. A visit that ends unresolved with reason `needs_parts`,
// and leaves its work order with no other visit booked, opens a work order for the return
// visit: titled "Return visit: <the original's summary>", following the original
// (`follow_up_of`), at the same site and asset, under the same contract, of the same type,
// priority, duration and skills, with the parts the visit said are missing listed and
// reserved (models/parts/Reservations: the technician's van when what it has free covers
// a part, else the warehouse with the most free; none: listed, reserved nowhere). The
// original stays in progress and is closed when its follow-up is resolved.
//
// Everything here runs inside the caller's transaction (the outcome's): the console's
// VisitOutcomeRecorder and the field gateway's FieldEventWriter, so the outcome, the
// follow-up and its reservations are written together or not at all.
#include "parts/Stock.h"
#include "records/RecordEdit.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct ReservedPart {
    QString sku;
    double quantity = 0;
    QString location; // empty: reserved nowhere (no location has enough free)
};

struct FollowUpResult {
    QString followUpId; // the follow-up created, or the one still to be done already; empty: none
    bool created = false; // followUpId was created now (the parts listed are its)
    std::vector<ReservedPart> parts;
    // created: the edit that writes the follow-up (its skills and reserved parts with it),
    // so an undo of the outcome removes it again and a redo brings it back.
    records::RecordEdits edits;
    // A refusal of the input, named by its key ("parts"), with nothing written.
    QString refusedKey, refusedReason;
    bool refused() const { return !refusedReason.isEmpty(); }
};

// A work order the resolution of a follow-up closes, at the version it was read at.
struct OriginalToClose {
    QString id;
    int version = 1;
};

class FollowUpOrders {
public:
    explicit FollowUpOrders(Database &db) : m_db(db) {}

    // Whether an unresolved visit with `reason` opens a follow-up.
    static bool opensFollowUp(bool resolved, const QString &reason);

    // The follow-up of `originalId` after the visit of `technicianId` ended needing `parts`
    // (each part once, quantities > 0), created at `now`. Nothing is created when the
    // original is done or cancelled, or already has a follow-up still to be done (that one
    // is returned, its parts as they are); an unknown part is refused (refusedKey "parts")
    // before anything is written.
    Result<FollowUpResult> create(const QString &originalId, const QString &technicianId, const std::vector<parts::PartNeed> &parts,
                                  const QDateTime &now);
    // What create() would write, as its edits, without writing them.
    Result<FollowUpResult> plan(const QString &originalId, const QString &technicianId, const std::vector<parts::PartNeed> &parts,
                                const QDateTime &now);

    // The follow-up of `originalId` nobody has booked yet (status open), if any: the one a
    // corrected outcome may still change or call off.
    struct Pending {
        QString id;
        int version = 1;
        std::vector<parts::PartNeed> parts; // as listed, by SKU
    };
    Result<std::optional<Pending>> pendingFollowUp(const QString &originalId);
    // The edit that lists `parts` on pending follow-up `pending` instead of what it lists,
    // placed again as create() places them (its own reservations let go first). Empty when
    // nothing changes; refusals as create()'s.
    Result<FollowUpResult> replanParts(const Pending &pending, const QString &technicianId, const std::vector<parts::PartNeed> &parts);
    // The edit that calls pending follow-up `pending` off (cancelled), its reason saying the
    // outcome of visit `appointmentId` was corrected: the console's correction and the
    // ingest's alike (the gateway's outcome function writes the same words in English).
    static records::RecordEdits callOff(const Pending &pending, const QString &appointmentId);
    // Whether an outcome recorded again turns a "needs parts" (`wasResolved`, `wasReason` on
    // a visit completed before) into one that needs no follow-up.
    static bool correctionCallsOff(bool wasCompleted, bool wasResolved, const QString &wasReason, bool resolved, const QString &reason);

    // The work orders that `resolvedId`, just resolved, closes: the one it follows when
    // that is in progress, and so on up the chain.
    Result<std::vector<OriginalToClose>> originalsClosedBy(const QString &resolvedId);
    // originalsClosedBy() written: each set to `done` with its version bumped.
    Result<QStringList> closeOriginals(const QString &resolvedId);

    // "Return visit: <summary>".
    static QString followUpSummary(const QString &originalSummary);


private:
    // The parts refused as create() refuses them (each once, known, quantity > 0).
    Result<FollowUpResult> checkParts(const std::vector<parts::PartNeed> &parts);
    // `parts` placed for `technicianId`'s return visit, as items of parts_needed.
    Result<QStringList> placeParts(const std::vector<parts::PartNeed> &parts, const QString &technicianId, const QString &ignoringWorkOrder,
                                   std::vector<ReservedPart> *placed);
    Database &m_db;
};

} // namespace fieldops::field
