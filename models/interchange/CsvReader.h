#pragma once
// RFC 4180 reader over text already in memory: quoted cells with doubled quotes, commas and
// line breaks inside quotes, CRLF or LF records. Each record carries the PHYSICAL line it
// starts on (a quoted cell spanning lines counts every line), because error messages must
// point at the line a user sees in an editor.
#include "util/Result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace fieldops::interchange {

struct CsvRecord {
    int line = 0; // 1-based physical line the record starts on
    QStringList cells;
    bool isBlank() const { return cells.size() == 1 && cells.first().isEmpty(); }
};

class CsvReader {
public:
    // The view must outlive the reader.
    explicit CsvReader(QStringView text) : m_text(text) {}

    // Reads a whole file as UTF-8 (an initial BOM is dropped); invalid UTF-8 is an error, and
    // *errorLine (when given) is then the physical line holding the first bad byte.
    static Result<QString> readUtf8File(const QString &path, int *errorLine = nullptr);

    // False at the end of the text or on a malformed record (then hasError()).
    bool next(CsvRecord &record);
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    int errorCell() const { return m_errorCell; } // 0-based index of the cell at fault

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
    int m_errorLine = 0;
    int m_errorCell = 0;
};

} // namespace fieldops::interchange
