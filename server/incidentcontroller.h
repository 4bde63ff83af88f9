#pragma once

#include "requestcontext.h"

#include <QElapsedTimer>
#include <QHash>

namespace nocturne::server {

// GET /api/v1/incidents (the list, with filters and paging) and GET /api/v1/incidents/{id}.
// The list page is what every console polls, so its serialised answer is cached by
// (normalised query, role) for as long as the store's head revision stays the same. The
// head is read again at most every HeadRecheckMs (a round trip per request to PostgreSQL
// halved the page rate): what another server instance or nocturnectl writes to the same
// store shows within that, and this server's own writes at once (forgetHead).
class IncidentController final
{
    Q_DISABLE_COPY_MOVE(IncidentController)
public:
    explicit IncidentController(core::ServerStore &store);

    ApiResponse list(const RequestContext &context);
    // After a write through this server: the next list reads the head revision again.
    void forgetHead();
    ApiResponse get(const RequestContext &context);

    // The API's incident: the export form plus the fields an import may carry.
    static QJsonObject incidentJson(const core::Incident &incident);

private:
    static constexpr int MaxCached = 256;
    static constexpr qint64 HeadRecheckMs = 100;

    core::ServerStore &m_store;
    qint64 m_cachedRevision = -1;
    QElapsedTimer m_headReadAt; // invalid: read the head on the next list
    QHash<QString, QByteArray> m_cache; // normalised query + role → response body
};

// Parses the list's query string strictly (unknown or repeated parameters, bad values:
// 400 naming them). Exposed for tests.
Expected<core::IncidentQuery> parseIncidentQuery(const QList<QPair<QString, QString>> &items);

} // namespace nocturne::server
