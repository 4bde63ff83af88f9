#include "incidentjson.h"

#include <QDateTime>
#include <QJsonArray>

namespace nocturne::core {

QString isoUtc(qint64 ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

namespace {
QJsonValue time(qint64 ms) { return ms ? QJsonValue(isoUtc(ms)) : QJsonValue(QJsonValue::Null); }
} // namespace

QJsonObject incidentToJson(const Incident &i)
{
    return {
        { QStringLiteral("id"), i.id },
        { QStringLiteral("number"), i.number },
        { QStringLiteral("title"), i.title },
        { QStringLiteral("description"), i.description },
        { QStringLiteral("category"), i.category },
        { QStringLiteral("subcategory"), i.subcategory },
        { QStringLiteral("domain"), toName(i.domain) },
        { QStringLiteral("service"), i.service },
        { QStringLiteral("ci"), i.configurationItem },
        { QStringLiteral("site"), i.site },
        { QStringLiteral("impact"), i.impact },
        { QStringLiteral("urgency"), i.urgency },
        { QStringLiteral("priority"), i.priority },
        { QStringLiteral("state"), toName(i.state) },
        { QStringLiteral("hold_reason"), i.holdReason == HoldReason::None ? QJsonValue(QJsonValue::Null) : QJsonValue(toName(i.holdReason)) },
        { QStringLiteral("assignment_group"), i.assignmentGroup },
        { QStringLiteral("assignee"), i.assignee },
        { QStringLiteral("reporter"), i.reporter },
        { QStringLiteral("channel"), toName(i.channel) },
        { QStringLiteral("started_at"), time(i.startedAt) },
        { QStringLiteral("detected_at"), time(i.detectedAt) },
        { QStringLiteral("opened_at"), time(i.openedAt) },
        { QStringLiteral("acknowledged_at"), time(i.acknowledgedAt) },
        { QStringLiteral("resolved_at"), time(i.resolvedAt) },
        { QStringLiteral("closed_at"), time(i.closedAt) },
        { QStringLiteral("updated_at"), time(i.updatedAt) },
        { QStringLiteral("resolution_code"), i.resolutionCode },
        { QStringLiteral("resolution_notes"), i.resolutionNotes },
        { QStringLiteral("workaround"), i.workaround },
        { QStringLiteral("tags"), QJsonArray::fromStringList(i.tags) },
        { QStringLiteral("reassignment_count"), i.reassignmentCount },
        { QStringLiteral("reopen_count"), i.reopenCount },
        { QStringLiteral("escalation_count"), i.escalationCount },
        { QStringLiteral("flagged_events"), QJsonArray::fromStringList(i.flaggedEventIds) },
    };
}

QJsonObject eventToJson(const Event &e)
{
    return {
        { QStringLiteral("id"), e.id },
        { QStringLiteral("incident_id"), e.incidentId },
        { QStringLiteral("kind"), toName(e.kind) },
        { QStringLiteral("payload"), e.payload },
        { QStringLiteral("actor"), e.actor },
        { QStringLiteral("origin_node"), e.originNode },
        { QStringLiteral("hlc"), e.hlc.toString() },
        { QStringLiteral("occurred_at"), time(e.occurredAt) },
        { QStringLiteral("recorded_at"), time(e.hlc.wallMs) },
        { QStringLiteral("server_revision"), e.serverRevision ? QJsonValue(e.serverRevision) : QJsonValue(QJsonValue::Null) },
    };
}

} // namespace nocturne::core
