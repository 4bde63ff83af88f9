#include "slaclock.h"

#include <algorithm>
#include <optional>

namespace nocturne::core {

QString toName(ClockState state)
{
    switch (state) {
    case ClockState::Running: return QStringLiteral("running");
    case ClockState::Paused: return QStringLiteral("paused");
    case ClockState::Met: return QStringLiteral("met");
    case ClockState::Breached: return QStringLiteral("breached");
    case ClockState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

namespace {

// The target, then each of the policy's thresholds.
constexpr int MaxGoals = 1 + MaxThresholds;

// One clock replayed through the transitions. It only remembers the stretch it is in now
// (since m_since, running or paused) and the business time of the stretches before it:
// each goal (the target, a threshold) gets its instant in the stretch where the running
// business time reaches it. So a clock costs one businessMsBetween per running stretch
// plus one instantAfter per goal, and nothing is stored per stretch unless the caller
// asked for segments — the engine evaluates every open incident this way.
class ClockRun
{
public:
    ClockRun(SlaKind kind, int cycle, qint64 start, const ClockEvaluation &how)
        : m_how(how)
        , m_since(start)
    {
        const SlaPolicy &policy = *how.policy;
        m_status.kind = kind;
        m_status.cycle = cycle;
        m_status.startedAt = start;
        m_status.targetMs = kind == SlaKind::Response ? policy.responseTargetMs : policy.resolutionTargetMs;
        m_status.thresholdCount = std::min(int(policy.thresholds.size()), MaxThresholds);
        m_goalCount = 1 + m_status.thresholdCount;
        m_goal[0] = m_status.targetMs;
        for (int i = 0; i < m_status.thresholdCount; ++i) {
            const SlaThreshold &t = policy.thresholds.at(i);
            const bool watches = kind == SlaKind::Response ? t.onResponse : t.onResolution;
            m_goal[1 + i] = m_status.targetMs * t.percent / 100;
            m_status.thresholdPercent[size_t(i)] = t.percent;
            m_done[1 + i] = !watches; // a threshold that ignores this clock stays at 0
        }
    }

    bool isResolved() const { return m_stopped && !m_cancelled; }

    // A hold pauses the clock when the policy pauses on its reason; otherwise the clock
    // keeps running and the stretch only remembers the reason for the history.
    void hold(qint64 at, HoldReason reason, bool pauses) { switchTo(at, !pauses, reason); }
    void resume(qint64 at) { switchTo(at, true, HoldReason::None); }

    void stop(qint64 at, bool cancelled)
    {
        if (m_stopped)
            return;
        closeStretch(at);
        m_stopped = true;
        m_cancelled = cancelled;
        m_status.stoppedAt = at;
        m_running = false;
        m_reason = HoldReason::None;
        m_since = at;
    }

    // ReopenRule::ContinueCycle: the time between resolution and reopen is not counted;
    // it stays in the history as a stretch that did not run and was no hold.
    void continueAfterReopen(qint64 at)
    {
        if (!isResolved())
            return;
        m_stopped = false;
        m_status.stoppedAt = 0;
        switchTo(at, true, HoldReason::None);
    }

    SlaClockStatus finish()
    {
        const qint64 at = m_how.atUtcMs;
        if (!m_stopped) {
            qint64 business = 0;
            if (m_running) {
                business = m_how.calendar->businessMsBetween(m_since, at);
                // Goals not reached yet are projected as if the clock keeps running.
                for (int g = 0; g < m_goalCount; ++g) {
                    if (!m_done[g]) {
                        m_instant[g] = m_how.calendar->instantAfter(m_since, m_goal[g] - m_elapsed);
                        m_done[g] = true;
                    }
                }
                m_elapsed += business;
                m_status.counting = true;
            } else if (m_reason != HoldReason::None) {
                m_status.pausedMs += at - m_since;
            }
            if (m_how.withSegments)
                m_status.segments << ClockSegment { m_since, 0, m_running, m_reason, business };
        }

        SlaClockStatus &s = m_status;
        s.elapsedMs = m_elapsed;
        s.remainingMs = s.targetMs - m_elapsed;
        s.deadlineAt = m_instant[0];
        for (int i = 0; i < s.thresholdCount; ++i) {
            qint64 instant = m_instant[1 + i];
            // Like the breach, a threshold counts as crossed only if the clock was still
            // going after it: stopping exactly when it is reached is stopping in time.
            if (m_stopped && instant >= s.stoppedAt)
                instant = 0;
            s.thresholdAt[size_t(i)] = instant;
            if (instant != 0 && instant <= at)
                s.reachedThreshold = i;
        }
        // Stopped exactly at the deadline is still in time; an open clock breaches only
        // after its deadline has passed.
        const qint64 deadline = s.deadlineAt;
        const bool breached = deadline != 0 && deadline < (m_stopped ? s.stoppedAt : at);
        if (m_cancelled)
            s.state = ClockState::Cancelled;
        else if (breached)
            s.state = ClockState::Breached;
        else if (m_stopped)
            s.state = ClockState::Met;
        else
            s.state = m_running ? ClockState::Running : ClockState::Paused;
        if (s.state == ClockState::Breached)
            s.breachedAt = deadline;
        return std::move(m_status);
    }

private:
    void switchTo(qint64 at, bool running, HoldReason reason)
    {
        if (m_stopped || (running == m_running && reason == m_reason))
            return;
        closeStretch(at);
        m_running = running;
        m_reason = reason;
        m_since = at;
    }

    void closeStretch(qint64 to)
    {
        if (to <= m_since)
            return;
        qint64 business = 0;
        if (m_running) {
            business = m_how.calendar->businessMsBetween(m_since, to);
            for (int g = 0; g < m_goalCount; ++g) {
                if (!m_done[g] && m_elapsed + business >= m_goal[g]) {
                    m_instant[g] = m_how.calendar->instantAfter(m_since, m_goal[g] - m_elapsed);
                    m_done[g] = true;
                }
            }
            m_elapsed += business;
        } else if (m_reason != HoldReason::None) {
            m_status.pausedMs += to - m_since;
        }
        if (m_how.withSegments)
            m_status.segments << ClockSegment { m_since, to, m_running, m_reason, business };
    }

    const ClockEvaluation &m_how;
    SlaClockStatus m_status;
    qint64 m_since;
    bool m_running = true;
    HoldReason m_reason = HoldReason::None;
    bool m_stopped = false;
    bool m_cancelled = false;
    qint64 m_elapsed = 0;
    int m_goalCount = 1;
    std::array<qint64, MaxGoals> m_goal {};
    std::array<qint64, MaxGoals> m_instant {};
    std::array<bool, MaxGoals> m_done {};
};

} // namespace

QList<SlaClockStatus> evaluateClocks(const SlaSubject &subject, const ClockEvaluation &how)
{
    QList<SlaClockStatus> clocks;
    if (!how.policy || !how.calendar || subject.openedAt == 0 || subject.openedAt > how.atUtcMs)
        return clocks;
    const SlaPolicy &policy = *how.policy;
    std::optional<ClockRun> response;
    std::optional<ClockRun> resolution;
    if (policy.responseTargetMs > 0)
        response.emplace(SlaKind::Response, 1, subject.openedAt, how);
    if (policy.resolutionTargetMs > 0)
        resolution.emplace(SlaKind::Resolution, 1, subject.openedAt, how);
    if (!response && !resolution)
        return clocks;

    QList<SlaClockStatus> earlierCycles; // resolution cycles closed by a reopen (rare)
    int cycle = 1;
    qint64 previous = subject.openedAt;
    for (const SlaTransition &t : subject.transitions) {
        // The store refuses times going backwards; should one slip through, the clock
        // stands still rather than running backwards.
        const qint64 at = std::max(t.at, previous);
        if (at > how.atUtcMs)
            break; // later history does not exist yet at the evaluation time
        previous = at;
        switch (t.kind) {
        case SlaTransition::Kind::Acknowledged:
            if (response)
                response->stop(at, false);
            break;
        case SlaTransition::Kind::Hold: {
            const bool pauses = policy.pausingReasons.contains(t.reason);
            if (response)
                response->hold(at, t.reason, pauses);
            if (resolution)
                resolution->hold(at, t.reason, pauses);
            break;
        }
        case SlaTransition::Kind::Resume:
            if (response)
                response->resume(at);
            if (resolution)
                resolution->resume(at);
            break;
        case SlaTransition::Kind::Resolved:
            if (response)
                response->stop(at, false);
            if (resolution)
                resolution->stop(at, false);
            break;
        case SlaTransition::Kind::Reopened:
            if (!resolution || !resolution->isResolved())
                break;
            if (policy.reopen == ReopenRule::ContinueCycle) {
                resolution->continueAfterReopen(at);
            } else {
                earlierCycles.append(resolution->finish());
                resolution.emplace(SlaKind::Resolution, ++cycle, at, how);
            }
            break;
        case SlaTransition::Kind::Cancelled:
            if (response)
                response->stop(at, true);
            if (resolution)
                resolution->stop(at, true);
            break;
        case SlaTransition::Kind::Closed: break;
        }
    }
    clocks.reserve(2 + earlierCycles.size());
    if (response)
        clocks.append(response->finish());
    clocks.append(std::move(earlierCycles));
    if (resolution)
        clocks.append(resolution->finish());
    return clocks;
}

} // namespace nocturne::core
