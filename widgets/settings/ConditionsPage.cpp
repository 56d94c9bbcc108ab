#include "settings/ConditionsPage.h"

#include "settings/ConsoleSettings.h"
#include "settings/SettingsEvents.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fieldops::widgets {

ConditionsPage::ConditionsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("conditionsPage"));
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("conditionIntervalBox"));
    m_interval->setRange(1, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(settings::conditionIntervalMinutes().get());
    auto *note = new QLabel(tr("While connected, the console evaluates the condition rules this often and opens a proactive work "
                               "order for each new breach. On a shared server one console evaluates at a time; the status bar "
                               "says which."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Evaluate condition rules every:"), m_interval);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(note);
    v->addStretch(1);
}

bool ConditionsPage::apply()
{
    settings::conditionIntervalMinutes().set(m_interval->value());
    SettingsEvents::instance()->announce(SettingsEvents::conditionsGroup());
    return true;
}

} // namespace fieldops::widgets
