#include "BoardPainter.h"

#include "domain/SignalColours.h"
#include "domain/Vocabulary.h"
#include "domain/VocabularyText.h"
#include "sync/RecentChanges.h"

#include "scheduling/ShiftCalendar.h"
#include "scheduling/Violation.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStaticText>
#include <algorithm>

namespace fieldops::widgets {

using board::BoardItem;
using board::BoardRow;
using board::kDayMs;
using board::kHourMs;

namespace {

const QColor kOffShift(0xee, 0xf0, 0xf3);
const QColor kShift(0xff, 0xff, 0xff);
const QColor kDayOff(0xdc, 0xdf, 0xe4);
const QColor kGroupBand(0xe3, 0xe8, 0xef);
const QColor kGridHour(0xe6, 0xe8, 0xeb);
const QColor kGridDay(0x9a, 0xa3, 0xad);
const QColor kNowLine(0xd3, 0x2f, 0x2f);
const QColor kHard(0xd3, 0x2f, 0x2f);
const QColor kSoft(0xf5, 0x9e, 0x0b);
const QColor kClean(0x2e, 0x9d, 0x4f);

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleBoard)
};

qint64 localDayStart(qint64 ms, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, zone);
    return QDateTime(local.date(), QTime(0, 0), zone).toMSecsSinceEpoch();
}

QColor priorityColor(int priority)
{
    switch (priority) {
    case 1:
        return colours::alarm();
    case 2:
        return QColor(0xef, 0x6c, 0x00);
    case 3:
        return QColor(0x15, 0x65, 0xc0);
    default:
        return QColor(0x90, 0xa4, 0xae);
    }
}

} // namespace

QColor BoardPainter::statusColor(const QString &status)
{
    if (status == QLatin1String("tentative"))
        return QColor(0xcf, 0xd8, 0xdc);
    if (status == QLatin1String("en_route"))
        return QColor(0xff, 0xcc, 0x80);
    if (status == QLatin1String("on_site"))
        return QColor(0xa5, 0xd6, 0xa7);
    if (status == QLatin1String("completed"))
        return QColor(0xbd, 0xbd, 0xbd);
    if (status == QLatin1String("cancelled"))
        return QColor(0xf8, 0xbb, 0xbb);
    return QColor(0x90, 0xca, 0xf9); // scheduled
}

QString BoardPainter::statusText(const QString &status)
{
    // Unknown values read as scheduled on a bar (the colour does the same).
    return vocabulary::appointmentStatuses().contains(status) ? vocabulary::appointmentStatusText(status)
                                                             : vocabulary::appointmentStatusText(QStringLiteral("scheduled"));
}

void BoardPainter::paintTimeline(QPainter &p, const QRect &exposed, const BoardPaintContext &c) const
{
    p.fillRect(exposed, Qt::white);
    if (!c.model || !c.model->isLoaded())
        return;
    const board::TimeScale &s = *c.scale;
    // Axis time visible in the exposed rect (a pixel of slack on both sides); each row turns
    // it into its own UTC span (rowSpan), since rows may read different clocks.
    const qint64 fromAxis = s.axisAt(exposed.left() + c.scroll.x() - 1);
    const qint64 toAxis = s.axisAt(exposed.right() + c.scroll.x() + 2);
    const int firstRow = std::max(0, c.rows->rowAt(exposed.top() + c.scroll.y()));
    const int lastY = exposed.bottom() + c.scroll.y();

    for (int r = firstRow; r < c.rows->count() && c.rows->top(r) <= lastY; ++r) {
        const QRect rowRect(exposed.left(), c.rows->top(r) - c.scroll.y(), exposed.width(), c.rows->height(r));
        paintRowBackground(p, r, rowRect, c);
    }
    paintGrid(p, exposed, fromAxis, toAxis, c);
    if (c.highlights && !c.highlights->empty())
        paintHighlights(p, c);
    for (int r = firstRow; r < c.rows->count() && c.rows->top(r) <= lastY; ++r)
        paintBars(p, r, exposed, c);
    if (c.previews && !c.previews->empty())
        paintPreviews(p, c);

    p.setPen(QPen(kNowLine, 2));
    if (!s.clocks().perTechnician()) {
        const qint64 now = s.clocks().toAxis(-1, c.nowMs);
        if (now >= fromAxis && now <= toAxis) {
            const int x = int(s.xOfAxis(now)) - c.scroll.x();
            p.drawLine(x, exposed.top(), x, exposed.bottom());
        }
    } else {
        // Each technician's own "now": the rows' local clocks read different hours.
        for (int r = firstRow; r < c.rows->count() && c.rows->top(r) <= lastY; ++r) {
            const BoardRow &row = c.rows->row(r);
            if (row.kind != BoardRow::Kind::Technician)
                continue;
            const int x = int(s.xOf(row.technician, c.nowMs)) - c.scroll.x();
            if (x < exposed.left() - 1 || x > exposed.right() + 1)
                continue;
            const int top = c.rows->top(r) - c.scroll.y();
            p.drawLine(x, top, x, top + c.rows->height(r) - 1);
        }
    }
    if (c.ghost)
        paintGhost(p, c);
    if (!c.rubberBand.isNull()) {
        p.setPen(QPen(QColor(0x19, 0x76, 0xd2), 1, Qt::DashLine));
        p.setBrush(QColor(0x19, 0x76, 0xd2, 40));
        p.drawRect(c.rubberBand.normalized());
    }
}

BoardPainter::UtcSpan BoardPainter::rowSpan(int technician, int left, int right, const BoardPaintContext &c)
{
    const board::TimeScale &s = *c.scale;
    return {s.msAt(technician, left + c.scroll.x() - 1), s.msAt(technician, right + c.scroll.x() + 2)};
}

void BoardPainter::paintRowBackground(QPainter &p, int r, const QRect &rowRect, const BoardPaintContext &c) const
{
    const BoardRow &row = c.rows->row(r);
    if (row.kind == BoardRow::Kind::Group) {
        p.fillRect(rowRect, kGroupBand);
        return;
    }
    p.fillRect(rowRect, kOffShift);
    const board::TimeScale &s = *c.scale;
    const auto [fromMs, toMs] = rowSpan(row.technician, rowRect.left(), rowRect.right(), c);
    auto xOf = [&](qint64 ms) { return int(s.xOf(row.technician, ms)) - c.scroll.x(); };
    const scheduling::ShiftCalendar *cal = c.model->shifts(row.technician);
    if (cal) {
        // Days off: every local day (technician's zone) in view without a shift.
        const scheduling::ZoneClock &clock = cal->clock();
        for (qint64 day = clock.localDayNumber(fromMs); day <= clock.localDayNumber(toMs); ++day) {
            if (cal->shiftOn(day))
                continue;
            const qint64 d0 = clock.toUtcMs(day * kDayMs), d1 = clock.toUtcMs((day + 1) * kDayMs);
            p.fillRect(QRect(QPoint(xOf(d0), rowRect.top()), QPoint(xOf(d1), rowRect.bottom())), kDayOff);
        }
        for (const scheduling::ShiftInterval &sh : cal->shiftsBetween(fromMs, toMs))
            p.fillRect(QRect(QPoint(xOf(sh.startMs), rowRect.top() + 1), QPoint(xOf(sh.endMs) - 1, rowRect.bottom() - 1)), kShift);
    }
    const board::BoardTechnician &t = c.model->technicians()[size_t(row.technician)];
    for (const board::BoardAbsence &a : t.absences) {
        if (a.endMs <= fromMs || a.startMs >= toMs)
            continue;
        const QRect ar(QPoint(xOf(a.startMs), rowRect.top() + 1), QPoint(xOf(a.endMs), rowRect.bottom() - 1));
        p.fillRect(ar, QColor(0xf3, 0xe5, 0xf5));
        p.fillRect(ar, QBrush(QColor(0x8e, 0x24, 0xaa, 110), Qt::BDiagPattern));
    }
    p.setPen(kGridHour);
    p.drawLine(rowRect.left(), rowRect.bottom(), rowRect.right(), rowRect.bottom());
}

void BoardPainter::paintGrid(QPainter &p, const QRect &exposed, qint64 fromAxis, qint64 toAxis,
                             const BoardPaintContext &c) const
{
    // The grid is the axis's: hours of the shared zone, or plain wall-clock hours.
    const board::TimeScale &s = *c.scale;
    const QTimeZone &zone = s.clocks().axisZone();
    const double pxPerHour = s.pxPerHour();
    const int hourStep = pxPerHour >= 30 ? 1 : pxPerHour >= 10 ? 3 : pxPerHour >= 4 ? 6 : 24;
    p.setPen(kGridHour);
    for (qint64 day = localDayStart(fromAxis, zone); day < toAxis; day = localDayStart(day + kDayMs + kHourMs * 3, zone)) {
        if (hourStep < 24) {
            for (int h = hourStep; h < 24; h += hourStep) {
                const qint64 t = day + h * kHourMs;
                if (t < fromAxis || t > toAxis)
                    continue;
                const int x = int(s.xOfAxis(t)) - c.scroll.x();
                p.drawLine(x, exposed.top(), x, exposed.bottom());
            }
        }
        const int x = int(s.xOfAxis(day)) - c.scroll.x();
        p.setPen(kGridDay);
        p.drawLine(x, exposed.top(), x, exposed.bottom());
        p.setPen(kGridHour);
    }
}

void BoardPainter::paintBars(QPainter &p, int r, const QRect &exposed, const BoardPaintContext &c) const
{
    const BoardRow &row = c.rows->row(r);
    if (row.kind != BoardRow::Kind::Technician)
        return;
    const auto [fromMs, toMs] = rowSpan(row.technician, exposed.left(), exposed.right(), c);
    const board::BoardGeometry geo(*c.model, *c.rows, *c.scale);
    const board::TimeScale &s = *c.scale;
    thread_local std::vector<int> items;
    // Travel lead-ins reach back before a bar: look a little further left.
    c.model->itemsBetween(row.technician, fromMs - 4 * kHourMs, toMs, items);
    const QFontMetrics fm(p.font());
    for (const int i : items) {
        const BoardItem &b = c.model->items()[size_t(i)];
        if (b.isCancelled() && !c.showCancelled)
            continue;
        QRectF bar = geo.barRect(b, r).translated(-c.scroll.x(), -c.scroll.y());
        const bool selected = c.selected && c.selected->contains(i);
        if (b.travelLeadMin > 0 && !b.isCancelled()) {
            const double w = b.travelLeadMin * s.pxPerHour() / 60.0;
            const QRectF lead(bar.left() - w, bar.center().y() - 3, w, 6);
            p.fillRect(lead, QColor(0x78, 0x90, 0x9c, 120));
        }
        if (bar.right() < p.clipBoundingRect().left() - 40 && !p.clipBoundingRect().isNull())
            continue;
        const QColor fill = statusColor(b.appointment.status);
        p.setPen(selected ? QPen(QColor(0x0d, 0x47, 0xa1), 2)
                          : QPen(fill.darker(150), 1, b.appointment.status == QLatin1String("tentative") ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(fill);
        p.drawRect(bar.adjusted(0, 0, -1, -1));
        // Priority marker: a stripe at the bar's left edge.
        if (bar.width() > 6)
            p.fillRect(QRectF(bar.left() + 1, bar.top() + 1, 3, bar.height() - 2), priorityColor(b.priority));
        // Label that fits: customer and site, elided; nothing when too narrow.
        if (bar.width() > 24) {
            p.setPen(QColor(0x1f, 0x29, 0x33));
            const QRectF textRect = bar.adjusted(6, 1, -4, -1);
            p.drawStaticText(QPointF(textRect.left(), textRect.center().y() - fm.height() / 2.0),
                             label(b, int(textRect.width()), fm));
        }
        if (b.isCancelled()) {
            p.setPen(QPen(colours::alarm(), 1));
            p.drawLine(bar.left(), bar.center().y(), bar.right(), bar.center().y());
        }
        // The technician's van lacks parts the job needs: an orange line along the bar's foot
        // (the tooltip says which).
        if (!b.vanLacks.isEmpty() && bar.width() > 10)
            p.fillRect(QRectF(bar.left() + 5, bar.bottom() - 3, bar.width() - 16, 2), QColor(0xef, 0x6c, 0x00));
        if (b.appointment.locked) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x37, 0x47, 0x4f));
            p.drawRect(QRectF(bar.right() - 8, bar.bottom() - 6, 6, 5));
        }
        // SLA deadline tick on the row, where it falls in view.
        if (b.hasSla && b.slaDueMs >= fromMs && b.slaDueMs <= toMs) {
            const double x = s.xOf(row.technician, b.slaDueMs) - c.scroll.x();
            p.setPen(QPen(kHard, 2));
            p.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.top() + 4));
        }
        if (b.violationMask != 0) {
            const bool hard = b.violationMask & (1u << unsigned(scheduling::ViolationKind::Overlap));
            const QRectF badge(bar.right() - 7, bar.top() - 4, 11, 11);
            p.setPen(Qt::white);
            p.setBrush(hard ? kHard : kSoft);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.drawEllipse(badge);
            p.setRenderHint(QPainter::Antialiasing, false);
            QFont f = p.font();
            f.setBold(true);
            f.setPixelSize(9);
            p.save();
            p.setFont(f);
            p.drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
            p.restore();
        }
        if (c.recent && !c.recent->isEmpty())
            paintRecentChange(p, bar, b, c);
    }
}

void BoardPainter::paintRecentChange(QPainter &p, const QRectF &bar, const BoardItem &b, const BoardPaintContext &c) const
{
    auto entry = c.recent->find(QStringLiteral("appointments"), b.appointment.id);
    if (!entry)
        entry = c.recent->find(QStringLiteral("work_orders"), b.appointment.workOrderId);
    if (!entry)
        return;
    // Fades out over its lifetime, so the eye catches it without a blinking board.
    const int alpha = 90 + int(165 * c.recent->remainingFraction(*entry));
    const QColor mark(0x8e, 0x24, 0xaa, alpha);
    p.setPen(QPen(mark, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar.adjusted(-2, -2, 1, 1));
    QFont f = p.font();
    f.setPixelSize(10);
    const QFontMetrics fm(f);
    const QString who = fm.elidedText(entry->actor, Qt::ElideRight, 140);
    const QRectF tag(bar.left(), bar.top() - fm.height() - 2, fm.horizontalAdvance(who) + 8, fm.height() + 1);
    p.save();
    p.setFont(f);
    p.fillRect(tag, mark);
    p.setPen(Qt::white);
    p.drawText(tag, Qt::AlignCenter, who);
    p.restore();
}

const QStaticText &BoardPainter::label(const BoardItem &b, int width, const QFontMetrics &fm) const
{
    // Laying text out is most of a bar's cost; a bar's label at a given width is laid out
    // once and reused by every later paint (scrolling, drags, repaints after edits).
    QString key = b.customerName + QStringLiteral(" · ") + b.siteName;
    const QString text = key;
    key += QChar(0) + QString::number(width);
    auto it = m_labels.constFind(key);
    if (it != m_labels.constEnd())
        return *it;
    if (m_labels.size() > 50'000)
        m_labels.clear();
    QStaticText st(fm.elidedText(text, Qt::ElideRight, width));
    st.setTextFormat(Qt::PlainText);
    st.setPerformanceHint(QStaticText::AggressiveCaching);
    return *m_labels.insert(key, st);
}

void BoardPainter::paintHighlights(QPainter &p, const BoardPaintContext &c) const
{
    // Light enough that the bars painted over them stay readable; a thin edge marks where
    // a suggested slot starts and ends when it touches a bar.
    QColor fill = colours::suggested();
    fill.setAlpha(45);
    QColor edge = colours::suggested();
    edge.setAlpha(140);
    p.save();
    p.setPen(QPen(edge, 1));
    p.setBrush(fill);
    for (const BoardHighlight &h : *c.highlights) {
        const int r = c.rows->rowOfTechnician(h.technician);
        if (r < 0)
            continue;
        const double x1 = c.scale->xOf(h.technician, h.startMs) - c.scroll.x(), x2 = c.scale->xOf(h.technician, h.endMs) - c.scroll.x();
        p.drawRect(QRectF(x1, c.rows->top(r) - c.scroll.y() + 1, std::max(x2 - x1, 2.0), c.rows->height(r) - 2));
    }
    p.restore();
}

QRectF BoardPainter::previewRect(const BoardPreviewBar &bar, const BoardPaintContext &c)
{
    const int r = c.rows->rowOfTechnician(bar.technician);
    if (r < 0)
        return {};
    const double x1 = c.scale->xOf(bar.technician, bar.startMs) - c.scroll.x(), x2 = c.scale->xOf(bar.technician, bar.endMs) - c.scroll.x();
    return QRectF(x1, c.rows->top(r) - c.scroll.y() + 3, std::max(x2 - x1, 3.0), c.rows->height(r) - 6);
}

void BoardPainter::paintPreviews(QPainter &p, const BoardPaintContext &c) const
{
    // Dashed and see-through, like the drag ghost: not booked yet, and what is under it stays readable.
    const QColor colour = colours::suggested();
    QColor fill = colour;
    fill.setAlpha(50);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const BoardPreviewBar &bar : *c.previews) {
        const QRectF rect = previewRect(bar, c);
        if (rect.isNull())
            continue;
        p.setPen(QPen(colour.darker(130), 2, Qt::DashLine));
        p.setBrush(fill);
        p.drawRoundedRect(rect, 3, 3);
        p.setPen(colour.darker(180));
        p.drawText(rect.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(bar.label, Qt::ElideRight, int(rect.width()) - 6));
    }
    p.restore();
}

void BoardPainter::paintGhost(QPainter &p, const BoardPaintContext &c) const
{
    const BoardGhost &g = *c.ghost;
    const QColor colour = g.verdict == BoardGhost::Verdict::Hard ? kHard
                          : g.verdict == BoardGhost::Verdict::Soft ? kSoft
                                                                   : kClean;
    p.setRenderHint(QPainter::Antialiasing, true);
    QRectF last;
    for (const GhostBar &gb : g.bars) {
        const int r = c.rows->rowOfTechnician(gb.technician);
        if (r < 0)
            continue;
        const double x1 = c.scale->xOf(gb.technician, gb.startMs) - c.scroll.x(), x2 = c.scale->xOf(gb.technician, gb.endMs) - c.scroll.x();
        const QRectF rect(x1, c.rows->top(r) - c.scroll.y() + 3, std::max(x2 - x1, 3.0), c.rows->height(r) - 6);
        p.setPen(QPen(colour, 2, Qt::DashLine));
        QColor fill = colour;
        fill.setAlpha(60);
        p.setBrush(fill);
        p.drawRoundedRect(rect, 3, 3);
        last = rect;
    }
    if (!g.message.isEmpty() && !last.isNull()) {
        const QFontMetrics fm(p.font());
        const QRect text = fm.boundingRect(g.message).adjusted(-6, -3, 6, 3);
        QRectF box(last.left(), last.bottom() + 4, text.width(), text.height());
        p.setPen(colour.darker(120));
        p.setBrush(QColor(255, 255, 255, 235));
        p.drawRoundedRect(box, 3, 3);
        p.setPen(colour.darker(150));
        p.drawText(box, Qt::AlignCenter, g.message);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void BoardPainter::paintRowHeader(QPainter &p, const QRect &exposed, const BoardPaintContext &c, int width) const
{
    p.fillRect(exposed, QColor(0xfa, 0xfb, 0xfc));
    if (!c.model || !c.model->isLoaded())
        return;
    const int firstRow = std::max(0, c.rows->rowAt(exposed.top() + c.scroll.y()));
    const int lastY = exposed.bottom() + c.scroll.y();
    // Utilization is judged over the time visible in the timeline beside the header, on the
    // row's own clock.
    const auto visible = [&](int tech) {
        return UtcSpan{std::max(c.model->fromMs(), c.scale->msAt(tech, c.scroll.x())),
                       std::min(c.model->toMs(), c.scale->msAt(tech, c.scroll.x() + std::max(1, c.timelineWidth)))};
    };
    QFont nameFont = p.font();
    nameFont.setBold(true);
    QFont smallFont = p.font();
    smallFont.setPointSizeF(std::max(6.0, p.font().pointSizeF() * 0.82));
    for (int r = firstRow; r < c.rows->count() && c.rows->top(r) <= lastY; ++r) {
        const BoardRow &row = c.rows->row(r);
        const QRect rect(0, c.rows->top(r) - c.scroll.y(), width, c.rows->height(r));
        if (row.kind == BoardRow::Kind::Group) {
            p.fillRect(rect, kGroupBand);
            p.setPen(QColor(0x37, 0x47, 0x4f));
            p.setFont(nameFont);
            const QString arrow = row.collapsed ? QStringLiteral("▸ ") : QStringLiteral("▾ ");
            p.drawText(rect.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       arrow + Text::tr("%1 (%2)").arg(row.title).arg(row.members));
            continue;
        }
        const board::BoardTechnician &t = c.model->technicians()[size_t(row.technician)];
        if (row.technician == c.focusTechnician) {
            // The keyboard's row, so the eye finds whose row the focus cell is on.
            QColor fill = QApplication::palette().color(QPalette::Highlight);
            fill.setAlpha(48);
            p.fillRect(rect, fill);
            p.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), QApplication::palette().color(QPalette::Highlight));
        }
        p.setPen(QColor(0xe0, 0xe3, 0xe7));
        p.drawLine(rect.bottomLeft(), rect.bottomRight());
        p.setFont(nameFont);
        // An inactive technician's row is there only for the visits it still holds: greyed.
        const bool inactive = !t.technician.active;
        p.setPen(inactive ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x21, 0x21, 0x21));
        const int barW = 44;
        const QRect nameRect(rect.left() + 8, rect.top() + 2, width - barW - 20, rect.height() / 2);
        p.drawText(nameRect, Qt::AlignLeft | Qt::AlignBottom,
                   QFontMetrics(nameFont).elidedText(t.technician.name, Qt::ElideRight, nameRect.width()));
        p.setFont(smallFont);
        p.setPen(QColor(0x60, 0x6b, 0x76));
        const QRect skillRect(rect.left() + 8, rect.top() + rect.height() / 2 + 1, width - barW - 20, rect.height() / 2 - 3);
        const QString skills = t.technician.skills.join(QStringLiteral(", "));
        p.drawText(skillRect, Qt::AlignLeft | Qt::AlignTop,
                   QFontMetrics(smallFont).elidedText(inactive ? Text::tr("Inactive · %1").arg(skills) : skills, Qt::ElideRight,
                                                      skillRect.width()));
        const auto [visFrom, visTo] = visible(row.technician);
        const double u = c.model->utilization(row.technician, visFrom, visTo);
        const QRect track(width - barW - 8, rect.center().y() - 4, barW, 8);
        p.fillRect(track, QColor(0xe0, 0xe0, 0xe0));
        const QColor ucol = u > 1.0 ? kHard : u > 0.85 ? kSoft : kClean;
        p.fillRect(QRect(track.left(), track.top(), int(track.width() * std::min(u, 1.0)), track.height()), ucol);
        p.setPen(QColor(0x9e, 0x9e, 0x9e));
        p.setBrush(Qt::NoBrush);
        p.drawRect(track.adjusted(0, 0, -1, -1));
        p.setPen(QColor(0x60, 0x6b, 0x76));
        p.drawText(QRect(track.left(), track.bottom() + 1, track.width(), 12), Qt::AlignCenter,
                   QStringLiteral("%1%").arg(qRound(u * 100)));
    }
    p.setPen(QColor(0xc0, 0xc6, 0xcc));
    p.drawLine(width - 1, exposed.top(), width - 1, exposed.bottom());
}

void BoardPainter::paintRuler(QPainter &p, const QRect &exposed, const BoardPaintContext &c, int height) const
{
    p.fillRect(exposed, QColor(0xf5, 0xf6, 0xf8));
    p.setPen(QColor(0xc0, 0xc6, 0xcc));
    p.drawLine(exposed.left(), height - 1, exposed.right(), height - 1);
    if (!c.model || !c.model->isLoaded())
        return;
    // The axis's days and hours: of the shared zone, or plain wall-clock ones when each row
    // reads its technician's own zone (the corner label says so).
    const board::TimeScale &s = *c.scale;
    const QTimeZone &zone = s.clocks().axisZone();
    const qint64 fromMs = s.axisAt(exposed.left() + c.scroll.x() - 200);
    const qint64 toMs = s.axisAt(exposed.right() + c.scroll.x() + 2);
    const double pxPerHour = s.pxPerHour();
    const int hourStep = pxPerHour >= 40 ? 1 : pxPerHour >= 14 ? 3 : pxPerHour >= 6 ? 6 : 24;
    const QLocale locale;
    QFont bold = p.font();
    bold.setBold(true);
    const QFont normal = p.font();
    for (qint64 day = localDayStart(fromMs, zone); day < toMs; day = localDayStart(day + kDayMs + kHourMs * 3, zone)) {
        const int x = int(s.xOfAxis(day)) - c.scroll.x();
        p.setPen(kGridDay);
        p.drawLine(x, 0, x, height);
        p.setFont(bold);
        p.setPen(QColor(0x26, 0x32, 0x38));
        const QDate date = QDateTime::fromMSecsSinceEpoch(day, zone).date();
        const double dayPx = 24 * pxPerHour;
        const QString text = dayPx > 160 ? locale.toString(date, QStringLiteral("ddd d MMM"))
                                         : locale.toString(date, QStringLiteral("ddd d"));
        // The label of a day whose start scrolled off stays pinned to the left edge.
        const int nextX = int(s.xOfAxis(localDayStart(day + kDayMs + kHourMs * 3, zone))) - c.scroll.x();
        const int labelX = std::max(x + 4, std::min(4, nextX - 4 - QFontMetrics(bold).horizontalAdvance(text)));
        p.drawText(QRect(labelX, 2, std::max(nextX - labelX - 4, 10), height / 2), Qt::AlignLeft | Qt::AlignVCenter, text);
        p.setFont(normal);
        if (hourStep < 24) {
            p.setPen(QColor(0x60, 0x6b, 0x76));
            for (int h = hourStep; h < 24; h += hourStep) {
                const int hx = int(s.xOfAxis(day + h * kHourMs)) - c.scroll.x();
                p.drawLine(hx, height - 5, hx, height - 1);
                p.drawText(QRect(hx - 20, height / 2, 40, height / 2 - 4), Qt::AlignCenter,
                           QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
            }
        }
    }
    // One "now" on a shared axis; per technician each row draws its own.
    const qint64 now = s.clocks().toAxis(-1, c.nowMs);
    if (!s.clocks().perTechnician() && now >= fromMs && now <= toMs) {
        const int x = int(s.xOfAxis(now)) - c.scroll.x();
        p.setPen(QPen(kNowLine, 2));
        p.drawLine(x, height / 2, x, height);
    }
}

} // namespace fieldops::widgets
