#pragma once
// Shown when the console starts with no database to open: the demo, a server (recent ones
// listed), or a new file of one's own. The dialog only asks; whoever shows it makes the
// choice real (seeds, connects, creates the schema) and either finishes the dialog or
// hands back a problem, which it shows while staying open.
#include <QDialog>
#include <functional>

class QCommandLinkButton;
class QLabel;
class QListWidget;
class QPushButton;

namespace fieldops::widgets {

class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);

    // Display URLs (no passwords), most recent first; the list hides when there are none.
    void setRecentServers(const QStringList &displayUrls);

    // Asks where the new file goes (a file dialog by default); an empty answer means the
    // user changed their mind. Tests put their own answer here.
    using FileChooser = std::function<QString(QWidget *parent)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // Shown again from File → Open another database…: cancelling keeps the console open.
    void setReopened();

    // The choice could not be made real: says why and keeps the dialog up for another try.
    void showProblem(const QString &text);

    QCommandLinkButton *demoButton() const { return m_demo; }
    QCommandLinkButton *serverButton() const { return m_server; }
    QCommandLinkButton *fileButton() const { return m_file; }
    QListWidget *recentList() const { return m_recent; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void demoRequested();
    // An empty URL: a new connection.
    void serverRequested(const QString &recentDisplayUrl);
    void fileRequested(const QString &path);

private:
    void askForFile();
    QString currentRecent() const;

    QCommandLinkButton *m_demo;
    QCommandLinkButton *m_server;
    QCommandLinkButton *m_file;
    QLabel *m_recentTitle;
    QListWidget *m_recent;
    QLabel *m_problem;
    QPushButton *m_cancel;
    FileChooser m_chooseFile;
};

} // namespace fieldops::widgets
