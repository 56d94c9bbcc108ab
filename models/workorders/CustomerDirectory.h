#pragma once
// Every customer's id, name, phone and email in memory, searched as the dispatcher types
// (the intake's type-ahead over hundreds of thousands of customers). A query matches a
// customer when each of its words occurs in the name, the id, the email or, for digits,
// the phone (ignoring its punctuation); names that start with the query rank first.
// Typing on narrows the previous answer instead of scanning everyone again.
#include <QString>
#include <QStringView>
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
    // Everyone's searchable text lies in one buffer, in name order, so a keystroke's scan
    // over the whole directory reads memory front to back instead of chasing one small
    // string per customer (which cost more than the matching itself).
    QStringView text(int i) const { return QStringView(m_text).mid(m_textAt[i], m_textAt[i + 1] - m_textAt[i] - 1); }
    QStringView name(int i) const { return text(i).left(m_nameLength[i]); }
    QStringView digits(int i) const { return QStringView(m_digits).mid(m_digitsAt[i], m_digitsAt[i + 1] - m_digitsAt[i]); }
    struct NameWord {
        qsizetype at; // in m_text
        int length;
        int index;
    };
    QStringView word(const NameWord &w) const { return QStringView(m_text).mid(w.at, w.length); }

    QVector<CustomerEntry> m_entries;
    QString m_text;               // lower-case "name id email\n" of each entry
    QVector<qsizetype> m_textAt;  // where each entry's text starts; one more at the end
    QVector<int> m_nameLength;    // the name's length at the start of its text
    QString m_digits;             // each phone's digits, one after another
    QVector<qsizetype> m_digitsAt;
    QVector<NameWord> m_nameWords; // every word of every name, sorted by word then entry
    // The last query and everyone it matched: a longer query only looks among them.
    QString m_lastQuery;
    QVector<int> m_lastMatches;
};

} // namespace fieldops::workorders
