#include "kpi/KpiDrillDown.h"

#include "domain/SignalColours.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/KpiTableCsv.h"
#include "itemmodels/KpiVisitsModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QTableView *sortedTable(QAbstractItemModel *model, QSortFilterProxyModel *proxy, QWidget *parent, const QString &name)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(roles::SortValue); // raw values, not display text
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}
} // namespace

KpiDrillDown::KpiDrillDown(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("kpiDrillDown"));
    resize(900, 560);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("drillTitle"));
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("drillStatus"));
    m_visits = new KpiVisitsModel(this);
    m_ratings = new KpiRatingListModel(this);
    m_visitsProxy = new QSortFilterProxyModel(this);
    m_ratingsProxy = new QSortFilterProxyModel(this);
    m_visitsTable = sortedTable(m_visits, m_visitsProxy, this, QStringLiteral("drillVisits"));
    m_ratingsTable = sortedTable(m_ratings, m_ratingsProxy, this, QStringLiteral("drillRatings"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_visitsTable);
    split->addWidget(m_ratingsTable);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportVisits = buttons->addButton(tr("Export visits as CSV…"), QDialogButtonBox::ActionRole);
    m_exportVisits->setObjectName(QStringLiteral("drillExportVisits"));
    m_exportRatings = buttons->addButton(tr("Export ratings as CSV…"), QDialogButtonBox::ActionRole);
    m_exportRatings->setObjectName(QStringLiteral("drillExportRatings"));
    connect(m_exportVisits, &QPushButton::clicked, this, [this] { emit exportRequested(QStringLiteral("visits")); });
    connect(m_exportRatings, &QPushButton::clicked, this, [this] { emit exportRequested(QStringLiteral("ratings")); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_title);
    v->addWidget(m_status);
    v->addWidget(split, 1);
    v->addWidget(buttons);
}

void KpiDrillDown::showTechnician(const QString &technicianId, const QString &name, const QString &periodText,
                                  const std::vector<kpi::AttributedRating> &ratings, const QTimeZone &zone)
{
    m_technicianId = technicianId;
    m_zone = zone;
    setWindowTitle(tr("Visits and ratings of %1").arg(name));
    m_title->setText(tr("%1 (%2) · %3").arg(name, technicianId, periodText));
    std::vector<kpi::AttributedRating> own;
    for (const kpi::AttributedRating &r : ratings)
        if (r.technicianId == technicianId)
            own.push_back(r);
    m_ratingRows = own;
    m_ratings->setRatings(std::move(own), zone);
    m_visits->setVisits({}, m_ratingRows, zone);
    m_status->setText(tr("Loading visits…"));
    m_status->setStyleSheet(QString());
}

void KpiDrillDown::setVisits(const QString &technicianId, std::vector<kpi::TechnicianVisit> visits)
{
    if (technicianId != m_technicianId)
        return; // an answer for someone shown before
    const int count = int(visits.size());
    m_visits->setVisits(std::move(visits), m_ratingRows, m_zone);
    m_visitsTable->sortByColumn(KpiVisitsModel::StartColumn, Qt::AscendingOrder);
    m_status->setText(tr("%n visit(s)", nullptr, count) + QStringLiteral(", ") + tr("%n rating(s)", nullptr, m_ratings->rowCount()));
}

void KpiDrillDown::showError(const QString &message)
{
    m_status->setText(tr("Visits could not be loaded: %1").arg(message));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::alarm())));
}

QString KpiDrillDown::statusText() const { return m_status->text(); }

QByteArray KpiDrillDown::visitsCsv() const { return kpiTableCsv(*m_visitsProxy, KpiVisitsModel::csvColumns()); }

QByteArray KpiDrillDown::ratingsCsv() const { return kpiTableCsv(*m_ratingsProxy, KpiRatingListModel::csvColumns()); }

} // namespace fieldops::widgets
