#pragma once
// Splits a migration script into statements for drivers that run one at a time
// (QSQLITE). A statement ends with ';' at the end of a line, except inside a
// CREATE TRIGGER … END; body or a $$-quoted function body.
#include <QStringList>

namespace fieldops {
QStringList splitSqlScript(const QString &script);
}
