#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QString>

#include <array>
#include <optional>

namespace nocturne::server {

// The counters behind /metrics, rendered in Prometheus' text exposition format. Routes
// are labelled by their pattern (/api/v1/incidents/{id}), never by the concrete path, so
// the number of series stays bounded. Lives on the server's thread.
class ServerMetrics final
{
    Q_DISABLE_COPY_MOVE(ServerMetrics)
public:
    ServerMetrics() = default;

    void recordRequest(const QString &route, const QByteArray &method, int status, double seconds);
    void recordEvents(int accepted, int duplicates, int rejected);
    // A replica asked for events since `since`: the lag is the head minus the lowest
    // `since` asked for in the last five minutes.
    void recordSince(qint64 since, qint64 nowMs);

    QByteArray render(std::optional<qint64> headRevision, qint64 nowMs) const;

    qint64 eventsAccepted() const { return m_accepted; }

private:
    static constexpr std::array<double, 13> Buckets = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,    0.25,  0.5,    1.0,   2.5,   5.0 };
    static constexpr qint64 LagWindowMs = 5 * 60 * 1000;
    static constexpr qint64 LagSliceMs = 10 * 1000;

    struct Histogram
    {
        std::array<quint64, Buckets.size()> counts {};
        quint64 count = 0;
        double sum = 0;
    };

    QMap<QString, quint64> m_requests; // "route\nmethod\nstatus" → count, sorted for stable output
    QMap<QString, Histogram> m_durations; // by route
    qint64 m_accepted = 0;
    qint64 m_duplicates = 0;
    qint64 m_rejected = 0;
    QMap<qint64, qint64> m_lowestSince; // ten-second slice → lowest `since` asked in it
};

} // namespace nocturne::server
