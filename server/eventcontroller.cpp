#include "eventcontroller.h"

#include "servermetrics.h"

#include "core/domain/clock.h"
#include "core/sync/eventwire.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("EventController", text); }

QString statusName(core::EventOutcome::Status status)
{
    switch (status) {
    case core::EventOutcome::Status::Accepted: return QStringLiteral("accepted");
    case core::EventOutcome::Status::Duplicate: return QStringLiteral("duplicate");
    case core::EventOutcome::Status::Rejected: return QStringLiteral("rejected");
    }
    return {};
}

} // namespace

EventController::EventController(core::ServerStore &store, ServerMetrics &metrics, const core::Clock &clock)
    : m_store(store), m_metrics(metrics), m_clock(clock)
{
}

QJsonObject EventController::outcomeJson(const core::EventOutcome &outcome)
{
    QJsonObject json { { QStringLiteral("id"), outcome.eventId }, { QStringLiteral("status"), statusName(outcome.status) } };
    if (outcome.status == core::EventOutcome::Status::Rejected) {
        json.insert(QStringLiteral("code"), outcome.code);
        json.insert(QStringLiteral("reason"), outcome.reason);
    } else {
        json.insert(QStringLiteral("revision"), outcome.revision);
    }
    return json;
}

ApiResponse EventController::append(const RequestContext &context)
{
    const Expected<QJsonObject> body = jsonBody(context);
    if (!body.ok())
        return ApiResponse::error(body.error());
    JsonReader reader(body.value());
    reader.allowOnly({ "events" });
    const QJsonArray array = reader.array("events");
    if (!reader.ok())
        return ApiResponse::error(reader.error());
    if (array.isEmpty() || array.size() > MaxBatch)
        return ApiResponse::error(ApiError(ApiErrorCode::BadRequest,
                                           tr("events must hold 1 to %1 events, not %2").arg(MaxBatch).arg(array.size())));

    QList<core::Event> events;
    events.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("events[%1]").arg(i);
        if (!array.at(i).isObject())
            return ApiResponse::error(ApiError(ApiErrorCode::BadRequest, tr("%1 must be an object").arg(where)));
        QString error;
        std::optional<core::Event> event = core::eventFromWire(array.at(i).toObject(), where, false, &error);
        if (!event)
            return ApiResponse::error(ApiError(ApiErrorCode::Unprocessable, error));
        if (const QString format = event->formatError(); !format.isEmpty())
            return ApiResponse::error(ApiError(ApiErrorCode::Unprocessable, where + QStringLiteral(": ") + format));
        events << std::move(*event);
    }

    const core::BatchResult result = m_store.appendEvents(events, context.principal);
    if (result.error)
        return ApiResponse::error(ApiError::fromDatabase(result.error));
    QJsonArray results;
    int accepted = 0, duplicates = 0, rejected = 0;
    for (const core::EventOutcome &outcome : result.outcomes) {
        results.append(outcomeJson(outcome));
        switch (outcome.status) {
        case core::EventOutcome::Status::Accepted: ++accepted; break;
        case core::EventOutcome::Status::Duplicate: ++duplicates; break;
        case core::EventOutcome::Status::Rejected: ++rejected; break;
        }
    }
    m_metrics.recordEvents(accepted, duplicates, rejected);
    return ApiResponse::json({ { QStringLiteral("results"), results }, { QStringLiteral("revision"), result.headRevision } });
}

ApiResponse EventController::since(const RequestContext &context)
{
    qint64 since = 0;
    int limit = 1000;
    QSet<QString> seen;
    for (const auto &[key, value] : context.request.query().queryItems(QUrl::FullyDecoded)) {
        if (seen.contains(key))
            return ApiResponse::error(ApiError(ApiErrorCode::BadRequest,
                                               tr("The query parameter \"%1\" appears more than once").arg(key)));
        seen.insert(key);
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (key == QLatin1StringView("since")) {
            if (!ok || number < 0)
                return ApiResponse::error(ApiError(ApiErrorCode::BadRequest,
                                                   tr("since must be a revision (0 or more), not \"%1\"").arg(value)));
            since = number;
        } else if (key == QLatin1StringView("limit")) {
            if (!ok || number < 1 || number > MaxPage)
                return ApiResponse::error(ApiError(ApiErrorCode::BadRequest,
                                                   tr("limit must be 1 to %1, not \"%2\"").arg(MaxPage).arg(value)));
            limit = int(number);
        } else {
            return ApiResponse::error(ApiError(ApiErrorCode::BadRequest,
                                               tr("Unknown query parameter \"%1\" (known: since, limit)").arg(key)));
        }
    }

    core::DatabaseError error;
    const std::optional<core::EventPage> page = m_store.eventsSince(since, limit, &error);
    if (!page)
        return ApiResponse::error(ApiError::fromDatabase(error));
    const std::optional<qint64> head = m_store.headRevision(&error);
    if (!head)
        return ApiResponse::error(ApiError::fromDatabase(error));
    m_metrics.recordSince(since, m_clock.nowMs());
    return ApiResponse::json({ { QStringLiteral("events"), core::eventsToWire(page->events) },
                               { QStringLiteral("next_since"), page->nextSince },
                               { QStringLiteral("more"), page->more },
                               { QStringLiteral("revision"), *head } });
}

} // namespace nocturne::server
