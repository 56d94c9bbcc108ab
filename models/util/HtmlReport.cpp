#include "util/HtmlReport.h"

#include <QBuffer>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace fieldops::html {

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString cell(const QString &text, bool right)
{
    return right ? QStringLiteral("<td align=\"right\">%1</td>").arg(esc(text)) : QStringLiteral("<td>%1</td>").arg(esc(text));
}

QString headRow(const QStringList &titles)
{
    QString row = QStringLiteral("<tr>");
    for (const QString &t : titles)
        row += QStringLiteral("<th bgcolor=\"#e8e8e8\" align=\"left\">%1</th>").arg(esc(t));
    return row + QStringLiteral("</tr>");
}

QString table(const QStringList &titles, const QString &rows)
{
    // 99 %: at 100 % the border's pixels overflow a text browser's viewport.
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"99%\">") + headRow(titles) + rows
        + QStringLiteral("</table>");
}

QByteArray pdf(const QString &html, const QString &title)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("FieldOps"));
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&writer);
    }
    return bytes;
}

} // namespace fieldops::html
