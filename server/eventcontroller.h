#pragma once

#include "requestcontext.h"

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

class ServerMetrics;

// POST /api/v1/events (a replica's batch) and GET /api/v1/events?since= (the pull).
// A batch is parsed completely before anything is stored: one malformed element refuses
// the whole request; per-event policy refusals come back as "rejected" results.
class EventController final
{
    Q_DISABLE_COPY_MOVE(EventController)
public:
    static constexpr int MaxBatch = 1000;
    static constexpr int MaxPage = 5000;

    EventController(core::ServerStore &store, ServerMetrics &metrics, const core::Clock &clock);

    ApiResponse append(const RequestContext &context);
    ApiResponse since(const RequestContext &context);

    // The results array of a stored batch, shared with the integrations.
    static QJsonObject outcomeJson(const core::EventOutcome &outcome);

private:
    core::ServerStore &m_store;
    ServerMetrics &m_metrics;
    const core::Clock &m_clock;
};

} // namespace nocturne::server
