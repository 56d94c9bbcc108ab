#include "document/ScheduleDocument.h"

namespace fieldops {

ScheduleDocument::ScheduleDocument(QObject *parent) : QObject(parent)
{
    // Edits go to the shared database at once; a deep history only costs memory.
    m_undoStack.setUndoLimit(200);
}

} // namespace fieldops
