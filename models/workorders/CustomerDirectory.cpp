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
    // Kept in name order, so every match list is already alphabetical and a search only
    // has to pick the first ones of each rank, never sort.
    std::sort(m_entries.begin(), m_entries.end(), [](const CustomerEntry &a, const CustomerEntry &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
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
    // Per word, computed once: whether it is written like a phone number (digits and
    // + ( ) - . / only) and its digits; and, for ranking, " word".
    QStringList digits;
    QVector<bool> phoneLike;
    for (const QString &w : words) {
        digits << digitsOf(w);
        phoneLike << std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit() || QStringLiteral("+()-./").contains(c); });
    }
    const QString wordStart = QLatin1Char(' ') + words.front();
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
    // Names starting with the query first, then names with a word starting with it,
    // then the rest; alphabetical within each (the entries are in name order).
    const auto rank = [&](int i) {
        const QString &n = m_hay[i].name;
        if (n.startsWith(q))
            return 0;
        if (n.contains(wordStart))
            return 1;
        return 2;
    };
    QVector<int> best[3];
    for (int i : std::as_const(found)) {
        const int r = rank(i);
        if (best[r].size() < limit)
            best[r].push_back(i);
        if (best[0].size() >= limit)
            break; // the rest can only rank after these
    }
    QVector<int> result = best[0];
    for (int r = 1; r < 3 && result.size() < limit; ++r)
        result += best[r].mid(0, limit - result.size());
    m_lastQuery = q;
    m_lastMatches = std::move(found);
    return result;
}

} // namespace fieldops::workorders
