#pragma once
// The Transfer dialog's fields and what is wrong with each as it is typed: the part, where
// it comes from, where it goes and how many. Checked against the stock as the tab last
// read it (the source must hold the part and at least the quantity); the repository checks
// again when moving, and its refusal is shown as the dialog's problem.
#include "parts/StockSnapshot.h"

#include <QHash>
#include <QObject>

namespace fieldops::parts {

class TransferFormModel : public QObject {
    Q_OBJECT
public:
    explicit TransferFormModel(QObject *parent = nullptr);

    // The stock the checks go by, and the fields' first values (a row chosen in the table).
    void start(const StockSnapshot &snapshot, const QString &sku = {}, const QString &from = {});
    // Newer figures (another console moved stock meanwhile): the fields stay.
    void setSnapshot(const StockSnapshot &snapshot);
    const StockSnapshot &snapshot() const { return m_snapshot; }

    void setSku(const QString &sku);
    void setFrom(const QString &location);
    void setTo(const QString &location);
    void setQuantityText(const QString &text);

    QString sku() const { return m_sku; }
    QString from() const { return m_from; }
    QString to() const { return m_to; }
    QString quantityText() const { return m_quantityText; }
    // What is wrong with `field` ("sku", "from", "to", "quantity"); empty when nothing.
    QString issue(const QString &field) const { return m_issues.value(field); }
    bool canSave() const { return m_issues.isEmpty(); }
    // What the source holds of the part, in words ("4 on hand, 2 of them reserved").
    QString sourceNote() const;
    // The transfer the fields describe (valid when canSave()).
    TransferRequest request() const;

signals:
    void changed();

private:
    void check();
    StockSnapshot m_snapshot;
    QString m_sku;
    QString m_from;
    QString m_to;
    QString m_quantityText;
    QHash<QString, QString> m_issues;
};

} // namespace fieldops::parts
