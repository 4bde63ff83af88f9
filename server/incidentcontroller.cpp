#include "incidentcontroller.h"

#include "core/export/incidentjson.h"
#include "core/sync/eventwire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("IncidentController", text); }

ApiError badParameter(const QString &message) { return ApiError(ApiErrorCode::BadRequest, message); }

std::optional<qint64> integerOf(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<qint64> timeOf(const QString &text)
{
    if (const auto ms = integerOf(text))
        return *ms >= 0 ? ms : std::nullopt;
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid())
        return std::nullopt;
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC); // the API speaks UTC
    return at.toMSecsSinceEpoch();
}

QString normalised(const core::IncidentQuery &q)
{
    // A unit separator cannot appear in a decoded query value that matters here, and
    // QString::arg would re-substitute markers found inside the values.
    const QChar sep(0x1f);
    return QString::number(int(q.scope)) + sep + q.state + sep + QString::number(q.priority) + sep + q.site + sep
        + q.service + sep + q.group + sep + q.assignee + sep + QString::number(q.updatedSinceMs) + sep
        + QString::number(q.limit) + sep + QString::number(q.offset);
}

} // namespace

Expected<core::IncidentQuery> parseIncidentQuery(const QList<QPair<QString, QString>> &items)
{
    core::IncidentQuery query;
    QSet<QString> seen;
    for (const auto &[key, value] : items) {
        if (seen.contains(key))
            return badParameter(tr("The query parameter \"%1\" appears more than once").arg(key));
        seen.insert(key);
        if (key == QLatin1StringView("scope")) {
            if (value == QLatin1StringView("open"))
                query.scope = core::IncidentQuery::Scope::Open;
            else if (value == QLatin1StringView("all"))
                query.scope = core::IncidentQuery::Scope::All;
            else if (value == QLatin1StringView("resolved"))
                query.scope = core::IncidentQuery::Scope::Resolved;
            else
                return badParameter(tr("scope must be open, all or resolved, not \"%1\"").arg(value));
        } else if (key == QLatin1StringView("state")) {
            if (!core::incidentStateFromName(value))
                return badParameter(tr("state \"%1\" is not a state (new, in_progress, on_hold, resolved, closed, cancelled)").arg(value));
            query.state = value;
        } else if (key == QLatin1StringView("priority")) {
            const auto p = integerOf(value);
            if (!p || *p < 1 || *p > 5)
                return badParameter(tr("priority must be 1 to 5, not \"%1\"").arg(value));
            query.priority = int(*p);
        } else if (key == QLatin1StringView("site")) {
            query.site = value;
        } else if (key == QLatin1StringView("service")) {
            query.service = value;
        } else if (key == QLatin1StringView("group")) {
            query.group = value;
        } else if (key == QLatin1StringView("assignee")) {
            query.assignee = value;
        } else if (key == QLatin1StringView("updated_since")) {
            const auto at = timeOf(value);
            if (!at)
                return badParameter(tr("updated_since must be an ISO 8601 time or UTC milliseconds, not \"%1\"").arg(value));
            query.updatedSinceMs = *at;
        } else if (key == QLatin1StringView("limit")) {
            const auto n = integerOf(value);
            if (!n || *n < 1 || *n > 500)
                return badParameter(tr("limit must be 1 to 500, not \"%1\"").arg(value));
            query.limit = int(*n);
        } else if (key == QLatin1StringView("offset")) {
            const auto n = integerOf(value);
            if (!n || *n < 0 || *n > std::numeric_limits<int>::max())
                return badParameter(tr("offset must be 0 or more, not \"%1\"").arg(value));
            query.offset = int(*n);
        } else {
            return badParameter(tr("Unknown query parameter \"%1\" (known: scope, state, priority, site, service, "
                                   "group, assignee, updated_since, limit, offset)")
                                    .arg(key));
        }
    }
    return query;
}

IncidentController::IncidentController(core::ServerStore &store) : m_store(store) { }

QJsonObject IncidentController::incidentJson(const core::Incident &incident)
{
    QJsonObject json = core::incidentToJson(incident);
    json.insert(QStringLiteral("csat"), incident.csat > 0 ? QJsonValue(incident.csat) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("made_sla"),
                incident.madeSla < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(incident.madeSla == 1));
    json.insert(QStringLiteral("source"), incident.source.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(incident.source));
    return json;
}

ApiResponse IncidentController::list(const RequestContext &context)
{
    const Expected<core::IncidentQuery> query =
        parseIncidentQuery(context.request.query().queryItems(QUrl::FullyDecoded));
    if (!query.ok())
        return ApiResponse::error(query.error());

    core::DatabaseError error;
    if (!m_headReadAt.isValid() || m_headReadAt.hasExpired(HeadRecheckMs)) {
        const std::optional<qint64> head = m_store.headRevision(&error);
        if (!head)
            return ApiResponse::error(ApiError::fromDatabase(error));
        m_headReadAt.start();
        if (*head != m_cachedRevision) {
            m_cache.clear();
            m_cachedRevision = *head;
        }
    }
    const QString key = normalised(query.value()) + QLatin1Char('|') + core::toName(context.principal.role);
    if (const auto it = m_cache.constFind(key); it != m_cache.cend()) {
        ApiResponse response;
        response.body = *it;
        return response;
    }

    const std::optional<core::IncidentPage> page = m_store.incidents(query.value(), &error);
    if (!page)
        return ApiResponse::error(ApiError::fromDatabase(error));
    QJsonArray incidents;
    for (const core::Incident &incident : page->incidents)
        incidents.append(incidentJson(incident));
    const ApiResponse response = ApiResponse::json({
        { QStringLiteral("incidents"), incidents },
        { QStringLiteral("total"), page->total },
        { QStringLiteral("limit"), query.value().limit },
        { QStringLiteral("offset"), query.value().offset },
        { QStringLiteral("revision"), page->headRevision },
    });
    // Another writer may have moved the head between the two reads: cache only what
    // belongs to the revision the cache is keyed on.
    if (page->headRevision == m_cachedRevision) {
        if (m_cache.size() >= MaxCached)
            m_cache.clear();
        m_cache.insert(key, response.body);
    }
    return response;
}

void IncidentController::forgetHead()
{
    m_headReadAt.invalidate();
}

ApiResponse IncidentController::get(const RequestContext &context)
{
    const QString idOrNumber = context.pathArguments.value(0);
    core::DatabaseError error;
    const std::optional<core::Incident> incident = m_store.incident(idOrNumber, &error);
    if (error)
        return ApiResponse::error(ApiError::fromDatabase(error));
    if (!incident)
        return ApiResponse::error(ApiError(ApiErrorCode::NotFound, tr("No incident \"%1\"").arg(idOrNumber)));
    const std::optional<QList<core::Event>> events = m_store.incidentEvents(incident->id, &error);
    if (!events)
        return ApiResponse::error(ApiError::fromDatabase(error));
    return ApiResponse::json({ { QStringLiteral("incident"), incidentJson(*incident) },
                               { QStringLiteral("events"), core::eventsToWire(*events) } });
}

} // namespace nocturne::server
