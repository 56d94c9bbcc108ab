#include "commands/TransferStockCommand.h"

#include "document/ScheduleDocument.h"
#include "parts/StockRepository.h"

namespace fieldops {

TransferStockCommand::TransferStockCommand(const EditTarget &target, const QString &text, const parts::TransferRequest &request)
    : ScheduleEditCommand(target, text), m_request(request)
{
}

TransferStockCommand *TransferStockCommand::alreadyApplied(const EditTarget &target, const QString &text, const parts::TransferRequest &request)
{
    auto *command = new TransferStockCommand(target, text, request);
    command->m_skipNextRedo = true;
    return command;
}

parts::TransferRequest TransferStockCommand::reversed(const parts::TransferRequest &request)
{
    return {request.sku, request.to, request.from, request.quantity};
}

Status TransferStockCommand::apply(bool forward)
{
    if (forward && m_skipNextRedo) {
        m_skipNextRedo = false;
        return {};
    }
    auto done = parts::StockRepository(db()).transferWithin(forward ? m_request : reversed(m_request), document()->now());
    if (!done)
        return done.error();
    return {};
}

void TransferStockCommand::committed()
{
    document()->reportRecordsWritten(QStringLiteral("stock"), {m_request.sku});
    document()->reportRecordsWritten(QStringLiteral("stock_transfers"), {m_request.sku});
}

} // namespace fieldops
