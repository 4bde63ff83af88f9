#pragma once

#include "event.h"
#include "incident.h"

#include <QString>

namespace nocturne::core {

// What an operator (or the system) does to an incident. Several actions share an
// event kind (hold, resume and cancel are all `state_changed`).
enum class IncidentAction {
    Open,
    Acknowledge,
    Assign,
    Prioritize,
    Hold,
    Resume,
    Resolve,
    Close,
    Reopen,
    Cancel,
    Comment,
    Update,
    Escalate,
    AttachAlert,
    LinkProblem,
    Invalid,
};

QString actionLabel(IncidentAction action); // translated verb, "acknowledge"
IncidentAction actionOf(const Event &event);
// The event kind an action is recorded as; the inverse of actionOf() (hold, resume,
// cancel and an unknown state change all become `state_changed`).
EventKind eventKindOf(IncidentAction action);

// The lifecycle table: New -> In Progress -> On Hold -> In Progress -> Resolved ->
// Closed; Cancelled from any open state; Reopened from Resolved. Returns an empty
// string when the action is allowed, else a message naming the state and the action.
QString refusalReason(const Incident &incident, IncidentAction action);

// An update that only records facts about the incident as a whole (csat, made_sla, a
// source's reassignment/reopen counts, custom source fields): allowed in every state,
// since satisfaction surveys and source exports arrive after resolution.
bool isRecordOnlyUpdate(const Event &event);

// Payload checks that do not depend on the state (e.g. a hold needs a reason).
QString payloadError(const Event &event);

} // namespace nocturne::core
