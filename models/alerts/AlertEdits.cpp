#include "alerts/AlertEdits.h"

#include "records/RecordSpec.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::alerts {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AlertEdits)
};

Result<records::RecordEdits> writeInTransaction(Database &db, records::RecordEdits edits)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    Status s = records::applyEdits(db, edits, true);
    if (s)
        s = tx.commit();
    if (!s)
        return s.error();
    return edits;
}
} // namespace

Result<records::RecordEdits> dismissAlert(Database &db, const QString &key, const QString &reason, const QDateTime &now)
{
    const QString why = reason.trimmed();
    if (key.isEmpty())
        return Error::invalid(Text::tr("alert_key: this alert cannot be dismissed"));
    if (why.isEmpty())
        return Error::invalid(Text::tr("reason: say why the alert is dismissed"));
    if (why.size() > kMaxDismissReason)
        return Error::invalid(Text::tr("reason: the reason is longer than %1 characters").arg(kMaxDismissReason));
    auto exists = db.scalar(QStringLiteral("SELECT count(*) FROM alert_dismissals WHERE alert_key = ?"), {key});
    if (!exists)
        return exists.error();
    if (exists->toInt() > 0)
        return Error::invalid(Text::tr("alert_key: the alert was dismissed already"));
    return writeInTransaction(db, records::createEdit(records::alertDismissalSpec(), key,
                                                      {{QStringLiteral("reason"), why}, {QStringLiteral("dismissed_at"), timefmt::toSql(now)}}));
}

Result<records::RecordEdits> saveAlertRules(Database &db, const AlertRules &before, const AlertRules &after)
{
    if (const QString problem = checkAlertRules(after); !problem.isEmpty())
        return Error::invalid(problem);
    return writeInTransaction(db, alertRulesEdit(before, after));
}

} // namespace fieldops::alerts
