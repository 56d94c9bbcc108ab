#pragma once
// The "Time" tab: reviewers approve or correct the technicians' time entries before they
// are billed, and export the billing. The period's entries are read on the session's
// worker (TimeReviewService) when the tab connects, when a filter changes, when this
// console writes time entries (an approval, a correction, their undo) and when another
// console's decision arrives on the change feed. Approve and Correct… are written on the
// worker too and then put on the undo stack as one RecordEditCommand each. Only roles the
// server lets update time entries may review; the others see the list read-only, told why.
// Selecting an entry selects its work order, so the inspector shows it.
#include "controllers/TabController.h"

#include <QDate>
#include <QObject>
#include <QPointer>

namespace fieldops {
class ConsoleSession;
class TimeEntryTableModel;
}
namespace fieldops::billing {
class TimeReviewService;
}
namespace fieldops::widgets {
class BillingExportDialog;
class TimeEntryCorrectionDialog;
class TimeReviewView;
}

namespace fieldops::gui {

class TimeTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit TimeTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;

    widgets::TimeReviewView *view() const { return m_view; }
    TimeEntryTableModel *model() const { return m_model; }
    widgets::TimeEntryCorrectionDialog *correctionDialog() const;
    widgets::BillingExportDialog *exportDialog() const;
    void reload();
    void approve(const QList<qint64> &ids);
    void openCorrection(qint64 id);
    void openExport();

signals:
    // A read came back (tests wait for it).
    void loaded();
    // A decision was written and is on the undo stack, or the reason it was not.
    void reviewed();
    void refused(const QString &message);
    void exported();

private:
    void applyPermissions();
    void showThisWeek();
    void saveCorrection();

    ConsoleSession *m_session;
    TimeEntryTableModel *m_model;
    widgets::TimeReviewView *m_view;
    billing::TimeReviewService *m_service;
    QPointer<widgets::TimeEntryCorrectionDialog> m_correction;
    QPointer<widgets::BillingExportDialog> m_export;
    QString m_exportFolder;
    quint64 m_ticket = 0;
    bool m_writing = false;
    bool m_periodChosen = false; // the reviewer set the period: a reconnect keeps it
};

} // namespace fieldops::gui
