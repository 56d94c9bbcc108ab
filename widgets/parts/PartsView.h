#pragma once
// The "Parts" tab: the stock at every warehouse and van (on hand, reserved for open work
// orders, available, reorder point), filtered by location or to the reorder list (only
// what is below its reorder point, with the shortfall), sorted by any column. Rows below
// their reorder point are in the warning colour. A reorder point is changed in place
// (double-click or F2) when the role may; Transfer… asks for a move of stock. The view
// only shows and asks; its owner reads and writes.
#include "parts/StockSnapshot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace fieldops::parts {
class StockFilterProxy;
class StockTableModel;
}

namespace fieldops::widgets {

class PartsView : public QWidget {
    Q_OBJECT
public:
    explicit PartsView(QWidget *parent = nullptr);

    parts::StockTableModel *stockModel() const { return m_model; }
    parts::StockFilterProxy *filterModel() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QComboBox *locationFilter() const { return m_location; }
    QCheckBox *reorderOnlyBox() const { return m_reorderOnly; }
    QPushButton *transferButton() const { return m_transfer; }

    void setSnapshot(const parts::StockSnapshot &snapshot);
    // What the role may change; `why` says what it may not, under the table.
    void setPermissions(bool mayEditReorderPoints, bool mayTransfer, const QString &why);
    // The part and location of the selected row (empty when none).
    QString selectedSku() const;
    QString selectedLocation() const;
    void showProblem(const QString &message);
    void showStatus(const QString &message);

signals:
    // Transfer… pressed: the owner opens the dialog (on the selected row's part and place).
    void transferRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();
    parts::StockTableModel *m_model;
    parts::StockFilterProxy *m_proxy;
    QComboBox *m_location;
    QCheckBox *m_reorderOnly;
    QPushButton *m_transfer;
    QLabel *m_count;
    QTableView *m_table;
    QLabel *m_note;
    QLabel *m_message;
};

} // namespace fieldops::widgets
