#pragma once
// A layout that places its items left to right and starts a new line when the next one
// does not fit, so a row of filters never makes its window wider than its widest item
// (Qt ships this only as an example). Items keep their size hint, clipped to the width.
#include <QLayout>
#include <QList>

namespace fieldops::widgets {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget *parent = nullptr, int hSpacing = 6, int vSpacing = 4);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // A stretch means nothing once lines wrap; a widget flagged here goes to the right end
    // of its line instead (a status text).
    void setAlignRight(QWidget *widget);

private:
    int doLayout(const QRect &rect, bool apply) const;
    QList<QLayoutItem *> m_items;
    QList<QWidget *> m_right;
    int m_hSpacing;
    int m_vSpacing;
};

} // namespace fieldops::widgets
