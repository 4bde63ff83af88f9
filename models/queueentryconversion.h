#pragma once

#include <core/domain/incident.h>
#include <core/storage/queueentry.h>

namespace nocturne::models {

// The queue row of an incident, so a command's result shows in the queue at once
// instead of waiting for the reader's next poll.
core::QueueEntry toQueueEntry(const core::Incident &incident);

} // namespace nocturne::models
