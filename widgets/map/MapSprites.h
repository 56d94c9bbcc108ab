#pragma once
// The map's glyphs drawn once and blitted many times: job pins, technician markers (by
// state, size, selection and heading rounded to a few degrees), cluster bubbles with
// their count, and name labels. A frame then costs one plain pixmap copy per thing on
// screen instead of an antialiased path (ellipse, stroke, text layout) each. Sprites are
// made at the device's pixel ratio so the copy is never scaled (the slow path).
#include <QHash>
#include <QPixmap>
#include <QString>

namespace fieldops::map {
enum class TechnicianState;
}

namespace fieldops::widgets {

class MapSprites {
public:
    // Heading steps: 10° reads as exact on a marker a dozen pixels wide.
    static constexpr int kHeadingSteps = 36;
    static constexpr double kPinRadius = 6.0;
    static constexpr double kTechRadius = 7.0;
    static constexpr double kSmallTechRadius = 4.0;

    const QPixmap &pin(int rank, bool unassigned, bool selected, qreal dpr);
    // headingStep in [0, kHeadingSteps), or -1 for no heading wedge.
    const QPixmap &technician(map::TechnicianState state, bool detailed, bool selected, int headingStep, qreal dpr);
    const QPixmap &cluster(int count, int worstRank, bool hasUnassigned, qreal dpr);
    const QPixmap &label(const QString &text, qreal dpr);

    static int headingStep(double degrees);
    static double clusterRadius(int count);

private:
    template <typename Key, typename Make>
    const QPixmap &cached(QHash<Key, QPixmap> &cache, const Key &key, int limit, Make make);

    QHash<quint64, QPixmap> m_glyphs;    // pins, markers, bubbles: a few hundred at most
    QHash<QString, QPixmap> m_labels;    // by text and ratio
};

} // namespace fieldops::widgets
