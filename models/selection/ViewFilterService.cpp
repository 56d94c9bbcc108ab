#include "selection/ViewFilterService.h"

namespace fieldops {

ViewFilterService *ViewFilterService::sharedWith(QObject *owner)
{
    static const QString name = QStringLiteral("viewFilterService");
    if (auto *existing = owner->findChild<ViewFilterService *>(name, Qt::FindDirectChildrenOnly))
        return existing;
    auto *service = new ViewFilterService(owner);
    service->setObjectName(name);
    return service;
}

void ViewFilterService::setFilter(const board::BoardFilter &filter)
{
    // The same filter again emits nothing: views that echo it back do not loop.
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit changed(m_filter);
}

} // namespace fieldops
