#include "parts/TransferFormModel.h"

#include "parts/QuantityInput.h"

#include <QLocale>

namespace fieldops::parts {

namespace {
constexpr double kEpsilon = 1e-9;

QString number(double value) { return QLocale().toString(value, 'f', QLocale::FloatingPointShortest); }
} // namespace

TransferFormModel::TransferFormModel(QObject *parent) : QObject(parent) { check(); }

void TransferFormModel::start(const StockSnapshot &snapshot, const QString &sku, const QString &from)
{
    m_snapshot = snapshot;
    m_sku = sku;
    m_from = from;
    m_to.clear();
    m_quantityText.clear();
    check();
}

void TransferFormModel::setSnapshot(const StockSnapshot &snapshot)
{
    m_snapshot = snapshot;
    check();
}

void TransferFormModel::setSku(const QString &sku)
{
    if (m_sku == sku)
        return;
    m_sku = sku;
    check();
}

void TransferFormModel::setFrom(const QString &location)
{
    if (m_from == location)
        return;
    m_from = location;
    check();
}

void TransferFormModel::setTo(const QString &location)
{
    if (m_to == location)
        return;
    m_to = location;
    check();
}

void TransferFormModel::setQuantityText(const QString &text)
{
    if (m_quantityText == text)
        return;
    m_quantityText = text;
    check();
}

QString TransferFormModel::sourceNote() const
{
    if (m_sku.isEmpty() || m_from.isEmpty())
        return {};
    const StockLevel *level = m_snapshot.levelAt(m_sku, m_from);
    if (!level || level->quantity < kEpsilon)
        return {}; // the field's problem says it holds none
    if (level->reserved > kEpsilon)
        return tr("%1 on hand there, %2 of them reserved for open work orders.").arg(number(level->quantity), number(level->reserved));
    return tr("%1 on hand there.").arg(number(level->quantity));
}

TransferRequest TransferFormModel::request() const
{
    TransferRequest r{m_sku, m_from, m_to, 0};
    (void)parseQuantity(m_quantityText, &r.quantity);
    return r;
}

void TransferFormModel::check()
{
    m_issues.clear();
    bool knownPart = false;
    for (const PartEntry &p : m_snapshot.parts)
        knownPart = knownPart || p.sku == m_sku;
    if (m_sku.isEmpty())
        m_issues.insert(QStringLiteral("sku"), tr("Choose the part to move."));
    else if (!knownPart)
        m_issues.insert(QStringLiteral("sku"), tr("There is no part %1.").arg(m_sku));

    const StockLevel *source = m_sku.isEmpty() || m_from.isEmpty() ? nullptr : m_snapshot.levelAt(m_sku, m_from);
    if (m_from.isEmpty())
        m_issues.insert(QStringLiteral("from"), tr("Choose where the part comes from."));
    else if (knownPart && (!source || source->quantity < kEpsilon))
        m_issues.insert(QStringLiteral("from"), tr("%1 holds no %2.").arg(m_snapshot.labelOf(m_from), m_sku));

    if (m_to.isEmpty())
        m_issues.insert(QStringLiteral("to"), tr("Choose where the part goes."));
    else if (m_to == m_from)
        m_issues.insert(QStringLiteral("to"), tr("The part is already there: choose another place."));

    double quantity = 0;
    if (m_quantityText.trimmed().isEmpty())
        m_issues.insert(QStringLiteral("quantity"), tr("Type how many to move."));
    else if (!parseQuantity(m_quantityText, &quantity))
        m_issues.insert(QStringLiteral("quantity"), tr("\"%1\" is not a number.").arg(m_quantityText.trimmed()));
    else if (quantity <= 0)
        m_issues.insert(QStringLiteral("quantity"), tr("Move more than 0."));
    else if (source && source->quantity >= kEpsilon && quantity > source->quantity + kEpsilon)
        m_issues.insert(QStringLiteral("quantity"),
                        tr("%1 holds %2 of %3, fewer than %4.").arg(m_snapshot.labelOf(m_from), number(source->quantity), m_sku, number(quantity)));
    emit changed();
}

} // namespace fieldops::parts
