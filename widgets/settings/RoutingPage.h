#pragma once
// The settings page for travel times: the OSRM routing service suggestions and the optimiser
// ask (its base URL; empty for the straight-line model). apply() refuses a URL that is not
// http or https with a host, with a message, and writes nothing; a good one is used from the
// next ranking or optimisation on.
#include <QWidget>

class QLabel;
class QLineEdit;

namespace fieldops::widgets {

class RoutingPage : public QWidget {
    Q_OBJECT
public:
    explicit RoutingPage(QWidget *parent = nullptr);
    QLineEdit *urlEdit() const { return m_url; }
    QString message() const;
    bool apply();

private:
    QLineEdit *m_url;
    QLabel *m_message;
};

} // namespace fieldops::widgets
