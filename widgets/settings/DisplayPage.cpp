#include "settings/DisplayPage.h"

#include "domain/SignalColours.h"
#include "settings/ConsoleSettings.h"
#include "settings/DisplayZone.h"
#include "settings/SettingsEvents.h"
#include "util/Translations.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
// A language as its own speakers write it ("português (Brasil)"), so anyone finds theirs.
QString languageName(const QString &name)
{
    const QLocale locale(name);
    QString text = locale.nativeLanguageName();
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (name.contains(QLatin1Char('_')))
        text += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
    return text.isEmpty() ? name : text;
}
} // namespace

DisplayPage::DisplayPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("displayPage"));
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("displayZoneCombo"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItem(tr("This computer's time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QString());
    m_zone->addItem(tr("Each technician's own time zone"), settings::perTechnicianZoneChoice());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        // The named zones people pick ("Europe/Lisbon"), not the fixed offsets ("UTC+01:00").
        if (id.contains('/'))
            m_zone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    }
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    const QString stored = settings::displayTimeZone().get();
    const int at = stored.isEmpty() ? 0 : m_zone->findData(stored);
    if (at >= 0)
        m_zone->setCurrentIndex(at);
    else
        m_zone->setEditText(stored);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("This computer's language (%1)").arg(languageName(QLocale::system().name())), QString());
    for (const QString &language : shippedLanguages())
        m_language->addItem(languageName(language), language);
    const int chosen = m_language->findData(settings::language().get());
    m_language->setCurrentIndex(chosen >= 0 ? chosen : 0);

    auto *note = new QLabel(tr("The schedule board, its conflicts and the KPI periods show times in this zone. "
                               "Each technician's shift is still shaded in the technician's own zone."),
                            this);
    auto *perTechnicianNote =
        new QLabel(tr("With each technician's own time zone, every row of the board shows its technician's local time "
                      "(08:00 in São Paulo and in Lisbon line up) and the KPI periods use this computer's zone."),
                   this);
    perTechnicianNote->setWordWrap(true);
    note->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("displayMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Show &times in:"), m_zone);
    form->addRow(tr("&Language:"), m_language);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(note);
    v->addWidget(perTechnicianNote);
    v->addWidget(m_message);
    v->addStretch(1);
}

QString DisplayPage::chosenLanguage() const { return m_language->currentData().toString(); }

QString DisplayPage::chosenZone() const
{
    const QString text = m_zone->currentText().trimmed();
    if (text.isEmpty() || text == m_zone->itemText(0))
        return {};
    if (text == m_zone->itemText(1))
        return settings::perTechnicianZoneChoice();
    return text;
}

bool DisplayPage::apply()
{
    const QString zone = chosenZone();
    if (!settings::setDisplayZone(zone)) {
        showMessage(tr("\"%1\" is not a time zone this computer knows; choose one from the list, e.g. America/Sao_Paulo.")
                        .arg(zone),
                    true);
        return false;
    }
    const QString language = chosenLanguage();
    const bool languageChanged = language != settings::language().get();
    if (language.isEmpty())
        settings::language().reset();
    else
        settings::language().set(language);
    showMessage(languageChanged ? tr("The console shows the new language at its next start.") : QString(), false);
    SettingsEvents::instance()->announce(SettingsEvents::displayGroup());
    return true;
}

QString DisplayPage::message() const { return m_message->text(); }

void DisplayPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(colours::alarm().name()) : QString());
    m_message->setProperty("error", error);
}

} // namespace fieldops::widgets
