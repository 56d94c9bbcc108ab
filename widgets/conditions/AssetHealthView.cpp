#include "conditions/AssetHealthView.h"

#include "domain/SignalColours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fieldops::widgets {

namespace {
constexpr qint64 kHour = 3600LL * 1000;
double keyOf(qint64 ms) { return double(ms) / 1000.0; }
} // namespace

AssetHealthView::AssetHealthView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("assetHealthView"));
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Risk"), tr("Asset"), tr("Model"), tr("Site"), tr("Customer"), tr("Rule"), tr("Why"), tr("Open work")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(kSortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("atRiskTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RiskColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AssetHealthView::onCurrentChanged);

    m_openAsset = new QPushButton(tr("Open &customer"), this);
    m_openAsset->setObjectName(QStringLiteral("openAssetButton"));
    m_openAsset->setToolTip(tr("The asset's customer page, with its sites and assets"));
    m_onMap = new QPushButton(tr("Site on &map"), this);
    m_onMap->setObjectName(QStringLiteral("siteOnMapButton"));
    m_openWork = new QPushButton(tr("Open &work"), this);
    m_openWork->setObjectName(QStringLiteral("openWorkButton"));
    connect(m_openAsset, &QPushButton::clicked, this, [this] {
        if (const auto *r = current())
            emit customerRequested(r->customerId);
    });
    connect(m_onMap, &QPushButton::clicked, this, [this] {
        if (const auto *r = current())
            emit siteOnMapRequested(r->lat, r->lon);
    });
    connect(m_openWork, &QPushButton::clicked, this, [this] {
        const auto *r = current();
        if (!r || r->openWorkOrders.isEmpty())
            return;
        if (r->openWorkOrders.size() == 1) {
            emit workOrderRequested(r->openWorkOrders.front());
            return;
        }
        QMenu menu(this);
        for (const QString &id : r->openWorkOrders)
            menu.addAction(id, this, [this, id] { emit workOrderRequested(id); });
        menu.exec(m_openWork->mapToGlobal(QPoint(0, m_openWork->height())));
    });
    m_newRule = new QPushButton(tr("&New rule…"), this);
    m_newRule->setObjectName(QStringLiteral("newRuleButton"));
    m_newRule->setToolTip(tr("A condition rule that opens proactive work when an asset's readings call for it"));
    connect(m_newRule, &QPushButton::clicked, this, &AssetHealthView::newRuleRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openAsset);
    buttons->addWidget(m_onMap);
    buttons->addWidget(m_openWork);
    buttons->addStretch(1);
    buttons->addWidget(m_newRule);
    auto *atRisk = new QWidget(this);
    auto *av = new QVBoxLayout(atRisk);
    av->setContentsMargins(0, 0, 0, 0);
    // Says why the list is empty and what to do about it (updateHint).
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("atRiskHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    av->addWidget(m_hint);
    av->addWidget(m_table, 1);
    av->addLayout(buttons);

    // The chosen asset's rules.
    m_rulesModel = new QStandardItemModel(0, RuleColumnCount, this);
    m_rulesModel->setHorizontalHeaderLabels({tr("Rule"), tr("Kind"), tr("Reading"), tr("Watches"), tr("State")});
    m_rulesTable = new QTableView(this);
    m_rulesTable->setObjectName(QStringLiteral("rulesTable"));
    m_rulesTable->setModel(m_rulesModel);
    m_rulesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rulesTable->verticalHeader()->hide();
    m_rulesTable->horizontalHeader()->setStretchLastSection(true);
    m_rulesTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_rulesTable, &QTableView::customContextMenuRequested, this, &AssetHealthView::showRuleMenu);
    connect(m_rulesTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AssetHealthView::updateRuleButtons);
    connect(m_rulesTable, &QTableView::doubleClicked, this, [this] {
        if (const auto *r = currentRule(); r && m_rulesEditable)
            emit editRuleRequested(r->id);
    });
    m_editRule = new QPushButton(tr("Edit r&ule…"), this);
    m_editRule->setObjectName(QStringLiteral("editRuleButton"));
    m_activeRule = new QPushButton(tr("Deac&tivate"), this);
    m_activeRule->setObjectName(QStringLiteral("activeRuleButton"));
    m_activeRule->setToolTip(tr("An inactive rule is not evaluated; the work it already opened stays open"));
    m_allRules = new QCheckBox(tr("A&ll rules"), this);
    m_allRules->setObjectName(QStringLiteral("allRulesCheck"));
    m_allRules->setToolTip(tr("Every condition rule, not only the chosen asset's"));
    connect(m_allRules, &QCheckBox::toggled, this, &AssetHealthView::fillRules);
    connect(m_editRule, &QPushButton::clicked, this, [this] {
        if (const auto *r = currentRule())
            emit editRuleRequested(r->id);
    });
    connect(m_activeRule, &QPushButton::clicked, this, [this] {
        if (const auto *r = currentRule())
            emit ruleActiveRequested(r->id, !r->active);
    });
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(m_allRules);
    ruleButtons->addStretch(1);
    ruleButtons->addWidget(m_editRule);
    ruleButtons->addWidget(m_activeRule);
    auto *rulesBox = new QWidget(this);
    auto *rbv = new QVBoxLayout(rulesBox);
    rbv->setContentsMargins(0, 0, 0, 0);
    auto *rulesTitle = new QLabel(tr("Rules"), this);
    rulesTitle->setObjectName(QStringLiteral("rulesTitle"));
    rbv->addWidget(rulesTitle);
    rbv->addWidget(m_rulesTable, 1);
    rbv->addLayout(ruleButtons);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->setObjectName(QStringLiteral("assetHealthLeft"));
    left->addWidget(atRisk);
    left->addWidget(rulesBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    left->setChildrenCollapsible(false);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("assetHealthTitle"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("assetHealthMessage"));
    m_message->setWordWrap(true);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("readingKindCombo"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(14); // "runtime_hours" and the like, whole
    m_span = new QComboBox(this);
    m_span->setObjectName(QStringLiteral("spanCombo"));
    m_span->addItem(tr("24 hours"), 24 * kHour);
    m_span->addItem(tr("7 days"), 7 * 24 * kHour);
    m_span->addItem(tr("30 days"), 30 * 24 * kHour);
    m_span->addItem(tr("1 year"), 365 * 24 * kHour);
    m_span->setCurrentIndex(1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_fillingKinds)
            requestChart();
    });
    connect(m_span, &QComboBox::currentIndexChanged, this, &AssetHealthView::requestChart);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("assetHealthPlot"));
    m_plot->setMinimumSize(360, 240);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("d MMM\nHH:mm"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_title, 1);
    controls->addWidget(new QLabel(tr("Reading:"), this));
    controls->addWidget(m_kind);
    controls->addWidget(new QLabel(tr("Span:"), this));
    controls->addWidget(m_span);
    auto *right = new QWidget(this);
    auto *rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    rv->addLayout(controls);
    rv->addWidget(m_message);
    rv->addWidget(m_plot, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *v = new QVBoxLayout(this);
    v->addWidget(split);
    updateButtons();
    updateRuleButtons();
    updateHint();
}

void AssetHealthView::setAtRisk(const QVector<conditions::AtRiskAsset> &rows)
{
    const QString keep = currentAssetId();
    m_rows = rows;
    m_model->removeRows(0, m_model->rowCount());
    const QLocale locale;
    for (int i = 0; i < rows.size(); ++i) {
        const conditions::AtRiskAsset &r = rows.at(i);
        QList<QStandardItem *> items;
        const auto item = [&](const QString &text, const QVariant &sort) {
            auto *it = new QStandardItem(text);
            it->setData(sort, kSortRole);
            it->setData(i, Qt::UserRole); // index into m_rows
            items << it;
            return it;
        };
        QStandardItem *risk = item(locale.toString(r.risk * 100, 'f', 0) + QLatin1Char('%'), r.risk);
        if (r.risk >= 1)
            risk->setForeground(colours::alarm());
        else if (r.risk >= 0.8)
            risk->setForeground(colours::warning());
        item(r.assetId, r.assetId);
        item(r.model, r.model);
        item(r.siteName.isEmpty() ? r.siteId : r.siteName, r.siteName);
        item(r.customerName, r.customerName);
        item(r.ruleId, r.ruleId);
        item(r.reason, r.reason)->setToolTip(r.reason);
        item(QString::number(r.openWorkOrders.size()), int(r.openWorkOrders.size()))->setToolTip(r.openWorkOrders.join(QStringLiteral(", ")));
        m_model->appendRow(items);
    }
    m_table->resizeColumnsToContents();
    if (!keep.isEmpty())
        selectAsset(keep);
    updateButtons();
    updateHint();
}

void AssetHealthView::updateHint()
{
    QString hint;
    if (m_rules.isEmpty())
        hint = m_rulesEditable ? tr("No condition rules yet, so nothing watches the equipment's readings. Write one with New rule…: "
                                    "a limit held for some minutes, a rate of change, a service every so many runtime hours, or "
                                    "readings leaving the asset's own usual pattern. Each rule opens proactive work when it fires.")
                               : tr("No condition rules yet, so nothing watches the equipment's readings. Planners write them here.");
    else if (m_rows.isEmpty())
        hint = tr("The rules watch no asset: no asset is of a rule's model or named by a rule.");
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

bool AssetHealthView::selectAsset(const QString &assetId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, AssetColumn);
        if (index.data().toString() == assetId) {
            if (m_table->currentIndex().row() != row)
                m_table->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

const conditions::AtRiskAsset *AssetHealthView::current() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return nullptr;
    const int i = index.data(Qt::UserRole).toInt();
    return i >= 0 && i < m_rows.size() ? &m_rows.at(i) : nullptr;
}

QString AssetHealthView::currentAssetId() const
{
    const auto *r = current();
    return r ? r->assetId : QString();
}

qint64 AssetHealthView::spanMs() const { return m_span->currentData().toLongLong(); }

QString AssetHealthView::chosenKind() const { return m_kind->currentText(); }

void AssetHealthView::setRules(const QVector<conditions::ConditionRule> &rules)
{
    m_rules = rules;
    fillRules();
    updateHint();
}

void AssetHealthView::fillRules()
{
    const auto *keepRule = currentRule();
    const QString keep = keepRule ? keepRule->id : QString();
    const auto *asset = current();
    m_rulesModel->removeRows(0, m_rulesModel->rowCount());
    for (int i = 0; i < m_rules.size(); ++i) {
        const conditions::ConditionRule &r = m_rules.at(i);
        if (!m_allRules->isChecked()
            && (!asset || !(r.assetId.isEmpty() ? r.assetModel == asset->model : r.assetId == asset->assetId)))
            continue;
        QList<QStandardItem *> items;
        const auto item = [&](const QString &text) {
            auto *it = new QStandardItem(text);
            it->setData(i, Qt::UserRole); // index into m_rules
            items << it;
            return it;
        };
        item(r.id)->setToolTip(r.name.isEmpty() ? r.task : r.name);
        item(conditions::ruleKindName(r.kind));
        item(r.readingKind);
        item(r.assetId.isEmpty() ? tr("model %1").arg(r.assetModel) : tr("asset %1").arg(r.assetId));
        QStandardItem *state = item(r.active ? tr("active") : tr("inactive"));
        if (!r.active)
            state->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        m_rulesModel->appendRow(items);
    }
    m_rulesTable->resizeColumnsToContents();
    if (!keep.isEmpty())
        selectRule(keep);
    updateRuleButtons();
}

const conditions::ConditionRule *AssetHealthView::currentRule() const
{
    const QModelIndex index = m_rulesTable->currentIndex();
    if (!index.isValid())
        return nullptr;
    const int i = index.data(Qt::UserRole).toInt();
    return i >= 0 && i < m_rules.size() ? &m_rules.at(i) : nullptr;
}

bool AssetHealthView::selectRule(const QString &ruleId)
{
    for (int row = 0; row < m_rulesModel->rowCount(); ++row) {
        const QModelIndex index = m_rulesModel->index(row, RuleIdColumn);
        if (index.data().toString() == ruleId) {
            m_rulesTable->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void AssetHealthView::updateRuleButtons()
{
    const auto *r = currentRule();
    m_editRule->setEnabled(r != nullptr);
    m_activeRule->setEnabled(r != nullptr);
    m_activeRule->setText(r && !r->active ? tr("Ac&tivate") : tr("Deac&tivate"));
}

void AssetHealthView::showRuleMenu(const QPoint &pos)
{
    const QModelIndex index = m_rulesTable->indexAt(pos);
    if (!index.isValid() || !m_rulesEditable)
        return;
    m_rulesTable->setCurrentIndex(index);
    const auto *r = currentRule();
    if (!r)
        return;
    const QString id = r->id;
    const bool active = r->active;
    QMenu menu(this);
    menu.addAction(tr("Edit r&ule…"), this, [this, id] { emit editRuleRequested(id); });
    menu.addAction(active ? tr("Deac&tivate") : tr("Ac&tivate"), this, [this, id, active] { emit ruleActiveRequested(id, !active); });
    menu.exec(m_rulesTable->viewport()->mapToGlobal(pos));
}

void AssetHealthView::onCurrentChanged()
{
    updateButtons();
    if (!m_allRules->isChecked())
        fillRules();
    if (current() && current()->assetId != m_chart.assetId) {
        // Another asset: its own first kind, unless it has the one shown.
        m_fillingKinds = true;
        m_kind->clear();
        m_fillingKinds = false;
    }
    requestChart();
}

void AssetHealthView::requestChart()
{
    const auto *r = current();
    if (!r)
        return;
    emit chartRequested(r->assetId, chosenKind(), spanMs());
}

void AssetHealthView::updateButtons()
{
    const auto *r = current();
    m_openAsset->setEnabled(r && !r->customerId.isEmpty());
    m_onMap->setEnabled(r && !r->siteId.isEmpty());
    m_openWork->setEnabled(r && !r->openWorkOrders.isEmpty());
    m_openWork->setText(r && !r->openWorkOrders.isEmpty() ? tr("Open &work (%1)").arg(r->openWorkOrders.size()) : tr("Open &work"));
}

void AssetHealthView::setRulesEditable(bool editable)
{
    m_rulesEditable = editable;
    m_newRule->setVisible(editable);
    m_editRule->setVisible(editable);
    m_activeRule->setVisible(editable);
    updateHint();
}

void AssetHealthView::showError(const QString &message)
{
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colours::alarm().name()));
}

void AssetHealthView::setChart(const conditions::AssetChart &c)
{
    m_chart = c;
    m_message->clear();
    m_message->setStyleSheet({});
    m_fillingKinds = true;
    if (m_kind->count() != c.kinds.size() || [&] {
            for (int i = 0; i < c.kinds.size(); ++i)
                if (m_kind->itemText(i) != c.kinds.at(i))
                    return true;
            return false;
        }()) {
        m_kind->clear();
        m_kind->addItems(c.kinds);
    }
    m_kind->setCurrentText(c.kind);
    m_fillingKinds = false;
    m_title->setText(c.unit.isEmpty() ? tr("%1 · %2").arg(c.assetId, c.kind) : tr("%1 · %2 (%3)").arg(c.assetId, c.kind, c.unit));

    m_plot->clearGraphs();
    m_plot->clearItems();
    const QColor bandColour = colours::suggested();
    QCPGraph *low = m_plot->addGraph();
    QCPGraph *high = m_plot->addGraph();
    for (QCPGraph *g : {low, high}) {
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->setPen(QPen(bandColour.lighter(150), 1));
    }
    low->removeFromLegend();
    high->setName(tr("Usual band (± %1 sd)").arg(c.bandSd));
    QColor fill = bandColour;
    fill.setAlpha(40);
    high->setBrush(fill);
    high->setChannelFillGraph(low);
    QVector<double> bx, blo, bhi;
    for (const conditions::BandPoint &p : c.band) {
        bx << keyOf(p.hourMs);
        blo << p.low;
        bhi << p.high;
    }
    low->setData(bx, blo, true);
    high->setData(bx, bhi, true);

    QCPGraph *readings = m_plot->addGraph();
    readings->setName(c.hourlyMeans ? tr("Hourly mean") : tr("Readings"));
    // A year is thousands of points: a thin pen, and no antialiasing then (a wide or smoothed
    // stroke over so many segments takes seconds to draw).
    readings->setPen(QPen(palette().color(QPalette::WindowText), c.readings.size() > 2000 ? 0 : 1.5));
    readings->setAntialiased(c.readings.size() <= 2000);
    QVector<double> x, y;
    for (const conditions::Reading &r : c.readings) {
        x << keyOf(r.atMs);
        y << r.value;
    }
    readings->setData(x, y, true);

    double yMin = 0, yMax = 1;
    bool any = false;
    const auto widen = [&](double v) {
        yMin = any ? std::min(yMin, v) : v;
        yMax = any ? std::max(yMax, v) : v;
        any = true;
    };
    for (double v : y)
        widen(v);
    for (const conditions::RuleLine &l : c.lines)
        widen(l.value);
    for (int i = 0; i < blo.size(); ++i) {
        widen(blo[i]);
        widen(bhi[i]);
    }
    const QPen limitPen(colours::alarm(), 1.5, Qt::DashLine);
    for (const conditions::RuleLine &l : c.lines) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setPen(limitPen);
        line->point1->setCoords(0, l.value);
        line->point2->setCoords(1, l.value);
        auto *label = new QCPItemText(m_plot);
        label->setText(l.label);
        label->setColor(colours::alarm());
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        label->position->setTypeY(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(0.99, l.value);
    }
    const QPen visitPen(colours::good(), 1.5, Qt::DotLine);
    for (qint64 v : c.visits) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setPen(visitPen);
        line->point1->setCoords(keyOf(v), 0);
        line->point2->setCoords(keyOf(v), 1);
    }
    if (!c.visits.isEmpty()) {
        // A legend entry for the visits: an empty graph with their pen.
        QCPGraph *visits = m_plot->addGraph();
        visits->setName(tr("Visit"));
        visits->setPen(visitPen);
    }
    if (!c.lines.isEmpty()) {
        QCPGraph *limits = m_plot->addGraph();
        limits->setName(tr("Rule limit"));
        limits->setPen(limitPen);
    }
    const double pad = std::max(0.5, (yMax - yMin) * 0.1);
    m_plot->yAxis->setRange(yMin - pad, yMax + pad);
    m_plot->yAxis->setLabel(c.unit);
    // The whole span asked for, so a gap in the readings shows as one.
    m_plot->xAxis->setRange(keyOf(c.fromMs), keyOf(std::max(c.toMs, c.fromMs + 60000)));
    if (c.readings.isEmpty())
        m_message->setText(c.kinds.isEmpty() ? tr("%1 has no readings.").arg(c.assetId) : tr("No %1 readings in this span.").arg(c.kind));
    m_plot->replot();
}

} // namespace fieldops::widgets
