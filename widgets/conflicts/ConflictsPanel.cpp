#include "ConflictsPanel.h"

#include "board/ConflictListModel.h"
#include "itemmodels/ItemRoles.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fieldops::widgets {

ConflictsPanel::ConflictsPanel(board::BoardModel *board, QWidget *parent)
    : QWidget(parent), m_model(new board::ConflictListModel(board, this)), m_view(new QTreeView(this)),
      m_count(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("conflictsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(board::ConflictListModel::KindColumn, 110);
    m_view->header()->resizeSection(board::ConflictListModel::TechnicianColumn, 140);
    m_view->header()->resizeSection(board::ConflictListModel::TimeColumn, 120);
    // A dock may be squeezed: the list scrolls rather than holding the window's size up.
    m_view->setMinimumSize(80, 40);
    m_count->setObjectName(QStringLiteral("conflictsCount"));
    m_count->setContentsMargins(4, 2, 4, 2);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(m_count);
    v->addWidget(m_view, 1);
    auto activate = [this](const QModelIndex &index) {
        const QString id = index.data(roles::AppointmentId).toString();
        if (!id.isEmpty())
            emit appointmentActivated(id);
    };
    connect(m_view, &QTreeView::clicked, this, activate);
    connect(m_view, &QTreeView::activated, this, activate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConflictsPanel::updateCount);
    updateCount();
}

void ConflictsPanel::updateCount()
{
    m_count->setText(tr("%n conflict(s) in the horizon", nullptr, m_model->rowCount()));
}

} // namespace fieldops::widgets
