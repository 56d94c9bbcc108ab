#include "commands/RecordEditCommand.h"

#include "commands/VersionLedger.h"
#include "document/ScheduleDocument.h"

#include <QHash>

namespace fieldops {

RecordEditCommand::RecordEditCommand(const EditTarget &target, const QString &text, records::RecordEdits edits)
    : ScheduleEditCommand(target, text), m_edits(std::move(edits))
{
}

RecordEditCommand *RecordEditCommand::alreadyApplied(const EditTarget &target, const QString &text, records::RecordEdits edits)
{
    auto *command = new RecordEditCommand(target, text, std::move(edits));
    command->m_skipNextRedo = true;
    if (target.versions)
        for (const records::RecordEdit &e : command->m_edits)
            target.versions->record(records::ledgerKey(*e.spec, e.id), e.version);
    return command;
}

Status RecordEditCommand::apply(bool forward)
{
    if (forward && m_skipNextRedo) {
        m_skipNextRedo = false;
        return {};
    }
    return records::applyEdits(db(), m_edits, forward, ledger());
}

QStringList RecordEditCommand::appointmentIds() const
{
    QStringList ids;
    for (const records::RecordEdit &e : m_edits)
        if (e.spec->table == QLatin1String("appointments"))
            ids << e.id;
    return ids;
}

void RecordEditCommand::committed()
{
    QHash<QString, QStringList> byTable;
    for (const records::RecordEdit &e : m_edits)
        if (e.spec->table != QLatin1String("appointments"))
            byTable[e.spec->table] << e.id;
    for (auto it = byTable.begin(); it != byTable.end(); ++it)
        document()->reportRecordsWritten(it.key(), it.value());
}

} // namespace fieldops
