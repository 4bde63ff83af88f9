#include "incidentfold.h"

#include "lifecycle.h"

#include <QJsonArray>

#include <algorithm>

namespace nocturne::core {

namespace {

QString str(const QJsonObject &p, const char *key) { return p.value(QLatin1StringView(key)).toString(); }
qint64 ms(const QJsonObject &p, const char *key)
{
    return p.value(QLatin1StringView(key)).toInteger(0);
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

// Fields a source system records about an incident as a whole. An import carries them on
// the open and on updates; the source's counts are authoritative over what our fold
// derives from the (coarser) history the import could rebuild.
void applyRecorded(Incident &i, const QJsonObject &p)
{
    if (const QJsonValue v = p.value(QStringLiteral("csat")); v.isDouble())
        i.csat = std::clamp(v.toInt(), 0, 5);
    if (const QJsonValue v = p.value(QStringLiteral("made_sla")); v.isBool())
        i.madeSla = v.toBool() ? 1 : 0;
    else if (v.isNull())
        i.madeSla = -1;
    if (const QJsonValue v = p.value(QStringLiteral("reassignment_count")); v.isDouble())
        i.reassignmentCount = std::max(0, v.toInt());
    if (const QJsonValue v = p.value(QStringLiteral("reopen_count")); v.isDouble())
        i.reopenCount = std::max(0, v.toInt());
    if (const QJsonValue v = p.value(QStringLiteral("source")); v.isString())
        i.source = v.toString();
    // The number the authority (the central server) gave an incident opened elsewhere.
    if (const QJsonValue v = p.value(QStringLiteral("number")); v.isString() && !v.toString().isEmpty())
        i.number = v.toString();
    const QJsonObject custom = p.value(QStringLiteral("custom")).toObject();
    for (auto it = custom.begin(); it != custom.end(); ++it)
        i.customFields.insert(it.key(), it.value());
}

void applyOpened(Incident &i, const Event &e)
{
    const QJsonObject &p = e.payload;
    i.id = e.incidentId;
    i.number = str(p, "number");
    i.title = str(p, "title");
    i.description = str(p, "description");
    i.category = str(p, "category");
    i.subcategory = str(p, "subcategory");
    i.domain = domainFromName(str(p, "domain")).value_or(Domain::It);
    i.service = str(p, "service");
    i.configurationItem = str(p, "ci");
    i.site = str(p, "site");
    i.impact = p.value(QStringLiteral("impact")).toInt(3);
    i.urgency = p.value(QStringLiteral("urgency")).toInt(3);
    i.priority = p.value(QStringLiteral("priority")).toInt(5);
    i.assignmentGroup = str(p, "assignment_group");
    i.assignee = str(p, "assignee");
    i.reporter = str(p, "reporter");
    i.channel = channelFromName(str(p, "channel")).value_or(Channel::Portal);
    i.openedAt = e.occurredAt;
    i.startedAt = ms(p, "started_at") ? ms(p, "started_at") : e.occurredAt;
    i.detectedAt = ms(p, "detected_at") ? ms(p, "detected_at") : e.occurredAt;
    i.tags = stringList(p.value(QStringLiteral("tags")));
    i.state = IncidentState::New;
    applyRecorded(i, p);
}

void applyUpdated(Incident &i, const QJsonObject &p)
{
    applyRecorded(i, p);
    for (auto it = p.begin(); it != p.end(); ++it) {
        const QString &key = it.key();
        const QString value = it.value().toString();
        if (key == QLatin1StringView("title")) i.title = value;
        else if (key == QLatin1StringView("description")) i.description = value;
        else if (key == QLatin1StringView("category")) i.category = value;
        else if (key == QLatin1StringView("subcategory")) i.subcategory = value;
        else if (key == QLatin1StringView("service")) i.service = value;
        else if (key == QLatin1StringView("ci")) i.configurationItem = value;
        else if (key == QLatin1StringView("site")) i.site = value;
        else if (key == QLatin1StringView("reporter")) i.reporter = value;
        else if (key == QLatin1StringView("workaround")) i.workaround = value;
        else if (key == QLatin1StringView("tags")) i.tags = stringList(it.value());
        else if (key == QLatin1StringView("domain")) i.domain = domainFromName(value).value_or(i.domain);
        else if (key == QLatin1StringView("channel")) i.channel = channelFromName(value).value_or(i.channel);
        else if (key == QLatin1StringView("started_at")) i.startedAt = it.value().toInteger();
        else if (key == QLatin1StringView("detected_at")) i.detectedAt = it.value().toInteger();
    }
}

void applyAssigned(Incident &i, const QJsonObject &p)
{
    const QString group = p.contains(QStringLiteral("group")) ? str(p, "group") : i.assignmentGroup;
    const QString assignee = p.contains(QStringLiteral("assignee")) ? str(p, "assignee") : i.assignee;
    // A reassignment moves work that someone already held; the first assignment is not one.
    const bool hadOwner = !i.assignmentGroup.isEmpty() || !i.assignee.isEmpty();
    if (hadOwner && (group != i.assignmentGroup || (!i.assignee.isEmpty() && assignee != i.assignee)))
        ++i.reassignmentCount;
    i.assignmentGroup = group;
    i.assignee = assignee;
}

} // namespace

bool applyEvent(Incident &i, const Event &e)
{
    const IncidentAction action = actionOf(e);
    // A record-only update (CSAT, a source's counts) may arrive after resolution.
    const bool allowed = refusalReason(i, action).isEmpty() || (isRecordOnlyUpdate(e) && !i.id.isEmpty());
    const bool valid = allowed && payloadError(e).isEmpty();

    ++i.eventCount;
    if (i.lastHlc < e.hlc)
        i.lastHlc = e.hlc;
    if (!valid) {
        i.flaggedEventIds << e.id;
        return false;
    }
    i.updatedAt = std::max(i.updatedAt, e.occurredAt);

    const QJsonObject &p = e.payload;
    switch (action) {
    case IncidentAction::Open: applyOpened(i, e); break;
    case IncidentAction::Acknowledge:
        i.acknowledgedAt = e.occurredAt;
        i.state = IncidentState::InProgress;
        break;
    case IncidentAction::Assign: applyAssigned(i, p); break;
    case IncidentAction::Prioritize:
        i.impact = p.value(QStringLiteral("impact")).toInt(i.impact);
        i.urgency = p.value(QStringLiteral("urgency")).toInt(i.urgency);
        i.priority = p.value(QStringLiteral("priority")).toInt(i.priority);
        break;
    case IncidentAction::Hold:
        i.state = IncidentState::OnHold;
        i.holdReason = holdReasonFromName(str(p, "hold_reason")).value_or(HoldReason::AwaitingCaller);
        break;
    case IncidentAction::Resume:
        i.state = IncidentState::InProgress;
        i.holdReason = HoldReason::None;
        break;
    case IncidentAction::Cancel:
        i.state = IncidentState::Cancelled;
        i.holdReason = HoldReason::None;
        i.closedAt = e.occurredAt;
        break;
    case IncidentAction::Resolve:
        i.state = IncidentState::Resolved;
        i.holdReason = HoldReason::None;
        i.resolvedAt = e.occurredAt;
        i.resolutionCode = str(p, "code");
        i.resolutionNotes = str(p, "notes");
        break;
    case IncidentAction::Close:
        i.state = IncidentState::Closed;
        i.closedAt = e.occurredAt;
        break;
    case IncidentAction::Reopen:
        i.state = IncidentState::InProgress;
        i.resolvedAt = 0;
        i.resolutionCode.clear();
        i.resolutionNotes.clear();
        ++i.reopenCount;
        break;
    case IncidentAction::Update: applyUpdated(i, p); break;
    case IncidentAction::Escalate: ++i.escalationCount; break;
    case IncidentAction::Comment:
    case IncidentAction::AttachAlert:
    case IncidentAction::LinkProblem:
    case IncidentAction::Invalid: break;
    }
    return true;
}

Incident foldEvents(QList<Event> events)
{
    std::sort(events.begin(), events.end(), foldsBefore);
    Incident incident;
    for (const Event &e : std::as_const(events))
        applyEvent(incident, e);
    return incident;
}

} // namespace nocturne::core
