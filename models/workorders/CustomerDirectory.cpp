#include "workorders/CustomerDirectory.h"

#include <QStringList>
#include <algorithm>

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
    m_hay.reserve(m_entries.size());
    for (const CustomerEntry &e : m_entries) {
        const QString name = e.name.toCaseFolded();
        m_hay.push_back({name + QLatin1Char(' ') + e.id.toCaseFolded() + QLatin1Char(' ') + e.email.toCaseFolded(),
                         digitsOf(e.phone), name});
    }
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
    // Per word, computed once: its digits (for phones) and, for ranking, " word".
    QStringList digits;
    for (const QString &w : words)
        digits << digitsOf(w);
    const QString wordStart = QLatin1Char(' ') + words.front();
    const auto matches = [&](int i) {
        const Haystack &h = m_hay[i];
        for (qsizetype k = 0; k < words.size(); ++k) {
            if (h.text.contains(words[k]))
                continue;
            // "3456-7" finds "+55 11 3456-7890". Every rule here only narrows as the query
            // grows, which is what lets search() look among the last matches alone.
            if (!digits[k].isEmpty() && h.digits.contains(digits[k]))
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
    m_lastQuery = q;
    m_lastMatches = found;
    // Names starting with the query first, then names with a word starting with it,
    // then the rest; alphabetical within each.
    const auto rank = [&](int i) {
        const QString &n = m_hay[i].name;
        if (n.startsWith(q))
            return 0;
        if (n.contains(wordStart))
            return 1;
        return 2;
    };
    QVector<QPair<int, int>> ranked; // (rank, index), the rank computed once per match
    ranked.reserve(found.size());
    for (int i : std::as_const(found))
        ranked.push_back({rank(i), i});
    const int n = std::min<int>(limit, int(ranked.size()));
    std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end(), [&](const QPair<int, int> &a, const QPair<int, int> &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return m_hay[a.second].name < m_hay[b.second].name;
    });
    for (int k = 0; k < n; ++k)
        found[k] = ranked[k].second;
    found.resize(n);
    return found;
}

} // namespace fieldops::workorders
