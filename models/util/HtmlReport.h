#pragma once
// The pieces of the printable reports (the billing statement, a work order's story): HTML
// cells and tables in one look, and a report laid out by QTextDocument on an A4 PDF. The
// PDF needs a QGuiApplication (the CLI makes one, offscreen).
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fieldops::html {

QString esc(const QString &s);
// A table cell holding `text` (escaped), right-aligned for figures.
QString cell(const QString &text, bool right = false);
// A header row of `titles`.
QString headRow(const QStringList &titles);
// A full-width bordered table: the header row of `titles`, then `rows` (<tr> … </tr>).
QString table(const QStringList &titles, const QString &rows);
// `html` on A4 pages at 300 dpi, with `title` in the PDF's metadata.
QByteArray pdf(const QString &html, const QString &title);

} // namespace fieldops::html
