#pragma once
// A line edit that offers matches as the user types (customers by name, phone, email or
// id): the owner answers each query with suggestions, shown in a popup in the order
// given; arrow keys and Enter or a click choose one. Filtering is the owner's (the
// suggestions may match on fields the text does not show), so the popup shows the
// suggestions unfiltered.
#include <QLineEdit>
#include <QVector>

class QCompleter;
class QStandardItemModel;

namespace fieldops::widgets {

struct Suggestion {
    QString id;
    QString text;   // what the field shows once chosen
    QString detail; // shown after the text in the popup (phone, email)
};

class TypeAheadField : public QLineEdit {
    Q_OBJECT
public:
    explicit TypeAheadField(QWidget *parent = nullptr);

    // The answer to the last queryChanged(); opens the popup when there is any.
    void setSuggestions(const QVector<Suggestion> &suggestions);
    // Shows `text` as chosen without asking for suggestions.
    void setChosen(const QString &id, const QString &text);
    QString chosenId() const { return m_chosenId; }
    int suggestionCount() const;

signals:
    void queryChanged(const QString &text);
    void chosen(const QString &id, const QString &text);
    void cleared();

private:
    QCompleter *m_completer;
    QStandardItemModel *m_model;
    QString m_chosenId;
};

} // namespace fieldops::widgets
