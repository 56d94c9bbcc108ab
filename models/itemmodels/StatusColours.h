#pragma once
// The colours item models give to states that need a planner's attention, in one place so
// every table marks them alike.
#include <QColor>

namespace fieldops::colours {

// Text of something late, urgent or over its limit.
inline QColor alertText() { return QColor(0xc6, 0x28, 0x28); }
// Background of a cell over its limit (an overloaded week).
inline QColor alertBackground() { return QColor(0xfd, 0xe0, 0xdc); }
// Background of a cell levelling changed.
inline QColor changedBackground() { return QColor(0xe3, 0xf2, 0xfd); }

} // namespace fieldops::colours
