#include "routetable.h"

namespace nocturne::server {

const QList<Route> &apiRoutes()
{
    static const QList<Route> routes = {
        { RouteId::Health, "GET", QStringLiteral("/healthz"), Access::Public },
        { RouteId::Metrics, "GET", QStringLiteral("/metrics"), Access::Public },
        { RouteId::WhoAmI, "GET", QStringLiteral("/api/v1/whoami"), Access::AnyToken },
        { RouteId::ListIncidents, "GET", QStringLiteral("/api/v1/incidents"), Access::Read },
        { RouteId::GetIncident, "GET", QStringLiteral("/api/v1/incidents/{id}"), Access::Read },
        { RouteId::AppendEvents, "POST", QStringLiteral("/api/v1/events"), Access::WriteEvents },
        { RouteId::EventsSince, "GET", QStringLiteral("/api/v1/events"), Access::Read },
        { RouteId::Kpis, "GET", QStringLiteral("/api/v1/kpis"), Access::Read },
        { RouteId::Alertmanager, "POST", QStringLiteral("/api/v1/integrations/alertmanager"), Access::Ingest },
        { RouteId::EventsApi, "POST", QStringLiteral("/api/v1/integrations/events"), Access::Ingest },
        { RouteId::ListUsers, "GET", QStringLiteral("/api/v1/users"), Access::Administer },
        { RouteId::AddUser, "POST", QStringLiteral("/api/v1/users"), Access::Administer },
        { RouteId::CreateToken, "POST", QStringLiteral("/api/v1/users/{name}/tokens"), Access::Administer },
        { RouteId::RevokeToken, "DELETE", QStringLiteral("/api/v1/tokens/{id}"), Access::Administer },
    };
    return routes;
}

bool isAllowed(Access access, core::Role role)
{
    switch (access) {
    case Access::Public:
    case Access::AnyToken: return true;
    case Access::Read: return core::canRead(role);
    case Access::WriteEvents: return core::canWriteEvents(role);
    case Access::Ingest: return core::canIngest(role);
    case Access::Administer: return core::canAdminister(role);
    }
    return false;
}

QString accessName(Access access)
{
    switch (access) {
    case Access::Public: return QStringLiteral("public");
    case Access::AnyToken: return QStringLiteral("any token");
    case Access::Read: return QStringLiteral("read");
    case Access::WriteEvents: return QStringLiteral("write events");
    case Access::Ingest: return QStringLiteral("ingest");
    case Access::Administer: return QStringLiteral("administer");
    }
    return {};
}

bool matchPath(const QString &pattern, const QString &path, QStringList *arguments)
{
    const QList<QStringView> want = QStringView(pattern).split(QLatin1Char('/'));
    const QList<QStringView> have = QStringView(path).split(QLatin1Char('/'));
    if (want.size() != have.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want[i].startsWith(QLatin1Char('{'))) {
            if (have[i].isEmpty())
                return false;
            captured << have[i].toString();
        } else if (want[i] != have[i]) {
            return false;
        }
    }
    if (arguments)
        *arguments = captured;
    return true;
}

} // namespace nocturne::server
