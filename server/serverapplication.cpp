#include "serverapplication.h"

#include "accountcontroller.h"
#include "authenticator.h"
#include "eventcontroller.h"
#include "healthcontroller.h"
#include "incidentcontroller.h"
#include "integrationcontroller.h"
#include "kpicontroller.h"
#include "requestcontext.h"
#include "serverlog.h"
#include "servermetrics.h"

#include "core/domain/clock.h"
#include "core/storage/serverstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <exception>

Q_LOGGING_CATEGORY(lcServer, "nocturne.server", QtInfoMsg)

namespace nocturne::server {

namespace {

// How long a stop waits for the first bytes of a connection accepted just before it.
constexpr int FreshConnectionGraceMs = 500;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QByteArray headerOf(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &header : request.headers()) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray requestIdOf(const QHttpServerRequest &request)
{
    static const QRegularExpression sane(QStringLiteral(R"(^[A-Za-z0-9._:-]{1,128}$)"));
    const QByteArray given = headerOf(request, "X-Request-Id").trimmed();
    if (!given.isEmpty() && sane.match(QString::fromLatin1(given)).hasMatch())
        return given;
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

} // namespace

ServerApplication::ServerApplication(core::ServerStore &store, const core::Clock &clock, const ServerOptions &options,
                                     QObject *parent)
    : QAbstractHttpServer(parent),
      m_store(store),
      m_clock(clock),
      m_options(options),
      m_metrics(std::make_unique<ServerMetrics>()),
      m_authenticator(std::make_unique<Authenticator>(store, clock)),
      m_health(std::make_unique<HealthController>(store, *m_metrics, clock)),
      m_incidents(std::make_unique<IncidentController>(store)),
      m_events(std::make_unique<EventController>(store, *m_metrics, clock)),
      m_integrations(std::make_unique<IntegrationController>(store, *m_metrics, clock)),
      m_accounts(std::make_unique<AccountController>(store, *m_authenticator, clock)),
      m_kpis(std::make_unique<KpiController>(store, clock))
{
}

ServerApplication::~ServerApplication() = default;

quint16 ServerApplication::listenOn(const QHostAddress &address, quint16 port)
{
    const quint16 bound = listen(address, port);
    if (bound == 0)
        return 0;
    // Connected after QAbstractHttpServer's own handler, so by the time these run it has
    // taken the new connection and connected its readyRead: tracking in the same emission
    // means no byte of a new connection can arrive before ours is connected too. Which of
    // the two signals the handler listens to differs between Qt versions and between plain
    // and TLS listeners, hence both.
    for (QTcpServer *server : servers()) {
        connect(server, &QTcpServer::pendingConnectionAvailable, this, &ServerApplication::trackNewConnections);
        connect(server, &QTcpServer::newConnection, this, &ServerApplication::trackNewConnections);
    }
    return bound;
}

void ServerApplication::trackNewConnections()
{
    const QList<QTcpServer *> listeners = servers();
    for (QTcpServer *server : listeners) {
        if (server->hasPendingConnections())
            return; // not handed to the HTTP handler yet: the other signal will come after it
    }
    for (QTcpServer *server : listeners) {
        const QList<QTcpSocket *> sockets = server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
        for (QTcpSocket *socket : sockets) {
            // A TLS connection reaches the handler once its handshake is done.
            const auto *tls = qobject_cast<QSslSocket *>(socket);
            if (!tls || tls->isEncrypted())
                track(socket);
        }
    }
}

void ServerApplication::track(QTcpSocket *socket)
{
    if (m_tracked.contains(socket))
        return;
    m_tracked.insert(socket);
    m_fresh.insert(socket);
    // The responder writes the status line, headers and body separately and Qt sends a
    // large body in blocks: with Nagle's algorithm the last small segment of an answer
    // waits for the client's delayed ACK (40 ms on Linux) on a keep-alive connection.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected after QAbstractHttpServer's own handler, so this runs once the bytes were
    // parsed: a read that did not complete a request leaves the connection busy.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        m_fresh.remove(socket);
        if (m_answered.remove(socket))
            m_busy.remove(socket);
        else
            m_busy.insert(socket);
    });
    connect(socket, &QObject::destroyed, this, [this, socket] {
        m_tracked.remove(socket);
        m_fresh.remove(socket);
        m_busy.remove(socket);
        m_answered.remove(socket);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_fresh.remove(socket);
        m_busy.remove(socket);
    });
}

void ServerApplication::shutdown(int timeoutMs)
{
    // A client may have connected and sent its request before the signal, while the
    // connection still waits in the kernel's accept queue: take those in before closing,
    // or closing the listener would reset them.
    for (QTcpServer *server : servers()) {
        server->waitForNewConnection(0);
        server->close();
    }
    const QDeadlineTimer deadline(timeoutMs);
    // Bytes a fresh connection already sent are read within the first turns of the loop;
    // one that has sent nothing by then is an idle client, not a request in flight.
    const QDeadlineTimer freshGrace(std::min(timeoutMs, FreshConnectionGraceMs));
    auto pendingWrites = [this] {
        for (const QTcpSocket *socket : std::as_const(m_tracked)) {
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0)
                return true;
        }
        return false;
    };
    auto inFlight = [&] {
        return !m_busy.isEmpty() || pendingWrites() || (!m_fresh.isEmpty() && !freshGrace.hasExpired());
    };
    while (inFlight() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!m_busy.isEmpty())
        qCWarning(lcServer) << m_busy.size() << "connection(s) still sending a request at shutdown";
    // Disconnecting may destroy a socket, which takes it out of the set being walked.
    const QSet<QTcpSocket *> open = m_tracked;
    for (QTcpSocket *socket : open) {
        if (m_tracked.contains(socket))
            socket->disconnectFromHost();
    }
}

bool ServerApplication::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    QString routeLabel = QStringLiteral("unmatched");
    ApiResponse response;
    try {
        response = dispatch(request, &routeLabel);
    } catch (const std::exception &e) {
        qCCritical(lcServer) << "request failed:" << e.what();
        response = ApiResponse::error(ApiError(ApiErrorCode::Internal, tr("The server failed to answer")));
    } catch (...) {
        response = ApiResponse::error(ApiError(ApiErrorCode::Internal, tr("The server failed to answer")));
    }
    if (request.method() != QHttpServerRequest::Method::Get)
        m_incidents->forgetHead(); // it may have written
    write(request, socket, response);
    m_metrics->recordRequest(routeLabel, methodName(request.method()), response.status, timer.nsecsElapsed() / 1e9);
    m_answered.insert(socket);
    m_busy.remove(socket);
    return true;
}

void ServerApplication::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this only runs if Qt decides otherwise.
    write(request, socket, ApiResponse::error(ApiError(ApiErrorCode::NotFound, tr("No such route"))));
}

void ServerApplication::write(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("X-Request-Id", requestIdOf(request));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

ApiResponse ServerApplication::dispatch(const QHttpServerRequest &request, QString *routeLabel)
{
    const QString path = request.url().path();
    const QByteArray method = methodName(request.method());
    const Route *route = nullptr;
    QStringList arguments;
    QByteArrayList allowed;
    for (const Route &candidate : apiRoutes()) {
        QStringList captured;
        if (!matchPath(candidate.path, path, &captured))
            continue;
        if (candidate.method == method) {
            route = &candidate;
            arguments = captured;
            break;
        }
        allowed << candidate.method;
    }
    if (!route) {
        if (allowed.isEmpty())
            return ApiResponse::error(ApiError(ApiErrorCode::NotFound, tr("No route %1 %2").arg(QString::fromLatin1(method), path)));
        ApiResponse response = ApiResponse::error(ApiError(
            ApiErrorCode::MethodNotAllowed,
            tr("%1 does not take %2 (it takes %3)").arg(path, QString::fromLatin1(method), QString::fromLatin1(allowed.join(", ")))));
        response.headers.append({ "Allow", allowed.join(", ") });
        return response;
    }
    *routeLabel = route->path;

    // The size limit first: nothing of an oversized body is looked at.
    const QByteArray declared = headerOf(request, "Content-Length");
    bool numeric = false;
    const qint64 length = declared.trimmed().toLongLong(&numeric);
    if ((numeric && length > m_options.maxBodyBytes) || request.body().size() > m_options.maxBodyBytes)
        return ApiResponse::error(ApiError(ApiErrorCode::PayloadTooLarge,
                                           tr("The body has %1 bytes; this server takes at most %2 (--max-body)")
                                               .arg(std::max<qint64>(length, request.body().size()))
                                               .arg(m_options.maxBodyBytes)));

    core::Principal principal;
    if (route->access != Access::Public) {
        const Expected<core::Principal> who = m_authenticator->authenticate(request);
        if (!who.ok()) {
            ApiResponse response = ApiResponse::error(who.error());
            if (who.error().code() == ApiErrorCode::Unauthorized)
                response.headers.append({ "WWW-Authenticate", Authenticator::challenge() });
            return response;
        }
        principal = who.value();
        if (!isAllowed(route->access, principal.role))
            return ApiResponse::error(ApiError(ApiErrorCode::Forbidden,
                                               tr("%1 (%2) may not %3 %4: it needs the \"%5\" right")
                                                   .arg(principal.user, core::toName(principal.role),
                                                        QString::fromLatin1(method), route->path, accessName(route->access))));
    }
    return call(*route, request, arguments, principal);
}

ApiResponse ServerApplication::call(const Route &route, const QHttpServerRequest &request, const QStringList &arguments,
                                    const core::Principal &principal)
{
    const RequestContext context { request, arguments, principal, m_options.maxBodyBytes };
    switch (route.id) {
    case RouteId::Health: return m_health->health(context);
    case RouteId::Metrics: return m_health->metrics(context);
    case RouteId::WhoAmI: return m_accounts->whoami(context);
    case RouteId::ListIncidents: return m_incidents->list(context);
    case RouteId::GetIncident: return m_incidents->get(context);
    case RouteId::AppendEvents: return m_events->append(context);
    case RouteId::EventsSince: return m_events->since(context);
    case RouteId::Alertmanager: return m_integrations->alertmanager(context);
    case RouteId::EventsApi: return m_integrations->eventsApi(context);
    case RouteId::ListUsers: return m_accounts->listUsers(context);
    case RouteId::AddUser: return m_accounts->addUser(context);
    case RouteId::CreateToken: return m_accounts->createToken(context);
    case RouteId::RevokeToken: return m_accounts->revokeToken(context);
    case RouteId::Kpis: return m_kpis->report(context);
    }
    return ApiResponse::error(ApiError(ApiErrorCode::Internal, tr("Route without a handler")));
}

} // namespace nocturne::server
