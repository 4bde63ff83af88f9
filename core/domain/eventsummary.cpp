#include "eventsummary.h"

#include "labels.h"
#include "lifecycle.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace nocturne::core {

// The strings are written out as QCoreApplication::translate("EventSummary", …) calls,
// which is what lupdate collects for the console's translations.
namespace {
QString field(const Event &e, const char *key) { return e.payload.value(QLatin1StringView(key)).toString(); }
} // namespace

QString eventSummary(const Event &e)
{
    switch (actionOf(e)) {
    case IncidentAction::Open: {
        const QString priority = priorityLabel(e.payload.value(QStringLiteral("priority")).toInt());
        const QString number = field(e, "number");
        return number.isEmpty() ? QCoreApplication::translate("EventSummary", "Opened as %1: %2").arg(priority, field(e, "title"))
                                : QCoreApplication::translate("EventSummary", "Opened %1 as %2: %3").arg(number, priority, field(e, "title"));
    }
    case IncidentAction::Acknowledge: return QCoreApplication::translate("EventSummary", "Acknowledged");
    case IncidentAction::Assign: {
        const QString group = field(e, "group");
        const QString who = field(e, "assignee");
        if (!group.isEmpty() && !who.isEmpty())
            return QCoreApplication::translate("EventSummary", "Assigned to %1 / %2").arg(group, who);
        return QCoreApplication::translate("EventSummary", "Assigned to %1").arg(group.isEmpty() ? who : group);
    }
    case IncidentAction::Prioritize:
        return QCoreApplication::translate("EventSummary", "Priority set to %1 (impact %2, urgency %3)")
            .arg(priorityLabel(e.payload.value(QStringLiteral("priority")).toInt()))
            .arg(e.payload.value(QStringLiteral("impact")).toInt())
            .arg(e.payload.value(QStringLiteral("urgency")).toInt());
    case IncidentAction::Hold:
        return QCoreApplication::translate("EventSummary", "On hold: %1").arg(holdReasonLabel(holdReasonFromName(field(e, "hold_reason")).value_or(HoldReason::None)));
    case IncidentAction::Resume: return QCoreApplication::translate("EventSummary", "Resumed work");
    case IncidentAction::Cancel: {
        const QString reason = field(e, "reason");
        return reason.isEmpty() ? QCoreApplication::translate("EventSummary", "Cancelled") : QCoreApplication::translate("EventSummary", "Cancelled: %1").arg(reason);
    }
    case IncidentAction::Resolve: {
        const QString notes = field(e, "notes");
        return notes.isEmpty() ? QCoreApplication::translate("EventSummary", "Resolved (%1)").arg(field(e, "code"))
                               : QCoreApplication::translate("EventSummary", "Resolved (%1): %2").arg(field(e, "code"), notes);
    }
    case IncidentAction::Close: return QCoreApplication::translate("EventSummary", "Closed");
    case IncidentAction::Reopen: {
        const QString reason = field(e, "reason");
        return reason.isEmpty() ? QCoreApplication::translate("EventSummary", "Reopened") : QCoreApplication::translate("EventSummary", "Reopened: %1").arg(reason);
    }
    case IncidentAction::Comment: return field(e, "text");
    case IncidentAction::Update: return QCoreApplication::translate("EventSummary", "Updated %1").arg(e.payload.keys().join(QStringLiteral(", ")));
    case IncidentAction::Escalate:
        return QCoreApplication::translate("EventSummary", "Escalated to %1 (level %2): %3")
            .arg(field(e, "target"))
            .arg(e.payload.value(QStringLiteral("level")).toInt())
            .arg(field(e, "reason"));
    case IncidentAction::AttachAlert: return QCoreApplication::translate("EventSummary", "Alert attached: %1").arg(field(e, "alert"));
    case IncidentAction::LinkProblem: return QCoreApplication::translate("EventSummary", "Linked to problem %1").arg(field(e, "problem"));
    case IncidentAction::Invalid: break;
    }
    return eventKindLabel(e.kind);
}

} // namespace nocturne::core
