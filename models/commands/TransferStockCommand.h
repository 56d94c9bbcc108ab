#pragma once
// Stock moved between two locations as one undo step. The move itself is
// StockRepository::transfer (both stock rows and a stock_transfers record); undo moves
// the same quantity back as a transfer of its own, so the movement log keeps both, and
// redo moves it again. A direction the stock no longer allows (the parts were used or
// moved on meanwhile) is refused in words, nothing is written and the step is dropped.
#include "commands/ScheduleEditCommand.h"
#include "parts/Stock.h"

namespace fieldops {

class TransferStockCommand : public ScheduleEditCommand {
public:
    // `text` names the step for Edit → Undo ("Move 2 × F-100 to Van of Bruno Lima").
    TransferStockCommand(const EditTarget &target, const QString &text, const parts::TransferRequest &request);
    // For a transfer already made on the session's worker: the first redo() only reports it.
    static TransferStockCommand *alreadyApplied(const EditTarget &target, const QString &text, const parts::TransferRequest &request);

    const parts::TransferRequest &request() const { return m_request; }
    // The request the other way round: what undo moves.
    static parts::TransferRequest reversed(const parts::TransferRequest &request);

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {}; }
    void committed() override;
    bool writes(bool forward) const override { return !(forward && m_skipNextRedo); }

private:
    parts::TransferRequest m_request;
    bool m_skipNextRedo = false;
};

} // namespace fieldops
