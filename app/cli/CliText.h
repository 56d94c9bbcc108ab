#pragma once
// The translation context of every fieldops-cli text ("cli"), declared so lupdate files the
// commands' free functions' texts there: CliText::tr("…"), and CliText::tr("%n …(s)", nullptr,
// count(n)) where a count is given.
#include <QCoreApplication>
#include <QString>

namespace fieldops::cli {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

// Sizes are qsizetype; Qt's plural argument is an int.
inline int count(qsizetype n) { return int(n); }

} // namespace fieldops::cli
