#include "kpi/KpiRatingsPanel.h"

#include "itemmodels/KpiTableCsv.h"

#include "itemmodels/ItemRoles.h"
#include "itemmodels/KpiRankingModel.h"
#include "kpi/KpiRatings.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <qcustomplot.h>

namespace fieldops::widgets {

namespace {
constexpr int kLatestComments = 20;
}

KpiRatingsPanel::KpiRatingsPanel(QWidget *parent) : QWidget(parent)
{
    m_distribution = new QCustomPlot(this);
    m_distribution->setObjectName(QStringLiteral("kpiRatingDistribution"));
    m_distribution->setMinimumWidth(220);
    auto *bars = new QCPBars(m_distribution->xAxis, m_distribution->yAxis);
    bars->setBrush(QColor(0xf2, 0xa9, 0x00));
    bars->setPen(Qt::NoPen);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int s = 1; s <= 5; ++s)
        ticker->addTick(s, tr("%1★").arg(s));
    m_distribution->xAxis->setTicker(ticker);
    m_distribution->xAxis->setRange(0.4, 5.6);
    m_distribution->yAxis->setLabel(tr("ratings"));

    m_ranking = new KpiRankingModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_ranking);
    m_proxy->setSortRole(roles::SortValue);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("kpiRatingRanking"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(KpiRankingModel::RankColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_comments = new QListWidget(this);
    m_comments->setObjectName(QStringLiteral("kpiRatingComments"));
    m_comments->setWordWrap(true);

    auto column = [this](const QString &title, QWidget *w) {
        auto *box = new QVBoxLayout;
        auto *label = new QLabel(title, this);
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
        box->addWidget(label);
        box->addWidget(w, 1);
        return box;
    };
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(0, 0, 0, 0);
    h->addLayout(column(tr("Distribution of scores"), m_distribution), 2);
    h->addLayout(column(tr("Technicians by rating"), m_table), 3);
    h->addLayout(column(tr("Latest comments"), m_comments), 3);
}

void KpiRatingsPanel::setReport(const kpi::KpiReport &report, const kpi::KpiDirectory &directory)
{
    const auto d = kpi::scoreDistribution(report);
    QVector<double> x, y;
    double hi = 0;
    for (int s = 1; s <= 5; ++s) {
        x << s;
        y << d[size_t(s - 1)];
        hi = std::max<double>(hi, d[size_t(s - 1)]);
    }
    static_cast<QCPBars *>(m_distribution->plottable(0))->setData(x, y, true);
    m_distribution->yAxis->setRange(0, hi > 0 ? hi * 1.15 : 1);
    m_distribution->replot(QCustomPlot::rpQueuedReplot);

    m_ranking->setRanking(kpi::rankTechnicians(report), directory);

    m_comments->clear();
    const QLocale locale;
    int shown = 0;
    for (auto it = report.ratings.rbegin(); it != report.ratings.rend() && shown < kLatestComments; ++it) {
        if (it->comment.trimmed().isEmpty())
            continue;
        const QString who = it->technicianId.isEmpty() ? tr("nobody") : directory.technicianName(it->technicianId);
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(it->ratedMs).date(), QLocale::ShortFormat);
        m_comments->addItem(tr("%1★ %2 (%3, %4): %5").arg(it->score).arg(who, it->workOrderId, when, it->comment));
        ++shown;
    }
    if (shown == 0)
        m_comments->addItem(tr("No comments in this period"));
}

QByteArray KpiRatingsPanel::rankingCsv() const
{
    return kpiTableCsv(*m_proxy, {QStringLiteral("rank"), QStringLiteral("technician"), QStringLiteral("ratings"),
                                  QStringLiteral("average"), QStringLiteral("bayesian_average")});
}

} // namespace fieldops::widgets
