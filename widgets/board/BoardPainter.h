#pragma once
// The board's paint engine, apart from the widget (the README's developers' section): it paints the timeline,
// the row header and the time ruler for an exposed rectangle only, asking the model for
// the rows and bars under it, so a paint costs what is on screen, not the data set. It
// needs a QPainter and nothing else, which is how the benchmark renders offscreen.
#include "BoardGhost.h"
#include "board/BoardGeometry.h"

#include <QColor>
#include <QHash>
#include <QStaticText>
#include <QPoint>
#include <QRect>
#include <QSet>
#include <QTimeZone>
#include <vector>

class QFontMetrics;
class QPainter;

namespace fieldops {
class RecentChanges;
}

namespace fieldops::widgets {

// A slot the suggestion panel proposes, shaded on its technician's row (board item index).
struct BoardHighlight {
    int technician = -1;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// A visit the optimize panel proposes, drawn as a dashed bar until accepted or discarded.
struct BoardPreviewBar {
    int technician = -1;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString label;
};

struct BoardPaintContext {
    const board::BoardModel *model = nullptr;
    const board::RowLayout *rows = nullptr;
    const board::TimeScale *scale = nullptr;
    qint64 nowMs = 0;
    bool showCancelled = false;
    const QSet<int> *selected = nullptr; // item indices
    const BoardGhost *ghost = nullptr;
    QPoint scroll;  // content coordinates of the viewport's top-left corner
    QRect rubberBand; // viewport coordinates; null when none
    int timelineWidth = 0; // the timeline viewport's width (the header's utilization range)
    const RecentChanges *recent = nullptr; // other users' edits of a moment ago, outlined
    const std::vector<BoardHighlight> *highlights = nullptr; // suggested slots, under the bars
    const std::vector<BoardPreviewBar> *previews = nullptr;  // proposed visits, over the bars
    int focusTechnician = -1; // the keyboard focus cell's technician while the board has focus
};

class BoardPainter {
public:
    // Everything in viewport coordinates; `exposed` is the part to repaint.
    void paintTimeline(QPainter &p, const QRect &exposed, const BoardPaintContext &c) const;
    void paintRowHeader(QPainter &p, const QRect &exposed, const BoardPaintContext &c, int width) const;
    void paintRuler(QPainter &p, const QRect &exposed, const BoardPaintContext &c, int height) const;

    static QColor statusColor(const QString &status);
    static QString statusText(const QString &status);
    // Where a preview bar is drawn, in viewport coordinates (null when its row is hidden).
    static QRectF previewRect(const BoardPreviewBar &bar, const BoardPaintContext &c);

private:
    // The UTC span a technician's row shows between viewport x `left` and `right` (a pixel of slack).
    struct UtcSpan {
        qint64 fromMs = 0, toMs = 0;
    };
    static UtcSpan rowSpan(int technician, int left, int right, const BoardPaintContext &c);
    void paintRowBackground(QPainter &p, int row, const QRect &rowRect, const BoardPaintContext &c) const;
    void paintGrid(QPainter &p, const QRect &exposed, qint64 fromAxis, qint64 toAxis, const BoardPaintContext &c) const;
    void paintBars(QPainter &p, int row, const QRect &exposed, const BoardPaintContext &c) const;
    void paintGhost(QPainter &p, const BoardPaintContext &c) const;
    void paintHighlights(QPainter &p, const BoardPaintContext &c) const;
    void paintPreviews(QPainter &p, const BoardPaintContext &c) const;
    void paintRecentChange(QPainter &p, const QRectF &bar, const board::BoardItem &b, const BoardPaintContext &c) const;
    const QStaticText &label(const board::BoardItem &b, int width, const QFontMetrics &fm) const;

    mutable QHash<QString, QStaticText> m_labels; // a cache, not state: paints stay const
};

} // namespace fieldops::widgets
