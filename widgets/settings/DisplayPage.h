#pragma once
// The settings page for how times are shown: the time zone of the schedule board, its
// conflicts and the KPI periods — this computer's, each technician's own (the board's rows in
// their technicians' local time), or one chosen by its IANA name (typed with completion or
// picked from the list). apply() refuses an unknown name with a message
// and writes nothing; a good choice is saved and announced, so the views follow at once.
// The console's language (this computer's, or one the console ships) is chosen here too and
// applies at the next start.
#include <QWidget>

class QComboBox;
class QLabel;

namespace fieldops::widgets {

class DisplayPage : public QWidget {
    Q_OBJECT
public:
    explicit DisplayPage(QWidget *parent = nullptr);
    QComboBox *zoneCombo() const { return m_zone; }
    QComboBox *languageCombo() const { return m_language; }
    // The shipped language chosen ("pt_BR" …); empty for this computer's language.
    QString chosenLanguage() const;
    // The IANA id chosen; empty for this computer's zone, settings::perTechnicianZoneChoice()
    // for each technician's own.
    QString chosenZone() const;
    bool apply();
    QString message() const;

private:
    void showMessage(const QString &text, bool error);
    QComboBox *m_zone;
    QComboBox *m_language;
    QLabel *m_message;
};

} // namespace fieldops::widgets
