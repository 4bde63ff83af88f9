#include "integrationcontroller.h"

#include "eventcontroller.h"
#include "servermetrics.h"

#include "serverlog.h"

#include "core/domain/clock.h"
#include "core/domain/prioritymatrix.h"
#include "core/domain/sha256.h"
#include "core/domain/uuid7.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>



namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("IntegrationController", text); }

const QString AlertmanagerActor = QStringLiteral("alertmanager");
const QString EventsApiActor = QStringLiteral("events-api");

// A UUIDv7-shaped id whose other bits come from a hash of its parts, as import ids do:
// the same alert gives the same ids on every delivery.
QString derivedId(const QStringList &parts, qint64 atMs)
{
    const QByteArray digest = core::sha256(parts.join(QChar(0x1f)).toUtf8());
    quint64 high = 0, low = 0;
    for (int i = 0; i < 8; ++i) {
        high = (high << 8) | quint8(digest.at(i));
        low = (low << 8) | quint8(digest.at(8 + i));
    }
    return core::createUuidV7(std::max<qint64>(0, atMs), high, low);
}

// critical → 1/1 (P1), warning or error → 2/2 (P3), anything else 3/3 (P5).
std::pair<int, int> levelsOf(const QString &severity)
{
    if (severity == QLatin1StringView("critical"))
        return { 1, 1 };
    if (severity == QLatin1StringView("warning") || severity == QLatin1StringView("error"))
        return { 2, 2 };
    return { 3, 3 };
}

QJsonObject openedPayload(const QString &title, const QString &description, const QString &severity)
{
    const auto [impact, urgency] = levelsOf(severity);
    return { { QStringLiteral("title"), title.left(500) },
             { QStringLiteral("description"), description },
             { QStringLiteral("impact"), impact },
             { QStringLiteral("urgency"), urgency },
             { QStringLiteral("priority"), core::PriorityMatrix().priorityFor(impact, urgency) },
             { QStringLiteral("channel"), QStringLiteral("monitoring") } };
}

void touch(QStringList *ids, const QString &id)
{
    if (!ids->contains(id))
        *ids << id;
}

struct Alert
{
    QString status;
    QJsonObject labels;
    QJsonObject annotations;
    QString startsAtText;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    QString generatorUrl;
    QString fingerprint;
};

Expected<Alert> readAlert(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return ApiError(ApiErrorCode::BadRequest, tr("%1 must be an object").arg(where));
    JsonReader reader(value.toObject(), where);
    Alert alert;
    alert.status = reader.oneOf("status", { QStringLiteral("firing"), QStringLiteral("resolved") });
    alert.labels = reader.object("labels");
    alert.annotations = reader.object("annotations", false);
    alert.startsAtText = reader.string("startsAt");
    const QString endsAt = reader.string("endsAt", false);
    alert.generatorUrl = reader.string("generatorURL", false);
    alert.fingerprint = reader.string("fingerprint");
    if (!reader.ok())
        return reader.error();
    if (alert.fingerprint.isEmpty())
        return ApiError(ApiErrorCode::BadRequest, tr("%1.fingerprint must not be empty").arg(where));
    for (const QJsonObject &map : { alert.labels, alert.annotations }) {
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isString())
                return ApiError(ApiErrorCode::BadRequest,
                                tr("%1: label and annotation values must be strings (\"%2\" is not)").arg(where, it.key()));
        }
    }
    const std::optional<qint64> starts = parseAlertTime(alert.startsAtText);
    if (!starts || *starts <= 0)
        return ApiError(ApiErrorCode::BadRequest, tr("%1.startsAt is not a time: \"%2\"").arg(where, alert.startsAtText));
    alert.startsAt = *starts;
    if (!endsAt.isEmpty()) {
        const std::optional<qint64> ends = parseAlertTime(endsAt);
        if (!ends)
            return ApiError(ApiErrorCode::BadRequest, tr("%1.endsAt is not a time: \"%2\"").arg(where, endsAt));
        alert.endsAt = *ends;
    }
    return alert;
}

} // namespace

std::optional<qint64> parseAlertTime(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$)"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    if (m.captured(1).startsWith(QLatin1StringView("0001-01-01")))
        return 0;
    const QString millis = QString(m.captured(2) + QStringLiteral("000")).left(3);
    const QDateTime at = QDateTime::fromString(m.captured(1) + QLatin1Char('.') + millis + m.captured(3), Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return at.toMSecsSinceEpoch();
}

IntegrationController::IntegrationController(core::ServerStore &store, ServerMetrics &metrics, const core::Clock &clock)
    : m_store(store),
      m_metrics(metrics),
      m_clock(clock),
      m_node(store.nodeId() + QStringLiteral("-ingest")),
      m_hlc(std::make_unique<core::HybridLogicalClock>(clock, m_node))
{
}

IntegrationController::~IntegrationController() = default;

core::Event IntegrationController::makeEvent(const QString &id, const QString &incidentId, core::EventKind kind,
                                             const QJsonObject &payload, const QString &actor, qint64 occurredAt)
{
    core::Event event;
    event.id = id;
    event.incidentId = incidentId;
    event.kind = kind;
    event.payload = payload;
    event.actor = actor;
    event.originNode = m_node;
    event.hlc = m_hlc->now();
    event.occurredAt = occurredAt;
    return event;
}

ApiResponse IntegrationController::store(const Pending &pending, const QString &actor)
{
    if (!pending.events.isEmpty()) {
        // The integration's own events, written with the rights of an administrator of
        // its own name: the caller's role was checked (canIngest) before we got here.
        const core::Principal author { actor, core::Role::Admin, {} };
        const core::BatchResult result = m_store.appendEvents(pending.events, author);
        if (result.error)
            return ApiResponse::error(ApiError::fromDatabase(result.error));
        int accepted = 0, duplicates = 0, rejected = 0;
        for (const core::EventOutcome &outcome : result.outcomes) {
            if (outcome.status == core::EventOutcome::Status::Accepted)
                ++accepted;
            else if (outcome.status == core::EventOutcome::Status::Duplicate)
                ++duplicates;
            else {
                ++rejected;
                qCWarning(lcServer) << "ingest event refused:" << outcome.code << outcome.reason;
            }
        }
        m_metrics.recordEvents(accepted, duplicates, rejected);
    }
    QJsonArray numbers;
    for (const QString &id : pending.incidentIds) {
        core::DatabaseError error;
        const std::optional<core::Incident> incident = m_store.incident(id, &error);
        if (error)
            return ApiResponse::error(ApiError::fromDatabase(error));
        if (incident && !numbers.contains(incident->number))
            numbers.append(incident->number);
    }
    return ApiResponse::json({ { QStringLiteral("incidents"), numbers } }, 202);
}

ApiResponse IntegrationController::alertmanager(const RequestContext &context)
{
    const Expected<QJsonObject> body = jsonBody(context);
    if (!body.ok())
        return ApiResponse::error(body.error());
    // Alertmanager adds fields over its versions: the top level is read leniently, the
    // fields we use strictly.
    JsonReader reader(body.value());
    const QString version = reader.string("version");
    reader.oneOf("status", { QStringLiteral("firing"), QStringLiteral("resolved") });
    const QJsonArray alertValues = reader.array("alerts");
    if (!reader.ok())
        return ApiResponse::error(reader.error());
    if (version != QLatin1StringView("4"))
        return ApiResponse::error(ApiError(ApiErrorCode::Unprocessable,
                                           tr("Only version 4 of the Alertmanager webhook is understood, not \"%1\"").arg(version)));
    QList<Alert> alerts;
    for (qsizetype i = 0; i < alertValues.size(); ++i) {
        const Expected<Alert> alert = readAlert(alertValues.at(i), QStringLiteral("alerts[%1]").arg(i));
        if (!alert.ok())
            return ApiResponse::error(alert.error());
        alerts << alert.value();
    }

    Pending pending;
    const qint64 now = m_clock.nowMs();
    for (const Alert &alert : std::as_const(alerts)) {
        const QString incidentId = derivedId({ QStringLiteral("alertmanager-incident"), alert.fingerprint, alert.startsAtText },
                                             alert.startsAt);
        auto eventId = [&](const char *step) {
            return derivedId({ QStringLiteral("alertmanager-event"), alert.fingerprint, alert.startsAtText,
                               QLatin1StringView(step) },
                             alert.startsAt);
        };
        core::DatabaseError error;
        const std::optional<core::Incident> existing = m_store.incident(incidentId, &error);
        if (error)
            return ApiResponse::error(ApiError::fromDatabase(error));
        QSet<QString> stored;
        if (existing) {
            const std::optional<QList<core::Event>> events = m_store.incidentEvents(incidentId, &error);
            if (!events)
                return ApiResponse::error(ApiError::fromDatabase(error));
            for (const core::Event &e : *events)
                stored.insert(e.id);
        }
        for (const core::Event &e : std::as_const(pending.events)) {
            if (e.incidentId == incidentId)
                stored.insert(e.id); // the same alert twice in one notification
        }
        auto add = [&](const QString &id, core::EventKind kind, const QJsonObject &payload, qint64 at) {
            if (!stored.contains(id)) {
                pending.events << makeEvent(id, incidentId, kind, payload, AlertmanagerActor, at);
                stored.insert(id);
            }
        };
        touch(&pending.incidentIds, incidentId);

        const QString alertName = alert.labels.value(QStringLiteral("alertname")).toString();
        const QString summary = alert.annotations.value(QStringLiteral("summary")).toString();
        const qint64 openedAt = existing ? existing->openedAt : now;
        if (!existing) {
            QJsonObject payload = openedPayload(summary.isEmpty() ? alertName : summary,
                                                alert.annotations.value(QStringLiteral("description")).toString(),
                                                alert.labels.value(QStringLiteral("severity")).toString());
            for (const char *key : { "service", "site", "ci" }) {
                if (const QString value = alert.labels.value(QLatin1StringView(key)).toString(); !value.isEmpty())
                    payload.insert(QLatin1StringView(key), value);
            }
            payload.insert(QStringLiteral("reporter"), AlertmanagerActor);
            payload.insert(QStringLiteral("started_at"), alert.startsAt);
            payload.insert(QStringLiteral("detected_at"), alert.startsAt);
            if (payload.value(QStringLiteral("title")).toString().isEmpty())
                payload.insert(QStringLiteral("title"), tr("Alert %1").arg(alert.fingerprint));
            add(eventId("opened"), core::EventKind::Opened, payload, now);
            add(eventId("attached"), core::EventKind::AlertAttached,
                { { QStringLiteral("source"), AlertmanagerActor },
                  { QStringLiteral("fingerprint"), alert.fingerprint },
                  { QStringLiteral("labels"), alert.labels },
                  { QStringLiteral("starts_at"), alert.startsAtText },
                  { QStringLiteral("generator_url"), alert.generatorUrl } },
                now);
        }
        if (alert.status == QLatin1StringView("resolved")) {
            const qint64 at = std::max(openedAt, alert.endsAt > 0 ? alert.endsAt : now);
            add(eventId("resolved-comment"), core::EventKind::Commented,
                { { QStringLiteral("text"), tr("Alertmanager: %1 stopped firing at %2")
                                                .arg(alertName.isEmpty() ? alert.fingerprint : alertName,
                                                     QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODate)) } },
                at);
            if (!existing || existing->isOpen())
                add(eventId("resolved"), core::EventKind::Resolved,
                    { { QStringLiteral("code"), QStringLiteral("auto_resolved") },
                      { QStringLiteral("notes"), tr("Resolved by Alertmanager: the alert stopped firing") } },
                    at);
        }
    }
    return store(pending, AlertmanagerActor);
}

ApiResponse IntegrationController::eventsApi(const RequestContext &context)
{
    const Expected<QJsonObject> body = jsonBody(context);
    if (!body.ok())
        return ApiResponse::error(body.error());
    JsonReader reader(body.value());
    reader.allowOnly({ "routing_key", "event_action", "dedup_key", "payload", "client", "client_url", "links", "images" });
    const QString action = reader.oneOf("event_action",
                                        { QStringLiteral("trigger"), QStringLiteral("acknowledge"), QStringLiteral("resolve") });
    const bool trigger = action == QLatin1StringView("trigger");
    QString dedupKey = reader.string("dedup_key", !trigger);
    const QJsonObject payload = reader.object("payload", trigger);
    reader.string("routing_key", false);
    const QString client = reader.string("client", false);
    reader.string("client_url", false);
    reader.array("links", false);
    reader.array("images", false);
    JsonReader fields(payload, QStringLiteral("payload"));
    fields.allowOnly({ "summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details" });
    const QString summary = fields.string("summary", trigger);
    const QString source = fields.string("source", trigger);
    const QString severity = fields.oneOf("severity", { QStringLiteral("critical"), QStringLiteral("error"),
                                                        QStringLiteral("warning"), QStringLiteral("info") },
                                          trigger);
    const QString timestamp = fields.string("timestamp", false);
    const QString component = fields.string("component", false);
    const QString group = fields.string("group", false);
    const QString category = fields.string("class", false);
    const QJsonObject details = fields.object("custom_details", false);
    if (!reader.ok())
        return ApiResponse::error(reader.error());
    if (!fields.ok())
        return ApiResponse::error(fields.error());
    if (trigger && summary.trimmed().isEmpty())
        return ApiResponse::error(ApiError(ApiErrorCode::BadRequest, tr("payload.summary must not be empty")));
    const qint64 now = m_clock.nowMs();
    qint64 at = now;
    if (!timestamp.isEmpty()) {
        const std::optional<qint64> parsed = parseAlertTime(timestamp);
        if (!parsed || *parsed <= 0)
            return ApiResponse::error(ApiError(ApiErrorCode::BadRequest, tr("payload.timestamp is not an ISO 8601 time: \"%1\"").arg(timestamp)));
        at = std::min(*parsed, now);
    }
    // Without a dedup key, the same summary from the same source is the same problem.
    if (dedupKey.isEmpty())
        dedupKey = QString::fromLatin1(core::sha256Hex((source + QChar(0x1f) + summary).toUtf8()).left(32));

    const QString incidentId = derivedId({ QStringLiteral("events-api-incident"), dedupKey }, 0);
    core::DatabaseError error;
    const std::optional<core::Incident> existing = m_store.incident(incidentId, &error);
    if (error)
        return ApiResponse::error(ApiError::fromDatabase(error));
    Pending pending;
    pending.incidentIds << incidentId;
    auto add = [&](core::EventKind kind, const QJsonObject &eventPayload, qint64 when) {
        pending.events << makeEvent(core::createUuidV7(now), incidentId, kind, eventPayload, EventsApiActor, when);
    };
    const QJsonObject alert { { QStringLiteral("source"), EventsApiActor }, { QStringLiteral("dedup_key"), dedupKey },
                              { QStringLiteral("summary"), summary },       { QStringLiteral("severity"), severity },
                              { QStringLiteral("origin"), source },          { QStringLiteral("client"), client },
                              { QStringLiteral("custom_details"), details } };

    if (trigger) {
        if (!existing) {
            QJsonObject opened = openedPayload(summary, QString(), severity);
            opened.insert(QStringLiteral("reporter"), source);
            opened.insert(QStringLiteral("started_at"), at);
            opened.insert(QStringLiteral("detected_at"), at);
            if (!component.isEmpty())
                opened.insert(QStringLiteral("ci"), component);
            if (!group.isEmpty())
                opened.insert(QStringLiteral("service"), group);
            if (!category.isEmpty())
                opened.insert(QStringLiteral("category"), category);
            add(core::EventKind::Opened, opened, std::max(at, now));
        } else if (existing->state == core::IncidentState::Resolved) {
            add(core::EventKind::Reopened, { { QStringLiteral("reason"), tr("Triggered again by %1").arg(source) } }, now);
        } else if (!existing->isOpen()) {
            return ApiResponse::error(ApiError(ApiErrorCode::Conflict,
                                               tr("Incident %1 for dedup_key \"%2\" is closed; send a new dedup_key")
                                                   .arg(existing->number, dedupKey)));
        }
        add(core::EventKind::AlertAttached, alert, now);
    } else {
        if (!existing)
            return ApiResponse::error(ApiError(ApiErrorCode::NotFound, tr("No incident for dedup_key \"%1\"").arg(dedupKey)));
        if (action == QLatin1StringView("acknowledge") && existing->state == core::IncidentState::New)
            add(core::EventKind::Acknowledged, {}, now);
        if (action == QLatin1StringView("resolve") && existing->isOpen())
            add(core::EventKind::Resolved,
                { { QStringLiteral("code"), QStringLiteral("auto_resolved") },
                  { QStringLiteral("notes"), tr("Resolved through the events API by %1")
                                                 .arg(client.isEmpty() ? EventsApiActor : client) } },
                now);
    }
    return store(pending, EventsApiActor);
}

} // namespace nocturne::server
