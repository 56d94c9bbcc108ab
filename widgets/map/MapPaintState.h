#pragma once
// What the paint engine needs besides the model and the viewport: the view's transient
// state (selection, hover, a rubber band or lasso in progress, an assignment drag).
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QString>

namespace fieldops::widgets {

struct MapPaintState {
    QSet<QString> selectedJobs;  // work-order ids
    QString selectedTechnician;
    QString hoveredTechnician;
    QRectF rubberBand;           // screen; empty when none
    QPolygonF lasso;             // screen; empty when none
    QString draggedJob;          // work-order id being dragged onto a technician
    QPointF dragPos;             // screen
    QString dropTechnician;      // technician under the dragged pin
    bool moving = false;         // panning/zooming: less detail (no labels, no trails)
    QString attribution;
    QString status;              // e.g. "tiles unreachable", shown beside the attribution
};

} // namespace fieldops::widgets
