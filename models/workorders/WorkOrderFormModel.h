#pragma once
// The intake form's state without widgets: the draft, what may be chosen (the customer's
// sites, assets and contracts, the skills), the SLA the draft would get and why, and the
// problems field by field, recomputed on every change so the form can mark a field and
// keep Save disabled until the draft may be saved. The checks are WorkOrderIntake's, plus
// the references, which are checked here against the customer's file instead of the
// database; the save itself checks everything again on the server's side.
#include "domain/Entities.h"
#include "workorders/IntakeCatalog.h"
#include "workorders/SlaPolicy.h"
#include "workorders/WorkOrderDraft.h"

#include <QObject>
#include <optional>

namespace fieldops::workorders {

class WorkOrderFormModel : public QObject {
    Q_OBJECT
public:
    explicit WorkOrderFormModel(QObject *parent = nullptr);

    // A new work order created at `now` (the SLA clock starts then).
    void startNew(const QDateTime &now);
    // An existing work order, to edit; `file` is its customer's.
    // `dirty`: the draft holds edits not saved yet (a rebase on a newer version).
    void startEdit(const WorkOrderDraft &draft, const CustomerFile &file, bool dirty = false);
    bool isNew() const { return m_isNew; }
    bool isDirty() const { return m_dirty; }

    void setSkillsOffered(const QVector<Skill> &skills);
    const QVector<Skill> &skillsOffered() const { return m_skills; }

    // The customer chosen and their file, once read. Picks the only site, if there is one.
    void setCustomer(const QString &customerId, const QString &customerName, const CustomerFile &file);
    void setSite(const QString &siteId);
    void setAsset(const QString &assetId);
    void setType(const QString &type);
    void setPriority(int priority);
    void setSummary(const QString &summary);
    void setDescription(const QString &description);
    void setRequiredSkills(const QStringList &skills);
    // The parts needed as typed ("2 × FLT-100, BELT-3"); a text that is no list of parts
    // is an issue of parts_needed and leaves the draft's parts as they were.
    void setPartsText(const QString &text);
    // The draft's parts in that form.
    QString partsText() const;
    void setDurationMin(int minutes);
    void setWindow(const QDateTime &start, const QDateTime &end); // invalid: no window
    // A due time typed by the user; an invalid one returns to the computed SLA.
    void setSlaDueOverride(const QDateTime &due);

    const WorkOrderDraft &draft() const { return m_draft; }
    const CustomerFile &customerFile() const { return m_file; }
    QString customerName() const { return m_customerName; }
    const SlaQuote &slaQuote() const { return m_quote; }
    bool slaOverridden() const { return m_slaOverride.isValid(); }
    const FieldIssues &issues() const { return m_issues; }
    QString issue(const QString &field) const; // empty when the field is fine
    bool canSave() const { return m_issues.isEmpty(); }
    // The chosen asset's warranty in words ("under warranty until 2027-03-01"), or empty.
    QString warrantyText() const;
    // For a corrective work order on an asset under warranty on the creation day:
    // "Asset A-17 is under warranty until 2027-05-01" (the work may be the maker's to pay);
    // empty otherwise.
    QString warrantyNote() const;

signals:
    void changed();
    // The site or asset changed: the duplicate check should run again.
    void placeChanged();

private:
    void update(bool placeMoved = false);
    // A new work order's contract for its place and creation day (CustomerFile::activeContract).
    void chooseContract();
    WorkOrderDraft m_draft;
    WorkOrderDraft m_loaded; // an edited work order as it was read
    CustomerFile m_file;
    QString m_customerName;
    QVector<Skill> m_skills;
    SlaQuote m_quote;
    QDateTime m_slaOverride;
    FieldIssues m_issues;
    QString m_partsProblem;
    bool m_isNew = true;
    bool m_dirty = false;
};

} // namespace fieldops::workorders
