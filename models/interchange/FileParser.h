#pragma once
// Reads one CSV file against its spec: header checks (required columns present, unknown
// ones warned about), then every row's cells typed and range-checked.
#include "interchange/CellCodec.h"
#include "interchange/ParsedFile.h"

namespace fieldops::interchange {

// Returns false when the file could not be read at all (the reason is in `issues`).
bool parseCsvFile(const FileSpec &spec, const QString &path, const CellCodec &codec, ParsedFile &out,
                  IssueSink &issues, QStringList &warnings);

} // namespace fieldops::interchange
