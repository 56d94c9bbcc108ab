#pragma once
// RFC 4180 writer: CRLF record ends, a cell is quoted only when it holds a comma, a quote,
// a line break or leading/trailing spaces (so readers that trim still see the value).
#include <QByteArray>
#include <QStringList>

namespace fieldops::interchange {

class CsvWriter {
public:
    static QString formatCell(const QString &cell);
    static QString formatRecord(const QStringList &cells); // with the trailing CRLF

    void addRecord(const QStringList &cells) { m_text += formatRecord(cells); }
    QByteArray toUtf8() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

} // namespace fieldops::interchange
