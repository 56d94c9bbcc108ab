#include "storage/SqlScript.h"

namespace fieldops {

QStringList splitSqlScript(const QString &script)
{
    QStringList out;
    QString current;
    bool inTrigger = false;
    bool inDollar = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (!inDollar && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        if (!inDollar && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive)
            && !line.contains(QLatin1String("EXECUTE FUNCTION"), Qt::CaseInsensitive))
            inTrigger = true;
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        current += raw + QLatin1Char('\n');
        if (inDollar)
            continue;
        const bool ends = line.endsWith(QLatin1Char(';'));
        if (inTrigger) {
            if (line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0) {
                inTrigger = false;
                out << current.trimmed();
                current.clear();
            }
            continue;
        }
        if (ends) {
            QString stmt = current.trimmed();
            stmt.chop(1);
            out << stmt;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace fieldops
