#include "rowmapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace nocturne::core::rows {

namespace {

QString toJsonArray(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJsonArray(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

QString eventColumns()
{
    return QStringLiteral("id, incident_id, kind, payload, actor, origin_node, hlc, occurred_at, "
                          "server_revision");
}

QString incidentColumns()
{
    return QStringLiteral(
        "id, number, title, description, category, subcategory, domain, service, ci, site, "
        "impact, urgency, priority, state, hold_reason, assignment_group, assignee, reporter, "
        "channel, started_at, detected_at, opened_at, acknowledged_at, resolved_at, closed_at, "
        "updated_at, resolution_code, resolution_notes, workaround, tags, reassignment_count, "
        "reopen_count, escalation_count, flagged_events, last_hlc, event_count");
}

Event readEvent(const QSqlQuery &q, int c)
{
    Event e;
    e.id = q.value(c + 0).toString();
    e.incidentId = q.value(c + 1).toString();
    e.kind = eventKindFromName(q.value(c + 2).toString()).value_or(EventKind::Commented);
    e.payload = QJsonDocument::fromJson(q.value(c + 3).toString().toUtf8()).object();
    e.actor = q.value(c + 4).toString();
    e.originNode = q.value(c + 5).toString();
    e.hlc = HlcTimestamp::fromString(q.value(c + 6).toString());
    e.occurredAt = q.value(c + 7).toLongLong();
    e.serverRevision = q.value(c + 8).toLongLong();
    return e;
}

Incident readIncident(const QSqlQuery &q, int c)
{
    Incident i;
    i.id = q.value(c + 0).toString();
    i.number = q.value(c + 1).toString();
    i.title = q.value(c + 2).toString();
    i.description = q.value(c + 3).toString();
    i.category = q.value(c + 4).toString();
    i.subcategory = q.value(c + 5).toString();
    i.domain = domainFromName(q.value(c + 6).toString()).value_or(Domain::It);
    i.service = q.value(c + 7).toString();
    i.configurationItem = q.value(c + 8).toString();
    i.site = q.value(c + 9).toString();
    i.impact = q.value(c + 10).toInt();
    i.urgency = q.value(c + 11).toInt();
    i.priority = q.value(c + 12).toInt();
    i.state = incidentStateFromName(q.value(c + 13).toString()).value_or(IncidentState::New);
    i.holdReason = holdReasonFromName(q.value(c + 14).toString()).value_or(HoldReason::None);
    i.assignmentGroup = q.value(c + 15).toString();
    i.assignee = q.value(c + 16).toString();
    i.reporter = q.value(c + 17).toString();
    i.channel = channelFromName(q.value(c + 18).toString()).value_or(Channel::Portal);
    i.startedAt = q.value(c + 19).toLongLong();
    i.detectedAt = q.value(c + 20).toLongLong();
    i.openedAt = q.value(c + 21).toLongLong();
    i.acknowledgedAt = q.value(c + 22).toLongLong();
    i.resolvedAt = q.value(c + 23).toLongLong();
    i.closedAt = q.value(c + 24).toLongLong();
    i.updatedAt = q.value(c + 25).toLongLong();
    i.resolutionCode = q.value(c + 26).toString();
    i.resolutionNotes = q.value(c + 27).toString();
    i.workaround = q.value(c + 28).toString();
    i.tags = fromJsonArray(q.value(c + 29).toString());
    i.reassignmentCount = q.value(c + 30).toInt();
    i.reopenCount = q.value(c + 31).toInt();
    i.escalationCount = q.value(c + 32).toInt();
    i.flaggedEventIds = fromJsonArray(q.value(c + 33).toString());
    i.lastHlc = HlcTimestamp::fromString(q.value(c + 34).toString());
    i.eventCount = q.value(c + 35).toInt();
    return i;
}

void bindIncident(QSqlQuery &q, const Incident &i)
{
    int n = 0;
    auto bind = [&q, &n](const QVariant &v) { q.bindValue(n++, v); };
    bind(i.id);
    bind(i.number.isEmpty() ? QVariant() : QVariant(i.number)); // NULL until numbered
    bind(i.title);
    bind(i.description);
    bind(i.category);
    bind(i.subcategory);
    bind(toName(i.domain));
    bind(i.service);
    bind(i.configurationItem);
    bind(i.site);
    bind(i.impact);
    bind(i.urgency);
    bind(i.priority);
    bind(toName(i.state));
    bind(toName(i.holdReason));
    bind(i.assignmentGroup);
    bind(i.assignee);
    bind(i.reporter);
    bind(toName(i.channel));
    bind(i.startedAt);
    bind(i.detectedAt);
    bind(i.openedAt);
    bind(i.acknowledgedAt);
    bind(i.resolvedAt);
    bind(i.closedAt);
    bind(i.updatedAt);
    bind(i.resolutionCode);
    bind(i.resolutionNotes);
    bind(i.workaround);
    bind(toJsonArray(i.tags));
    bind(i.reassignmentCount);
    bind(i.reopenCount);
    bind(i.escalationCount);
    bind(toJsonArray(i.flaggedEventIds));
    bind(i.lastHlc.toString());
    bind(i.eventCount);
}

} // namespace nocturne::core::rows
