#include "contracts/ConsumptionPanel.h"

#include "domain/SignalColours.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

namespace fieldops::widgets {

ConsumptionPanel::ConsumptionPanel(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    const std::pair<const char *, QString> rows[] = {
        {"span", tr("Counted from … to:")},   {"orders", tr("Work orders:")},       {"visits", tr("Visits made:")},
        {"hours", tr("Hours worked:")},       {"period", tr("This billing period:")}, {"sla", tr("SLA compliance:")},
        {"pm", tr("Preventive visits:")},     {"parts", tr("Parts:")},
    };
    for (const auto &[key, label] : rows) {
        auto *value = new QLabel(this);
        value->setObjectName(QStringLiteral("consumption_") + QString::fromLatin1(key));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, value);
        m_figures.insert(QString::fromLatin1(key), value);
    }
    clear();
}

void ConsumptionPanel::clear()
{
    for (QLabel *l : std::as_const(m_figures))
        l->setText(QStringLiteral("—"));
}

QString ConsumptionPanel::figure(const QString &key) const { return m_figures.value(key) ? m_figures.value(key)->text() : QString(); }

void ConsumptionPanel::setConsumption(const contracts::ContractConsumption &c, bool partsIncluded)
{
    const QLocale l;
    m_figures[QStringLiteral("span")]->setText(tr("%1 – %2").arg(l.toString(c.from, QLocale::ShortFormat), l.toString(c.to, QLocale::ShortFormat)));
    m_figures[QStringLiteral("orders")]->setText(tr("%1 (%2 open)").arg(c.workOrders).arg(c.openWorkOrders));
    m_figures[QStringLiteral("visits")]->setText(QString::number(c.visits));
    m_figures[QStringLiteral("hours")]->setText(tr("%1 h, of which %2 h billable").arg(l.toString(c.hours, 'f', 1), l.toString(c.billableHours, 'f', 1)));
    QLabel *period = m_figures[QStringLiteral("period")];
    const QString span = tr("%1 – %2").arg(l.toString(c.periodFrom, QLocale::ShortFormat), l.toString(c.periodTo, QLocale::ShortFormat));
    if (c.includedHours) {
        period->setText(tr("%1 h used of %2 h included (%3)").arg(l.toString(c.periodHours, 'f', 1), l.toString(*c.includedHours, 'f', 1), span));
        period->setStyleSheet(c.periodHours > *c.includedHours ? QStringLiteral("color: %1;").arg(colours::css(colours::warning())) : QString());
    } else {
        period->setText(tr("%1 h (%2), no hours included").arg(l.toString(c.periodHours, 'f', 1), span));
        period->setStyleSheet(QString());
    }
    QLabel *sla = m_figures[QStringLiteral("sla")];
    if (const auto rate = c.slaCompliance()) {
        sla->setText(tr("%1 % (%2 of %3 work orders met their SLA)").arg(l.toString(*rate * 100, 'f', 1)).arg(c.slaMet).arg(c.slaDue));
        sla->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(*rate < contracts::kSlaComplianceFloor ? colours::alarm() : colours::good())));
    } else {
        sla->setText(tr("no work order due yet"));
        sla->setStyleSheet(QString());
    }
    m_figures[QStringLiteral("pm")]->setText(tr("%1 done, %2 due, %3 missed").arg(c.pmDone).arg(c.pmDue).arg(c.pmMissed));
    const QString terms = partsIncluded ? tr("included in the fee") : tr("billed at cost");
    QString parts = c.partLines == 0 ? tr("none used; %1").arg(terms)
                                     : tr("%1 used on %n line(s), %2 at cost; %3", nullptr, c.partLines)
                                           .arg(l.toString(c.partQuantity, 'g', 6), l.toString(c.partCost, 'f', 2), terms);
    if (c.partsWithoutCost > 0)
        parts += QLatin1Char(' ') + tr("(%n line(s) of parts without a unit cost)", nullptr, c.partsWithoutCost);
    m_figures[QStringLiteral("parts")]->setText(parts);
}

} // namespace fieldops::widgets
