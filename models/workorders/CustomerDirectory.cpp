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

// Whether `needle` occurs in `hay`. QString::contains runs a rolling hash over every
// character for short needles; jumping between occurrences of the first character
// (a vectorised scan) and comparing the rest there is several times faster on the short
// words a dispatcher types, and every keystroke runs it over the whole directory.
bool occurs(QStringView hay, QStringView needle)
{
    const qsizetype last = hay.size() - needle.size();
    if (needle.isEmpty())
        return true;
    const QChar first = needle.front();
    const QStringView rest = needle.mid(1);
    for (qsizetype at = hay.indexOf(first); at >= 0 && at <= last; at = hay.indexOf(first, at + 1))
        if (hay.mid(at + 1, rest.size()) == rest)
            return true;
    return false;
}

} // namespace

CustomerDirectory::CustomerDirectory(QVector<CustomerEntry> customers) : m_entries(std::move(customers))
{
    // Kept in name order, so every match list is already alphabetical and a search only
    // has to pick the first ones of each rank, never sort.
    QVector<QString> names;
    names.reserve(m_entries.size());
    for (const CustomerEntry &e : std::as_const(m_entries))
        names.push_back(e.name.toCaseFolded());
    QVector<int> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return names[a] != names[b] ? names[a] < names[b] : m_entries[a].id < m_entries[b].id;
    });
    QVector<CustomerEntry> entries;
    entries.reserve(order.size());
    m_textAt.reserve(order.size() + 1);
    m_nameLength.reserve(order.size());
    m_digitsAt.reserve(order.size() + 1);
    for (int i : std::as_const(order)) {
        CustomerEntry &e = m_entries[i];
        m_textAt.push_back(m_text.size());
        m_nameLength.push_back(int(names[i].size()));
        m_text += names[i] + QLatin1Char(' ') + e.id.toCaseFolded() + QLatin1Char(' ') + e.email.toCaseFolded() + QLatin1Char('\n');
        m_digitsAt.push_back(m_digits.size());
        m_digits += digitsOf(e.phone);
        entries.push_back(std::move(e));
    }
    m_textAt.push_back(m_text.size());
    m_digitsAt.push_back(m_digits.size());
    m_entries = std::move(entries);
    // Every word of every name, sorted: the names with a word starting with what was typed
    // are a range here, found without looking at everyone.
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const QStringView n = name(i);
        for (qsizetype start = 0; start < n.size();) {
            qsizetype end = n.indexOf(QLatin1Char(' '), start);
            if (end < 0)
                end = n.size();
            if (end > start)
                m_nameWords.push_back({m_textAt[i] + start, int(end - start), i});
            start = end + 1;
        }
    }
    std::sort(m_nameWords.begin(), m_nameWords.end(), [this](const NameWord &a, const NameWord &b) {
        const int c = word(a).compare(word(b));
        return c != 0 ? c < 0 : a.index < b.index;
    });
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
    QStringList wordDigits;
    QVector<bool> phoneLike;
    for (const QString &w : words) {
        wordDigits << digitsOf(w);
        phoneLike << std::all_of(w.begin(), w.end(), [](QChar c) { return c.isDigit() || QStringLiteral("+()-./").contains(c); });
    }
    const auto matches = [&](int i) {
        const QStringView t = text(i);
        for (qsizetype k = 0; k < words.size(); ++k) {
            if (occurs(t, words[k]))
                continue;
            // "3456-7" finds "+55 11 3456-7890" (and "(" alone every phone). Every rule here
            // only narrows as the query grows, which lets search() look among the last
            // matches alone.
            if (phoneLike[k] && !digits(i).isEmpty() && occurs(digits(i), wordDigits[k]))
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
        for (int i = 0; i < int(m_entries.size()); ++i)
            if (matches(i))
                found.push_back(i);
    }
    // Names starting with the query first, then names with a word starting with its first
    // word, then the rest; alphabetical within each (the entries are in name order, and
    // `found` is in index order). The first two come from the word index.
    const QString &first = words.front();
    QVector<int> candidates;
    auto it = std::lower_bound(m_nameWords.begin(), m_nameWords.end(), QStringView(first),
                               [this](const NameWord &w, QStringView key) { return word(w).compare(key) < 0; });
    for (; it != m_nameWords.end() && word(*it).startsWith(first); ++it)
        candidates.push_back(it->index);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    QVector<int> starts, wordStarts;
    for (int i : std::as_const(candidates)) {
        if (!std::binary_search(found.begin(), found.end(), i))
            continue; // a later word of the query is missing
        QVector<int> &bucket = name(i).startsWith(q) ? starts : wordStarts;
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
