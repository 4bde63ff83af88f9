#pragma once

#include "requestcontext.h"

#include <QHash>

namespace nocturne::server {

// GET /api/v1/incidents (the list, with filters and paging) and GET /api/v1/incidents/{id}.
// The list page is what every console polls, so its serialised answer is cached by
// (normalised query, role) for as long as the store's head revision stays the same; the
// head is read on every request because another server instance may write to the same
// PostgreSQL database.
class IncidentController final
{
    Q_DISABLE_COPY_MOVE(IncidentController)
public:
    explicit IncidentController(core::ServerStore &store);

    ApiResponse list(const RequestContext &context);
    ApiResponse get(const RequestContext &context);

    // The API's incident: the export form plus the fields an import may carry.
    static QJsonObject incidentJson(const core::Incident &incident);

private:
    static constexpr int MaxCached = 256;

    core::ServerStore &m_store;
    qint64 m_cachedRevision = -1;
    QHash<QString, QByteArray> m_cache; // normalised query + role → response body
};

// Parses the list's query string strictly (unknown or repeated parameters, bad values:
// 400 naming them). Exposed for tests.
Expected<core::IncidentQuery> parseIncidentQuery(const QList<QPair<QString, QString>> &items);

} // namespace nocturne::server
