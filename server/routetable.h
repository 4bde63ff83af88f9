#pragma once

#include "core/domain/role.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace nocturne::server {

enum class RouteId {
    Health,
    Metrics,
    WhoAmI,
    ListIncidents,
    GetIncident,
    AppendEvents,
    EventsSince,
    Alertmanager,
    EventsApi,
    ListUsers,
    AddUser,
    CreateToken,
    RevokeToken,
    Kpis,
};

// Who may call a route: checked by the dispatcher before any controller runs.
enum class Access {
    Public, // no token (health and metrics, for probes and scrapers)
    AnyToken,
    Read,
    WriteEvents,
    Ingest,
    Administer,
};

struct Route
{
    RouteId id;
    QByteArray method;
    QString path; // segments in {braces} match one path segment
    Access access;
};

// Every route of API v1, in the order docs/api.md describes them. `nocturne-server
// --routes` prints it; the documentation test checks that each one is documented.
const QList<Route> &apiRoutes();

bool isAllowed(Access access, core::Role role);
QString accessName(Access access);

// Whether `path` matches the route's pattern; the {placeholder} segments go to `arguments`.
bool matchPath(const QString &pattern, const QString &path, QStringList *arguments);

} // namespace nocturne::server
