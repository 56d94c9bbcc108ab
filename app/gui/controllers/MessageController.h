#pragma once
// Messages to technicians' phones (Edit → Message technicians…, Ctrl+M): the composer opens
// with the technicians of the selected work order's visits ticked (or the technician in
// focus), and sends through the outbox on the session's worker. A sent message is not an
// undo step: like an email, it is gone once sent.
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::field {
class OutboxService;
}
namespace fieldops::widgets {
class MessageTechniciansDialog;
}

namespace fieldops::gui {

class MessageController : public QObject {
    Q_OBJECT
public:
    MessageController(ConsoleSession *session, QWidget *dialogParent);
    QAction *composeAction() const { return m_compose; }
    widgets::MessageTechniciansDialog *dialog() const;

public slots:
    void compose();

signals:
    void sent(int technicians);
    void problem(const QString &message);

private:
    void applyPermissions();
    ConsoleSession *m_session;
    QWidget *m_dialogParent;
    field::OutboxService *m_service;
    QAction *m_compose;
    QPointer<widgets::MessageTechniciansDialog> m_dialog;
};

} // namespace fieldops::gui
