#pragma once
// A customer's contact persons on their page: the list (name, role, phone, email) over the
// form of the chosen one, with New, Save and Remove. Like the other record panels it holds
// no database: its owner saves and removes (signals) and gives it what was read.
#include "records/RecordRows.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {
class RecordFormWidget;

class ContactsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ContactsPanel(QWidget *parent = nullptr);

    // The contacts of `customerId` as read; the one shown stays shown when it still exists.
    void setContacts(const QString &customerId, const QVector<records::RecordRow> &contacts);
    void clear();
    // After a new contact is saved: show it once the page is read again.
    void showWhenRead(const QString &contactId) { m_wanted = contactId; }
    void setEditable(bool editable, const QString &why = {});

    QTableWidget *table() const { return m_table; }
    records::RecordFormModel *form() const { return m_form; }
    RecordFormWidget *formWidget() const { return m_formWidget; }

signals:
    void saveRequested(records::RecordFormModel *form);
    void removeRequested(const QString &contactId, int version, const QString &name);

private:
    void show(int row);
    void startNew();
    void updateButtons();

    QString m_customerId;
    QString m_wanted;
    QVector<records::RecordRow> m_contacts;
    bool m_editable = true;
    QTableWidget *m_table;
    records::RecordFormModel *m_form;
    RecordFormWidget *m_formWidget;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace fieldops::widgets
