#include "eventsummary.h"

#include "labels.h"
#include "lifecycle.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EventSummary)
};

QString field(const Event &e, const char *key) { return e.payload.value(QLatin1StringView(key)).toString(); }
} // namespace

QString eventSummary(const Event &e)
{
    switch (actionOf(e)) {
    case IncidentAction::Open: {
        const QString priority = priorityLabel(e.payload.value(QStringLiteral("priority")).toInt());
        const QString number = field(e, "number");
        return number.isEmpty()
            ? Text::tr("Opened as %1: %2").arg(priority, field(e, "title"))
            : Text::tr("Opened %1 as %2: %3").arg(number, priority, field(e, "title"));
    }
    case IncidentAction::Acknowledge: return Text::tr("Acknowledged");
    case IncidentAction::Assign: {
        const QString group = field(e, "group");
        const QString who = field(e, "assignee");
        if (!group.isEmpty() && !who.isEmpty())
            return Text::tr("Assigned to %1 / %2").arg(group, who);
        return Text::tr("Assigned to %1").arg(group.isEmpty() ? who : group);
    }
    case IncidentAction::Prioritize:
        return Text::tr("Priority set to %1 (impact %2, urgency %3)")
            .arg(priorityLabel(e.payload.value(QStringLiteral("priority")).toInt()))
            .arg(e.payload.value(QStringLiteral("impact")).toInt())
            .arg(e.payload.value(QStringLiteral("urgency")).toInt());
    case IncidentAction::Hold:
        return Text::tr("On hold: %1")
            .arg(holdReasonLabel(
                holdReasonFromName(field(e, "hold_reason")).value_or(HoldReason::None)));
    case IncidentAction::Resume: return Text::tr("Resumed work");
    case IncidentAction::Cancel: {
        const QString reason = field(e, "reason");
        return reason.isEmpty() ? Text::tr("Cancelled") : Text::tr("Cancelled: %1").arg(reason);
    }
    case IncidentAction::Resolve: {
        const QString notes = field(e, "notes");
        return notes.isEmpty() ? Text::tr("Resolved (%1)").arg(field(e, "code"))
                               : Text::tr("Resolved (%1): %2").arg(field(e, "code"), notes);
    }
    case IncidentAction::Close: return Text::tr("Closed");
    case IncidentAction::Reopen: {
        const QString reason = field(e, "reason");
        return reason.isEmpty() ? Text::tr("Reopened") : Text::tr("Reopened: %1").arg(reason);
    }
    case IncidentAction::Comment: return field(e, "text");
    case IncidentAction::Update:
        return Text::tr("Updated %1").arg(e.payload.keys().join(QStringLiteral(", ")));
    case IncidentAction::Escalate:
        return Text::tr("Escalated to %1 (level %2): %3")
            .arg(field(e, "target"))
            .arg(e.payload.value(QStringLiteral("level")).toInt())
            .arg(field(e, "reason"));
    case IncidentAction::AttachAlert: return Text::tr("Alert attached: %1").arg(field(e, "alert"));
    case IncidentAction::LinkProblem:
        return Text::tr("Linked to problem %1").arg(field(e, "problem"));
    case IncidentAction::Invalid: break;
    }
    return eventKindLabel(e.kind);
}

} // namespace nocturne::core
