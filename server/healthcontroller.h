#pragma once

#include "requestcontext.h"

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

class ServerMetrics;

// /healthz and /metrics: the two routes without authentication, for load balancers and
// Prometheus. Both answer from one cheap store round trip.
class HealthController final
{
    Q_DISABLE_COPY_MOVE(HealthController)
public:
    HealthController(core::ServerStore &store, const ServerMetrics &metrics, const core::Clock &clock);

    ApiResponse health(const RequestContext &context);
    ApiResponse metrics(const RequestContext &context);

private:
    core::ServerStore &m_store;
    const ServerMetrics &m_metrics;
    const core::Clock &m_clock;
};

} // namespace nocturne::server
