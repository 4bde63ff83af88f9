#include "healthcontroller.h"

#include "servermetrics.h"

#include "core/domain/clock.h"

#include <QCoreApplication>

namespace nocturne::server {

HealthController::HealthController(core::ServerStore &store, const ServerMetrics &metrics, const core::Clock &clock)
    : m_store(store), m_metrics(metrics), m_clock(clock)
{
}

ApiResponse HealthController::health(const RequestContext &)
{
    core::DatabaseError error;
    const std::optional<qint64> revision = m_store.isHealthy() ? m_store.headRevision(&error) : std::nullopt;
    if (!revision) {
        const QString reason = error ? error.message : QCoreApplication::translate("HealthController", "no answer");
        return ApiResponse::error(ApiError(ApiErrorCode::Unavailable,
                                           QCoreApplication::translate("HealthController", "The store does not answer: %1").arg(reason)));
    }
    return ApiResponse::json({ { QStringLiteral("status"), QStringLiteral("ok") },
                               { QStringLiteral("backend"), m_store.backend() },
                               { QStringLiteral("revision"), *revision } });
}

ApiResponse HealthController::metrics(const RequestContext &)
{
    core::DatabaseError error;
    ApiResponse response;
    response.body = m_metrics.render(m_store.headRevision(&error), m_clock.nowMs());
    response.contentType = "text/plain; version=0.0.4; charset=utf-8";
    return response;
}

} // namespace nocturne::server
