#include "interchange/CsvWriter.h"

namespace fieldops::interchange {

QString CsvWriter::formatCell(const QString &cell)
{
    bool quote = !cell.isEmpty() && (cell.front().isSpace() || cell.back().isSpace());
    for (const QChar c : cell) {
        if (quote)
            break;
        quote = c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
    }
    if (!quote)
        return cell;
    QString out;
    out.reserve(cell.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : cell) {
        if (c == QLatin1Char('"'))
            out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString CsvWriter::formatRecord(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            line += QLatin1Char(',');
        line += formatCell(cells.at(i));
    }
    line += QStringLiteral("\r\n");
    return line;
}

} // namespace fieldops::interchange
