#pragma once
// The settings page for travel times: the OSRM routing service suggestions and the optimiser
// ask (its base URL; empty for the straight-line model). apply() refuses a URL that is not
// http or https with a host, with a message, and writes nothing; a good one is used from the
// next ranking or optimisation on. Below it, read-only, the travel speeds learned per
// territory from the recorded drives, which planning uses without a service; whoever opens
// the page reads them (TravelSpeedLoader, on the session's worker) and hands them over.
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace fieldops::scheduling {
struct TravelSpeeds;
}

namespace fieldops::widgets {

class RoutingPage : public QWidget {
    Q_OBJECT
public:
    explicit RoutingPage(QWidget *parent = nullptr);
    QLineEdit *urlEdit() const { return m_url; }
    QString message() const;
    bool apply();

    void showLearnedSpeeds(const scheduling::TravelSpeeds &speeds);
    // Why they could not be read (the table stays empty).
    void showLearnedSpeedsProblem(const QString &why);
    QTableWidget *learnedSpeeds() const { return m_speeds; }
    QString learnedSpeedsNote() const;

private:
    QLineEdit *m_url;
    QLabel *m_message;
    QLabel *m_speedsNote;
    QTableWidget *m_speeds;
};

} // namespace fieldops::widgets
