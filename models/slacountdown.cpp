#include "slacountdown.h"

#include "queueformat.h"

#include <core/domain/labels.h>
#include <core/engine/slapolicy.h>

#include <QCoreApplication>

#include <algorithm>

namespace nocturne::models {

using core::ClockState;
using core::SlaClockStatus;

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SlaCountdown)
};

// The status carries each threshold's instant but not its percentage, so the bands read
// them as the default thresholds (50, 75, 90, 100 %), the ones every shipped policy uses.
// A policy with other thresholds still colours right at its evaluations and at the
// breach, which come from the engine's own elapsed time and deadline.
bool isOverdueAt(const SlaClockStatus &clock, qint64 nowMs)
{
    // An open clock breaches only once its deadline has passed, as the engine rules.
    if (clock.counting && clock.deadlineAt != 0)
        return nowMs > clock.deadlineAt;
    return clock.state == ClockState::Breached || clock.remainingMs < 0;
}

} // namespace

int percentUsedAt(const SlaClockStatus &clock, qint64 nowMs)
{
    int percent = int(clock.percentUsed());
    if (!clock.counting)
        return percent;
    for (int i = 0; i < clock.thresholdCount && i < core::MaxThresholds; ++i) {
        const qint64 at = clock.thresholdAt[std::size_t(i)];
        if (at != 0 && at <= nowMs)
            percent = std::max(percent, clock.thresholdPercent[std::size_t(i)]);
    }
    if (clock.deadlineAt != 0 && clock.deadlineAt <= nowMs)
        percent = std::max(percent, 100);
    return percent;
}

SlaLevel slaLevelAt(const SlaClockStatus &clock, qint64 nowMs)
{
    if (!clock.isActive())
        return clock.state == ClockState::Breached ? SlaLevel::Breached : SlaLevel::None;
    if (isOverdueAt(clock, nowMs))
        return SlaLevel::Breached;
    const int percent = percentUsedAt(clock, nowMs);
    if (percent >= 90)
        return SlaLevel::Critical;
    if (percent >= 75)
        return SlaLevel::Serious;
    if (percent >= 50)
        return SlaLevel::Warning;
    return SlaLevel::OnTrack;
}

QString formatCountdown(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms) / 1000;
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return Text::tr("%1d %2h").arg(days).arg(hours % 24, 2, 10, QLatin1Char('0'));
    if (hours > 0)
        return Text::tr("%1h %2m").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return Text::tr("%1m").arg(minutes);
    return Text::tr("%1s").arg(seconds);
}

QString slaCountdownText(const SlaClockStatus &clock, qint64 nowMs)
{
    switch (clock.state) {
    case ClockState::Cancelled: return QStringLiteral("—");
    case ClockState::Met: return Text::tr("Met");
    default: break;
    }
    if (!clock.isActive())
        return Text::tr("Breached");
    if (!clock.counting) {
        return clock.remainingMs >= 0 ? Text::tr("Paused (%1 left)").arg(formatCountdown(clock.remainingMs))
                                      : Text::tr("Paused (overdue %1)").arg(formatCountdown(-clock.remainingMs));
    }
    if (clock.deadlineAt == 0) // a calendar with no business time ahead
        return Text::tr("%1 left").arg(formatCountdown(clock.remainingMs));
    // Wall time to the breach instant: what the operator races against.
    if (nowMs <= clock.deadlineAt)
        return Text::tr("%1 left").arg(formatCountdown(clock.deadlineAt - nowMs));
    return Text::tr("Overdue %1").arg(formatCountdown(nowMs - clock.deadlineAt));
}

QString slaKindLabel(core::SlaKind kind)
{
    return kind == core::SlaKind::Response ? Text::tr("Response") : Text::tr("Resolution");
}

QString clockStateLabel(const SlaClockStatus &clock, qint64 nowMs)
{
    switch (clock.state) {
    case ClockState::Met: return Text::tr("Met");
    case ClockState::Cancelled: return Text::tr("Cancelled");
    default: break;
    }
    if (!clock.isActive())
        return Text::tr("Breached");
    const bool overdue = isOverdueAt(clock, nowMs);
    if (!clock.counting)
        return overdue ? Text::tr("Paused, breached") : Text::tr("Paused");
    return overdue ? Text::tr("Breached, running") : Text::tr("Running");
}

QString slaClockToolTip(const core::IncidentSla &sla, const SlaClockStatus &clock, qint64 nowMs)
{
    QStringList lines;
    lines << Text::tr("%1 SLA: %2").arg(slaKindLabel(clock.kind), clockStateLabel(clock, nowMs));
    if (!sla.policyName.isEmpty())
        lines << Text::tr("Policy: %1").arg(sla.policyName);
    lines << Text::tr("Target: %1").arg(formatDuration(clock.targetMs));
    lines << Text::tr("Elapsed (business time): %1").arg(formatDuration(clock.elapsedMs));
    lines << Text::tr("Paused: %1").arg(formatDuration(clock.pausedMs));
    if (clock.isActive()) {
        const qint64 left = clock.remainingMs;
        lines << (left >= 0 ? Text::tr("Remaining (business time): %1").arg(formatDuration(left))
                            : Text::tr("Overdue (business time): %1").arg(formatDuration(-left)));
    }
    if (clock.breachedAt != 0)
        lines << Text::tr("Breached at: %1").arg(core::formatLocalTime(clock.breachedAt));
    else if (clock.isActive() && clock.deadlineAt != 0)
        lines << Text::tr("Deadline: %1").arg(core::formatLocalTime(clock.deadlineAt));
    if (clock.stoppedAt != 0)
        lines << Text::tr("Stopped at: %1").arg(core::formatLocalTime(clock.stoppedAt));
    return lines.join(QLatin1Char('\n'));
}

QString breachRiskText(double probability)
{
    if (probability < 0)
        return QStringLiteral("—");
    return Text::tr("%1 %").arg(qRound(probability * 100));
}

qint64 slaSortKey(const SlaClockStatus &clock)
{
    return clock.isActive() && clock.deadlineAt != 0 ? clock.deadlineAt : NoDeadline;
}

namespace {

constexpr qint64 Always = std::numeric_limits<qint64>::min();

qint64 clockBreachingSoonFrom(const SlaClockStatus &clock)
{
    if (!clock.isActive())
        return NoDeadline;
    if (clock.state == ClockState::Breached || clock.remainingMs < 0 || (clock.counting && clock.percentUsed() >= 75))
        return Always;
    if (!clock.counting)
        return NoDeadline; // paused in time: it waits
    // The hour before the deadline, or the threshold that leaves a quarter, whichever first.
    qint64 from = clock.deadlineAt != 0 ? clock.deadlineAt - BreachingSoonWindowMs : NoDeadline;
    for (int i = 0; i < clock.thresholdCount && i < core::MaxThresholds; ++i) {
        const qint64 at = clock.thresholdAt[std::size_t(i)];
        if (at != 0 && clock.thresholdPercent[std::size_t(i)] >= 75)
            from = std::min(from, at);
    }
    return from;
}

} // namespace

qint64 breachingSoonFrom(const core::IncidentSla &sla)
{
    if (sla.breachProbability >= 0.5)
        return Always;
    qint64 from = NoDeadline;
    if (sla.hasResolution)
        from = std::min(from, clockBreachingSoonFrom(sla.resolution));
    if (sla.hasResponse)
        from = std::min(from, clockBreachingSoonFrom(sla.response));
    return from;
}

bool isBreachingSoon(const core::IncidentSla &sla, qint64 nowMs)
{
    return nowMs >= breachingSoonFrom(sla);
}

namespace {

bool clockDisplayDiffers(const SlaClockStatus &a, const SlaClockStatus &b)
{
    if (a.state != b.state || a.counting != b.counting || a.targetMs != b.targetMs || a.deadlineAt != b.deadlineAt
        || a.stoppedAt != b.stoppedAt || a.breachedAt != b.breachedAt || a.thresholdAt != b.thresholdAt
        || a.cycle != b.cycle)
        return true;
    return !a.counting && (a.elapsedMs != b.elapsedMs || a.pausedMs != b.pausedMs);
}

} // namespace

SlaDisplayChange slaDisplayChange(const core::IncidentSla *before, const core::IncidentSla *after)
{
    if (!before || !after)
        return before == after ? SlaDisplayChange {} : SlaDisplayChange { true, true, true };
    // The tooltips name the policy; the risk column shows whole percent.
    const bool policy = before->policyName != after->policyName;
    const auto percent = [](double p) { return p < 0 ? -1 : qRound(p * 100); };
    const auto clock = [policy](bool hadIt, const SlaClockStatus &a, bool hasIt, const SlaClockStatus &b) {
        return policy || hadIt != hasIt || (hasIt && clockDisplayDiffers(a, b));
    };
    return { clock(before->hasResponse, before->response, after->hasResponse, after->response),
             clock(before->hasResolution, before->resolution, after->hasResolution, after->resolution),
             policy || percent(before->breachProbability) != percent(after->breachProbability) };
}

} // namespace nocturne::models
