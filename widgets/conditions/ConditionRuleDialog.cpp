#include "conditions/ConditionRuleDialog.h"

#include "domain/SignalColours.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
template <typename W>
W *named(W *w, const char *key)
{
    w->setObjectName(QString::fromLatin1(key));
    return w;
}
QDoubleSpinBox *number(const char *key, QWidget *parent, double value)
{
    auto *s = named(new QDoubleSpinBox(parent), key);
    s->setRange(-1e6, 1e6);
    s->setDecimals(2);
    s->setValue(value);
    return s;
}
QSpinBox *whole(const char *key, QWidget *parent, int value, int max = 1000000)
{
    auto *s = named(new QSpinBox(parent), key);
    s->setRange(0, max);
    s->setValue(value);
    return s;
}
} // namespace

ConditionRuleDialog::ConditionRuleDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("conditionRuleDialog"));
    setWindowTitle(tr("New condition rule"));
    m_id = named(new QLineEdit(this), "id");
    m_id->setPlaceholderText(tr("next CR- number"));
    m_name = named(new QLineEdit(this), "name");
    m_scope = named(new QComboBox(this), "scope");
    m_scope->addItem(tr("One asset"), QStringLiteral("asset_id"));
    m_scope->addItem(tr("Every asset of a model"), QStringLiteral("asset_model"));
    m_scopeValue = named(new QLineEdit(this), "scopeValue");
    m_kind = named(new QComboBox(this), "kind");
    m_kind->addItem(tr("Threshold (beyond a limit for a while)"), QStringLiteral("threshold"));
    m_kind->addItem(tr("Rate of change"), QStringLiteral("rate"));
    m_kind->addItem(tr("Usage interval"), QStringLiteral("usage"));
    m_kind->addItem(tr("Anomaly against its usual band"), QStringLiteral("anomaly"));
    m_readingKind = named(new QComboBox(this), "reading_kind");
    m_readingKind->setEditable(true);
    m_readingKind->addItems({QStringLiteral("temperature"), QStringLiteral("pressure"), QStringLiteral("vibration"),
                             QStringLiteral("runtime_hours"), QStringLiteral("cycles")});
    m_comparison = named(new QComboBox(this), "comparison");
    m_comparison->addItem(tr("above"), QStringLiteral("above"));
    m_comparison->addItem(tr("below"), QStringLiteral("below"));
    m_threshold = number("threshold", this, 0);
    m_sustain = whole("sustain_minutes", this, 30);
    m_rate = number("rate_per_hour", this, 1);
    m_window = whole("window_minutes", this, 60);
    m_usage = number("usage_interval", this, 500);
    m_band = number("band_sd", this, 3);
    m_weeks = whole("baseline_weeks", this, 4);
    m_task = named(new QLineEdit(this), "task");
    m_type = named(new QComboBox(this), "work_order_type");
    for (const char *t : {"inspection", "corrective", "preventive", "install"})
        m_type->addItem(QString::fromLatin1(t));
    m_skills = named(new QLineEdit(this), "required_skills");
    m_skills->setPlaceholderText(tr("skill codes separated by ;"));
    m_duration = whole("duration_min", this, 60);
    m_priority = whole("priority", this, 3, 4);
    m_priority->setMinimum(1);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Id:"), m_id);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Watches:"), m_scope);
    m_form->addRow(tr("&Asset or model:"), m_scopeValue);
    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(tr("&Reading:"), m_readingKind);
    m_form->addRow(tr("&Comparison:"), m_comparison);
    m_form->addRow(tr("&Threshold:"), m_threshold);
    m_form->addRow(tr("&Sustained for (min):"), m_sustain);
    m_form->addRow(tr("Rate &per hour:"), m_rate);
    m_form->addRow(tr("Over (mi&n):"), m_window);
    m_form->addRow(tr("&Usage interval:"), m_usage);
    m_form->addRow(tr("&Band (standard deviations):"), m_band);
    m_form->addRow(tr("Baseline &weeks:"), m_weeks);
    m_form->addRow(tr("Work order &task:"), m_task);
    m_form->addRow(tr("Work order t&ype:"), m_type);
    m_form->addRow(tr("Required s&kills:"), m_skills);
    m_form->addRow(tr("&Duration (min):"), m_duration);
    m_form->addRow(tr("P&riority:"), m_priority);
    m_message = named(new QLabel(this), "ruleMessage");
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveRuleButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        clearMarks();
        emit saveRequested(toJson());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConditionRuleDialog::followKind);
    auto *v = new QVBoxLayout(this);
    v->addLayout(m_form);
    v->addWidget(m_message);
    v->addWidget(m_buttons);
    followKind();
    for (QLineEdit *e : findChildren<QLineEdit *>())
        connect(e, &QLineEdit::textChanged, this, &ConditionRuleDialog::updateSave);
    for (QComboBox *c : {m_scope, m_kind, m_comparison, m_type})
        connect(c, &QComboBox::currentIndexChanged, this, &ConditionRuleDialog::updateSave);
    connect(m_readingKind, &QComboBox::currentTextChanged, this, &ConditionRuleDialog::updateSave);
    for (QDoubleSpinBox *d : {m_threshold, m_rate, m_usage, m_band})
        connect(d, &QDoubleSpinBox::valueChanged, this, &ConditionRuleDialog::updateSave);
    for (QSpinBox *w : {m_sustain, m_window, m_weeks, m_duration, m_priority})
        connect(w, &QSpinBox::valueChanged, this, &ConditionRuleDialog::updateSave);
}

void ConditionRuleDialog::editRule(const conditions::ConditionRule &r)
{
    m_editing = true;
    m_original = r;
    setWindowTitle(tr("Edit condition rule %1").arg(r.id));
    m_id->setText(r.id);
    m_id->setReadOnly(true);
    m_name->setText(r.name);
    m_scope->setCurrentIndex(m_scope->findData(r.assetId.isEmpty() ? QStringLiteral("asset_model") : QStringLiteral("asset_id")));
    m_scopeValue->setText(r.assetId.isEmpty() ? r.assetModel : r.assetId);
    m_kind->setCurrentIndex(m_kind->findData(conditions::ruleKindName(r.kind)));
    m_readingKind->setCurrentText(r.readingKind);
    m_comparison->setCurrentIndex(r.above ? 0 : 1);
    // Only the kind's own parameters: the others keep their defaults.
    switch (r.kind) {
    case conditions::RuleKind::Threshold:
        m_threshold->setValue(r.threshold);
        m_sustain->setValue(r.sustainMinutes);
        break;
    case conditions::RuleKind::Rate:
        m_rate->setValue(r.ratePerHour);
        m_window->setValue(r.windowMinutes);
        break;
    case conditions::RuleKind::Usage:
        m_usage->setValue(r.usageInterval);
        break;
    case conditions::RuleKind::Anomaly:
        m_band->setValue(r.bandSd);
        m_weeks->setValue(r.baselineWeeks);
        m_sustain->setValue(r.sustainMinutes);
        break;
    }
    m_task->setText(r.task);
    m_type->setCurrentText(r.workOrderType);
    m_skills->setText(r.skills.join(QLatin1Char(';')));
    m_duration->setValue(r.durationMin);
    m_priority->setValue(r.priority);
    clearMarks();
    m_originalJson = toJson();
    updateSave();
}

void ConditionRuleDialog::updateSave()
{
    if (!m_editing)
        return;
    const bool complete = !m_scopeValue->text().trimmed().isEmpty() && !m_readingKind->currentText().trimmed().isEmpty()
                          && !m_task->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(complete && toJson() != m_originalJson);
}

void ConditionRuleDialog::followKind()
{
    const QString k = m_kind->currentData().toString();
    const bool threshold = k == QLatin1String("threshold"), rate = k == QLatin1String("rate"), usage = k == QLatin1String("usage"),
               anomaly = k == QLatin1String("anomaly");
    m_form->setRowVisible(m_comparison, threshold || rate);
    m_form->setRowVisible(m_threshold, threshold);
    m_form->setRowVisible(m_sustain, threshold || anomaly);
    m_form->setRowVisible(m_rate, rate);
    m_form->setRowVisible(m_window, rate);
    m_form->setRowVisible(m_usage, usage);
    m_form->setRowVisible(m_band, anomaly);
    m_form->setRowVisible(m_weeks, anomaly);
}

QJsonObject ConditionRuleDialog::toJson() const
{
    QJsonObject o;
    const auto text = [&o](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            o.insert(QLatin1String(key), value.trimmed());
    };
    text("id", m_id->text());
    if (m_editing)
        o.insert(QStringLiteral("name"), m_name->text().trimmed());
    else
        text("name", m_name->text());
    o.insert(m_scope->currentData().toString(), m_scopeValue->text().trimmed());
    const QString k = m_kind->currentData().toString();
    o.insert(QStringLiteral("kind"), k);
    text("reading_kind", m_readingKind->currentText());
    if (k == QLatin1String("threshold") || k == QLatin1String("rate"))
        o.insert(QStringLiteral("comparison"), m_comparison->currentData().toString());
    if (k == QLatin1String("threshold"))
        o.insert(QStringLiteral("threshold"), m_threshold->value());
    if (k == QLatin1String("threshold") || k == QLatin1String("anomaly"))
        o.insert(QStringLiteral("sustain_minutes"), m_sustain->value());
    if (k == QLatin1String("rate")) {
        o.insert(QStringLiteral("rate_per_hour"), m_rate->value());
        o.insert(QStringLiteral("window_minutes"), m_window->value());
    }
    if (k == QLatin1String("usage"))
        o.insert(QStringLiteral("usage_interval"), m_usage->value());
    if (k == QLatin1String("anomaly")) {
        o.insert(QStringLiteral("band_sd"), m_band->value());
        o.insert(QStringLiteral("baseline_weeks"), m_weeks->value());
    }
    text("task", m_task->text());
    o.insert(QStringLiteral("work_order_type"), m_type->currentText());
    if (m_editing)
        o.insert(QStringLiteral("required_skills"), m_skills->text().trimmed());
    else
        text("required_skills", m_skills->text());
    o.insert(QStringLiteral("duration_min"), m_duration->value());
    o.insert(QStringLiteral("priority"), m_priority->value());
    return o;
}

QWidget *ConditionRuleDialog::fieldFor(const QString &key) const
{
    if (key == QLatin1String("asset_id") || key == QLatin1String("asset_model"))
        return m_scopeValue;
    return findChild<QWidget *>(key);
}

void ConditionRuleDialog::clearMarks()
{
    for (QWidget *w : findChildren<QWidget *>())
        if (w->property("error").toBool()) {
            w->setProperty("error", false);
            w->setStyleSheet({});
        }
    m_message->clear();
}

void ConditionRuleDialog::showIssue(const QString &field, const QString &message)
{
    showProblem(field + QStringLiteral(": ") + message);
    if (QWidget *w = fieldFor(field)) {
        w->setProperty("error", true);
        w->setStyleSheet(QStringLiteral("border: 1px solid %1;").arg(colours::alarm().name()));
        w->setFocus();
    }
}

void ConditionRuleDialog::showProblem(const QString &message)
{
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colours::alarm().name()));
}

QString ConditionRuleDialog::message() const { return m_message->text(); }

} // namespace fieldops::widgets
