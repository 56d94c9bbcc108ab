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

} // namespace fieldops::vocabulary
