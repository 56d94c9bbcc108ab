#include "interchange/FileParser.h"

#include "interchange/CsvReader.h"

#include <QCoreApplication>
#include <QHash>

namespace fieldops::interchange {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};
} // namespace

bool parseCsvFile(const FileSpec &spec, const QString &path, const CellCodec &codec, ParsedFile &out,
                  IssueSink &issues, QStringList &warnings)
{
    out.spec = &spec;
    out.present = QVector<bool>(spec.columns.size(), false);
    out.rows.clear();

    int badLine = 0;
    auto text = CsvReader::readUtf8File(path, &badLine);
    if (!text) {
        issues.add({spec.fileName, badLine, {}, text.error().message});
        return false;
    }
    CsvReader reader(*text);
    CsvRecord header;
    if (!reader.next(header)) {
        if (reader.hasError()) {
            issues.add({spec.fileName, reader.errorLine(), {}, reader.errorString()});
            return false;
        }
        warnings << Text::tr("%1: the file is empty and was skipped").arg(spec.fileName);
        return true;
    }

    // Header cell index → spec column index (-1: unknown, ignored).
    QVector<int> map(header.cells.size(), -1);
    QHash<QString, int> seen;
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString name = header.cells.at(i).trimmed();
        if (seen.contains(name)) {
            issues.add({spec.fileName, header.line, name, Text::tr("the column appears twice in the header")});
            continue;
        }
        seen.insert(name, i);
        const int c = spec.indexOf(name);
        if (c < 0) {
            warnings << Text::tr("%1: column \"%2\" is unknown and was ignored").arg(spec.fileName, name);
            continue;
        }
        map[i] = c;
        out.present[c] = true;
    }
    bool headerOk = true;
    for (int c = 0; c < spec.columns.size(); ++c) {
        if (spec.columns.at(c).required && !out.present.at(c)) {
            issues.add({spec.fileName, header.line, spec.columns.at(c).name, Text::tr("the required column is missing")});
            headerOk = false;
        }
    }
    if (!headerOk)
        return true;

    // Columns absent from the header take their default, exactly like an empty cell.
    QVector<QVariant> absentDefaults(spec.columns.size());
    for (int c = 0; c < spec.columns.size(); ++c) {
        if (out.present.at(c))
            continue;
        QString error;
        if (!codec.parse(spec.columns.at(c), QString(), absentDefaults[c], error))
            issues.add({spec.fileName, header.line, spec.columns.at(c).name, error});
    }

    CsvRecord rec;
    while (reader.next(rec)) {
        if (rec.isBlank())
            continue;
        ParsedRow row;
        row.line = rec.line;
        if (rec.cells.size() != header.cells.size()) {
            issues.add({spec.fileName, rec.line, {},
                        Text::tr("the row has %1 cells but the header has %2").arg(rec.cells.size()).arg(header.cells.size())});
            row.valid = false;
            out.rows.append(std::move(row));
            if (issues.full())
                return true;
            continue;
        }
        row.values = absentDefaults;
        for (int i = 0; i < rec.cells.size(); ++i) {
            const int c = map.at(i);
            if (c < 0)
                continue;
            QString error;
            if (!codec.parse(spec.columns.at(c), rec.cells.at(i), row.values[c], error)) {
                issues.add({spec.fileName, rec.line, spec.columns.at(c).name, error});
                row.valid = false;
            }
        }
        out.rows.append(std::move(row));
        if (issues.full())
            return true;
    }
    if (reader.hasError()) {
        const int cell = reader.errorCell();
        const QString column = cell < header.cells.size() ? header.cells.at(cell).trimmed() : QString();
        issues.add({spec.fileName, reader.errorLine(), column, reader.errorString()});
    }
    return true;
}

} // namespace fieldops::interchange
