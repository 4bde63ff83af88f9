#pragma once

#include <Qt>

namespace nocturne::models {

// The columns of the incident queue, in their default visual order. Views persist
// column state by these indices, so new columns go before the sentinel only.
namespace QueueColumn {
enum Column : int {
    Number,
    Priority,
    Title,
    State,
    Service,
    ConfigurationItem,
    Site,
    AssignmentGroup,
    Assignee,
    Opened,
    Age,
    Updated,
    ResponseSla, // time left until the response target (a countdown)
    ResolutionSla, // time left until the resolution target
    BreachRisk, // forecast probability of breaching the resolution target
    Count // sentinel
};
} // namespace QueueColumn

// Data roles of the queue models. DisplayRole is for people; RawValue carries the
// unformatted value (numbers, epoch ms, enum values) for sorting, filtering and charts.
namespace QueueRole {
enum Role : int {
    IncidentId = Qt::UserRole,
    RawValue,
    Number,
    Priority,
    State, // int of core::IncidentState
    Assignee,
    OpenedAt, // UTC epoch ms
    UpdatedAt, // UTC epoch ms
    SlaLevel, // int of models::SlaLevel now, on the SLA columns
    Count // sentinel
};
} // namespace QueueRole

// Columns and roles of an incident's timeline.
namespace TimelineColumn {
enum Column : int { Occurred, Recorded, Kind, Actor, Summary, Count };
} // namespace TimelineColumn

namespace TimelineRole {
enum Role : int {
    EventId = Qt::UserRole,
    RawValue,
    Kind, // int of core::EventKind
    Flagged, // bool: the fold refused this event after a merge put it in order
    OccurredAt, // UTC epoch ms
    RecordedAt, // UTC epoch ms (HLC wall time)
    Count // sentinel
};
} // namespace TimelineRole

// Roles of the saved-queues sidebar.
namespace SavedQueueRole {
enum Role : int {
    Queue = Qt::UserRole, // int of models::SavedQueue
    Count, // number of incidents in the queue
    RoleCount // sentinel
};
} // namespace SavedQueueRole

// Columns and roles of the sync conflicts (events the server refused, or a merge flagged).
namespace ConflictColumn {
enum Column : int { Incident, Kind, Actor, Occurred, Reason, Count };
} // namespace ConflictColumn

namespace ConflictRole {
enum Role : int {
    EventId = Qt::UserRole,
    RawValue,
    IncidentId,
    Source, // int of core::SyncConflict::Source
    Code, // the server's refusal code (forbidden, unknown_incident, conflict, invalid)
    Count // sentinel
};
} // namespace ConflictRole

} // namespace nocturne::models
