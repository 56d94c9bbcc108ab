#pragma once
// The "Customers" tab: the Customers view over a CustomerService (reads and saves on the
// session's worker). Saved customers, sites and assets land on the console's undo stack
// as one command each; the page is read again after every save, undo or redo, and when
// another console changes this customer's records. Editing follows the server's grants
// (planners and admins); the others read.
#include "controllers/TabController.h"

#include <QObject>

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::customers {
class CustomerService;
}
namespace fieldops::map {
class TileStore;
}
namespace fieldops::records {
class RecordFormModel;
}
namespace fieldops::widgets {
class CustomersView;
}

namespace fieldops::gui {

class CustomersTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit CustomersTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;
    widgets::CustomersView *view() const { return m_view; }
    // Opens the customer's page (the asset health view's link to an asset's customer).
    void showCustomer(const QString &id) { openCustomer(id); }

signals:
    void newWorkOrderRequested(const QString &customerId);
    void openWorkOrderRequested(const QString &workOrderId);
    // A save finished (tests, status bar): the record's id, or the problem.
    void saved(const QString &id);
    void problem(const QString &message);

private:
    void loadDirectory();
    void openCustomer(const QString &id);
    void save(records::RecordFormModel *form);
    void removeContact(const QString &contactId, int version, const QString &name);
    void applyPermissions();

    ConsoleSession *m_session;
    widgets::CustomersView *m_view; // owned by the tab widget once added
    customers::CustomerService *m_service;
    map::TileStore *m_tiles;
    QString m_current;
};

} // namespace fieldops::gui
