#pragma once

#include <QObject>
#include <QSocketNotifier>

namespace tw::app {

// SIGTERM and SIGINT as a Qt signal: the handler only writes a byte to a
// socket pair (async-signal-safe), the event loop reads it.
class SignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminate(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tw::app
