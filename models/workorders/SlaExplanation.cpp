#include "workorders/SlaExplanation.h"

#include "workorders/IntakeCatalog.h"
#include "workorders/WarrantyNote.h"
#include "workorders/WorkOrderIntake.h"

namespace fieldops::workorders {

Result<SlaExplanation> readSlaExplanation(Database &db, const QString &workOrderId)
{
    auto order = WorkOrderIntake(db).load(workOrderId);
    if (!order)
        return order.error();
    auto file = IntakeCatalog(db).customerFile(order->customerId);
    if (!file)
        return file.error();
    std::optional<SlaContractTerms> terms;
    if (const ContractChoice *k = file->contract(order->contractId))
        terms = k->terms;
    const SlaQuote quote = SlaPolicy::quote(order->createdAt, order->priority, terms,
                                            file->placeOf(order->siteId, terms ? &*terms : nullptr));
    SlaExplanation e;
    e.workOrderId = workOrderId;
    e.rule = quote.rule;
    e.responseDue = order->responseDue;
    e.slaDue = order->slaDue;
    e.computedResponseDue = quote.responseDue;
    e.computedSlaDue = quote.due;
    if (order->type == QLatin1String("corrective"))
        e.warrantyNote = warrantyNote(file->asset(order->assetId), order->createdAt.toUTC().date());
    return e;
}

} // namespace fieldops::workorders
