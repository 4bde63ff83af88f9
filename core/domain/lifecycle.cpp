#include "lifecycle.h"

#include "labels.h"
#include "prioritymatrix.h"

#include <QCoreApplication>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Lifecycle)
};

bool stateIs(const Incident &i, std::initializer_list<IncidentState> states)
{
    for (auto s : states) {
        if (i.state == s)
            return true;
    }
    return false;
}

// Impact and urgency are each 1 (high) to 3 (low).
QString levelError(const QJsonObject &payload)
{
    for (const char *key : { "impact", "urgency" }) {
        if (!PriorityMatrix::isValidLevel(payload.value(QLatin1StringView(key)).toInt(0)))
            return Text::tr("%1 must be 1, 2 or 3").arg(QLatin1StringView(key));
    }
    return {};
}

} // namespace

QString actionLabel(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Open: return Text::tr("open");
    case IncidentAction::Acknowledge: return Text::tr("acknowledge");
    case IncidentAction::Assign: return Text::tr("assign");
    case IncidentAction::Prioritize: return Text::tr("change the priority of");
    case IncidentAction::Hold: return Text::tr("put on hold");
    case IncidentAction::Resume: return Text::tr("resume");
    case IncidentAction::Resolve: return Text::tr("resolve");
    case IncidentAction::Close: return Text::tr("close");
    case IncidentAction::Reopen: return Text::tr("reopen");
    case IncidentAction::Cancel: return Text::tr("cancel");
    case IncidentAction::Comment: return Text::tr("comment on");
    case IncidentAction::Update: return Text::tr("update");
    case IncidentAction::Escalate: return Text::tr("escalate");
    case IncidentAction::AttachAlert: return Text::tr("attach an alert to");
    case IncidentAction::LinkProblem: return Text::tr("link a problem to");
    case IncidentAction::Invalid: return Text::tr("change");
    }
    return {};
}

IncidentAction actionOf(const Event &event)
{
    switch (event.kind) {
    case EventKind::Opened: return IncidentAction::Open;
    case EventKind::Acknowledged: return IncidentAction::Acknowledge;
    case EventKind::Assigned: return IncidentAction::Assign;
    case EventKind::Prioritized: return IncidentAction::Prioritize;
    case EventKind::Updated: return IncidentAction::Update;
    case EventKind::Commented: return IncidentAction::Comment;
    case EventKind::Escalated: return IncidentAction::Escalate;
    case EventKind::AlertAttached: return IncidentAction::AttachAlert;
    case EventKind::Resolved: return IncidentAction::Resolve;
    case EventKind::Closed: return IncidentAction::Close;
    case EventKind::Reopened: return IncidentAction::Reopen;
    case EventKind::LinkedProblem: return IncidentAction::LinkProblem;
    case EventKind::StateChanged: {
        const auto target = incidentStateFromName(event.payload.value(QStringLiteral("state")).toString());
        if (target == IncidentState::OnHold)
            return IncidentAction::Hold;
        if (target == IncidentState::InProgress)
            return IncidentAction::Resume;
        if (target == IncidentState::Cancelled)
            return IncidentAction::Cancel;
        return IncidentAction::Invalid;
    }
    }
    return IncidentAction::Invalid;
}

EventKind eventKindOf(IncidentAction action)
{
    switch (action) {
    case IncidentAction::Open: return EventKind::Opened;
    case IncidentAction::Acknowledge: return EventKind::Acknowledged;
    case IncidentAction::Assign: return EventKind::Assigned;
    case IncidentAction::Prioritize: return EventKind::Prioritized;
    case IncidentAction::Hold:
    case IncidentAction::Resume:
    case IncidentAction::Cancel:
    case IncidentAction::Invalid: return EventKind::StateChanged;
    case IncidentAction::Resolve: return EventKind::Resolved;
    case IncidentAction::Close: return EventKind::Closed;
    case IncidentAction::Reopen: return EventKind::Reopened;
    case IncidentAction::Comment: return EventKind::Commented;
    case IncidentAction::Update: return EventKind::Updated;
    case IncidentAction::Escalate: return EventKind::Escalated;
    case IncidentAction::AttachAlert: return EventKind::AlertAttached;
    case IncidentAction::LinkProblem: return EventKind::LinkedProblem;
    }
    return EventKind::Commented;
}

QString refusalReason(const Incident &incident, IncidentAction action)
{
    using S = IncidentState;
    const bool opened = !incident.id.isEmpty() && incident.openedAt != 0;
    if (action == IncidentAction::Open) {
        return opened ? Text::tr("Cannot %1 %2: it was already opened and is %3")
                            .arg(actionLabel(action), incident.number, stateLabel(incident.state))
                      : QString();
    }
    if (!opened)
        return Text::tr("Cannot %1 an incident that was never opened").arg(actionLabel(action));

    bool allowed = false;
    switch (action) {
    case IncidentAction::Acknowledge: allowed = stateIs(incident, { S::New }); break;
    case IncidentAction::Hold: allowed = stateIs(incident, { S::InProgress }); break;
    case IncidentAction::Resume: allowed = stateIs(incident, { S::OnHold }); break;
    case IncidentAction::Resolve: allowed = stateIs(incident, { S::New, S::InProgress, S::OnHold }); break;
    case IncidentAction::Close: allowed = stateIs(incident, { S::Resolved }); break;
    case IncidentAction::Reopen: allowed = stateIs(incident, { S::Resolved }); break;
    case IncidentAction::Cancel:
    case IncidentAction::Assign:
    case IncidentAction::Prioritize:
    case IncidentAction::Update:
    case IncidentAction::Escalate:
    case IncidentAction::AttachAlert:
    case IncidentAction::LinkProblem: allowed = incident.isOpen(); break;
    case IncidentAction::Comment: allowed = true; break;
    case IncidentAction::Open:
    case IncidentAction::Invalid: allowed = false; break;
    }
    if (allowed)
        return {};
    if (action == IncidentAction::Invalid)
        return Text::tr("%1 is %2: the requested state change is not a known transition")
            .arg(incident.number, stateLabel(incident.state));
    if (action == IncidentAction::Acknowledge && incident.acknowledgedAt != 0 && incident.isOpen())
        return Text::tr("Cannot acknowledge %1: it is %2 and was already acknowledged")
            .arg(incident.number, stateLabel(incident.state));
    return Text::tr("Cannot %1 %2: it is %3")
        .arg(actionLabel(action), incident.number, stateLabel(incident.state));
}

bool isRecordOnlyUpdate(const Event &event)
{
    if (event.kind != EventKind::Updated || event.payload.isEmpty())
        return false;
    static const QStringList recordKeys = { QStringLiteral("csat"), QStringLiteral("made_sla"),
                                            QStringLiteral("reassignment_count"), QStringLiteral("reopen_count"),
                                            QStringLiteral("source"), QStringLiteral("custom"),
                                            QStringLiteral("number") };
    for (auto it = event.payload.begin(); it != event.payload.end(); ++it)
        if (!recordKeys.contains(it.key()))
            return false;
    return true;
}

QString payloadError(const Event &event)
{
    const QJsonObject &p = event.payload;
    switch (actionOf(event)) {
    case IncidentAction::Open:
        if (p.value(QStringLiteral("title")).toString().trimmed().isEmpty())
            return Text::tr("An incident needs a title");
        return levelError(p);
    case IncidentAction::Hold: {
        const auto reason = holdReasonFromName(p.value(QStringLiteral("hold_reason")).toString());
        if (!reason || *reason == HoldReason::None)
            return Text::tr("Putting on hold needs a reason: awaiting_caller, awaiting_vendor, "
                            "awaiting_change or awaiting_problem");
        return {};
    }
    case IncidentAction::Resolve:
        if (p.value(QStringLiteral("code")).toString().trimmed().isEmpty())
            return Text::tr("Resolving needs a resolution code");
        return {};
    case IncidentAction::Assign:
        if (p.value(QStringLiteral("group")).toString().isEmpty()
            && p.value(QStringLiteral("assignee")).toString().isEmpty())
            return Text::tr("Assigning needs a group or an assignee");
        return {};
    case IncidentAction::Prioritize: return levelError(p);
    case IncidentAction::Comment:
        if (p.value(QStringLiteral("text")).toString().trimmed().isEmpty())
            return Text::tr("A comment cannot be empty");
        return {};
    case IncidentAction::Update:
        if (const QJsonValue csat = p.value(QStringLiteral("csat"));
            !csat.isUndefined() && (!csat.isDouble() || csat.toInt() < 1 || csat.toInt() > 5))
            return Text::tr("A satisfaction score (csat) must be a whole number from 1 to 5");
        return {};
    case IncidentAction::Invalid: return Text::tr("Unknown state change");
    default: return {};
    }
}

} // namespace nocturne::core
