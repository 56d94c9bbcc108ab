#pragma once
// A one-line label that ends in "…" when it is narrower than its text, so a long status
// text (a database path, a role's rights, a count of alerts) never sets the minimum width
// of its window. text() stays whole; the tooltip shows it whole when it is cut, unless
// the label has a tooltip of its own.
#include <QLabel>

namespace fieldops::widgets {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    // Whether the text shown is cut (tests and the tooltip ask).
    bool isElided() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace fieldops::widgets
