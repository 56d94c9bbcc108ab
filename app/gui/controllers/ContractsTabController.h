#pragma once
// The "Contracts" tab: the planner's Contracts view over a ContractService (reads and
// saves on the session's worker). A saved contract or plan, a renewal and a run of the
// preventive generator land on the console's undo stack as one command each; the list and the page are read again after
// every save, undo or redo, and when another console changes contracts or plans. The
// Generate button opens the preview-then-generate dialog. Editing follows the server's
// grants (planners and admins); the others read.
#include "contracts/ContractsView.h"
#include "controllers/TabController.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::customers {
class CustomerService;
}
namespace fieldops::workorders {
class CustomerDirectory;
}
namespace fieldops::contracts {
class ContractService;
struct RenewalRequest;
}
namespace fieldops::records {
class RecordFormModel;
}
namespace fieldops::widgets {
class ContractsView;
class GeneratePmDialog;
class HolidayCalendarDialog;
}

namespace fieldops::gui {

class ContractsTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit ContractsTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;
    void restoreSettings() override;
    void saveSettings() const override;
    widgets::ContractsView *view() const { return m_view; }
    widgets::GeneratePmDialog *generateDialog() const;
    widgets::HolidayCalendarDialog *holidayDialog() const;

signals:
    // A save, renewal or generation finished (tests, status bar): the record's id, or the problem.
    void saved(const QString &id);
    void problem(const QString &message);
    void generated(int created);

private:
    void loadList();
    void loadDirectory();
    void openContract(const QString &id, widgets::ContractsView::PageLoad how = widgets::ContractsView::PageLoad::Replace);
    void save(records::RecordFormModel *form);
    void renew(const contracts::RenewalRequest &request);
    void openGenerate();
    void runGenerate(int horizonDays, bool dryRun, bool readCapacity = true);
    void loadCapacity(int horizonDays);
    void openHolidays();
    void applyPermissions();
    void refused(const QString &message);

    ConsoleSession *m_session;
    widgets::ContractsView *m_view; // owned by the tab widget once added
    contracts::ContractService *m_service;
    customers::CustomerService *m_customers;
    std::shared_ptr<workorders::CustomerDirectory> m_directory; // for a new contract's customer
    QPointer<widgets::GeneratePmDialog> m_dialog;
    QPointer<widgets::HolidayCalendarDialog> m_holidays;
    QString m_current;
    // Page reads may finish out of order: only the latest one is shown, and it replaces
    // the form if any read still outstanding was asked to (after a save, a click).
    quint64 m_pageTicket = 0;
    bool m_replacePending = false;
    int m_horizonDays = 30;
};

} // namespace fieldops::gui
