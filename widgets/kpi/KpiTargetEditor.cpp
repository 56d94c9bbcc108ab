#include "kpi/KpiTargetEditor.h"

#include "domain/SignalColours.h"
#include "kpi/KpiFormat.h"
#include "kpi/KpiKeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

KpiTargetEditor::KpiTargetEditor(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("kpiTargetEditor"));
    setWindowTitle(tr("KPI targets"));
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("targetKey"));
    for (const QString &k : kpi::keys())
        m_key->addItem(kpi::titleOf(k), k);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("targetScope"));
    m_scope->addItem(tr("Every territory"), QString());
    m_target = new QDoubleSpinBox(this);
    m_target->setObjectName(QStringLiteral("targetValue"));
    m_hasAmber = new QCheckBox(tr("Amber band down to"), this);
    m_hasAmber->setObjectName(QStringLiteral("targetHasAmber"));
    m_amber = new QDoubleSpinBox(this);
    m_amber->setObjectName(QStringLiteral("targetAmber"));
    for (QDoubleSpinBox *box : {m_target, m_amber}) {
        box->setDecimals(2);
        box->setRange(0, 1e6);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("targetStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("KPI"), m_key);
    form->addRow(tr("Scope"), m_scope);
    form->addRow(tr("Target"), m_target);
    form->addRow(m_hasAmber, m_amber);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("targetSave"));
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_status);
    v->addWidget(buttons);

    connect(m_key, &QComboBox::currentIndexChanged, this, &KpiTargetEditor::showStored);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &KpiTargetEditor::showStored);
    connect(m_hasAmber, &QCheckBox::toggled, m_amber, &QWidget::setEnabled);
    // Save does not close the editor: the answer (saved or refused) shows here.
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const kpi::KpiTarget t = draft();
        if (const QString p = kpi::KpiTargetRules::problem(t); !p.isEmpty()) {
            showError(p);
            return;
        }
        m_status->setText(tr("Saving…"));
        m_status->setStyleSheet(QString());
        emit saveRequested(t);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showStored();
}

QString KpiTargetEditor::key() const { return m_key->currentData().toString(); }

QString KpiTargetEditor::territoryId() const { return m_scope->currentData().toString(); }

double KpiTargetEditor::toScreen(double v) const { return kpi::unitOf(key()) == kpi::KpiUnit::Rate ? v * 100.0 : v; }

double KpiTargetEditor::fromScreen(double v) const { return kpi::unitOf(key()) == kpi::KpiUnit::Rate ? v / 100.0 : v; }

void KpiTargetEditor::setTargets(const std::vector<kpi::KpiTarget> &targets, const kpi::KpiDirectory &directory)
{
    auto sameRows = [&] {
        if (targets.size() != m_targets.size())
            return false;
        for (size_t i = 0; i < targets.size(); ++i)
            if (targets[i].id != m_targets[i].id || targets[i].version != m_targets[i].version)
                return false;
        return true;
    };
    // A filter change hands the same targets again: keep what the manager is typing.
    const bool unchanged = sameRows() && m_scope->count() == qsizetype(directory.territories.size()) + 1;
    m_targets = targets;
    if (unchanged)
        return;
    const QString scope = territoryId();
    {
        const QSignalBlocker block(m_scope);
        while (m_scope->count() > 1)
            m_scope->removeItem(1);
        for (const kpi::DirectoryTerritory &t : directory.territories)
            m_scope->addItem(t.name.isEmpty() ? t.id : t.name, t.id);
        m_scope->setCurrentIndex(std::max(0, m_scope->findData(scope)));
    }
    showStored();
}

void KpiTargetEditor::select(const QString &key, const QString &territoryId)
{
    const QSignalBlocker a(m_key), b(m_scope);
    m_key->setCurrentIndex(std::max(0, m_key->findData(key)));
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(territoryId)));
    showStored();
}

void KpiTargetEditor::setValues(double target, std::optional<double> amber)
{
    m_target->setValue(target);
    m_hasAmber->setChecked(amber.has_value());
    m_amber->setEnabled(amber.has_value());
    if (amber)
        m_amber->setValue(*amber);
}

void KpiTargetEditor::showStored()
{
    const bool lowerBetter = !kpi::higherIsBetter(key());
    m_hasAmber->setText(lowerBetter ? tr("Amber band up to") : tr("Amber band down to"));
    const QString unit = kpi::unitOf(key()) == kpi::KpiUnit::Rate ? tr(" %") : kpi::unitOf(key()) == kpi::KpiUnit::Hours ? tr(" h") : QString();
    m_target->setSuffix(unit);
    m_amber->setSuffix(unit);
    const kpi::KpiTarget *stored = nullptr;
    for (const kpi::KpiTarget &t : m_targets)
        if (t.kpiKey == key() && t.territoryId == territoryId())
            stored = &t;
    if (stored) {
        setValues(toScreen(stored->target), stored->amberThreshold ? std::optional<double>(toScreen(*stored->amberThreshold)) : std::nullopt);
        m_status->setText(tr("Set by %1 on %2").arg(stored->updatedBy.isEmpty() ? tr("(unknown)") : stored->updatedBy,
                                                    QLocale().toString(stored->updatedAt.toLocalTime(), QLocale::ShortFormat)));
    } else {
        setValues(0, std::nullopt);
        m_status->setText(tr("No target yet"));
    }
    m_status->setStyleSheet(QString());
}

kpi::KpiTarget KpiTargetEditor::draft() const
{
    kpi::KpiTarget t;
    for (const kpi::KpiTarget &s : m_targets)
        if (s.kpiKey == key() && s.territoryId == territoryId())
            t = s; // an update of the stored row at its version
    t.kpiKey = key();
    t.territoryId = territoryId();
    t.target = fromScreen(m_target->value());
    t.amberThreshold = m_hasAmber->isChecked() ? std::optional<double>(fromScreen(m_amber->value())) : std::nullopt;
    return t;
}

void KpiTargetEditor::showSaved(const kpi::KpiTarget &target)
{
    m_status->setText(tr("Saved: %1 %2").arg(kpi::titleOf(target.kpiKey), kpi::formatKpi(target.kpiKey, target.target)));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::good())));
}

void KpiTargetEditor::showError(const QString &message)
{
    m_status->setText(tr("Not saved: %1").arg(message));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::alarm())));
}

QString KpiTargetEditor::statusText() const { return m_status->text(); }

} // namespace fieldops::widgets
