#include "alerts/AlertsView.h"

#include "common/ElidedLabel.h"
#include "itemmodels/AlertListModel.h"
#include "itemmodels/ItemRoles.h"
#include "selection/SelectionService.h"

#include <QAction>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
// Icons are a view concern: the model only says which kind an alert is.
class AlertIconProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DecorationRole)
            return QIdentityProxyModel::data(index, role);
        static const QIcon breached(QStringLiteral(":/fieldops/icons/alert-breached.svg"));
        static const QIcon soon(QStringLiteral(":/fieldops/icons/alert-due-soon.svg"));
        static const QIcon late(QStringLiteral(":/fieldops/icons/alert-late.svg"));
        switch (Alert::Kind(index.data(roles::AlertKind).toInt())) {
        case Alert::Kind::SlaBreached: return breached;
        case Alert::Kind::SlaAtRisk: return breached;
        case Alert::Kind::SlaDueSoon: return soon;
        case Alert::Kind::LateArrival: return late;
        case Alert::Kind::MissedStatus: return soon;
        case Alert::Kind::Overrun: return late;
        case Alert::Kind::Unresolved: return soon;
        case Alert::Kind::Silent: return soon;
        case Alert::Kind::PredictedLate: return late;
        }
        return {};
    }
};
} // namespace

AlertsView::AlertsView(AlertListModel *model, SelectionService *selection, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    auto *proxy = new AlertIconProxy(this);
    proxy->setSourceModel(model);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("alertList"));
    m_view->setModel(proxy);
    m_view->setUniformItemSizes(true);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary = new ElidedLabel(this); // a narrow dock cuts the counts rather than widen the window
    m_summary->setObjectName(QStringLiteral("alertSummary"));
    m_summary->setContentsMargins(4, 2, 4, 2);

    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(m_summary);
    v->addWidget(m_view, 1);

    // Alerts are not a selection mirror (one work order can have several alerts): a click
    // selects the work order, but a selection elsewhere does not move the alert list.
    // A predicted-late row also names its technician: the map shows who it is.
    auto select = [selection](const QModelIndex &index) {
        const QString technician = index.data(roles::TechnicianId).toString();
        if (!technician.isEmpty())
            selection->selectTechnician(technician);
        // A silent technician has no work order: the one selected stays.
        if (const QString workOrder = index.data(roles::WorkOrderId).toString(); !workOrder.isEmpty())
            selection->selectWorkOrder(workOrder);
    };
    connect(m_view, &QListView::clicked, selection, select);
    connect(m_view, &QListView::activated, selection, select);

    // Dismissing, with a reason, from the alert's menu or the Delete key.
    m_dismiss = new QAction(tr("&Dismiss…"), this);
    m_dismiss->setObjectName(QStringLiteral("actionDismissAlert"));
    m_dismiss->setToolTip(tr("Hide this alert for every console, saying why (kept in the history)"));
    connect(m_dismiss, &QAction::triggered, this, [this] {
        const QModelIndex index = m_view->currentIndex();
        const QString key = index.data(roles::AlertKey).toString();
        if (index.isValid() && !key.isEmpty())
            emit dismissRequested(key, index.data(Qt::DisplayRole).toString());
    });
    m_view->addAction(m_dismiss);
    m_view->installEventFilter(this); // Delete on the list dismisses, as in a mail client
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto followCurrent = [this] {
        m_dismiss->setEnabled(m_dismissAllowed && !m_view->currentIndex().data(roles::AlertKey).toString().isEmpty());
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, followCurrent);
    connect(model, &QAbstractItemModel::modelReset, this, followCurrent);
    m_followCurrent = followCurrent;
    followCurrent();
    connect(model, &AlertListModel::countsChanged, this, &AlertsView::updateSummary);
    updateSummary();
}

QSize AlertsView::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 58, 260};
}

bool AlertsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        if (m_dismiss->isEnabled())
            m_dismiss->trigger();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void AlertsView::setDismissAllowed(bool allowed)
{
    m_dismissAllowed = allowed;
    m_followCurrent();
}

void AlertsView::updateSummary()
{
    QStringList parts{tr("%1 breached").arg(m_model->countOf(Alert::Kind::SlaBreached)),
                      tr("%1 due soon").arg(m_model->countOf(Alert::Kind::SlaDueSoon)),
                      tr("%1 late").arg(m_model->countOf(Alert::Kind::LateArrival))};
    // The rarer kinds only when there are some, so the line stays short.
    const auto add = [&](Alert::Kind kind, const QString &text) {
        if (const int n = m_model->countOf(kind); n > 0)
            parts << text.arg(n);
    };
    add(Alert::Kind::SlaAtRisk, tr("%1 at risk"));
    add(Alert::Kind::MissedStatus, tr("%1 missed status"));
    add(Alert::Kind::Overrun, tr("%1 overrunning"));
    add(Alert::Kind::Unresolved, tr("%1 unresolved"));
    add(Alert::Kind::Silent, tr("%1 silent"));
    parts << tr("%1 predicted late").arg(m_model->countOf(Alert::Kind::PredictedLate));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace fieldops::widgets
