#include "servermetrics.h"

#include <QStringList>

namespace nocturne::server {

namespace {

QByteArray escapeLabel(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double value) { return QByteArray::number(value, 'g', 12); }

} // namespace

void ServerMetrics::recordRequest(const QString &route, const QByteArray &method, int status, double seconds)
{
    ++m_requests[route + QLatin1Char('\n') + QString::fromLatin1(method) + QLatin1Char('\n') + QString::number(status)];
    Histogram &h = m_durations[route];
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++h.counts[i];
    }
    ++h.count;
    h.sum += seconds;
}

void ServerMetrics::recordEvents(int accepted, int duplicates, int rejected)
{
    m_accepted += accepted;
    m_duplicates += duplicates;
    m_rejected += rejected;
}

void ServerMetrics::recordSince(qint64 since, qint64 nowMs)
{
    const qint64 slice = nowMs / LagSliceMs;
    auto it = m_lowestSince.find(slice);
    if (it == m_lowestSince.end())
        m_lowestSince.insert(slice, since);
    else if (since < *it)
        *it = since;
    while (!m_lowestSince.isEmpty() && m_lowestSince.firstKey() < (nowMs - LagWindowMs) / LagSliceMs)
        m_lowestSince.erase(m_lowestSince.begin());
}

QByteArray ServerMetrics::render(std::optional<qint64> headRevision, qint64 nowMs) const
{
    QByteArray out;
    out += "# HELP nocturne_http_requests_total HTTP requests answered, by route pattern, method and status.\n"
           "# TYPE nocturne_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\n'));
        out += "nocturne_http_requests_total{route=\"" + escapeLabel(parts.value(0)) + "\",method=\""
            + escapeLabel(parts.value(1)) + "\",status=\"" + parts.value(2).toLatin1() + "\"} "
            + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP nocturne_http_request_duration_seconds Time to answer a request, by route pattern.\n"
           "# TYPE nocturne_http_request_duration_seconds histogram\n";
    for (auto it = m_durations.cbegin(); it != m_durations.cend(); ++it) {
        const QByteArray route = escapeLabel(it.key());
        for (size_t i = 0; i < Buckets.size(); ++i)
            out += "nocturne_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + number(Buckets[i])
                + "\"} " + QByteArray::number(it->counts[i]) + '\n';
        out += "nocturne_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"} "
            + QByteArray::number(it->count) + '\n';
        out += "nocturne_http_request_duration_seconds_sum{route=\"" + route + "\"} " + number(it->sum) + '\n';
        out += "nocturne_http_request_duration_seconds_count{route=\"" + route + "\"} " + QByteArray::number(it->count)
            + '\n';
    }
    out += "# HELP nocturne_events_accepted_total Events the server stored.\n"
           "# TYPE nocturne_events_accepted_total counter\n"
           "nocturne_events_accepted_total "
        + QByteArray::number(m_accepted) + '\n';
    out += "# HELP nocturne_events_duplicate_total Events offered again that the server already had.\n"
           "# TYPE nocturne_events_duplicate_total counter\n"
           "nocturne_events_duplicate_total "
        + QByteArray::number(m_duplicates) + '\n';
    out += "# HELP nocturne_events_rejected_total Events the server refused (role, conflict, unknown incident).\n"
           "# TYPE nocturne_events_rejected_total counter\n"
           "nocturne_events_rejected_total "
        + QByteArray::number(m_rejected) + '\n';
    if (headRevision) {
        out += "# HELP nocturne_store_revision The newest revision in the store.\n"
               "# TYPE nocturne_store_revision gauge\n"
               "nocturne_store_revision "
            + QByteArray::number(*headRevision) + '\n';
    }
    qint64 lag = 0;
    const qint64 oldestSlice = (nowMs - LagWindowMs) / LagSliceMs;
    std::optional<qint64> lowest;
    for (auto it = m_lowestSince.cbegin(); it != m_lowestSince.cend(); ++it) {
        if (it.key() >= oldestSlice && (!lowest || it.value() < *lowest))
            lowest = it.value();
    }
    if (headRevision && lowest)
        lag = std::max<qint64>(0, *headRevision - *lowest);
    out += "# HELP nocturne_sync_lag_revisions The head revision minus the lowest revision a replica asked for "
           "in the last 5 minutes.\n"
           "# TYPE nocturne_sync_lag_revisions gauge\n"
           "nocturne_sync_lag_revisions "
        + QByteArray::number(lag) + '\n';
    return out;
}

} // namespace nocturne::server
