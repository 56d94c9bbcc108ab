#include "workorders/CustomerDirectory.h"

#include <QStringList>
#include <algorithm>
#include <numeric>

namespace fieldops::workorders {

namespace {

QString digitsOf(const QString &text)
{
    QString d;
    for (QChar c : text)
        if (c.isDigit())
            d += c;
    return d;
}

} // namespace

CustomerDirectory::CustomerDirectory(QVector<CustomerEntry> customers) : m_entries(std::move(customers))
{
    // Kept in name order, so every match list is already alphabetical and a search only
    // has to pick the first ones of each rank, never sort.
    QVector<Haystack> hay;
    hay.reserve(m_entries.size());
    for (const CustomerEntry &e : m_entries) {
        const QString name = e.name.toCaseFolded();
        hay.push_back({name + QLatin1Char(' ') + e.id.toCaseFolded() + QLatin1Char(' ') + e.email.toCaseFolded(), digitsOf(e.phone), name});
    }
    QVector<int> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return hay[a].name != hay[b].name ? hay[a].name < hay[b].name : m_entries[a].id < m_entries[b].id;
    });
    QVector<CustomerEntry> entries;
    entries.reserve(order.size());
    m_hay.reserve(order.size());
    for (int i : order) {
        entries.push_back(std::move(m_entries[i]));
        m_hay.push_back(std::move(hay[i]));
    }
    m_entries = std::move(entries);
    // Every word of every name, sorted: the names with a word starting with what was typed
    // are a range here, found without looking at everyone.
    for (int i = 0; i < int(m_hay.size()); ++i)
        for (const QString &w : m_hay[i].name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            m_nameWords.push_back({w, i});
    std::sort(m_nameWords.begin(), m_nameWords.end());
}

int CustomerDirectory::indexOf(const QString &id) const
{
    for (int i = 0; i < int(m_entries.size()); ++i)
        if (m_entries[i].id == id)
            return i;
    return -1;
}

QVector<int> CustomerDirectory::search(const QString &query, int limit)
{
    const QString q = query.simplified().toCaseFolded();
    if (q.isEmpty()) {
        m_lastQuery.clear();
        m_lastMatches.clear();
        return {};
    }
    const QStringList words = q.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Per word, computed once: whether it is written like a phone number (digits and
    // + ( ) - . / only) and its digits.
    QStringList digits;
    QVector<bool> phoneLike;
    for (const QString &w : words) {
        digits << digitsOf(w);
        phoneLike << std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit() || QStringLiteral("+()-./").contains(c); });
    }
    const auto matches = [&](int i) {
        const Haystack &h = m_hay[i];
        for (qsizetype k = 0; k < words.size(); ++k) {
            if (h.text.contains(words[k]))
                continue;
            // "3456-7" finds "+55 11 3456-7890" (and "(" alone every phone). Every rule here
            // only narrows as the query grows, which lets search() look among the last
            // matches alone.
            if (phoneLike[k] && !h.digits.isEmpty() && h.digits.contains(digits[k]))
                continue;
            return false;
        }
        return true;
    };
    QVector<int> found;
    // Every match of the longer query is a match of the shorter one it extends.
    if (!m_lastQuery.isEmpty() && q.startsWith(m_lastQuery)) {
        for (int i : std::as_const(m_lastMatches))
            if (matches(i))
                found.push_back(i);
    } else {
        for (int i = 0; i < int(m_hay.size()); ++i)
            if (matches(i))
                found.push_back(i);
    }
    // Names starting with the query first, then names with a word starting with its first
    // word, then the rest; alphabetical within each (the entries are in name order, and
    // `found` is in index order). The first two come from the word index.
    const QString &first = words.front();
    QVector<int> candidates;
    for (auto it = std::lower_bound(m_nameWords.begin(), m_nameWords.end(), qMakePair(first, -1));
         it != m_nameWords.end() && it->first.startsWith(first); ++it)
        candidates.push_back(it->second);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    QVector<int> starts, wordStarts;
    for (int i : std::as_const(candidates)) {
        if (!std::binary_search(found.begin(), found.end(), i))
            continue; // a later word of the query is missing
        QVector<int> &bucket = m_hay[i].name.startsWith(q) ? starts : wordStarts;
        if (bucket.size() < limit)
            bucket.push_back(i);
        if (starts.size() >= limit)
            break; // the rest can only rank after these
    }
    QVector<int> result = starts;
    result += wordStarts.mid(0, limit - result.size());
    for (qsizetype k = 0; k < found.size() && result.size() < limit; ++k)
        if (!std::binary_search(candidates.begin(), candidates.end(), found[k]))
            result.push_back(found[k]);
    m_lastQuery = q;
    m_lastMatches = std::move(found);
    return result;
}

} // namespace fieldops::workorders
