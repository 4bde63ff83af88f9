#pragma once

#include <core/storage/queueentry.h>

#include <QString>

namespace nocturne::models {

// The queues an operator can pick in the sidebar. The order is the sidebar's order.
enum class SavedQueue { AllOpen, Unassigned, AssignedToMe, HighPriority, OnHold, ResolvedToday };
constexpr int SavedQueueCount = 6;

// What a saved queue depends on besides the entry itself.
struct QueueContext
{
    QString currentUser;
    qint64 startOfTodayMs = 0; // local midnight, UTC epoch ms
};

bool belongsTo(const core::QueueEntry &entry, SavedQueue queue, const QueueContext &context);
// One bit per SavedQueue: cheap to store per row and diff on change.
quint8 queueMembership(const core::QueueEntry &entry, const QueueContext &context);
QString savedQueueLabel(SavedQueue queue);
// Local midnight of the day that contains nowMs, in the user's time zone.
qint64 startOfLocalDay(qint64 nowMs);

} // namespace nocturne::models
