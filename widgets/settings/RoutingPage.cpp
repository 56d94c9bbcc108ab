#include "settings/RoutingPage.h"

#include "scheduling/PlanningTravelTime.h"
#include "scheduling/TravelSpeedLoader.h"
#include "scheduling/TravelSpeedReport.h"
#include "settings/ConsoleSettings.h"
#include "domain/SignalColours.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>
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
    m_speedsNote = new QLabel(tr("Reading the recorded drives…"), this);
    m_speedsNote->setObjectName(QStringLiteral("learnedSpeedsNote"));
    m_speedsNote->setWordWrap(true);
    m_speeds = new QTableWidget(0, 4, this);
    m_speeds->setObjectName(QStringLiteral("learnedSpeeds"));
    m_speeds->setHorizontalHeaderLabels({tr("Territory"), tr("Legs"), tr("Factor"), tr("Planning")});
    m_speeds->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_speeds->setSelectionMode(QAbstractItemView::NoSelection);
    m_speeds->verticalHeader()->hide();
    m_speeds->horizontalHeader()->setStretchLastSection(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Routing service URL:"), m_url);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(note);
    v->addWidget(m_message);
    v->addWidget(m_speedsNote);
    v->addWidget(m_speeds, 1);
}

void RoutingPage::showLearnedSpeeds(const scheduling::TravelSpeeds &speeds)
{
    m_speedsNote->setText(tr("Travel speeds learned from the drives of %1 to %2 (a factor needs %3 legs):")
                              .arg(QLocale().toString(speeds.from, QLocale::ShortFormat), QLocale().toString(speeds.to, QLocale::ShortFormat))
                              .arg(scheduling::TravelSpeedLearner::kMinLegs));
    m_speeds->setRowCount(int(speeds.territories.size()));
    for (int r = 0; r < int(speeds.territories.size()); ++r) {
        const scheduling::TerritorySpeed &t = speeds.territories[size_t(r)];
        const QStringList cells{t.name.isEmpty() ? t.territoryId : t.name, QLocale().toString(t.legs), scheduling::speedFactorText(t),
                                scheduling::speedUseText(t)};
        for (int c = 0; c < cells.size(); ++c)
            m_speeds->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_speeds->resizeColumnsToContents();
}

void RoutingPage::showLearnedSpeedsProblem(const QString &why)
{
    m_speeds->setRowCount(0);
    m_speedsNote->setText(tr("The learned travel speeds could not be read: %1").arg(why));
}

QString RoutingPage::learnedSpeedsNote() const { return m_speedsNote->text(); }

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
