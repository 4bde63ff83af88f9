#include "slaconfiguration.h"

#include "slaconfigurationformat.h"

#include <QDateTime>
#include <QJsonArray>

namespace nocturne::core {

namespace {

using detail::MinuteMs;
using detail::minuteText;
using detail::WeekdayNames;

QString dateText(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString instantText(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC)
        .toString(utcMs % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QJsonArray toJsonArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QJsonArray toJsonArray(const QList<int> &values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

QJsonArray toJsonArray(const QList<Domain> &domains)
{
    QJsonArray array;
    for (Domain d : domains)
        array.append(toName(d));
    return array;
}

void insertName(QJsonObject &o, const QString &name)
{
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
}

QJsonObject calendarToJson(const CalendarDefinition &c)
{
    QJsonObject o { { QStringLiteral("id"), c.id }, { QStringLiteral("time_zone"), c.timeZone } };
    insertName(o, c.name);
    if (c.twentyFourSeven) {
        o.insert(QStringLiteral("twenty_four_seven"), true);
        return o;
    }
    QJsonObject hours;
    for (int day = 0; day < 7; ++day) {
        QJsonArray intervals;
        for (const DayInterval &i : c.week.at(day))
            intervals.append(QJsonArray { minuteText(i.startMinute), minuteText(i.endMinute) });
        hours.insert(QLatin1StringView(WeekdayNames.at(day)), intervals);
    }
    o.insert(QStringLiteral("hours"), hours);
    QJsonArray holidays;
    for (const Holiday &h : c.holidays) {
        QJsonObject holiday;
        insertName(holiday, h.name);
        if (!h.isAllDay()) {
            holiday.insert(QStringLiteral("start"), instantText(h.startUtcMs));
            holiday.insert(QStringLiteral("end"), instantText(h.endUtcMs));
        } else if (h.firstDate.addDays(1) == h.endDate) {
            holiday.insert(QStringLiteral("date"), dateText(h.firstDate));
        } else {
            holiday.insert(QStringLiteral("from_date"), dateText(h.firstDate));
            holiday.insert(QStringLiteral("to_date"), dateText(h.endDate.addDays(-1)));
        }
        holidays.append(holiday);
    }
    o.insert(QStringLiteral("holidays"), holidays);
    return o;
}

QJsonObject policyToJson(const SlaPolicy &p)
{
    QJsonObject o { { QStringLiteral("id"), p.id },
        { QStringLiteral("priorities"), toJsonArray(p.priorities) },
        { QStringLiteral("services"), toJsonArray(p.services) },
        { QStringLiteral("domains"), toJsonArray(p.domains) },
        { QStringLiteral("sites"), toJsonArray(p.sites) },
        { QStringLiteral("calendar"), p.calendar },
        { QStringLiteral("calendar_zone"),
            p.calendarZone == CalendarZone::Site ? QStringLiteral("site")
                                                 : QStringLiteral("calendar") },
        { QStringLiteral("reopen"),
            p.reopen == ReopenRule::NewCycle ? QStringLiteral("new_cycle")
                                             : QStringLiteral("continue") } };
    insertName(o, p.name);
    if (p.responseTargetMs > 0)
        o.insert(QStringLiteral("response_minutes"), p.responseTargetMs / MinuteMs);
    if (p.resolutionTargetMs > 0)
        o.insert(QStringLiteral("resolution_minutes"), p.resolutionTargetMs / MinuteMs);
    QJsonArray pauseOn;
    for (HoldReason reason : { HoldReason::AwaitingCaller, HoldReason::AwaitingVendor,
             HoldReason::AwaitingChange, HoldReason::AwaitingProblem }) {
        if (p.pausingReasons.contains(reason))
            pauseOn.append(toName(reason));
    }
    o.insert(QStringLiteral("pause_on"), pauseOn);
    QJsonArray thresholds;
    for (const SlaThreshold &t : p.thresholds) {
        QJsonObject threshold { { QStringLiteral("percent"), t.percent },
            { QStringLiteral("action"), toName(t.action) } };
        if (t.action == ThresholdAction::Escalate)
            threshold.insert(QStringLiteral("escalation"), t.escalationPolicy);
        if (t.onResponse != t.onResolution)
            threshold.insert(QStringLiteral("clock"),
                t.onResponse ? QStringLiteral("response") : QStringLiteral("resolution"));
        thresholds.append(threshold);
    }
    o.insert(QStringLiteral("thresholds"), thresholds);
    return o;
}

QJsonObject escalationToJson(const EscalationPolicy &e)
{
    QJsonObject o { { QStringLiteral("id"), e.id }, { QStringLiteral("repeat"), e.repeat },
        { QStringLiteral("repeat_interval_minutes"), e.repeatIntervalMs / MinuteMs } };
    insertName(o, e.name);
    if (e.trigger == EscalationTrigger::Unacknowledged) {
        o.insert(QStringLiteral("trigger"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("unacknowledged") },
                { QStringLiteral("minutes"), e.unacknowledgedMs / MinuteMs } });
        o.insert(QStringLiteral("priorities"), toJsonArray(e.priorities));
        o.insert(QStringLiteral("services"), toJsonArray(e.services));
        o.insert(QStringLiteral("domains"), toJsonArray(e.domains));
    } else {
        o.insert(QStringLiteral("trigger"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("sla_threshold") } });
    }
    QJsonArray levels;
    for (const EscalationLevel &l : e.levels) {
        levels.append(QJsonObject { { QStringLiteral("delay_minutes"), l.delayMs / MinuteMs },
            { QStringLiteral("target"),
                QJsonObject { { QStringLiteral("type"), toName(l.targetKind) },
                    { QStringLiteral("id"), l.target } } } });
    }
    o.insert(QStringLiteral("levels"), levels);
    return o;
}

QJsonObject scheduleToJson(const OnCallSchedule &s)
{
    QJsonObject o { { QStringLiteral("id"), s.id }, { QStringLiteral("time_zone"), s.timeZone } };
    insertName(o, s.name);
    QJsonArray layers;
    for (const RotationLayer &l : s.layers) {
        const bool weekly = l.period == RotationLayer::Period::Weekly;
        QJsonObject layer { { QStringLiteral("name"), l.name },
            { QStringLiteral("rotation"),
                weekly ? QStringLiteral("weekly") : QStringLiteral("daily") },
            { QStringLiteral("handoff"),
                minuteText(l.handoffTime.msecsSinceStartOfDay() / int(MinuteMs)) },
            { QStringLiteral("start_date"), dateText(l.startDate) },
            { QStringLiteral("users"), toJsonArray(l.users) } };
        if (weekly && l.handoffWeekday >= 1 && l.handoffWeekday <= 7)
            layer.insert(QStringLiteral("handoff_day"),
                QLatin1StringView(WeekdayNames.at(l.handoffWeekday - 1)));
        layers.append(layer);
    }
    o.insert(QStringLiteral("layers"), layers);
    QJsonArray overrides;
    for (const OnCallOverride &v : s.overrides) {
        overrides.append(QJsonObject { { QStringLiteral("user"), v.user },
            { QStringLiteral("start"), instantText(v.fromUtcMs) },
            { QStringLiteral("end"), instantText(v.toUtcMs) } });
    }
    o.insert(QStringLiteral("overrides"), overrides);
    return o;
}

} // namespace

QJsonObject slaConfigurationToJson(const SlaConfiguration &configuration)
{
    QJsonArray calendars, policies, escalations, schedules;
    for (const CalendarDefinition &c : configuration.calendars)
        calendars.append(calendarToJson(c));
    for (const SlaPolicy &p : configuration.policies)
        policies.append(policyToJson(p));
    for (const EscalationPolicy &e : configuration.escalations)
        escalations.append(escalationToJson(e));
    for (const OnCallSchedule &s : configuration.schedules)
        schedules.append(scheduleToJson(s));
    return { { QStringLiteral("calendars"), calendars }, { QStringLiteral("policies"), policies },
        { QStringLiteral("escalations"), escalations },
        { QStringLiteral("schedules"), schedules } };
}

} // namespace nocturne::core
