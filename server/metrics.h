// The figures kontor-syncd exposes on /metrics in Prometheus' text format: requests by route and
// status, request durations, ops accepted and rejected, push batch sizes, waiting long-polls and
// failed sign-ins. Plain counters on the server's one thread: no locks needed.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace Kontor::Server {

class Histogram
{
public:
    explicit Histogram(QList<double> bounds);
    void observe(double value);
    QByteArray render(const QByteArray &name, const QByteArray &labels) const;

private:
    QList<double> m_bounds;
    QList<quint64> m_counts; // per bucket, not cumulative
    quint64 m_count = 0;
    double m_sum = 0;
};

class Metrics
{
public:
    Metrics();

    void request(const QString &route, int status, double seconds);
    void opAccepted() { ++m_opsAccepted; }
    void opRejected(const QString &rule) { ++m_opsRejected[rule]; }
    void pushBatch(int size) { m_batchSizes.observe(size); }
    void loginFailed() { ++m_loginFailures; }
    void setLongPollsWaiting(int n) { m_longPolls = n; }

    QByteArray render() const;

private:
    QMap<std::pair<QString, int>, quint64> m_requests;
    QMap<QString, Histogram> m_durations;
    quint64 m_opsAccepted = 0;
    QMap<QString, quint64> m_opsRejected;
    Histogram m_batchSizes;
    quint64 m_loginFailures = 0;
    int m_longPolls = 0;
};

} // namespace Kontor::Server
