#pragma once

#include <core/storage/queueentry.h>

namespace nocturne::bench {

// A queue as the reader delivers it: realistic titles, numbers and ids, with the
// repeating strings (services, sites, groups, people) shared as the reader interns them.
core::QueueEntriesPtr makeQueueEntries(int count, qint64 nowMs, quint32 seed = 42);
// The same incident after one realistic change (acknowledged, reassigned, re-prioritised...).
core::QueueEntry changedEntry(const core::QueueEntry &entry, quint32 variant, qint64 nowMs);

} // namespace nocturne::bench
