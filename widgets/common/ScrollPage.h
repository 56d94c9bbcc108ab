#pragma once
// A page that scrolls instead of growing the main window: a tall or wide form (a customer's
// sites, a contract's terms, the KPI dashboard) must not make the window larger than a
// 1366×768 laptop's screen (tst_window_fits_screen).
#include <QScrollArea>

namespace fieldops::widgets {

inline QScrollArea *scrollPage(QWidget *page, QWidget *parent = nullptr)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace fieldops::widgets
