#include "settings/RoutingPage.h"

#include "scheduling/PlanningTravelTime.h"
#include "settings/ConsoleSettings.h"
#include "domain/SignalColours.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace fieldops::widgets {

RoutingPage::RoutingPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("routingPage"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("routingServiceUrl"));
    m_url->setPlaceholderText(tr("Empty: straight-line travel times"));
    m_url->setToolTip(tr("The base address of an OSRM routing service, e.g. http://127.0.0.1:5000"));
    m_url->setText(settings::routingServiceUrl().get());
    auto *note = new QLabel(tr("Suggestions and Optimize ask this OSRM service for road travel times between sites (one "
                               "table request for many places). When it does not answer within 3 s or answers an error, "
                               "they use straight-line travel times, say why, and leave the service alone for a minute. "
                               "Without a service, they and the day's repairs scale straight-line times by how slowly "
                               "technicians really drove in each territory (fieldops-cli travel-speeds), never below them. "
                               "The Conflicts view always uses straight-line times."),
                            this);
    note->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("routingMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colours::css(colours::warning())));
    auto *form = new QFormLayout;
    form->addRow(tr("&Routing service URL:"), m_url);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(note);
    v->addWidget(m_message);
    v->addStretch(1);
}

QString RoutingPage::message() const { return m_message->text(); }

bool RoutingPage::apply()
{
    const QString text = m_url->text().trimmed();
    if (!text.isEmpty()) {
        if (const QString problem = scheduling::PlanningTravelTime::checkServiceUrl(text); !problem.isEmpty()) {
            m_message->setText(problem);
            return false;
        }
    }
    m_message->clear();
    settings::routingServiceUrl().set(text);
    return true;
}

} // namespace fieldops::widgets
