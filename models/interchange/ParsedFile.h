#pragma once
// One CSV file of the directory after reading and cell-level validation: typed values
// per column of its spec, with the physical line each row started on.
#include "interchange/ImportReport.h"
#include "interchange/InterchangeSchema.h"

#include <QVariant>
#include <QVector>

namespace fieldops::interchange {

struct ParsedRow {
    int line = 0;
    QVector<QVariant> values; // indexed like FileSpec::columns
    bool valid = true;        // false when a cell of this row was invalid (already reported)
};

struct ParsedFile {
    const FileSpec *spec = nullptr;
    QVector<bool> present; // per spec column: was it in the header
    QVector<ParsedRow> rows;

    bool has(const QString &column) const
    {
        const int i = spec->indexOf(column);
        return i >= 0 && present.at(i);
    }
};

// Collects issues up to ImportOptions::maxIssues.
class IssueSink {
public:
    explicit IssueSink(int limit) : m_limit(limit) {}
    void add(ImportIssue issue)
    {
        if (m_issues.size() < m_limit)
            m_issues.append(std::move(issue));
        else
            m_overflow = true;
    }
    bool full() const { return m_issues.size() >= m_limit; }
    bool isEmpty() const { return m_issues.isEmpty() && !m_overflow; }
    QList<ImportIssue> &issues() { return m_issues; }

private:
    int m_limit;
    QList<ImportIssue> m_issues;
    bool m_overflow = false;
};

} // namespace fieldops::interchange
