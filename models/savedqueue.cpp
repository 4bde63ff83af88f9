#include "savedqueue.h"

#include <QCoreApplication>
#include <QDateTime>

namespace nocturne::models {

using core::IncidentState;

bool belongsTo(const core::QueueEntry &entry, SavedQueue queue, const QueueContext &context,
               qint64 breachingSoonFrom)
{
    const bool open = core::isOpen(entry.state);
    switch (queue) {
    case SavedQueue::AllOpen: return open;
    case SavedQueue::Unassigned: return open && entry.assignee.isEmpty();
    case SavedQueue::AssignedToMe:
        return open && !context.currentUser.isEmpty() && entry.assignee == context.currentUser;
    case SavedQueue::HighPriority: return open && entry.priority <= 2;
    case SavedQueue::OnHold: return entry.state == IncidentState::OnHold;
    case SavedQueue::ResolvedToday:
        // Closed incidents count too: closing does not undo today's resolution.
        return !open && entry.resolvedAt > 0 && entry.resolvedAt >= context.startOfTodayMs;
    case SavedQueue::BreachingSoon: return open && context.nowMs >= breachingSoonFrom;
    }
    return false;
}

quint8 queueMembership(const core::QueueEntry &entry, const QueueContext &context, qint64 breachingSoonFrom)
{
    quint8 bits = 0;
    for (int q = 0; q < SavedQueueCount; ++q) {
        if (belongsTo(entry, static_cast<SavedQueue>(q), context, breachingSoonFrom))
            bits |= membershipBit(static_cast<SavedQueue>(q));
    }
    return bits;
}

QString savedQueueLabel(SavedQueue queue)
{
    switch (queue) {
    case SavedQueue::AllOpen: return QCoreApplication::translate("SavedQueue", "All open");
    case SavedQueue::Unassigned: return QCoreApplication::translate("SavedQueue", "Unassigned");
    case SavedQueue::AssignedToMe: return QCoreApplication::translate("SavedQueue", "Assigned to me");
    case SavedQueue::HighPriority: return QCoreApplication::translate("SavedQueue", "P1–P2");
    case SavedQueue::OnHold: return QCoreApplication::translate("SavedQueue", "On hold");
    case SavedQueue::ResolvedToday: return QCoreApplication::translate("SavedQueue", "Resolved today");
    case SavedQueue::BreachingSoon: return QCoreApplication::translate("SavedQueue", "Breaching soon");
    }
    return {};
}

qint64 startOfLocalDay(qint64 nowMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::LocalTime);
    return local.date().startOfDay(Qt::LocalTime).toMSecsSinceEpoch();
}

} // namespace nocturne::models
