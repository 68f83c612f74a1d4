#pragma once

// A raw HTTP client for the parser and framing tests: writes exact bytes in
// segments (the server runs in the test's thread, so each write is drained
// and the event loop given time before the next) and reads the statuses of
// whatever comes back, over plain TCP or TLS on 127.0.0.1.
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslSocket>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

namespace tw::test {

struct RawHttpClient
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray received;
    bool closed = false;

    bool connectTo(quint16 port, bool tls = false)
    {
        if (tls) {
            auto *ssl = new QSslSocket;
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            socket.reset(ssl);
        } else {
            socket = std::make_unique<QTcpSocket>();
        }
        QObject::connect(socket.get(), &QTcpSocket::readyRead, [this] { received += socket->readAll(); });
        QObject::connect(socket.get(), &QTcpSocket::disconnected, [this] { closed = true; });
        if (tls) {
            auto *ssl = static_cast<QSslSocket *>(socket.get());
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            QElapsedTimer t;
            t.start();
            while (!ssl->isEncrypted() && t.elapsed() < 5000)
                QTest::qWait(5);
            return ssl->isEncrypted();
        }
        socket->connectToHost(QHostAddress::LocalHost, port);
        return socket->waitForConnected(3000);
    }

    // Writes one segment and lets the (same-thread) server read it.
    void send(const QByteArray &bytes, int pauseMs = 20)
    {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        socket->write(bytes);
        QElapsedTimer t;
        t.start();
        while (socket->bytesToWrite() > 0 && socket->state() == QAbstractSocket::ConnectedState && t.elapsed() < 10000)
            QTest::qWait(1);
        QTest::qWait(pauseMs);
    }

    // The status of every answer received so far, in order.
    QList<int> statuses() const
    {
        QList<int> out;
        qsizetype at = 0;
        while ((at = received.indexOf("HTTP/1.1 ", at)) >= 0) {
            out << received.mid(at + 9, 3).toInt();
            at += 9;
        }
        return out;
    }
};

inline QByteArray rawGet(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
}

} // namespace tw::test
