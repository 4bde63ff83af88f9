#include "slaconfiguration.h"

#include "slaconfigurationformat.h"

#include <QDate>
#include <QTime>

namespace nocturne::core {

namespace {

template<typename T> const T *findById(const QList<T> &items, const QString &id)
{
    for (const T &item : items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

// ---- lookups ---------------------------------------------------------------------------

const CalendarDefinition *SlaConfiguration::calendar(const QString &id) const
{
    if (const CalendarDefinition *listed = findById(calendars, id))
        return listed;
    if (id != twentyFourSevenCalendarId())
        return nullptr;
    static const CalendarDefinition builtIn = [] {
        CalendarDefinition c;
        c.id = twentyFourSevenCalendarId();
        c.name = QStringLiteral("24×7");
        c.twentyFourSeven = true;
        return c;
    }();
    return &builtIn;
}

const SlaPolicy *SlaConfiguration::policy(const QString &id) const
{
    return findById(policies, id);
}

const EscalationPolicy *SlaConfiguration::escalation(const QString &id) const
{
    return findById(escalations, id);
}

const OnCallSchedule *SlaConfiguration::schedule(const QString &id) const
{
    return findById(schedules, id);
}

const SlaPolicy *SlaConfiguration::policyFor(
    int priority, const QString &service, Domain domain, const QString &site) const
{
    for (const SlaPolicy &p : policies) {
        if (p.matches(priority, service, domain, site))
            return &p;
    }
    return nullptr;
}

// ---- the default configuration ---------------------------------------------------------

namespace {

using detail::MinuteMs;

constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 BusinessDayMs = 10 * HourMs; // one day of the 08:00–18:00 calendar

SlaPolicy defaultPolicy(int priority, const QString &id, const QString &name, qint64 response,
    qint64 resolution, bool businessHours)
{
    SlaPolicy p;
    p.id = id;
    p.name = name;
    p.priorities = { priority };
    p.responseTargetMs = response;
    p.resolutionTargetMs = resolution;
    if (businessHours) {
        // One calendar for every site, read in the site's zone: Memphis works Memphis hours.
        p.calendar = QStringLiteral("business-hours");
        p.calendarZone = CalendarZone::Site;
    }
    p.pausingReasons = defaultPausingReasons();
    return p;
}

SlaThreshold threshold(int percent, ThresholdAction action, const QString &escalation = {})
{
    SlaThreshold t;
    t.percent = percent;
    t.action = action;
    t.escalationPolicy = escalation;
    return t;
}

EscalationLevel level(qint64 delayMs, EscalationTargetKind kind, const QString &target)
{
    return EscalationLevel { delayMs, kind, target };
}

} // namespace

SlaConfiguration defaultSlaConfiguration()
{
    SlaConfiguration c;

    CalendarDefinition business;
    business.id = QStringLiteral("business-hours");
    business.name = QStringLiteral("Business hours (Mon–Fri 08:00–18:00)");
    business.timeZone = QStringLiteral("Europe/Amsterdam");
    for (int day = 0; day < 5; ++day)
        business.week[day] = { DayInterval { 8 * 60, 18 * 60 } };
    c.calendars = { business };

    const QString atRisk = QStringLiteral("sla-at-risk");
    SlaPolicy p1 = defaultPolicy(1, QStringLiteral("p1-critical"), QStringLiteral("P1 Critical"),
        15 * MinuteMs, 4 * HourMs, false);
    p1.thresholds = { threshold(50, ThresholdAction::Notify),
        threshold(75, ThresholdAction::Notify), threshold(90, ThresholdAction::Escalate, atRisk),
        threshold(100, ThresholdAction::Notify) };
    SlaPolicy p2 = defaultPolicy(
        2, QStringLiteral("p2-high"), QStringLiteral("P2 High"), 30 * MinuteMs, 8 * HourMs, false);
    p2.thresholds = p1.thresholds;
    c.policies = {
        p1,
        p2,
        defaultPolicy(3, QStringLiteral("p3-moderate"), QStringLiteral("P3 Moderate"), 4 * HourMs,
            2 * BusinessDayMs, true),
        defaultPolicy(4, QStringLiteral("p4-low"), QStringLiteral("P4 Low"), 8 * HourMs,
            5 * BusinessDayMs, true),
        defaultPolicy(5, QStringLiteral("p5-planning"), QStringLiteral("P5 Planning"),
            2 * BusinessDayMs, 20 * BusinessDayMs, true),
    };

    const QString onCall = QStringLiteral("noc-on-call");
    EscalationPolicy unacknowledged;
    unacknowledged.id = QStringLiteral("unacknowledged-critical");
    unacknowledged.name = QStringLiteral("Unacknowledged P1/P2");
    unacknowledged.trigger = EscalationTrigger::Unacknowledged;
    unacknowledged.unacknowledgedMs = 10 * MinuteMs;
    unacknowledged.priorities = { 1, 2 };
    unacknowledged.levels = { level(0, EscalationTargetKind::Schedule, onCall),
        level(15 * MinuteMs, EscalationTargetKind::Group, QStringLiteral("Service Desk")) };
    unacknowledged.repeat = 1;
    unacknowledged.repeatIntervalMs = 30 * MinuteMs;

    EscalationPolicy risk;
    risk.id = atRisk;
    risk.name = QStringLiteral("SLA at risk");
    risk.trigger = EscalationTrigger::SlaThreshold;
    // Nadia Haddad leads the Service Desk in the demo data: the duty manager.
    risk.levels = { level(0, EscalationTargetKind::Schedule, onCall),
        level(30 * MinuteMs, EscalationTargetKind::User, QStringLiteral("n.haddad")) };
    c.escalations = { unacknowledged, risk };

    OnCallSchedule noc;
    noc.id = onCall;
    noc.name = QStringLiteral("NOC on call");
    noc.timeZone = QStringLiteral("Europe/Amsterdam");
    RotationLayer weekly;
    weekly.name = QStringLiteral("Primary");
    weekly.period = RotationLayer::Period::Weekly;
    weekly.handoffTime = QTime(9, 0);
    weekly.handoffWeekday = Qt::Monday;
    weekly.startDate = QDate(2026, 1, 5);
    weekly.users = { QStringLiteral("d.kowalski"), QStringLiteral("r.singh"),
        QStringLiteral("k.larsen"), QStringLiteral("a.jansen") };
    noc.layers = { weekly };
    c.schedules = { noc };
    return c;
}

} // namespace nocturne::core
