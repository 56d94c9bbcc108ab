#include "SettingsDialog.h"

#include "settings/ConditionsPage.h"
#include "settings/DisplayPage.h"
#include "settings/RoutingPage.h"
#include "settings/TileSourcePage.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fieldops::gui {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_pages = new QTabWidget(this);
    m_tiles = new widgets::TileSourcePage(m_pages);
    m_pages->addTab(m_tiles, tr("Map"));
    m_display = new widgets::DisplayPage(m_pages);
    m_pages->addTab(m_display, tr("Display"));
    m_conditions = new widgets::ConditionsPage(m_pages);
    m_pages->addTab(m_conditions, tr("Condition rules"));
    m_routing = new widgets::RoutingPage(m_pages);
    m_pages->addTab(m_routing, tr("Routing"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_pages, 1);
    v->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::applyAll);
    resize(sizeHint().expandedTo(QSize(620, 420)));
}

bool SettingsDialog::applyAll()
{
    if (!m_tiles->apply()) {
        m_pages->setCurrentWidget(m_tiles);
        return false;
    }
    if (!m_display->apply()) {
        m_pages->setCurrentWidget(m_display);
        return false;
    }
    if (!m_routing->apply()) {
        m_pages->setCurrentWidget(m_routing);
        return false;
    }
    return m_conditions->apply();
}

void SettingsDialog::accept()
{
    if (applyAll())
        QDialog::accept();
}

} // namespace fieldops::gui
