#pragma once
// Every customer's id, name, phone and email in memory, searched as the dispatcher types
// (the intake's type-ahead over hundreds of thousands of customers). A query matches a
// customer when each of its words occurs in the name, the id, the email or, for digits,
// the phone (ignoring its punctuation); names that start with the query rank first.
// Typing on narrows the previous answer instead of scanning everyone again.
#include <QPair>
#include <QString>
#include <QVector>

namespace fieldops::workorders {

struct CustomerEntry {
    QString id;
    QString name;
    QString phone;
    QString email;
};

class CustomerDirectory {
public:
    CustomerDirectory() = default;
    explicit CustomerDirectory(QVector<CustomerEntry> customers);

    int size() const { return int(m_entries.size()); }
    const CustomerEntry &at(int index) const { return m_entries[index]; }
    int indexOf(const QString &id) const;

    // Indices of the best `limit` matches, best first; an empty query matches nobody.
    QVector<int> search(const QString &query, int limit = 50);

private:
    struct Haystack {
        QString text;   // lower-case "name id email"
        QString digits; // the phone's digits
        QString name;   // lower-case name, for ranking
    };
    QVector<CustomerEntry> m_entries;
    QVector<Haystack> m_hay;
    QVector<QPair<QString, int>> m_nameWords; // (lower-case word of a name, index), sorted
    // The last query and everyone it matched: a longer query only looks among them.
    QString m_lastQuery;
    QVector<int> m_lastMatches;
};

} // namespace fieldops::workorders
