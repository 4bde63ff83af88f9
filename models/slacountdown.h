#pragma once

#include <core/engine/slastatus.h>

#include <QString>

#include <limits>

namespace nocturne::models {

// How a clock reads to an operator at an instant: the colour band of the share of its
// target used (under 50 %, from 50, 75 and 90 %), or breached. None for a clock that
// stopped in time or was cancelled.
enum class SlaLevel { None, OnTrack, Warning, Serious, Critical, Breached };

// Everything here derives from the engine's last status and "now": the engine sends a
// status only when something changes, and the console recomputes the countdown as time
// passes, so nothing has to be sent per second.

// The share of the target used at `nowMs`, at least: the value the engine evaluated,
// raised by every threshold instant that has passed since (exact while paused or stopped).
int percentUsedAt(const core::SlaClockStatus &clock, qint64 nowMs);
SlaLevel slaLevelAt(const core::SlaClockStatus &clock, qint64 nowMs);

// "12m left", "3h 05m left", "Overdue 1h 05m", "Paused (2h 10m left)", "Met", "Breached".
QString slaCountdownText(const core::SlaClockStatus &clock, qint64 nowMs);
// A countdown: "45s", "12m", "3h 05m", "2d 04h". Rounded down, never negative.
QString formatCountdown(qint64 ms);
QString slaKindLabel(core::SlaKind kind); // "Response", "Resolution"
QString clockStateLabel(const core::SlaClockStatus &clock, qint64 nowMs); // "Running", "Overdue", …
// Policy, target, elapsed business time, paused time, business time left and the deadline
// in local time; one line each.
QString slaClockToolTip(const core::IncidentSla &sla, const core::SlaClockStatus &clock, qint64 nowMs);
// "83 %"; "—" when there is no forecast.
QString breachRiskText(double probability);

// Which SLA cells of an incident read differently between two statuses. A counting clock's
// elapsed and remaining times are not compared: its cells derive from the deadline and "now",
// so a re-evaluation that only moved time changes nothing on screen.
struct SlaDisplayChange
{
    bool response = false;
    bool resolution = false;
    bool risk = false;
};
SlaDisplayChange slaDisplayChange(const core::IncidentSla *before, const core::IncidentSla *after);

// The clock's deadline for sorting by time left: it does not move as time passes, so a
// sorted queue stays still. Clocks without one (paused, stopped, none) sort last.
constexpr qint64 NoDeadline = std::numeric_limits<qint64>::max();
qint64 slaSortKey(const core::SlaClockStatus &clock);

// "Breaching soon": a clock already breached, or counting with a quarter of its target
// or less left, or with its deadline within the hour; or a likely breach (>= 50 %).
bool isBreachingSoon(const core::IncidentSla &sla, qint64 nowMs);
// The same rule as the instant from which it holds (NoDeadline: not before the next
// status), since time only moves an incident into the queue: a saved queue of 100k
// rows then re-checks each row with one comparison, not a lookup.
qint64 breachingSoonFrom(const core::IncidentSla &sla);
constexpr qint64 BreachingSoonWindowMs = 60LL * 60 * 1000;

} // namespace nocturne::models
