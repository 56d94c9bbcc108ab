#include "MapInputHandler.h"

#include "MapView.h"
#include "map/MapModel.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

namespace fieldops::widgets {

namespace {
constexpr double kWheelZoomPerNotch = 0.5; // half a level per notch: smooth but quick
constexpr double kKeyPanPx = 120;
} // namespace

MapInputHandler::MapInputHandler(MapView *view) : QObject(view), m_view(view) { view->installEventFilter(this); }

bool MapInputHandler::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view)
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        press(static_cast<QMouseEvent *>(event));
        return true;
    case QEvent::MouseMove:
        move(static_cast<QMouseEvent *>(event));
        return true;
    case QEvent::MouseButtonRelease:
        release(static_cast<QMouseEvent *>(event));
        return true;
    case QEvent::MouseButtonDblClick: {
        auto *e = static_cast<QMouseEvent *>(event);
        m_view->zoomAt(e->position(), m_view->viewport().zoom() + 1);
        return true;
    }
    case QEvent::Wheel:
        wheel(static_cast<QWheelEvent *>(event));
        return true;
    case QEvent::KeyPress:
        return key(static_cast<QKeyEvent *>(event));
    case QEvent::Leave:
        m_view->setHoveredTechnician({});
        return false;
    default:
        return false;
    }
}

void MapInputHandler::press(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    m_view->setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = e->position().toPoint();
    m_pressMods = e->modifiers();
    m_mode = Mode::Pressed;
    m_pressJob.clear();
    const MapHit hit = m_view->hitTest(e->position());
    if (hit.kind == MapHit::Kind::Job) {
        const map::JobPin *pin = m_view->model()->job(hit.id);
        if (pin && pin->job.unassigned)
            m_pressJob = hit.id;
    }
}

void MapInputHandler::move(QMouseEvent *e)
{
    const QPoint pos = e->position().toPoint();
    if (m_mode == Mode::None) {
        const MapHit hit = m_view->hitTest(e->position());
        m_view->setHoveredTechnician(hit.kind == MapHit::Kind::Technician ? hit.id : QString());
        return;
    }
    if (m_mode == Mode::Pressed) {
        if ((pos - m_pressPos).manhattanLength() < kDragThreshold)
            return;
        if (!m_pressJob.isEmpty())
            m_mode = Mode::AssignDrag;
        else if (m_pressMods & Qt::ShiftModifier)
            m_mode = Mode::RubberBand;
        else if (m_pressMods & Qt::ControlModifier) {
            m_mode = Mode::Lasso;
            m_lasso = QPolygonF{QPointF(m_pressPos)};
        } else
            m_mode = Mode::Panning;
        m_view->setMoving(m_mode == Mode::Panning);
    }
    switch (m_mode) {
    case Mode::Panning:
        m_view->panBy(QPointF(pos - m_lastPos));
        break;
    case Mode::RubberBand:
        m_view->setRubberBand(QRectF(QPointF(m_pressPos), QPointF(pos)).normalized());
        break;
    case Mode::Lasso:
        m_lasso << QPointF(pos);
        m_view->setLasso(m_lasso);
        break;
    case Mode::AssignDrag: {
        const MapHit hit = m_view->hitTest(e->position());
        m_view->setAssignDrag(m_pressJob, e->position(), hit.kind == MapHit::Kind::Technician ? hit.id : QString());
        break;
    }
    default:
        break;
    }
    m_lastPos = pos;
}

void MapInputHandler::release(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    const Mode mode = m_mode;
    m_mode = Mode::None;
    switch (mode) {
    case Mode::Pressed:
        m_view->clickAt(e->position(), m_pressMods);
        break;
    case Mode::Panning:
        m_view->setMoving(false);
        break;
    case Mode::RubberBand:
        m_view->selectJobs(m_view->jobsIn(QRectF(QPointF(m_pressPos), e->position()).normalized()),
                           m_pressMods & Qt::ControlModifier);
        m_view->setRubberBand({});
        break;
    case Mode::Lasso:
        m_view->selectJobs(m_view->jobsIn(m_lasso), false);
        m_lasso.clear();
        m_view->setLasso({});
        break;
    case Mode::AssignDrag: {
        const MapHit hit = m_view->hitTest(e->position());
        const QString job = m_pressJob;
        m_view->setAssignDrag({}, {}, {});
        if (hit.kind == MapHit::Kind::Technician)
            emit m_view->assignRequested(job, hit.id);
        break;
    }
    case Mode::None:
        break;
    }
    m_pressJob.clear();
}

void MapInputHandler::wheel(QWheelEvent *e)
{
    const double notches = e->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    m_view->zoomAt(e->position(), m_view->viewport().zoom() + notches * kWheelZoomPerNotch);
}

bool MapInputHandler::key(QKeyEvent *e)
{
    const QPointF center(m_view->width() / 2.0, m_view->height() / 2.0);
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_view->zoomAt(center, std::round(m_view->viewport().zoom()) + 1);
        return true;
    case Qt::Key_Minus:
        m_view->zoomAt(center, std::round(m_view->viewport().zoom()) - 1);
        return true;
    case Qt::Key_Left:
        m_view->panBy(QPointF(kKeyPanPx, 0));
        return true;
    case Qt::Key_Right:
        m_view->panBy(QPointF(-kKeyPanPx, 0));
        return true;
    case Qt::Key_Up:
        m_view->panBy(QPointF(0, kKeyPanPx));
        return true;
    case Qt::Key_Down:
        m_view->panBy(QPointF(0, -kKeyPanPx));
        return true;
    case Qt::Key_Home:
        m_view->fitAll();
        return true;
    case Qt::Key_Escape:
        m_view->selectJobs({}, false);
        return true;
    default:
        return false;
    }
}

} // namespace fieldops::widgets
