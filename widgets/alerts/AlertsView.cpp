#include "alerts/AlertsView.h"

#include "common/ElidedLabel.h"
#include "itemmodels/AlertListModel.h"
#include "itemmodels/ItemRoles.h"
#include "selection/SelectionService.h"

#include <QIdentityProxyModel>
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
        case Alert::Kind::SlaDueSoon: return soon;
        case Alert::Kind::LateArrival: return late;
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
        selection->selectWorkOrder(index.data(roles::WorkOrderId).toString());
    };
    connect(m_view, &QListView::clicked, selection, select);
    connect(m_view, &QListView::activated, selection, select);
    connect(model, &AlertListModel::countsChanged, this, &AlertsView::updateSummary);
    updateSummary();
}

QSize AlertsView::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 58, 260};
}

void AlertsView::updateSummary()
{
    m_summary->setText(tr("%1 breached · %2 due soon · %3 late · %4 predicted late")
                           .arg(m_model->countOf(Alert::Kind::SlaBreached))
                           .arg(m_model->countOf(Alert::Kind::SlaDueSoon))
                           .arg(m_model->countOf(Alert::Kind::LateArrival))
                           .arg(m_model->countOf(Alert::Kind::PredictedLate)));
}

} // namespace fieldops::widgets
