// Turns SIGTERM and SIGINT into a Qt signal. The handler only writes one byte to a socketpair
// (async-signal-safe); a QSocketNotifier reads it on the event loop, where draining can start.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Kontor::Server {

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Kontor::Server
