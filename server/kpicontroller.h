#pragma once

#include "requestcontext.h"

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

// GET /api/v1/kpis: every KPI of docs/kpi.md for a period and filters, the same report
// `nocturnectl kpi --json` prints. Computed on each request from the store's incidents
// and their SLA outcomes (which the request brings up to date first).
class KpiController final
{
    Q_DISABLE_COPY_MOVE(KpiController)
public:
    KpiController(core::ServerStore &store, const core::Clock &clock);

    ApiResponse report(const RequestContext &context);

private:
    core::ServerStore &m_store;
    const core::Clock &m_clock;
};

// Parses the query string strictly: from, to (a date or an ISO 8601 time; a bare `to`
// date is included), tz (IANA id, default UTC), and the repeatable or comma-separated
// filters priority, domain, service, site, group. Exposed for tests.
Expected<core::KpiQuery> parseKpiQuery(const QList<QPair<QString, QString>> &items, qint64 nowMs);

} // namespace nocturne::server
