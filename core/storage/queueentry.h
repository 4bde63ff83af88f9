#pragma once

#include "../domain/vocabulary.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>

namespace nocturne::core {

// The slice of an incident a live queue shows: small enough that 100k of them stay
// well under the memory budget (no descriptions, notes or history).
struct QueueEntry
{
    QString id;
    QString number;
    QString title;
    QString service;
    QString configurationItem;
    QString site;
    QString assignmentGroup;
    QString assignee;
    QString category;
    int priority = 5;
    int impact = 3;
    int urgency = 3;
    IncidentState state = IncidentState::New;
    HoldReason holdReason = HoldReason::None;
    Domain domain = Domain::It;
    qint64 openedAt = 0;
    qint64 acknowledgedAt = 0;
    qint64 resolvedAt = 0;
    qint64 updatedAt = 0;
    // How many events this state folds in. It only grows, so of two copies of a row
    // (an action's own result and the reader's delta) the one with more is the newer.
    int eventCount = 0;

    friend bool operator==(const QueueEntry &, const QueueEntry &) = default;
};

using QueueEntries = QList<QueueEntry>;
using QueueEntriesPtr = std::shared_ptr<const QueueEntries>;

} // namespace nocturne::core

Q_DECLARE_METATYPE(nocturne::core::QueueEntriesPtr)

namespace nocturne::core {

// How far back a live queue keeps incidents that are no longer open, so that
// "Resolved today" is complete in every time zone.
constexpr qint64 RecentlyResolvedWindowMs = 36LL * 60 * 60 * 1000;

inline bool inQueueScope(const QueueEntry &e, qint64 nowMs)
{
    return isOpen(e.state) || (e.resolvedAt > 0 && e.resolvedAt >= nowMs - RecentlyResolvedWindowMs);
}

} // namespace nocturne::core
