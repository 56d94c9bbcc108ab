#include "kpi/KpiFilterBar.h"

#include "common/ElidedLabel.h"
#include "common/FlowLayout.h"
#include "domain/Vocabulary.h"
#include "kpi/KpiBreakdown.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>

namespace fieldops::widgets {

namespace {
QComboBox *combo(QWidget *parent, const char *name, const QString &allText)
{
    auto *c = new QComboBox(parent);
    c->setObjectName(QString::fromLatin1(name));
    c->addItem(allText, QString());
    c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return c;
}

// Re-fills a combo after the "all" entry, keeping the chosen code if it still exists.
void refill(QComboBox *c, const std::vector<std::pair<QString, QString>> &items)
{
    const QSignalBlocker block(c);
    const QString current = c->currentData().toString();
    while (c->count() > 1)
        c->removeItem(1);
    for (const auto &[code, text] : items)
        c->addItem(text, code);
    const int i = c->findData(current);
    c->setCurrentIndex(i < 0 ? 0 : i);
}
} // namespace

KpiFilterBar::KpiFilterBar(QWidget *parent) : QWidget(parent)
{
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("kpiPeriodPreset"));
    m_preset->addItem(tr("Today"), Today);
    m_preset->addItem(tr("Last 7 days"), Last7);
    m_preset->addItem(tr("Last 30 days"), Last30);
    m_preset->addItem(tr("Last 90 days"), Last90);
    m_preset->addItem(tr("This month"), ThisMonth);
    m_preset->addItem(tr("Custom…"), Custom);
    m_preset->setCurrentIndex(Last30);

    auto dateEdit = [this](const char *name) {
        auto *e = new QDateEdit(this);
        e->setObjectName(QString::fromLatin1(name));
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        return e;
    };
    m_from = dateEdit("kpiFrom");
    m_to = dateEdit("kpiTo");

    m_territory = combo(this, "kpiTerritory", tr("All territories"));
    m_technician = combo(this, "kpiTechnician", tr("All technicians"));
    m_employment = combo(this, "kpiEmployment", tr("All employment types"));
    for (const QString &e : vocabulary::employmentTypes())
        m_employment->addItem(kpi::employmentText(e), e);
    m_type = combo(this, "kpiWorkOrderType", tr("All work-order types"));
    for (const QString &t : vocabulary::workOrderTypes())
        m_type->addItem(kpi::workOrderTypeText(t), t);
    m_bucket = new QComboBox(this);
    m_bucket->setObjectName(QStringLiteral("kpiBucket"));
    m_bucket->addItem(tr("Daily"), int(kpi::BucketSize::Day));
    m_bucket->addItem(tr("Weekly"), int(kpi::BucketSize::Week));
    m_bucket->addItem(tr("Monthly"), int(kpi::BucketSize::Month));
    m_bucket->setToolTip(tr("Trend buckets"));

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("kpiBusy"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    // Long ("1 Mar – 30 Mar · compared with … · 120 ms"): cut at the edge, whole in the tooltip.
    m_status = new ElidedLabel(this);
    m_status->setObjectName(QStringLiteral("kpiStatus"));

    // The dates and the dash between them wrap as one.
    auto *period = new QWidget(this);
    auto *p = new QHBoxLayout(period);
    p->setContentsMargins(0, 0, 0, 0);
    p->addWidget(m_from);
    p->addWidget(new QLabel(QStringLiteral("–"), period));
    p->addWidget(m_to);
    m_from->setParent(period);
    m_to->setParent(period);

    // A flow, not a row: on a narrow window (1280 px with the docks open) the filters wrap
    // onto a second line instead of forcing the main window wider than the screen.
    auto *flow = new FlowLayout(this, 6, 4);
    flow->setContentsMargins(4, 4, 4, 4);
    flow->addWidget(m_preset);
    flow->addWidget(period);
    flow->addWidget(m_territory);
    flow->addWidget(m_technician);
    flow->addWidget(m_employment);
    flow->addWidget(m_type);
    flow->addWidget(m_bucket);
    flow->addWidget(m_busy);
    flow->addWidget(m_status);
    flow->setAlignRight(m_status);

    applyPreset();
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        applyPreset();
        emit changed();
    });
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::dateChanged, this, [this] {
            if (m_updating)
                return;
            // Typing a date makes the period custom.
            if (m_preset->currentData().toInt() != Custom) {
                const QSignalBlocker block(m_preset);
                m_preset->setCurrentIndex(m_preset->findData(Custom));
            }
            if (m_to->date() < m_from->date())
                return; // wait for the other end
            emit changed();
        });
    for (QComboBox *c : {m_territory, m_technician, m_employment, m_type, m_bucket})
        connect(c, &QComboBox::currentIndexChanged, this, &KpiFilterBar::changed);
}

QDate KpiFilterBar::today() const
{
    return m_today.isValid() ? m_today : QDateTime::currentDateTime().toTimeZone(m_zone).date();
}

void KpiFilterBar::setToday(const QDate &today)
{
    m_today = today;
    applyPreset();
}

void KpiFilterBar::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    applyPreset();
}

void KpiFilterBar::setPreset(Preset preset) { m_preset->setCurrentIndex(m_preset->findData(preset)); }

void KpiFilterBar::setCustomPeriod(const QDate &from, const QDate &to)
{
    m_updating = true;
    {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(m_preset->findData(Custom));
    }
    m_from->setDate(from);
    m_to->setDate(to);
    m_updating = false;
    applyPreset();
    emit changed();
}

void KpiFilterBar::applyPreset()
{
    const int preset = m_preset->currentData().toInt();
    const QDate t = today();
    QDate from = m_from->date(), to = m_to->date();
    switch (preset) {
    case Today:
        from = to = t;
        break;
    case Last7:
        from = t.addDays(-6), to = t;
        break;
    case Last30:
        from = t.addDays(-29), to = t;
        break;
    case Last90:
        from = t.addDays(-89), to = t;
        break;
    case ThisMonth:
        from = QDate(t.year(), t.month(), 1), to = t;
        break;
    default:
        break;
    }
    m_updating = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_updating = false;
}

void KpiFilterBar::setDirectory(const kpi::KpiDirectory &directory)
{
    std::vector<std::pair<QString, QString>> territories, technicians;
    for (const auto &t : directory.territories)
        territories.emplace_back(t.id, t.name.isEmpty() ? t.id : t.name);
    for (const auto &t : directory.technicians)
        technicians.emplace_back(t.id, t.name);
    refill(m_territory, territories);
    refill(m_technician, technicians);
}

void KpiFilterBar::setBusy(bool busy) { m_busy->setVisible(busy); }

void KpiFilterBar::setStatusText(const QString &text)
{
    m_status->setText(text);
}

kpi::KpiQuery KpiFilterBar::query() const
{
    kpi::KpiQuery q;
    q.period = {m_from->date(), m_to->date(), m_zone};
    q.bucketSize = kpi::BucketSize(m_bucket->currentData().toInt());
    q.territoryId = m_territory->currentData().toString();
    q.technicianId = m_technician->currentData().toString();
    q.employment = m_employment->currentData().toString();
    q.workOrderType = m_type->currentData().toString();
    return q;
}

} // namespace fieldops::widgets
