#pragma once

#include <core/engine/slastatus.h>
#include <core/storage/queueentry.h>

#include <QString>

#include <optional>
#include <ostream>

void PrintTo(const QString &text, std::ostream *os);

namespace nocturne::models::test {

// 2024-01-15T09:30:00Z, a Monday: "now" in every model test.
constexpr qint64 Now = 1'705'311'000'000;
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

// A realistic open incident; `n` picks the number, the strings and the priority.
core::QueueEntry entry(int n);
core::QueueEntriesPtr entries(int count);
core::QueueEntriesPtr only(const core::QueueEntry &e);
core::QueueEntriesPtr list(const QList<core::QueueEntry> &items);

// SLA statuses as the engine would send them, on a 24×7 calendar (business time is wall
// time) with the default thresholds (50, 75, 90, 100 %), evaluated at `evaluatedAt`.
core::SlaClockStatus runningClock(core::SlaKind kind, qint64 startedAt, qint64 targetMs, qint64 evaluatedAt = Now);
core::SlaClockStatus pausedClock(core::SlaKind kind, qint64 targetMs, qint64 elapsedMs);
core::SlaClockStatus stoppedClock(core::SlaKind kind, core::ClockState state, qint64 stoppedAt);
// A status with a resolution clock (and a response clock when given).
core::IncidentSla slaStatus(const core::QueueEntry &e, const core::SlaClockStatus &resolution,
                            std::optional<core::SlaClockStatus> response = std::nullopt, double risk = -1.0);
core::SlaStatusPtr slaMap(const QList<core::IncidentSla> &statuses);

} // namespace nocturne::models::test
