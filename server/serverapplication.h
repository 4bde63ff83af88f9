#pragma once

#include "apierror.h"
#include "routetable.h"

#include "core/storage/serverstore.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSet>

#include <memory>

class QTcpSocket;

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

class AccountController;
class Authenticator;
class EventController;
class HealthController;
class IncidentController;
class IntegrationController;
class KpiController;
class ServerMetrics;

struct ServerOptions
{
    qint64 maxBodyBytes = 4 * 1024 * 1024;
};

// nocturne-server's HTTP front: routes each request to its controller after the checks
// every route shares (body size, token, role), writes the JSON answer with an
// X-Request-Id, and counts it. Requests are handled synchronously on this object's
// thread, the one that owns the store's connection; QHttpServer has already buffered the
// whole body. For a graceful stop it remembers which connections sent part of a request
// that has not been answered yet.
class ServerApplication final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerApplication)
public:
    ServerApplication(core::ServerStore &store, const core::Clock &clock, const ServerOptions &options,
                      QObject *parent = nullptr);
    ~ServerApplication() override;

    // Listens on the address and port (0: any free port); 0 when it cannot.
    quint16 listenOn(const QHostAddress &address, quint16 port);
    // Stops accepting connections and serves what is in flight: returns when every
    // connection that started a request got its answer on the wire, or after timeoutMs.
    void shutdown(int timeoutMs);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiResponse dispatch(const QHttpServerRequest &request, QString *routeLabel);
    ApiResponse call(const Route &route, const QHttpServerRequest &request, const QStringList &arguments,
                     const core::Principal &principal);
    void trackNewConnections();
    void track(QTcpSocket *socket);
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response);

    core::ServerStore &m_store;
    const core::Clock &m_clock;
    ServerOptions m_options;
    std::unique_ptr<ServerMetrics> m_metrics;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<HealthController> m_health;
    std::unique_ptr<IncidentController> m_incidents;
    std::unique_ptr<EventController> m_events;
    std::unique_ptr<IntegrationController> m_integrations;
    std::unique_ptr<AccountController> m_accounts;
    std::unique_ptr<KpiController> m_kpis;

    QSet<QTcpSocket *> m_busy; // sent part of a request not answered yet
    QSet<QTcpSocket *> m_answered; // answered while their readyRead is being handled
    QSet<QTcpSocket *> m_fresh; // accepted, nothing read yet
    QSet<QTcpSocket *> m_tracked; // every open connection
};

} // namespace nocturne::server
