#include "kpi/KpiDashboard.h"

#include "kpi/KpiBreakdownView.h"
#include "kpi/KpiCard.h"
#include "kpi/KpiDrillDown.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "itemmodels/ItemRoles.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiKeys.h"
#include "kpi/KpiRatingsPanel.h"
#include "kpi/KpiProactivePanel.h"
#include "kpi/KpiService.h"
#include "kpi/KpiTargetEditor.h"
#include "kpi/KpiTargets.h"
#include "kpi/KpiTrendChart.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGridLayout>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fieldops::widgets {

namespace {
constexpr int kCardsPerRow = 5;
}

KpiDashboard::KpiDashboard(kpi::KpiService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("kpiDashboard"));
    m_filterBar = new KpiFilterBar(this);

    m_exportPng = new QAction(tr("Export as PNG…"), this);
    m_exportPdf = new QAction(tr("Export as PDF…"), this);
    m_exportCsv = new QAction(tr("Export table as CSV…"), this);
    m_exportPng->setObjectName(QStringLiteral("actionKpiExportPng"));
    m_exportPdf->setObjectName(QStringLiteral("actionKpiExportPdf"));
    m_exportCsv->setObjectName(QStringLiteral("actionKpiExportCsv"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("kpiExport"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->addActions({m_exportPng, m_exportPdf, m_exportCsv});
    connect(m_exportPng, &QAction::triggered, this, [this] { emit exportRequested(QStringLiteral("png")); });
    connect(m_exportPdf, &QAction::triggered, this, [this] { emit exportRequested(QStringLiteral("pdf")); });
    connect(m_exportCsv, &QAction::triggered, this, [this] { emit exportRequested(QStringLiteral("csv")); });

    auto *cards = new QGridLayout;
    cards->setSpacing(6);
    int i = 0;
    for (const QString &k : kpi::keys()) {
        auto *card = new KpiCard(k, this);
        m_cards.insert(k, card);
        cards->addWidget(card, i / kCardsPerRow, i % kCardsPerRow);
        ++i;
    }

    m_trend = new KpiTrendChart(this);
    m_breakdown = new KpiBreakdownView(this);
    m_ratings = new KpiRatingsPanel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("kpiDetailTabs"));
    m_tabs->addTab(m_breakdown, tr("Breakdown"));
    m_tabs->addTab(m_ratings, tr("Ratings"));
    m_proactive = new KpiProactivePanel(this);
    m_tabs->addTab(m_proactive, tr("Proactive"));
    m_split = new QSplitter(Qt::Vertical, this);
    QSplitter *split = m_split;
    split->addWidget(m_trend);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *refreshButton = new QToolButton(this);
    refreshButton->setObjectName(QStringLiteral("kpiRefresh"));
    refreshButton->setText(tr("Refresh"));
    refreshButton->setToolTip(tr("Read the database again (filter changes reuse the last read for a minute)"));
    connect(refreshButton, &QToolButton::clicked, this, &KpiDashboard::refresh);

    m_targetEditor = new KpiTargetEditor(this);
    auto *targetsButton = new QToolButton(this);
    targetsButton->setObjectName(QStringLiteral("kpiTargets"));
    targetsButton->setText(tr("Targets…"));
    targetsButton->setToolTip(tr("Set the KPI targets the cards and the trend compare with"));
    m_targetsButton = targetsButton;
    connect(targetsButton, &QToolButton::clicked, this, &KpiDashboard::openTargetEditor);
    connect(m_targetEditor, &KpiTargetEditor::saveRequested, m_service, &kpi::KpiService::saveTarget);
    connect(m_service, &kpi::KpiService::targetSaved, m_targetEditor, &KpiTargetEditor::showSaved);
    connect(m_service, &kpi::KpiService::targetSaveFailed, m_targetEditor,
            [this](const Error &e) { m_targetEditor->showError(e.message); });

    m_drillDown = new KpiDrillDown(this);
    connect(m_breakdown->table(), &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_breakdown->model()->groupedBy() != kpi::BreakdownBy::Technician)
            return; // a territory or type row is not one person
        if (const kpi::KpiBreakdownRow *row = m_breakdown->model()->rowAt(m_breakdown->proxy()->mapToSource(index).row()))
            openDrillDown(row->key);
    });
    connect(m_ratings->rankingTable(), &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { openDrillDown(index.data(roles::TechnicianId).toString()); });
    connect(m_service, &kpi::KpiService::visitsReady, m_drillDown, &KpiDrillDown::setVisits);
    connect(m_service, &kpi::KpiService::visitsFailed, m_drillDown, [this](const Error &e) { m_drillDown->showError(e.message); });
    connect(m_drillDown, &KpiDrillDown::exportRequested, this,
            [this](const QString &table) { emit exportRequested(table + QStringLiteral("-csv")); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterBar, 1);
    top->addWidget(refreshButton);
    top->addWidget(targetsButton);
    top->addWidget(exportButton);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(6, 4, 6, 6);
    v->addLayout(top);
    v->addLayout(cards);
    v->addWidget(split, 1);

    connect(m_filterBar, &KpiFilterBar::changed, this, &KpiDashboard::reload);
    connect(m_service, &kpi::KpiService::busyChanged, m_filterBar, &KpiFilterBar::setBusy);
    connect(m_service, &kpi::KpiService::ready, this, &KpiDashboard::applyData);
    connect(m_service, &kpi::KpiService::failed, this, &KpiDashboard::showError);
}

void KpiDashboard::setTargetsEditable(bool editable)
{
    m_targetsEditable = editable;
    m_targetsButton->setVisible(editable);
    if (!editable)
        m_targetEditor->hide();
}

void KpiDashboard::openTargetEditor()
{
    if (!m_targetsEditable)
        return;
    m_targetEditor->select(m_trend->key(), m_filterBar->query().territoryId);
    m_targetEditor->show();
    m_targetEditor->raise();
}

void KpiDashboard::openDrillDown(const QString &technicianId)
{
    if (technicianId.isEmpty() || !m_service->data())
        return;
    const kpi::KpiDashboardData &d = *m_service->data();
    const QLocale locale;
    m_drillDown->showTechnician(technicianId, d.directory.technicianName(technicianId),
                                tr("%1 – %2").arg(locale.toString(d.query.period.from, QLocale::ShortFormat),
                                                  locale.toString(d.query.period.to, QLocale::ShortFormat)),
                                d.current.ratings, d.query.period.zone);
    m_service->requestVisits(technicianId);
    m_drillDown->show();
    m_drillDown->raise();
}

void KpiDashboard::reload() { request(false); }

void KpiDashboard::refresh() { request(true); }

void KpiDashboard::request(bool fromDatabase)
{
    if (!m_service->hasDatabase())
        return;
    const kpi::KpiQuery q = m_filterBar->query();
    if (!q.period.from.isValid() || !q.period.to.isValid() || q.period.to < q.period.from)
        return;
    m_service->request(q, fromDatabase);
}

void KpiDashboard::applyData()
{
    if (!m_service->data())
        return;
    QElapsedTimer paint;
    paint.start();
    const kpi::KpiDashboardData &d = *m_service->data();
    m_filterBar->setDirectory(d.directory);
    for (KpiCard *card : std::as_const(m_cards)) {
        std::vector<std::optional<double>> series;
        for (const kpi::KpiValues &b : d.series)
            series.push_back(b.value(card->key()));
        card->setValues(d.current.overall.value(card->key()), d.previous.overall.value(card->key()), series);
        if (d.previousPending)
            card->setComparisonPending();
        const kpi::KpiTarget *target = kpi::targetFor(d.targets, card->key(), d.query.territoryId);
        card->setTarget(target, kpi::ragState(card->key(), d.current.overall.value(card->key()), target));
    }
    m_trend->setTargets(d.targets, d.query.territoryId);
    m_trend->setSeries(d.buckets, d.series, d.previous.overall);
    m_targetEditor->setTargets(d.targets, d.directory);
    m_breakdown->setBreakdowns(d.breakdowns);
    m_ratings->setReport(d.current, d.directory);
    m_proactive->setKpis(d.proactive);
    const QLocale locale;
    m_filterBar->setStatusText(tr("%1 – %2 · compared with %3 – %4 · %5 ms")
                                   .arg(locale.toString(d.query.period.from, QLocale::ShortFormat),
                                        locale.toString(d.query.period.to, QLocale::ShortFormat),
                                        locale.toString(d.previousPeriod.from, QLocale::ShortFormat),
                                        locale.toString(d.previousPeriod.to, QLocale::ShortFormat))
                                   .arg(d.loadMs + d.computeMs + paint.elapsed())
                               + (d.previousPending ? tr(" · reading the previous period…") : QString()));
    emit updated();
}

void KpiDashboard::showError(const Error &error)
{
    m_filterBar->setStatusText(tr("KPIs could not be loaded: %1").arg(error.message));
}

QVariantMap KpiDashboard::viewState() const
{
    QVariantMap s;
    const int preset = m_filterBar->presetCombo()->currentData().toInt();
    s.insert(QStringLiteral("preset"), preset);
    if (preset == KpiFilterBar::Custom) {
        const kpi::KpiQuery q = m_filterBar->query();
        s.insert(QStringLiteral("from"), q.period.from.toString(Qt::ISODate));
        s.insert(QStringLiteral("to"), q.period.to.toString(Qt::ISODate));
    }
    s.insert(QStringLiteral("bucket"), m_filterBar->bucketCombo()->currentData());
    s.insert(QStringLiteral("trendKey"), m_trend->key());
    s.insert(QStringLiteral("breakdownBy"), m_breakdown->groupCombo()->currentData());
    s.insert(QStringLiteral("detailTab"), m_tabs->currentIndex());
    s.insert(QStringLiteral("splitter"), m_split->saveState());
    return s;
}

void KpiDashboard::restoreViewState(const QVariantMap &state)
{
    // Settings files can be edited by hand: every entry is checked against what exists.
    auto choose = [](QComboBox *combo, const QVariant &data) {
        if (const int i = data.isValid() ? combo->findData(data) : -1; i >= 0)
            combo->setCurrentIndex(i);
    };
    const QVariant preset = state.value(QStringLiteral("preset"));
    if (preset.isValid() && preset.toInt() == KpiFilterBar::Custom) {
        const QDate from = QDate::fromString(state.value(QStringLiteral("from")).toString(), Qt::ISODate);
        const QDate to = QDate::fromString(state.value(QStringLiteral("to")).toString(), Qt::ISODate);
        if (from.isValid() && to.isValid() && from <= to)
            m_filterBar->setCustomPeriod(from, to);
    } else {
        choose(m_filterBar->presetCombo(), preset);
    }
    choose(m_filterBar->bucketCombo(), state.value(QStringLiteral("bucket")));
    if (const QString key = state.value(QStringLiteral("trendKey")).toString(); kpi::keys().contains(key))
        m_trend->setKey(key);
    choose(m_breakdown->groupCombo(), state.value(QStringLiteral("breakdownBy")));
    if (const int tab = state.value(QStringLiteral("detailTab"), -1).toInt(); tab >= 0 && tab < m_tabs->count())
        m_tabs->setCurrentIndex(tab);
    if (const QByteArray split = state.value(QStringLiteral("splitter")).toByteArray(); !split.isEmpty())
        m_split->restoreState(split);
}

QImage KpiDashboard::renderImage()
{
    // Charts replot lazily (queued); make them current before the grab.
    for (QCustomPlot *plot : findChildren<QCustomPlot *>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    return grab().toImage();
}

Status KpiDashboard::exportPng(const QString &path)
{
    const QImage image = renderImage();
    if (image.isNull() || !image.save(path, "PNG"))
        return Error::other(tr("could not write the image %1").arg(path));
    return {};
}

Status KpiDashboard::exportPdf(const QString &path)
{
    const QImage image = renderImage();
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setResolution(150);
    pdf.setTitle(tr("FieldOps KPIs"));
    pdf.setCreator(QStringLiteral("FieldOps Console"));
    QPainter p;
    if (image.isNull() || !p.begin(&pdf))
        return Error::other(tr("could not write the PDF %1").arg(path));
    const QRect page = p.viewport();
    const QSize scaled = image.size().scaled(page.size(), Qt::KeepAspectRatio);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRect(page.topLeft(), scaled), image);
    if (!p.end())
        return Error::other(tr("could not write the PDF %1").arg(path));
    return {};
}

Status KpiDashboard::exportCsv(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::other(tr("could not write %1").arg(path), f.errorString());
    f.write(m_tabs->currentWidget() == m_ratings ? m_ratings->rankingCsv() : m_breakdown->toCsv());
    if (!f.commit())
        return Error::other(tr("could not write %1").arg(path), f.errorString());
    return {};
}

Status KpiDashboard::exportDrillDownCsv(const QString &table, const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::other(tr("could not write %1").arg(path), f.errorString());
    f.write(table == QLatin1String("ratings") ? m_drillDown->ratingsCsv() : m_drillDown->visitsCsv());
    if (!f.commit())
        return Error::other(tr("could not write %1").arg(path), f.errorString());
    return {};
}

} // namespace fieldops::widgets
