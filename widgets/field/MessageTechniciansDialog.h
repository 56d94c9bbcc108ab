#pragma once
// A dispatcher's free text to one or several technicians' phones (through the outbox):
// the technicians to tick, filtered by typing, and the message. Send stays disabled until
// someone is ticked and something is written; sending is the owner's job.
#include <QDialog>
#include <QPair>
#include <QStringList>
#include <QVector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace fieldops::widgets {

class MessageTechniciansDialog : public QDialog {
    Q_OBJECT
public:
    // `technicians`: (id, name) in the order shown; `preselected`: ids ticked at first.
    MessageTechniciansDialog(const QVector<QPair<QString, QString>> &technicians, const QStringList &preselected,
                             QWidget *parent = nullptr);

    QStringList chosen() const;
    QString text() const;
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *filterEdit() const { return m_filter; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    void showRefusal(const QString &message);

signals:
    void sendRequested();

private:
    void changed();
    QLineEdit *m_filter;
    QListWidget *m_list;
    QPlainTextEdit *m_text;
    QLabel *m_refusal;
    QDialogButtonBox *m_buttons;
};

} // namespace fieldops::widgets
