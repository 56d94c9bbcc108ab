#pragma once
// The colours that carry a meaning across the console (a breach, a warning, a good
// figure, something inactive), in one place so "red" means the same on every screen.
#include <QColor>
#include <QString>

namespace fieldops::colours {

inline QColor alarm() { return QColor(0xc6, 0x28, 0x28); }   // breached, overloaded, refused
inline QColor warning() { return QColor(0xb2, 0x6a, 0x00); } // soon due, expiring, soft rule
inline QColor good() { return QColor(0x2e, 0x7d, 0x32); }    // met, within target
inline QColor muted() { return QColor(0x75, 0x75, 0x75); }   // expired, inactive, not counted
inline QColor suggested() { return QColor(0x19, 0x76, 0xd2); } // a slot the suggestion engine proposes
// As a style sheet's colour ("#c62828").
inline QString css(const QColor &c) { return c.name(); }

} // namespace fieldops::colours
