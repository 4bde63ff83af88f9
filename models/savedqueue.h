#pragma once

#include "slacountdown.h"

#include <core/storage/queueentry.h>

#include <QString>

namespace nocturne::models {

// The queues an operator can pick in the sidebar. The values are persisted (the chosen
// queue), so new queues are appended; SavedQueuesModel orders the sidebar.
enum class SavedQueue { AllOpen, Unassigned, AssignedToMe, HighPriority, OnHold, ResolvedToday, BreachingSoon };
constexpr int SavedQueueCount = 7;

// What a saved queue depends on besides the entry itself.
struct QueueContext
{
    QString currentUser;
    qint64 startOfTodayMs = 0; // local midnight, UTC epoch ms
    qint64 nowMs = 0; // "Breaching soon" moves with time
};

// `breachingSoonFrom` is the instant from which the incident's SLA makes it "breaching
// soon" (models::breachingSoonFrom()); NoDeadline when no policy applies.
bool belongsTo(const core::QueueEntry &entry, SavedQueue queue, const QueueContext &context,
               qint64 breachingSoonFrom = NoDeadline);
// One bit per SavedQueue: cheap to store per row and diff on change.
quint8 queueMembership(const core::QueueEntry &entry, const QueueContext &context,
                       qint64 breachingSoonFrom = NoDeadline);
constexpr quint8 membershipBit(SavedQueue queue) { return quint8(1u << int(queue)); }
QString savedQueueLabel(SavedQueue queue);
// Local midnight of the day that contains nowMs, in the user's time zone.
qint64 startOfLocalDay(qint64 nowMs);

} // namespace nocturne::models
