#pragma once

#include <QString>

#include <optional>

namespace nocturne::core {

// The closed vocabularies of an incident. Each has a stable machine name used in
// events, the database and JSON; people see the translated labels from the UI layer.

enum class IncidentState { New, InProgress, OnHold, Resolved, Closed, Cancelled };
enum class HoldReason { None, AwaitingCaller, AwaitingVendor, AwaitingChange, AwaitingProblem };
enum class Domain { Warehouse, Retail, Finance, It };
enum class Channel { Monitoring, Phone, Email, Portal, Chat };

enum class EventKind {
    Opened,
    Acknowledged,
    Assigned,
    Prioritized,
    StateChanged, // hold, resume, cancel
    Updated, // free-form fields: title, description, workaround, tags, ...
    Commented,
    Escalated,
    AlertAttached,
    Resolved,
    Closed,
    Reopened,
    LinkedProblem,
};

QString toName(IncidentState value);
QString toName(HoldReason value);
QString toName(Domain value);
QString toName(Channel value);
QString toName(EventKind value);

std::optional<IncidentState> incidentStateFromName(QStringView name);
std::optional<HoldReason> holdReasonFromName(QStringView name);
std::optional<Domain> domainFromName(QStringView name);
std::optional<Channel> channelFromName(QStringView name);
std::optional<EventKind> eventKindFromName(QStringView name);

// Open means an operator still has work to do on it.
inline bool isOpen(IncidentState s)
{
    return s == IncidentState::New || s == IncidentState::InProgress || s == IncidentState::OnHold;
}

} // namespace nocturne::core
