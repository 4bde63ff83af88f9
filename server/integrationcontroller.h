#pragma once

#include "requestcontext.h"

#include "core/domain/hlc.h"

#include <memory>

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

class ServerMetrics;

// The ingest endpoints: Alertmanager's webhook (v4) and a generic events API shaped like
// PagerDuty Events v2. Both turn alerts into incident events written by the server in
// the name of the integration ("alertmanager", "events-api"), from the origin node
// "<store node>-ingest": the store refuses client events that claim the server's own
// node, and these events are the server's own only in that they are authored here.
//
// Alertmanager: one incident per alert fingerprint and firing period (startsAt). Event
// ids derive from (fingerprint, startsAt, step) and an event already stored is not sent
// again, so a webhook delivered twice changes nothing the second time.
class IntegrationController final
{
    Q_DISABLE_COPY_MOVE(IntegrationController)
public:
    IntegrationController(core::ServerStore &store, ServerMetrics &metrics, const core::Clock &clock);
    ~IntegrationController();

    ApiResponse alertmanager(const RequestContext &context);
    ApiResponse eventsApi(const RequestContext &context);

    // The node the ingest events come from.
    QString ingestNode() const { return m_node; }

private:
    struct Pending
    {
        QList<core::Event> events;
        QStringList incidentIds; // touched, in order, without repeats
    };

    core::Event makeEvent(const QString &id, const QString &incidentId, core::EventKind kind,
                          const QJsonObject &payload, const QString &actor, qint64 occurredAt);
    // Appends and answers 202 with the numbers of the incidents touched.
    ApiResponse store(const Pending &pending, const QString &actor);

    core::ServerStore &m_store;
    ServerMetrics &m_metrics;
    const core::Clock &m_clock;
    QString m_node;
    std::unique_ptr<core::HybridLogicalClock> m_hlc;
};

// Alertmanager's times ("2026-11-27T13:14:34.862992744Z", nanoseconds) in UTC ms; 0 for
// its zero time ("0001-01-01T00:00:00Z"); nullopt when not a time.
std::optional<qint64> parseAlertTime(const QString &text);

} // namespace nocturne::server
