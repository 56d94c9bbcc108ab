#pragma once
// The technician form's state without widgets: the draft, what may be chosen (territories,
// skills), and the problems field by field, recomputed on every change so the form marks
// a field and keeps Save disabled until the draft may be saved. The checks are
// TechnicianRules' own; the references are checked against the catalog here and again
// on the server's side at save, whose answers (an id taken meanwhile) show at their field
// until that field changes.
#include "technicians/TechnicianDraft.h"

#include <QObject>

namespace fieldops::technicians {

class TechnicianFormModel : public QObject {
    Q_OBJECT
public:
    explicit TechnicianFormModel(QObject *parent = nullptr);

    void startNew();
    // `dirty`: the draft holds edits not saved yet.
    void startEdit(const TechnicianDraft &draft, bool dirty = false);
    bool isNew() const { return m_isNew; }
    bool isDirty() const { return m_dirty; }

    void setCatalog(const TechnicianCatalog &catalog);
    const TechnicianCatalog &catalog() const { return m_catalog; }

    void setId(const QString &id);
    void setName(const QString &name);
    void setEmployment(const QString &employment);
    void setTerritory(const QString &territoryId);
    void setHomeLat(const QString &text);
    void setHomeLon(const QString &text);
    void setTimeZone(const QString &zone);
    void setShiftStart(const QString &clock);
    void setShiftEnd(const QString &clock);
    void setWorkDays(const QStringList &days);
    void setHourlyCost(const QString &text);
    void setActive(bool active);
    void setSkills(const QStringList &skills);
    // Problems the server found at save (an id taken meanwhile), shown until the field changes.
    void setServerIssues(const FieldIssues &issues);

    const TechnicianDraft &draft() const { return m_draft; }
    const FieldIssues &issues() const { return m_issues; }
    QString issue(const QString &field) const; // empty when the field is fine
    bool canSave() const { return m_issues.isEmpty(); }

signals:
    void changed();

private:
    void edited(const QString &field);
    void update();
    TechnicianDraft m_draft;
    TechnicianCatalog m_catalog;
    FieldIssues m_issues;
    FieldIssues m_serverIssues;
    bool m_isNew = true;
    bool m_dirty = false;
};

// The absence editor's state: the draft, the technician's other absences (for the
// overlap check as the user types) and the visits the interval covers once read.
class AbsenceFormModel : public QObject {
    Q_OBJECT
public:
    explicit AbsenceFormModel(QObject *parent = nullptr);

    void start(const AbsenceDraft &draft, const QVector<AbsenceDraft> &others);
    bool isNew() const { return m_draft.id.isEmpty(); }
    void setStart(const QDateTime &start);
    void setEnd(const QDateTime &end);
    void setReason(const QString &reason);
    // The covered visits read for [start, end); stale answers (another interval) are ignored.
    void setCoveredVisits(const QDateTime &start, const QDateTime &end, const CoveredVisits &visits);
    void setReturnVisits(bool returnThem);

    const AbsenceDraft &draft() const { return m_draft; }
    const CoveredVisits &coveredVisits() const { return m_visits; }
    bool coveredKnown() const { return m_coveredKnown; }
    bool returnVisits() const { return m_return; }
    QStringList visitsToReturn() const;
    const FieldIssues &issues() const { return m_issues; }
    QString issue(const QString &field) const;
    bool canSave() const { return m_issues.isEmpty() && m_coveredKnown; }

signals:
    void changed();
    // The interval moved: the covered visits must be read again.
    void intervalChanged();

private:
    void update(bool intervalMoved);
    AbsenceDraft m_draft;
    QVector<AbsenceDraft> m_others;
    CoveredVisits m_visits;
    bool m_coveredKnown = false;
    bool m_return = false; // the dispatcher accepts returning them explicitly
    FieldIssues m_issues;
};

} // namespace fieldops::technicians
