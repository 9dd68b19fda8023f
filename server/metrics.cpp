#include "metrics.h"

namespace Kontor::Server {

namespace {

const QList<double> DurationBounds {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
const QList<double> BatchBounds {1, 5, 10, 50, 100, 250, 500};

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 12);
}

// Label values come from the server's own route names and rule names, but escape anyway.
QByteArray escaped(const QString &v)
{
    QByteArray out = v.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

} // namespace

Histogram::Histogram(QList<double> bounds)
    : m_bounds(std::move(bounds)), m_counts(m_bounds.size() + 1, 0)
{ }

void Histogram::observe(double value)
{
    qsizetype i = 0;
    while (i < m_bounds.size() && value > m_bounds[i])
        ++i;
    ++m_counts[i];
    ++m_count;
    m_sum += value;
}

QByteArray Histogram::render(const QByteArray &name, const QByteArray &labels) const
{
    QByteArray out;
    const QByteArray sep = labels.isEmpty() ? QByteArray() : labels + ',';
    quint64 cumulative = 0;
    for (qsizetype i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_counts[i];
        out += name + "_bucket{" + sep + "le=\"" + number(m_bounds[i]) + "\"} "
            + QByteArray::number(cumulative) + '\n';
    }
    out += name + "_bucket{" + sep + "le=\"+Inf\"} " + QByteArray::number(m_count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + number(m_sum) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(m_count) + '\n';
    return out;
}

Metrics::Metrics() : m_batchSizes(BatchBounds) { }

void Metrics::request(const QString &route, int status, double seconds)
{
    ++m_requests[{route, status}];
    auto it = m_durations.find(route);
    if (it == m_durations.end())
        it = m_durations.insert(route, Histogram(DurationBounds));
    it->observe(seconds);
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out += "# HELP kontor_http_requests_total HTTP requests by route and status.\n"
           "# TYPE kontor_http_requests_total counter\n";
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it)
        out += "kontor_http_requests_total{route=\"" + escaped(it.key().first) + "\",status=\""
            + QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP kontor_http_request_duration_seconds Time from a request's arrival to its "
           "answer.\n# TYPE kontor_http_request_duration_seconds histogram\n";
    for (auto it = m_durations.begin(); it != m_durations.end(); ++it)
        out += it->render("kontor_http_request_duration_seconds",
                          "route=\"" + escaped(it.key()) + '"');
    out += "# HELP kontor_ops_accepted_total Pushed ops accepted into a tenant's log.\n"
           "# TYPE kontor_ops_accepted_total counter\nkontor_ops_accepted_total "
        + QByteArray::number(m_opsAccepted) + '\n';
    out += "# HELP kontor_ops_rejected_total Pushed ops rejected, by rule.\n"
           "# TYPE kontor_ops_rejected_total counter\n";
    for (auto it = m_opsRejected.begin(); it != m_opsRejected.end(); ++it)
        out += "kontor_ops_rejected_total{rule=\"" + escaped(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    out += "# HELP kontor_push_batch_size Ops per push request.\n"
           "# TYPE kontor_push_batch_size histogram\n"
        + m_batchSizes.render("kontor_push_batch_size", {});
    out += "# HELP kontor_longpolls_waiting Pull requests waiting for new ops.\n"
           "# TYPE kontor_longpolls_waiting gauge\nkontor_longpolls_waiting "
        + QByteArray::number(m_longPolls) + '\n';
    out += "# HELP kontor_login_failures_total Failed sign-ins (wrong password, unknown email, "
           "rate-limited).\n# TYPE kontor_login_failures_total counter\n"
           "kontor_login_failures_total "
        + QByteArray::number(m_loginFailures) + '\n';
    return out;
}

} // namespace Kontor::Server
