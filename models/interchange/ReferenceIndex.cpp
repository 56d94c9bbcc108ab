#include "interchange/ReferenceIndex.h"

#include "storage/Database.h"

namespace fieldops::interchange {

namespace {
QString tableAndColumn(RefKind kind)
{
    switch (kind) {
    case RefKind::Skill: return QStringLiteral("SELECT code FROM skills");
    case RefKind::Territory: return QStringLiteral("SELECT id FROM territories");
    case RefKind::Technician: return QStringLiteral("SELECT id FROM technicians");
    case RefKind::Customer: return QStringLiteral("SELECT id FROM customers");
    case RefKind::Site: return QStringLiteral("SELECT id FROM sites");
    case RefKind::Asset: return QStringLiteral("SELECT id FROM assets");
    case RefKind::Contract: return QStringLiteral("SELECT id FROM contracts");
    case RefKind::Plan: return QStringLiteral("SELECT id FROM maintenance_plans");
    case RefKind::WorkOrder: return QStringLiteral("SELECT id FROM work_orders");
    case RefKind::Part: return QStringLiteral("SELECT sku FROM parts");
    case RefKind::None: break;
    }
    return {};
}
} // namespace

bool ReferenceIndex::knows(RefKind kind, const QString &id)
{
    if (m_directory.value(kind).contains(id))
        return true;
    auto loaded = m_database.find(kind);
    if (loaded == m_database.end()) {
        QSet<QString> ids;
        auto q = m_db.run(tableAndColumn(kind));
        if (!q) {
            m_error = q.error();
            return true;
        }
        while (q->next())
            ids.insert(q->value(0).toString());
        loaded = m_database.insert(kind, ids);
    }
    return loaded->contains(id);
}

} // namespace fieldops::interchange
