#pragma once
// "Export billing…" from the Time tab: a period and an output folder, then the export runs
// (its owner runs it on the session's worker, exportRequested) while the dialog shows it
// is busy, and afterwards what was written or why not, in words.
#include <QDate>
#include <QDialog>
#include <functional>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace fieldops::widgets {

class BillingExportDialog : public QDialog {
    Q_OBJECT
public:
    BillingExportDialog(const QDate &from, const QDate &to, const QString &folder, QWidget *parent = nullptr);

    QDate from() const;
    QDate to() const;
    QString folder() const;

    void setBusy(bool busy);
    void showWritten(const QString &folder, const QStringList &files);
    void showError(const QString &message);

    // How the folder is chosen; the default is QFileDialog (tests answer for it).
    using ChooseFolder = std::function<QString(const QString &current)>;
    void setChooseFolder(ChooseFolder choose) { m_choose = std::move(choose); }

    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QLineEdit *folderEdit() const { return m_folder; }
    QPushButton *chooseButton() const { return m_chooseButton; }
    QPushButton *exportButton() const { return m_export; }
    QLabel *resultLabel() const { return m_result; }
    QProgressBar *busyBar() const { return m_busy; }

signals:
    void exportRequested(const QDate &from, const QDate &to, const QString &folder);

private:
    void revalidate();

    QDateEdit *m_from, *m_to;
    QLineEdit *m_folder;
    QPushButton *m_chooseButton, *m_export;
    QLabel *m_problem, *m_result;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
    ChooseFolder m_choose;
    bool m_running = false;
};

} // namespace fieldops::widgets
