#include "commands/SetReorderPointCommand.h"

#include "document/ScheduleDocument.h"
#include "parts/StockRepository.h"

namespace fieldops {

SetReorderPointCommand::SetReorderPointCommand(const EditTarget &target, const QString &text, const QString &sku, const QString &location,
                                               double from, double to)
    : ScheduleEditCommand(target, text), m_sku(sku), m_location(location), m_from(from), m_to(to)
{
}

Status SetReorderPointCommand::apply(bool forward)
{
    return forward ? parts::StockRepository(db()).setReorderPoint(m_sku, m_location, m_from, m_to)
                   : parts::StockRepository(db()).setReorderPoint(m_sku, m_location, m_to, m_from);
}

void SetReorderPointCommand::committed() { document()->reportRecordsWritten(QStringLiteral("stock"), {m_sku}); }

} // namespace fieldops
