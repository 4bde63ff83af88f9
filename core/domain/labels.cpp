#include "labels.h"

#include <QCoreApplication>
#include <QDateTime>

namespace nocturne::core {

QString stateLabel(IncidentState state)
{
    switch (state) {
    case IncidentState::New: return QCoreApplication::translate("Vocabulary", "New");
    case IncidentState::InProgress: return QCoreApplication::translate("Vocabulary", "In Progress");
    case IncidentState::OnHold: return QCoreApplication::translate("Vocabulary", "On Hold");
    case IncidentState::Resolved: return QCoreApplication::translate("Vocabulary", "Resolved");
    case IncidentState::Closed: return QCoreApplication::translate("Vocabulary", "Closed");
    case IncidentState::Cancelled: return QCoreApplication::translate("Vocabulary", "Cancelled");
    }
    return {};
}

QString holdReasonLabel(HoldReason reason)
{
    switch (reason) {
    case HoldReason::None: return {};
    case HoldReason::AwaitingCaller: return QCoreApplication::translate("Vocabulary", "Awaiting caller");
    case HoldReason::AwaitingVendor: return QCoreApplication::translate("Vocabulary", "Awaiting vendor");
    case HoldReason::AwaitingChange: return QCoreApplication::translate("Vocabulary", "Awaiting change");
    case HoldReason::AwaitingProblem: return QCoreApplication::translate("Vocabulary", "Awaiting problem");
    }
    return {};
}

QString stateWithReasonLabel(IncidentState state, HoldReason reason)
{
    if (state != IncidentState::OnHold || reason == HoldReason::None)
        return stateLabel(state);
    return QCoreApplication::translate("Vocabulary", "%1 (%2)").arg(stateLabel(state), holdReasonLabel(reason));
}

QString domainLabel(Domain domain)
{
    switch (domain) {
    case Domain::Warehouse: return QCoreApplication::translate("Vocabulary", "Warehouse");
    case Domain::Retail: return QCoreApplication::translate("Vocabulary", "Retail");
    case Domain::Finance: return QCoreApplication::translate("Vocabulary", "Finance");
    case Domain::It: return QCoreApplication::translate("Vocabulary", "IT");
    }
    return {};
}

QString channelLabel(Channel channel)
{
    switch (channel) {
    case Channel::Monitoring: return QCoreApplication::translate("Vocabulary", "Monitoring");
    case Channel::Phone: return QCoreApplication::translate("Vocabulary", "Phone");
    case Channel::Email: return QCoreApplication::translate("Vocabulary", "Email");
    case Channel::Portal: return QCoreApplication::translate("Vocabulary", "Portal");
    case Channel::Chat: return QCoreApplication::translate("Vocabulary", "Chat");
    }
    return {};
}

QString eventKindLabel(EventKind kind)
{
    switch (kind) {
    case EventKind::Opened: return QCoreApplication::translate("Vocabulary", "Opened");
    case EventKind::Acknowledged: return QCoreApplication::translate("Vocabulary", "Acknowledged");
    case EventKind::Assigned: return QCoreApplication::translate("Vocabulary", "Assigned");
    case EventKind::Prioritized: return QCoreApplication::translate("Vocabulary", "Priority changed");
    case EventKind::StateChanged: return QCoreApplication::translate("Vocabulary", "State changed");
    case EventKind::Updated: return QCoreApplication::translate("Vocabulary", "Updated");
    case EventKind::Commented: return QCoreApplication::translate("Vocabulary", "Comment");
    case EventKind::Escalated: return QCoreApplication::translate("Vocabulary", "Escalated");
    case EventKind::AlertAttached: return QCoreApplication::translate("Vocabulary", "Alert attached");
    case EventKind::Resolved: return QCoreApplication::translate("Vocabulary", "Resolved");
    case EventKind::Closed: return QCoreApplication::translate("Vocabulary", "Closed");
    case EventKind::Reopened: return QCoreApplication::translate("Vocabulary", "Reopened");
    case EventKind::LinkedProblem: return QCoreApplication::translate("Vocabulary", "Linked to problem");
    }
    return {};
}

QString formatLocalTime(qint64 utcMs)
{
    if (utcMs <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString priorityLabel(int priority)
{
    switch (priority) {
    case 1: return QCoreApplication::translate("Vocabulary", "P1 - Critical");
    case 2: return QCoreApplication::translate("Vocabulary", "P2 - High");
    case 3: return QCoreApplication::translate("Vocabulary", "P3 - Moderate");
    case 4: return QCoreApplication::translate("Vocabulary", "P4 - Low");
    case 5: return QCoreApplication::translate("Vocabulary", "P5 - Planning");
    }
    return QCoreApplication::translate("Vocabulary", "P%1").arg(priority);
}

} // namespace nocturne::core
