#include "domain/VocabularyText.h"

#include <QCoreApplication>

namespace fieldops::vocabulary {

QString appointmentStatusText(const QString &status)
{
    if (status == QLatin1String("tentative"))
        return QCoreApplication::translate("Vocabulary", "Tentative");
    if (status == QLatin1String("scheduled"))
        return QCoreApplication::translate("Vocabulary", "Scheduled");
    if (status == QLatin1String("en_route"))
        return QCoreApplication::translate("Vocabulary", "En route");
    if (status == QLatin1String("on_site"))
        return QCoreApplication::translate("Vocabulary", "On site");
    if (status == QLatin1String("completed"))
        return QCoreApplication::translate("Vocabulary", "Completed");
    if (status == QLatin1String("cancelled"))
        return QCoreApplication::translate("Vocabulary", "Cancelled");
    return status; // not in the vocabulary: shown as stored rather than guessed
}

QString workOrderTypeText(const QString &type)
{
    if (type == QLatin1String("install"))
        return QCoreApplication::translate("Vocabulary", "Installation");
    if (type == QLatin1String("corrective"))
        return QCoreApplication::translate("Vocabulary", "Corrective (repair)");
    if (type == QLatin1String("preventive"))
        return QCoreApplication::translate("Vocabulary", "Preventive");
    if (type == QLatin1String("inspection"))
        return QCoreApplication::translate("Vocabulary", "Inspection");
    return type;
}

QString workOrderStatusText(const QString &status)
{
    if (status == QLatin1String("open"))
        return QCoreApplication::translate("Vocabulary", "Open");
    if (status == QLatin1String("scheduled"))
        return QCoreApplication::translate("Vocabulary", "Scheduled");
    if (status == QLatin1String("in_progress"))
        return QCoreApplication::translate("Vocabulary", "In progress");
    if (status == QLatin1String("done"))
        return QCoreApplication::translate("Vocabulary", "Done");
    if (status == QLatin1String("cancelled"))
        return QCoreApplication::translate("Vocabulary", "Cancelled");
    return status;
}

QString coverageText(const QString &coverage)
{
    if (coverage == QLatin1String("24x7"))
        return QCoreApplication::translate("Vocabulary", "Around the clock (24×7)");
    if (coverage == QLatin1String("business_hours"))
        return QCoreApplication::translate("Vocabulary", "Business hours");
    return coverage;
}

QString feePeriodText(const QString &period)
{
    if (period == QLatin1String("month"))
        return QCoreApplication::translate("Vocabulary", "per month");
    if (period == QLatin1String("quarter"))
        return QCoreApplication::translate("Vocabulary", "per quarter");
    if (period == QLatin1String("year"))
        return QCoreApplication::translate("Vocabulary", "per year");
    return period;
}

QString outcomeReasonText(const QString &reason)
{
    if (reason == QLatin1String("needs_parts"))
        return QCoreApplication::translate("Vocabulary", "Needs parts");
    if (reason == QLatin1String("customer_absent"))
        return QCoreApplication::translate("Vocabulary", "Customer absent");
    if (reason == QLatin1String("second_visit"))
        return QCoreApplication::translate("Vocabulary", "Needs a second visit");
    if (reason == QLatin1String("referred"))
        return QCoreApplication::translate("Vocabulary", "Referred elsewhere");
    return reason;
}

QString reviewStateText(const QString &state)
{
    if (state == QLatin1String("pending"))
        return QCoreApplication::translate("Vocabulary", "Pending");
    if (state == QLatin1String("approved"))
        return QCoreApplication::translate("Vocabulary", "Approved");
    if (state == QLatin1String("corrected"))
        return QCoreApplication::translate("Vocabulary", "Corrected");
    return state;
}

QString timeActivityText(const QString &activity)
{
    if (activity == QLatin1String("travel"))
        return QCoreApplication::translate("Vocabulary", "Travel");
    if (activity == QLatin1String("work"))
        return QCoreApplication::translate("Vocabulary", "Work");
    if (activity == QLatin1String("waiting"))
        return QCoreApplication::translate("Vocabulary", "Waiting");
    return activity;
}

} // namespace fieldops::vocabulary
