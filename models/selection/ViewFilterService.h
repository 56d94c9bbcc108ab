#pragma once
// Which technicians the views show, shared like the selection: the schedule board's
// toolbar sets it (territory, skill, employment, name), the map applies the same filter to
// its technicians and their jobs. One instance lives beside the SelectionService
// (sharedWith(selection)), so every area reaches the same one through the session without
// the window having to hand it around.
#include "board/BoardFilter.h"

#include <QObject>

namespace fieldops {

class ViewFilterService : public QObject {
    Q_OBJECT
public:
    explicit ViewFilterService(QObject *parent = nullptr) : QObject(parent) {}
    // The one attached to `owner` (created on first use, owned by it).
    static ViewFilterService *sharedWith(QObject *owner);

    const board::BoardFilter &filter() const { return m_filter; }

public slots:
    void setFilter(const fieldops::board::BoardFilter &filter);

signals:
    void changed(const fieldops::board::BoardFilter &filter);

private:
    board::BoardFilter m_filter;
};

} // namespace fieldops
