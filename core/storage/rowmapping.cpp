#include "rowmapping.h"

#include "../domain/canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace nocturne::core::rows {

namespace {

QByteArray toJsonArray(const QStringList &list)
{
    if (list.isEmpty())
        return QByteArrayLiteral("[]");
    QByteArray out;
    appendCanonicalJson(out, QJsonArray::fromStringList(list));
    return out;
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
        "reopen_count, escalation_count, flagged_events, last_hlc, event_count, csat, made_sla, source, "
        "custom_fields");
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

namespace {

// Both row sources read the same columns; only the accessors differ.
struct QueryRow
{
    const QSqlQuery &q;
    QString text(int i) const { return q.value(i).toString(); }
    qint64 int64(int i) const { return q.value(i).toLongLong(); }
};

template<typename Row>
Incident readIncidentFrom(const Row &r, int c)
{
    Incident i;
    i.id = r.text(c + 0);
    i.number = r.text(c + 1);
    i.title = r.text(c + 2);
    i.description = r.text(c + 3);
    i.category = r.text(c + 4);
    i.subcategory = r.text(c + 5);
    i.domain = domainFromName(r.text(c + 6)).value_or(Domain::It);
    i.service = r.text(c + 7);
    i.configurationItem = r.text(c + 8);
    i.site = r.text(c + 9);
    i.impact = int(r.int64(c + 10));
    i.urgency = int(r.int64(c + 11));
    i.priority = int(r.int64(c + 12));
    i.state = incidentStateFromName(r.text(c + 13)).value_or(IncidentState::New);
    i.holdReason = holdReasonFromName(r.text(c + 14)).value_or(HoldReason::None);
    i.assignmentGroup = r.text(c + 15);
    i.assignee = r.text(c + 16);
    i.reporter = r.text(c + 17);
    i.channel = channelFromName(r.text(c + 18)).value_or(Channel::Portal);
    i.startedAt = r.int64(c + 19);
    i.detectedAt = r.int64(c + 20);
    i.openedAt = r.int64(c + 21);
    i.acknowledgedAt = r.int64(c + 22);
    i.resolvedAt = r.int64(c + 23);
    i.closedAt = r.int64(c + 24);
    i.updatedAt = r.int64(c + 25);
    i.resolutionCode = r.text(c + 26);
    i.resolutionNotes = r.text(c + 27);
    i.workaround = r.text(c + 28);
    i.tags = fromJsonArray(r.text(c + 29));
    i.reassignmentCount = int(r.int64(c + 30));
    i.reopenCount = int(r.int64(c + 31));
    i.escalationCount = int(r.int64(c + 32));
    i.flaggedEventIds = fromJsonArray(r.text(c + 33));
    i.lastHlc = HlcTimestamp::fromString(r.text(c + 34));
    i.eventCount = int(r.int64(c + 35));
    i.csat = int(r.int64(c + 36));
    i.madeSla = int(r.int64(c + 37));
    i.source = r.text(c + 38);
    i.customFields = QJsonDocument::fromJson(r.text(c + 39).toUtf8()).object();
    return i;
}

} // namespace

Incident readIncident(const QSqlQuery &q, int c) { return readIncidentFrom(QueryRow { q }, c); }

Incident readIncident(const SqliteStatement &statement, int c) { return readIncidentFrom(statement, c); }

void bindIncident(SqliteStatement &s, const Incident &i)
{
    int n = 1;
    auto text = [&s, &n](const QString &v) { s.bind(n++, v); };
    auto number = [&s, &n](qint64 v) { s.bind(n++, v); };
    text(i.id);
    if (i.number.isEmpty()) // NULL until numbered, so UNIQUE allows many
        s.bindNull(n++);
    else
        text(i.number);
    text(i.title);
    text(i.description);
    text(i.category);
    text(i.subcategory);
    text(toName(i.domain));
    text(i.service);
    text(i.configurationItem);
    text(i.site);
    number(i.impact);
    number(i.urgency);
    number(i.priority);
    text(toName(i.state));
    text(toName(i.holdReason));
    text(i.assignmentGroup);
    text(i.assignee);
    text(i.reporter);
    text(toName(i.channel));
    number(i.startedAt);
    number(i.detectedAt);
    number(i.openedAt);
    number(i.acknowledgedAt);
    number(i.resolvedAt);
    number(i.closedAt);
    number(i.updatedAt);
    text(i.resolutionCode);
    text(i.resolutionNotes);
    text(i.workaround);
    s.bind(n++, toJsonArray(i.tags));
    number(i.reassignmentCount);
    number(i.reopenCount);
    number(i.escalationCount);
    s.bind(n++, toJsonArray(i.flaggedEventIds));
    text(i.lastHlc.toString());
    number(i.eventCount);
    number(i.csat);
    number(i.madeSla);
    text(i.source);
    if (i.customFields.isEmpty()) {
        s.bind(n++, QByteArrayLiteral("{}"));
    } else {
        QByteArray custom;
        appendCanonicalJson(custom, i.customFields);
        s.bind(n++, custom);
    }
}

} // namespace nocturne::core::rows
