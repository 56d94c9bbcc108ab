#include "kpi/KpiProactivePanel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QLabel *valueLabel(const char *name, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}
} // namespace

KpiProactivePanel::KpiProactivePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("kpiProactivePanel"));
    m_share = valueLabel("proactiveShare", this);
    QFont big = m_share->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_share->setFont(big);
    m_shareDetail = valueLabel("proactiveShareDetail", this);
    m_prevented = valueLabel("failuresPrevented", this);
    m_prevented->setFont(big);
    m_with = valueLabel("correctiveWith", this);
    m_without = valueLabel("correctiveWithout", this);
    auto *form = new QFormLayout;
    form->addRow(tr("Proactive share of work:"), m_share);
    form->addRow(QString(), m_shareDetail);
    form->addRow(tr("Failures prevented:"), m_prevented);
    form->addRow(tr("With a proactive visit in the 30 days before:"), m_with);
    form->addRow(tr("Without one:"), m_without);
    auto *note = new QLabel(tr("Proactive work orders are those a condition rule opened. Failures prevented: the corrective work "
                               "orders the assets covered by a recent proactive visit would have had at the rate of the uncovered "
                               "ones, less those they had (watched assets only). The filters above choose the work orders counted (a work "
                               "order belongs to the technician of its visit); coverage and asset-days stay every watched asset's."),
                            this);
    note->setWordWrap(true);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(note);
    v->addStretch(1);
    setKpis({});
}

void KpiProactivePanel::setKpis(const kpi::ProactiveKpis &k)
{
    const QLocale locale;
    const QString dash = QStringLiteral("—");
    m_share->setText(k.proactiveShare ? locale.toString(*k.proactiveShare * 100, 'f', 1) + QLatin1Char('%') : dash);
    m_shareDetail->setText(tr("%1 of %n work order(s) created in the period", nullptr, k.workOrders).arg(k.proactive));
    m_prevented->setText(k.failuresPrevented ? locale.toString(*k.failuresPrevented, 'f', 1) : dash);
    const auto rate = [&](const std::optional<double> &r) { return r ? locale.toString(*r, 'f', 2) : dash; };
    m_with->setText(tr("%n corrective work order(s)", nullptr, k.correctiveWith) + QStringLiteral(" · ")
                    + tr("%1 asset-days · %2 per asset and 30 days").arg(locale.toString(k.coveredAssetDays, 'f', 1), rate(k.rateWith)));
    m_without->setText(tr("%n corrective work order(s)", nullptr, k.correctiveWithout) + QStringLiteral(" · ")
                       + tr("%1 asset-days · %2 per asset and 30 days").arg(locale.toString(k.uncoveredAssetDays, 'f', 1), rate(k.rateWithout)));
}

QString KpiProactivePanel::shareText() const { return m_share->text(); }
QString KpiProactivePanel::preventedText() const { return m_prevented->text(); }

} // namespace fieldops::widgets
