#pragma once
// A part's reorder point at one location changed, as one undo step. Stock rows carry no
// version: each direction writes only while the row still holds the value this console
// last saw (StockRepository::setReorderPoint), so a point someone else changed meanwhile
// is refused in words, nothing is written and the step is dropped.
#include "commands/ScheduleEditCommand.h"

namespace fieldops {

class SetReorderPointCommand : public ScheduleEditCommand {
public:
    SetReorderPointCommand(const EditTarget &target, const QString &text, const QString &sku, const QString &location, double from,
                           double to);

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {}; }
    void committed() override;

private:
    QString m_sku;
    QString m_location;
    double m_from;
    double m_to;
};

} // namespace fieldops
