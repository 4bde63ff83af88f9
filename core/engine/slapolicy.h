#pragma once

#include "businesscalendar.h"

#include "../domain/vocabulary.h"

#include <QList>
#include <QSet>
#include <QString>

namespace nocturne::core {

// The two clocks every SLA has: until someone acknowledges, and until it is resolved.
enum class SlaKind { Response, Resolution };
QString toName(SlaKind kind); // "response", "resolution"
std::optional<SlaKind> slaKindFromName(QStringView name);

// What crossing a threshold does. Notify is for people (console notification, tray,
// sound) and writes nothing; escalate and raise priority are events by the system actor.
enum class ThresholdAction { Notify, Escalate, RaisePriority };
QString toName(ThresholdAction action); // "notify", "escalate", "raise_priority"
std::optional<ThresholdAction> thresholdActionFromName(QStringView name);

struct SlaThreshold
{
    int percent = 100; // 1..1000 of the target; 100 is the breach
    ThresholdAction action = ThresholdAction::Notify;
    QString escalationPolicy; // for Escalate: the escalation policy it starts
    // Which clocks it watches; both unless restricted.
    bool onResponse = true;
    bool onResolution = true;
    friend bool operator==(const SlaThreshold &, const SlaThreshold &) = default;
};

// The default thresholds: notify at 50, 75 and 90 % and at the breach (100 %).
QList<SlaThreshold> defaultThresholds();

// Hold reasons that stop the clocks unless a policy says otherwise: awaiting caller,
// vendor or change (a problem record does not pause).
QSet<HoldReason> defaultPausingReasons();

// Where a policy's business hours are read: in the calendar's own zone, or in the zone of
// the incident's site (one "Mon–Fri 08:00–18:00" calendar for every warehouse).
enum class CalendarZone { Calendar, Site };

// What a reopen does to the resolution clock.
enum class ReopenRule { NewCycle, ContinueCycle };

// An SLA policy: which incidents it covers and how long they may take. Versioned: every
// import that changes a policy stores a new version; clocks use the current one.
struct SlaPolicy
{
    QString id;
    QString name;
    int version = 1;
    // Selectors; an empty list matches everything. The first matching policy in the
    // configuration's order applies, so specific policies go before general ones.
    QList<int> priorities;
    QStringList services;
    QList<Domain> domains;
    QStringList sites;
    qint64 responseTargetMs = 0; // 0: no response clock
    qint64 resolutionTargetMs = 0; // 0: no resolution clock
    QString calendar = twentyFourSevenCalendarId();
    CalendarZone calendarZone = CalendarZone::Calendar;
    // Hold reasons that stop the clocks (default: caller, vendor, change; a problem
    // record does not pause by default).
    QSet<HoldReason> pausingReasons = defaultPausingReasons();
    ReopenRule reopen = ReopenRule::NewCycle;
    QList<SlaThreshold> thresholds = defaultThresholds();

    bool matches(int priority, const QString &service, Domain domain, const QString &site) const;
    friend bool operator==(const SlaPolicy &, const SlaPolicy &) = default;
};

} // namespace nocturne::core
