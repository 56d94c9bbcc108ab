#pragma once
// tr() for the commands' free functions: every fieldops-cli text is translated in the
// "cli" context (with %n plural forms where a count is given).
#include <QCoreApplication>
#include <QString>

namespace fieldops::cli {

inline QString tr(const char *text) { return QCoreApplication::translate("cli", text); }
inline QString tr(const char *text, qsizetype n) { return QCoreApplication::translate("cli", text, nullptr, int(n)); }

} // namespace fieldops::cli
