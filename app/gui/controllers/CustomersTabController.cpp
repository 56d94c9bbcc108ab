#include "controllers/CustomersTabController.h"

#include "commands/RecordEditCommand.h"
#include "customers/CustomerService.h"
#include "customers/ContactsPanel.h"
#include "customers/CustomersView.h"
#include "customers/SitePinMap.h"
#include "document/ScheduleDocument.h"
#include "map/TileLoaderFactory.h"
#include "map/TileStore.h"
#include "records/RecordFormModel.h"
#include "records/RecordSpec.h"
#include "session/ConsoleSession.h"

#include <QCoreApplication>
#include <QLineEdit>

namespace fieldops::gui {

CustomersTabController::CustomersTabController(ConsoleSession *session)
    : m_session(session), m_view(new widgets::CustomersView), m_service(new customers::CustomerService(session, this)),
      m_tiles(new map::TileStore(this))
{
    m_view->siteMap()->setTileStore(m_tiles);
    connect(m_view, &widgets::CustomersView::customerChosen, this, &CustomersTabController::openCustomer);
    connect(m_view, &widgets::CustomersView::saveRequested, this, &CustomersTabController::save);
    connect(m_view, &widgets::CustomersView::removeContactRequested, this, &CustomersTabController::removeContact);
    connect(m_view, &widgets::CustomersView::newWorkOrderRequested, this, &CustomersTabController::newWorkOrderRequested);
    connect(m_view, &widgets::CustomersView::openWorkOrderRequested, this, &CustomersTabController::openWorkOrderRequested);
    connect(session, &ConsoleSession::permissionsChanged, this, &CustomersTabController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        if (m_session->isUsable())
            loadDirectory();
    });
    // Someone changed customers, their contacts, sites or assets (here, by undo, or in
    // another console).
    const auto reread = [this](const QString &table) {
        if (table == QLatin1String("customers"))
            loadDirectory();
        if (!m_current.isEmpty()
            && (table == QLatin1String("customers") || table == QLatin1String("customer_contacts") || table == QLatin1String("sites")
                || table == QLatin1String("assets")
                || table == QLatin1String("work_orders") || table == QLatin1String("contracts")))
            openCustomer(m_current);
    };
    connect(session, &ConsoleSession::changesArrived, this, [reread](const ChangeList &changes) {
        for (const QString &t : changedTables(changes))
            reread(t);
    });
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [reread](const QString &table) { reread(table); });
    // The site map draws the same tiles as the map tab, from the same settings.
    map::TileSource source = map::TileSource::fromSettings();
    m_tiles->setLoader(map::makeTileLoader(source));
    applyPermissions();
}

QString CustomersTabController::id() const { return QStringLiteral("customers"); }

QString CustomersTabController::title() const { return QCoreApplication::translate("MainWindow", "Customers"); }

QWidget *CustomersTabController::widget() { return m_view; }

void CustomersTabController::applyPermissions()
{
    const bool may = m_session->permissions().editCustomers;
    m_view->setEditable(may, may ? QString()
                                 : QCoreApplication::translate("CustomersView",
                                                               "Your role may read customers, sites and assets but not change them."));
}

void CustomersTabController::loadDirectory()
{
    m_service->directory([this](Result<std::shared_ptr<workorders::CustomerDirectory>> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_view->setDirectory(*r);
    });
}

void CustomersTabController::openCustomer(const QString &id)
{
    m_current = id;
    if (id.isEmpty())
        return;
    m_service->page(id, [this, id](Result<customers::CustomerPage> r) {
        if (id != m_current)
            return; // the user moved on to another customer
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_view->setPage(*r);
    });
}

void CustomersTabController::save(records::RecordFormModel *form)
{
    const records::RecordEdits edits = form->edits();
    if (edits.isEmpty())
        return;
    const records::RecordSpec &spec = form->spec();
    const bool isNew = form->isNew();
    const QString id = form->id();
    const QString label = form->value(QStringLiteral("name")).toString();
    m_service->save(spec, edits, [this, &spec, isNew, id, label](Result<customers::SavedRecord> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            emit problem(r.error().message);
            return;
        }
        if (!r->issues.isEmpty()) {
            m_view->showProblem(r->issues.front().text());
            emit problem(r->issues.front().text());
            return;
        }
        m_view->showProblem(QString());
        const QString noun = QCoreApplication::translate("RecordWriter", spec.noun);
        // A contact's id is a number the database chose: the edit is named by the person.
        const QString name = spec.generatedKey ? label : id;
        const QString text = isNew ? tr("New %1 %2").arg(noun, name) : tr("Edit %1 %2").arg(noun, name);
        if (isNew && &spec == &records::contactSpec() && !r->edits.isEmpty())
            m_view->contacts()->showWhenRead(r->edits.front().id);
        m_session->document()->push(RecordEditCommand::alreadyApplied(m_session->editTarget(), text, r->edits));
        if (&spec == &records::customerSpec()) {
            m_current = id;
            loadDirectory();
        }
        if (!m_current.isEmpty())
            openCustomer(m_current);
        emit saved(id);
    });
}

void CustomersTabController::removeContact(const QString &contactId, int version, const QString &name)
{
    m_service->remove(records::contactSpec(), contactId, version, [this, name](Result<customers::SavedRecord> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            emit problem(r.error().message);
        } else {
            m_view->showProblem(QString());
            m_session->document()->push(RecordEditCommand::alreadyApplied(m_session->editTarget(), tr("Remove contact %1").arg(name), r->edits));
        }
        if (!m_current.isEmpty())
            openCustomer(m_current);
    });
}

} // namespace fieldops::gui
