#pragma once
// A checkable list bound to one list field of a record form (a contract's covered sites
// or assets): ticking an item writes the whole list, and the field's problem shows under
// it. Items can carry a mark (an asset under warranty).
#include "contracts/ContractPage.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {

class CoverageList : public QWidget {
    Q_OBJECT
public:
    CoverageList(records::RecordFormModel *model, QString field, const QString &title, QWidget *parent = nullptr);

    // `today` decides the warranty marks.
    void setItems(const QVector<contracts::PickItem> &items, const QDate &today);
    QListWidget *list() const { return m_list; }
    void setReadOnly(bool readOnly);

private:
    void refresh();
    records::RecordFormModel *m_model;
    QString m_field;
    QListWidget *m_list;
    QLabel *m_issue;
    bool m_refreshing = false;
};

} // namespace fieldops::widgets
