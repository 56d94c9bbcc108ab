#include "parts/PartsText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace fieldops::parts {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PartsText)
};
} // namespace

std::vector<PartNeed> parsePartsText(const QString &text, QString *problem)
{
    std::vector<PartNeed> out;
    QSet<QString> seen;
    static const QRegularExpression item(QStringLiteral("^(?:(\\d+(?:[.,]\\d+)?)\\s*[x×*]\\s*)?(\\S+)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QStringList items = text.split(QRegularExpression(QStringLiteral("[,;\\n]")), Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const QRegularExpressionMatch m = item.match(entry);
        if (!m.hasMatch()) {
            if (problem && problem->isEmpty())
                *problem = Text::tr("\"%1\" is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)").arg(entry);
            continue;
        }
        double quantity = 1;
        if (m.capturedLength(1) > 0)
            quantity = QString(m.captured(1)).replace(QLatin1Char(','), QLatin1Char('.')).toDouble();
        const QString sku = m.captured(2);
        if (quantity <= 0) {
            if (problem && problem->isEmpty())
                *problem = Text::tr("%1: the quantity must be greater than 0").arg(sku);
            continue;
        }
        if (seen.contains(sku)) {
            if (problem && problem->isEmpty())
                *problem = Text::tr("%1 is listed twice").arg(sku);
            continue;
        }
        seen.insert(sku);
        out.push_back({sku, QString(), quantity});
    }
    return out;
}

QString partsText(const std::vector<PartNeed> &parts)
{
    QStringList items;
    for (const PartNeed &p : parts)
        items << quantityText(p.quantity) + QStringLiteral(" × ") + p.sku;
    return items.join(QStringLiteral(", "));
}

} // namespace fieldops::parts
