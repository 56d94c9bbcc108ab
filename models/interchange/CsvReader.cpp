#include "interchange/CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace fieldops::interchange {

namespace {
// 1-based line of the first byte sequence that is not UTF-8. A newline byte never occurs inside
// a multi-byte sequence, so decoding line by line finds the same fault the whole-file decoder did.
int firstNonUtf8Line(const QByteArray &bytes)
{
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        // decode() is lazy: the conversion to QString is what runs the decoder.
        const QString decoded = decoder.decode(QByteArrayView(bytes).sliced(start, end - start));
        Q_UNUSED(decoded);
        if (decoder.hasError())
            return line;
        ++line;
        start = end + 1;
    }
    return 0;
}
} // namespace

Result<QString> CsvReader::readUtf8File(const QString &path, int *errorLine)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::other(QCoreApplication::translate("interchange", "cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        if (errorLine)
            *errorLine = firstNonUtf8Line(bytes);
        return Error::invalid(QCoreApplication::translate("interchange", "is not valid UTF-8"));
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

bool CsvReader::next(CsvRecord &record)
{
    record.cells.clear();
    record.line = m_line;
    const qsizetype n = m_text.size();
    if (m_pos >= n || hasError())
        return false;

    const QChar *data = m_text.data();
    QString cell;
    for (;;) {
        // One cell per turn of this loop.
        cell.clear();
        if (m_pos < n && data[m_pos] == QLatin1Char('"')) {
            const int openedOn = m_line;
            ++m_pos;
            for (;;) {
                if (m_pos >= n) {
                    m_error = QCoreApplication::translate("interchange", "a quoted cell opened on line %1 is never closed").arg(openedOn);
                    m_errorLine = openedOn;
                    m_errorCell = int(record.cells.size());
                    return false;
                }
                const QChar c = data[m_pos];
                if (c == QLatin1Char('"')) {
                    if (m_pos + 1 < n && data[m_pos + 1] == QLatin1Char('"')) {
                        cell += QLatin1Char('"');
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    break;
                }
                if (c == QLatin1Char('\n'))
                    ++m_line;
                else if (c == QLatin1Char('\r') && !(m_pos + 1 < n && data[m_pos + 1] == QLatin1Char('\n')))
                    ++m_line; // a lone CR ends a physical line too
                cell += c;
                ++m_pos;
            }
            // After the closing quote only a separator or the end of the record may follow.
            if (m_pos < n && data[m_pos] != QLatin1Char(',') && data[m_pos] != QLatin1Char('\n')
                && data[m_pos] != QLatin1Char('\r')) {
                m_error = QCoreApplication::translate("interchange", "unexpected text after a closing quote");
                m_errorLine = m_line;
                m_errorCell = int(record.cells.size());
                return false;
            }
        } else {
            const qsizetype start = m_pos;
            while (m_pos < n) {
                const QChar c = data[m_pos];
                if (c == QLatin1Char(',') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                    break;
                if (c == QLatin1Char('"')) {
                    m_error = QCoreApplication::translate("interchange", "a quote inside an unquoted cell (quote the whole cell and double the quote)");
                    m_errorLine = m_line;
                    m_errorCell = int(record.cells.size());
                    return false;
                }
                ++m_pos;
            }
            cell = m_text.mid(start, m_pos - start).toString();
        }
        record.cells.append(cell);

        if (m_pos >= n)
            return true;
        const QChar c = data[m_pos];
        if (c == QLatin1Char(',')) {
            ++m_pos;
            continue;
        }
        // End of record: CRLF, LF or a lone CR.
        if (c == QLatin1Char('\r') && m_pos + 1 < n && data[m_pos + 1] == QLatin1Char('\n'))
            ++m_pos;
        ++m_pos;
        ++m_line;
        return true;
    }
}

} // namespace fieldops::interchange
