#pragma once

#include "businesscalendar.h"
#include "slapolicy.h"
#include "slasubject.h"

#include <QList>
#include <QString>

#include <array>

namespace nocturne::core {

enum class ClockState { Running, Paused, Met, Breached, Cancelled };
QString toName(ClockState state); // "running", "paused", "met", "breached", "cancelled"

// A stretch of one clock's life, for the detail pane and `sla show`.
struct ClockSegment
{
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0; // 0: still going at the evaluation time
    bool running = true; // false: paused
    HoldReason reason = HoldReason::None; // why it was paused
    qint64 businessMs = 0; // business time inside the segment (counted only when running)
    friend bool operator==(const ClockSegment &, const ClockSegment &) = default;
};

// The most thresholds a policy may define (the engine keeps their instants inline).
constexpr int MaxThresholds = 8;

// One clock of one incident evaluated at an instant. Elapsed and remaining are business
// time; the deadline and threshold instants are UTC and assume the clock keeps running
// (they are 0 while it is paused or stopped before reaching them).
struct SlaClockStatus
{
    SlaKind kind = SlaKind::Resolution;
    int cycle = 1; // resolution clocks start a new cycle on reopen (policy permitting)
    ClockState state = ClockState::Running;
    qint64 targetMs = 0;
    qint64 startedAt = 0;
    qint64 stoppedAt = 0; // met, breached-and-stopped or cancelled; 0 while running/paused
    qint64 elapsedMs = 0; // business time counted up to min(evaluation time, stop)
    qint64 pausedMs = 0; // wall time spent paused
    qint64 remainingMs = 0; // target - elapsed; negative when overdue
    qint64 breachedAt = 0; // the instant elapsed reached the target, if it has
    qint64 deadlineAt = 0; // when it reaches / reached the target (0 if paused before it)
    // Instants each of the policy's thresholds is (or will be) reached, in the policy's
    // threshold order; 0 when unknown (paused) or never (stopped first).
    std::array<qint64, MaxThresholds> thresholdAt {};
    std::array<int, MaxThresholds> thresholdPercent {}; // the policy's percent of each
    int thresholdCount = 0;
    // Index of the highest threshold reached by the evaluation time, -1 for none.
    int reachedThreshold = -1;
    bool counting = false; // running at the evaluation time (a breached clock may still count)
    QList<ClockSegment> segments; // only filled when asked for (history is not free)

    // Not stopped yet: running, paused, or breached and still open.
    bool isActive() const { return stoppedAt == 0 && state != ClockState::Cancelled; }
    double percentUsed() const { return targetMs > 0 ? 100.0 * double(elapsedMs) / double(targetMs) : 0.0; }
};

// How the clocks of a subject are evaluated.
struct ClockEvaluation
{
    const SlaPolicy *policy = nullptr;
    const BusinessCalendar *calendar = nullptr;
    qint64 atUtcMs = 0; // evaluation time
    bool withSegments = false;
};

// The response clock (at most one) and the resolution clocks (one per cycle, oldest first)
// of a subject under a policy, evaluated at `atUtcMs`. Rules:
//  - every clock starts when the incident opened (a new resolution cycle: at the reopen);
//  - response stops at the first acknowledgement (or resolution/cancellation before one);
//  - resolution stops when resolved; a reopen starts a new cycle or resumes this one;
//  - a hold whose reason the policy pauses on stops counting until resume (or resolution);
//  - cancellation stops every running clock with state Cancelled;
//  - the deadline is the earliest instant the business elapsed time reaches the target;
//    a clock stopped at or before its deadline is Met; one still open after it (running
//    or paused), or stopped after it, is Breached (breachedAt = deadline).
// Times are the transitions' occurred_at; nothing steps through minutes.
QList<SlaClockStatus> evaluateClocks(const SlaSubject &subject, const ClockEvaluation &how);

} // namespace nocturne::core
