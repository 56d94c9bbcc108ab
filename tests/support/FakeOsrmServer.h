#pragma once
// A tiny HTTP server on 127.0.0.1 (a free port) standing in for an OSRM routing service. It
// runs on its own thread, so it answers while the test's thread waits: inside a provider's
// blocking request, or while QProcess runs fieldops-cli. Each request's target (path and
// query) goes to `answer`, whose reply is sent after its delay; the server counts requests.
#include <QByteArray>
#include <QEventLoop>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QSemaphore>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>

namespace fieldops::test {

struct FakeReply {
    int status = 200;
    QByteArray body;
    int delayMs = 0;
};

class FakeOsrmServer {
public:
    using Answer = std::function<FakeReply(const QString &target)>;

    explicit FakeOsrmServer(Answer answer) : m_answer(std::move(answer))
    {
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        m_ready.acquire();
    }
    ~FakeOsrmServer()
    {
        m_thread->quit(); // ends serve()'s event loop
        m_thread->wait();
    }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int requests() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_targets.size());
    }
    QStringList targets() const
    {
        QMutexLocker lock(&m_mutex);
        return m_targets;
    }

    // A port nothing listens on: bound, then closed (connections to it are refused).
    static quint16 closedPort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        const quint16 p = s.serverPort();
        s.close();
        return p;
    }

private:
    void serve()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
            }
        });
        m_ready.release();
        QEventLoop loop;
        loop.exec();
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QString target = requestLine.size() >= 2 ? QString::fromUtf8(requestLine.at(1)) : QString();
        {
            QMutexLocker lock(&m_mutex);
            m_targets << target;
        }
        const FakeReply reply = m_answer(target);
        auto send = [socket, reply] {
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
            socket->write(QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) + " Status\r\n"
                          + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size())
                          + "\r\nConnection: close\r\n\r\n" + reply.body);
            socket->disconnectFromHost();
        };
        if (reply.delayMs > 0)
            QTimer::singleShot(reply.delayMs, socket, send);
        else
            send();
    }

    Answer m_answer;
    std::unique_ptr<QThread> m_thread;
    QSemaphore m_ready;
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers; // the server thread's alone
    mutable QMutex m_mutex;
    QStringList m_targets;
};

} // namespace fieldops::test
