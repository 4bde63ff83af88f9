#include "slaconfiguration.h"

#include "slaclock.h"
#include "slaconfigurationformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>

namespace nocturne::core {

namespace {

using detail::MinuteMs;
using detail::minuteText;
using detail::WeekdayNames;

constexpr qint64 YearMinutes = 365 * 24 * 60; // targets and delays stay below a year

QString member(const QString &path, const char *key)
{
    return path.isEmpty() ? QString::fromLatin1(key) : path + u'.' + QLatin1StringView(key);
}

QString element(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

enum class Need { Optional, Required };

// Reads one document and stops at the first problem. Every reader records the problem
// (only the first counts) and returns false, so callers simply propagate with &&.
// Unknown keys are checked before anything else in an object, so a misspelt field is
// reported as such and not as a missing one.
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(SlaConfiguration)

public:
    explicit Parser(const QString &source)
        : m_source(source)
    { }
    const ConfigurationError &error() const { return m_error; }
    bool parseDocument(const QByteArray &json, SlaConfiguration *out);

private:
    template<typename T>
    using ItemParser = bool (Parser::*)(const QJsonObject &, const QString &, T *);
    template<typename T>
    bool parseSection(
        const QJsonObject &root, const char *key, QList<T> *out, ItemParser<T> parseItem);

    bool parseCalendar(const QJsonObject &o, const QString &path, CalendarDefinition *out);
    bool parseHours(const QJsonObject &o, const QString &path, CalendarDefinition *out);
    bool parseInterval(const QJsonValue &v, const QString &at, DayInterval *out);
    bool parseHoliday(const QJsonObject &o, const QString &path, Holiday *out);
    bool parsePolicy(const QJsonObject &o, const QString &path, SlaPolicy *out);
    bool parseThreshold(
        const QJsonObject &o, const QString &path, const SlaPolicy &policy, SlaThreshold *out);
    bool parseEscalation(const QJsonObject &o, const QString &path, EscalationPolicy *out);
    bool parseLevel(const QJsonObject &o, const QString &path, EscalationLevel *out);
    bool parseSchedule(const QJsonObject &o, const QString &path, OnCallSchedule *out);
    bool parseLayer(const QJsonObject &o, const QString &path, RotationLayer *out);
    bool parseOverride(const QJsonObject &o, const QString &path, OnCallOverride *out);
    bool checkReferences(const SlaConfiguration &c);

    bool fail(const QString &path, const QString &message);
    bool knownKeys(
        const QJsonObject &o, const QString &path, std::initializer_list<const char *> keys);
    bool object(const QJsonValue &v, const QString &at, QJsonObject *out);
    bool readArray(
        const QJsonObject &o, const char *key, const QString &path, QJsonArray *out, Need need);
    bool readString(
        const QJsonObject &o, const char *key, const QString &path, QString *out, Need need);
    bool readId(const QJsonObject &o, const QString &path, QString *out);
    bool readBool(const QJsonObject &o, const char *key, const QString &path, bool *out);
    bool integer(const QJsonValue &v, const QString &at, qint64 min, qint64 max, qint64 *out);
    bool readInteger(const QJsonObject &o, const char *key, const QString &path, qint64 min,
        qint64 max, qint64 *out, Need need);
    bool readMinutes(const QJsonObject &o, const char *key, const QString &path, qint64 min,
        qint64 *ms, Need need);
    bool readChoice(const QJsonObject &o, const char *key, const QString &path,
        const QStringList &names, int *index, Need need);
    bool readStrings(const QJsonObject &o, const char *key, const QString &path, QStringList *out,
        bool unique = true);
    bool readPriorities(const QJsonObject &o, const QString &path, QList<int> *out);
    bool readDomains(const QJsonObject &o, const QString &path, QList<Domain> *out);
    bool readHoldReasons(const QJsonObject &o, const QString &path, QSet<HoldReason> *out);
    bool time(const QJsonValue &v, const QString &at, bool endOfDay, int *minute);
    bool date(const QJsonValue &v, const QString &at, QDate *out);
    bool instant(const QJsonValue &v, const QString &at, qint64 *out);
    bool zone(const QString &id, const QString &at);

    QString m_source;
    ConfigurationError m_error;
};

bool Parser::fail(const QString &path, const QString &message)
{
    if (!m_error.isError()) {
        m_error.location = m_source.isEmpty() ? path
            : path.isEmpty()                  ? m_source
                                              : m_source + QStringLiteral(": ") + path;
        m_error.message = message;
    }
    return false;
}

bool Parser::parseDocument(const QByteArray &json, SlaConfiguration *out)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto line = std::count(json.begin(), json.begin() + parseError.offset, '\n') + 1;
        m_error.location = m_source.isEmpty() ? tr("line %1").arg(line)
                                              : m_source + u':' + QString::number(line);
        m_error.message = tr("invalid JSON: %1").arg(parseError.errorString());
        return false;
    }
    if (!document.isObject())
        return fail({},
            tr("must be a JSON object with \"calendars\", \"policies\", \"escalations\" and "
               "\"schedules\""));
    const QJsonObject root = document.object();
    SlaConfiguration c;
    // "version" appears in exports of stored items; the database assigns versions.
    const bool ok
        = knownKeys(root, {}, { "calendars", "policies", "escalations", "schedules", "version" })
        && parseSection(root, "calendars", &c.calendars, &Parser::parseCalendar)
        && parseSection(root, "policies", &c.policies, &Parser::parsePolicy)
        && parseSection(root, "escalations", &c.escalations, &Parser::parseEscalation)
        && parseSection(root, "schedules", &c.schedules, &Parser::parseSchedule)
        && checkReferences(c);
    if (ok)
        *out = c;
    return ok;
}

template<typename T>
bool Parser::parseSection(
    const QJsonObject &root, const char *key, QList<T> *out, ItemParser<T> parseItem)
{
    QJsonArray items;
    if (!readArray(root, key, {}, &items, Need::Optional))
        return false;
    const QString sectionPath = QString::fromLatin1(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = element(sectionPath, i);
        QJsonObject o;
        T item;
        if (!object(items.at(i), path, &o) || !(this->*parseItem)(o, path, &item))
            return false;
        for (qsizetype j = 0; j < out->size(); ++j) {
            if (out->at(j).id == item.id)
                return fail(member(path, "id"),
                    tr("duplicate id \"%1\" (already used by %2)")
                        .arg(item.id, element(sectionPath, j)));
        }
        out->append(item);
    }
    return true;
}

bool Parser::checkReferences(const SlaConfiguration &c)
{
    for (qsizetype i = 0; i < c.policies.size(); ++i) {
        const SlaPolicy &policy = c.policies.at(i);
        const QString path = element(QStringLiteral("policies"), i);
        if (!c.calendar(policy.calendar))
            return fail(
                member(path, "calendar"), tr("unknown calendar \"%1\"").arg(policy.calendar));
        for (qsizetype j = 0; j < policy.thresholds.size(); ++j) {
            const SlaThreshold &threshold = policy.thresholds.at(j);
            if (threshold.action != ThresholdAction::Escalate)
                continue;
            const QString at = member(element(member(path, "thresholds"), j), "escalation");
            const EscalationPolicy *escalation = c.escalation(threshold.escalationPolicy);
            if (!escalation)
                return fail(at, tr("unknown escalation \"%1\"").arg(threshold.escalationPolicy));
            if (escalation->trigger != EscalationTrigger::SlaThreshold)
                return fail(at,
                    tr("escalation \"%1\" has an \"unacknowledged\" trigger; a threshold can only "
                       "start an \"sla_threshold\" escalation")
                        .arg(threshold.escalationPolicy));
        }
    }
    for (qsizetype i = 0; i < c.escalations.size(); ++i) {
        const EscalationPolicy &escalation = c.escalations.at(i);
        for (qsizetype j = 0; j < escalation.levels.size(); ++j) {
            const EscalationLevel &level = escalation.levels.at(j);
            if (level.targetKind == EscalationTargetKind::Schedule && !c.schedule(level.target))
                return fail(member(element(QStringLiteral("escalations[%1].levels").arg(i), j),
                                "target.id"),
                    tr("unknown on-call schedule \"%1\"").arg(level.target));
        }
    }
    return true;
}

// -- calendars

bool Parser::parseCalendar(const QJsonObject &o, const QString &path, CalendarDefinition *out)
{
    if (!knownKeys(o, path,
            { "id", "name", "time_zone", "twenty_four_seven", "hours", "holidays", "version" })
        || !readId(o, path, &out->id) || !readString(o, "name", path, &out->name, Need::Optional)
        || !readBool(o, "twenty_four_seven", path, &out->twentyFourSeven)
        || !readString(o, "time_zone", path, &out->timeZone,
            out->twentyFourSeven ? Need::Optional : Need::Required)
        || !zone(out->timeZone, member(path, "time_zone")) || !parseHours(o, path, out))
        return false;
    if (out->id == twentyFourSevenCalendarId() && !out->twentyFourSeven)
        return fail(member(path, "id"),
            tr("\"%1\" is the built-in 24×7 calendar; it can only be listed with "
               "\"twenty_four_seven\": true")
                .arg(out->id));
    QJsonArray holidays;
    if (!readArray(o, "holidays", path, &holidays, Need::Optional))
        return false;
    if (out->twentyFourSeven && !holidays.isEmpty())
        return fail(member(path, "holidays"), tr("a 24×7 calendar has no holidays"));
    for (qsizetype i = 0; i < holidays.size(); ++i) {
        const QString at = element(member(path, "holidays"), i);
        QJsonObject h;
        Holiday holiday;
        if (!object(holidays.at(i), at, &h) || !parseHoliday(h, at, &holiday))
            return false;
        out->holidays.append(holiday);
    }
    return true;
}

bool Parser::parseHours(const QJsonObject &o, const QString &path, CalendarDefinition *out)
{
    const QString hoursPath = member(path, "hours");
    QJsonObject hours;
    if (o.contains(QLatin1StringView("hours"))
        && (!object(o.value(QLatin1StringView("hours")), hoursPath, &hours)
            || !knownKeys(hours, hoursPath,
                { WeekdayNames[0], WeekdayNames[1], WeekdayNames[2], WeekdayNames[3],
                    WeekdayNames[4], WeekdayNames[5], WeekdayNames[6] })))
        return false;
    bool any = false;
    for (int day = 0; day < 7; ++day) {
        QJsonArray intervals;
        if (!readArray(hours, WeekdayNames[day], hoursPath, &intervals, Need::Optional))
            return false;
        const QString dayPath = member(hoursPath, WeekdayNames[day]);
        QList<DayInterval> &list = out->week[day];
        for (qsizetype i = 0; i < intervals.size(); ++i) {
            DayInterval interval;
            if (!parseInterval(intervals.at(i), element(dayPath, i), &interval))
                return false;
            for (qsizetype j = 0; j < i; ++j) {
                const DayInterval &other = list.at(j);
                if (interval.startMinute < other.endMinute
                    && other.startMinute < interval.endMinute)
                    return fail(element(dayPath, i),
                        tr("overlaps %1 (%2–%3)")
                            .arg(element(QString::fromLatin1(WeekdayNames[day]), j),
                                minuteText(other.startMinute), minuteText(other.endMinute)));
            }
            list.append(interval);
        }
        // Stored sorted: the compiled calendar walks a day's intervals in order.
        std::sort(list.begin(), list.end(), [](const DayInterval &a, const DayInterval &b) {
            return a.startMinute < b.startMinute;
        });
        any = any || !list.isEmpty();
    }
    if (out->twentyFourSeven && any)
        return fail(hoursPath, tr("a 24×7 calendar has no business hours"));
    if (!out->twentyFourSeven && !any)
        return fail(hoursPath,
            tr("a calendar needs business hours on at least one day, or "
               "\"twenty_four_seven\": true"));
    return true;
}

bool Parser::parseInterval(const QJsonValue &v, const QString &at, DayInterval *out)
{
    const QJsonArray pair = v.toArray();
    if (!v.isArray() || pair.size() != 2)
        return fail(at, tr("must be a pair of times [\"HH:MM\", \"HH:MM\"]"));
    if (!time(pair.at(0), element(at, 0), false, &out->startMinute)
        || !time(pair.at(1), element(at, 1), true, &out->endMinute))
        return false;
    if (out->endMinute <= out->startMinute)
        return fail(at, tr("must end after it starts (the end of a day is \"24:00\")"));
    return true;
}

bool Parser::parseHoliday(const QJsonObject &o, const QString &path, Holiday *out)
{
    if (!knownKeys(o, path, { "name", "date", "from_date", "to_date", "start", "end" })
        || !readString(o, "name", path, &out->name, Need::Optional))
        return false;
    const bool single = o.contains(QLatin1StringView("date"));
    const bool range
        = o.contains(QLatin1StringView("from_date")) || o.contains(QLatin1StringView("to_date"));
    const bool timed
        = o.contains(QLatin1StringView("start")) || o.contains(QLatin1StringView("end"));
    if (int(single) + int(range) + int(timed) != 1)
        return fail(path,
            tr("a holiday has either \"date\", or \"from_date\" and \"to_date\", or \"start\" and "
               "\"end\""));
    auto field = [&](const char *key) { return o.value(QLatin1StringView(key)); };
    if (single) {
        if (!date(field("date"), member(path, "date"), &out->firstDate))
            return false;
        out->endDate = out->firstDate.addDays(1);
        return true;
    }
    if (range) {
        QDate last;
        if (!date(field("from_date"), member(path, "from_date"), &out->firstDate)
            || !date(field("to_date"), member(path, "to_date"), &last))
            return false;
        if (last < out->firstDate)
            return fail(member(path, "to_date"), tr("must not be before \"from_date\""));
        out->endDate = last.addDays(1); // the document's to_date is the last day off
        return true;
    }
    if (!instant(field("start"), member(path, "start"), &out->startUtcMs)
        || !instant(field("end"), member(path, "end"), &out->endUtcMs))
        return false;
    if (out->endUtcMs <= out->startUtcMs)
        return fail(member(path, "end"), tr("must be after \"start\""));
    return true;
}

// -- SLA policies

bool Parser::parsePolicy(const QJsonObject &o, const QString &path, SlaPolicy *out)
{
    int zoneIndex = 0;
    int reopenIndex = 0;
    if (!knownKeys(o, path,
            { "id", "name", "version", "priorities", "services", "domains", "sites",
                "response_minutes", "resolution_minutes", "calendar", "calendar_zone", "pause_on",
                "reopen", "thresholds" })
        || !readId(o, path, &out->id) || !readString(o, "name", path, &out->name, Need::Optional)
        || !readPriorities(o, path, &out->priorities)
        || !readStrings(o, "services", path, &out->services) || !readDomains(o, path, &out->domains)
        || !readStrings(o, "sites", path, &out->sites)
        || !readMinutes(o, "response_minutes", path, 1, &out->responseTargetMs, Need::Optional)
        || !readMinutes(o, "resolution_minutes", path, 1, &out->resolutionTargetMs, Need::Optional)
        || !readString(o, "calendar", path, &out->calendar, Need::Optional)
        || !readChoice(o, "calendar_zone", path,
            { QStringLiteral("calendar"), QStringLiteral("site") }, &zoneIndex, Need::Optional)
        || !readChoice(o, "reopen", path,
            { QStringLiteral("new_cycle"), QStringLiteral("continue") }, &reopenIndex,
            Need::Optional))
        return false;
    if (out->responseTargetMs == 0 && out->resolutionTargetMs == 0)
        return fail(
            path, tr("a policy needs \"response_minutes\", \"resolution_minutes\" or both"));
    if (out->calendar.isEmpty())
        return fail(member(path, "calendar"), tr("must not be empty"));
    out->calendarZone = zoneIndex == 0 ? CalendarZone::Calendar : CalendarZone::Site;
    out->reopen = reopenIndex == 0 ? ReopenRule::NewCycle : ReopenRule::ContinueCycle;
    out->pausingReasons = defaultPausingReasons();
    if (!readHoldReasons(o, path, &out->pausingReasons))
        return false;

    const QString thresholdsPath = member(path, "thresholds");
    if (!o.contains(QLatin1StringView("thresholds"))) {
        out->thresholds = defaultThresholds();
        return true;
    }
    QJsonArray thresholds;
    if (!readArray(o, "thresholds", path, &thresholds, Need::Required))
        return false;
    if (thresholds.size() > MaxThresholds)
        return fail(thresholdsPath, tr("at most %1 thresholds are allowed").arg(MaxThresholds));
    out->thresholds.clear();
    for (qsizetype i = 0; i < thresholds.size(); ++i) {
        const QString at = element(thresholdsPath, i);
        QJsonObject t;
        SlaThreshold threshold;
        if (!object(thresholds.at(i), at, &t) || !parseThreshold(t, at, *out, &threshold))
            return false;
        // The engine reports "the highest threshold reached" by index.
        if (!out->thresholds.isEmpty() && threshold.percent < out->thresholds.last().percent)
            return fail(member(at, "percent"),
                tr("thresholds must be listed in ascending order of percent"));
        out->thresholds.append(threshold);
    }
    return true;
}

bool Parser::parseThreshold(
    const QJsonObject &o, const QString &path, const SlaPolicy &policy, SlaThreshold *out)
{
    const QList<ThresholdAction> actions { ThresholdAction::Notify, ThresholdAction::Escalate,
        ThresholdAction::RaisePriority };
    QStringList actionNames;
    for (ThresholdAction action : actions)
        actionNames.append(toName(action));
    int actionIndex = 0;
    int clockIndex = 0;
    qint64 percent = 0;
    if (!knownKeys(o, path, { "percent", "action", "escalation", "clock" })
        || !readInteger(o, "percent", path, 1, 1000, &percent, Need::Required)
        || !readChoice(o, "action", path, actionNames, &actionIndex, Need::Required))
        return false;
    out->percent = int(percent);
    out->action
        = thresholdActionFromName(actionNames.at(actionIndex)).value_or(ThresholdAction::Notify);
    const bool escalates = out->action == ThresholdAction::Escalate;
    if (!escalates && o.contains(QLatin1StringView("escalation")))
        return fail(
            member(path, "escalation"), tr("only an \"escalate\" threshold names an escalation"));
    if (!readString(o, "escalation", path, &out->escalationPolicy,
            escalates ? Need::Required : Need::Optional)
        || !readChoice(o, "clock", path,
            { QStringLiteral("both"), QStringLiteral("response"), QStringLiteral("resolution") },
            &clockIndex, Need::Optional))
        return false;
    out->onResponse = clockIndex != 2;
    out->onResolution = clockIndex != 1;
    if ((clockIndex == 1 && policy.responseTargetMs == 0)
        || (clockIndex == 2 && policy.resolutionTargetMs == 0))
        return fail(member(path, "clock"),
            tr("the policy has no %1 target").arg(o.value(QLatin1StringView("clock")).toString()));
    return true;
}

// -- escalations

bool Parser::parseEscalation(const QJsonObject &o, const QString &path, EscalationPolicy *out)
{
    const QString triggerPath = member(path, "trigger");
    QJsonObject trigger;
    int typeIndex = 0;
    if (!knownKeys(o, path,
            { "id", "name", "version", "trigger", "priorities", "services", "domains", "levels",
                "repeat", "repeat_interval_minutes" })
        || !readId(o, path, &out->id) || !readString(o, "name", path, &out->name, Need::Optional))
        return false;
    if (!o.contains(QLatin1StringView("trigger")))
        return fail(triggerPath, tr("missing required field"));
    if (!object(o.value(QLatin1StringView("trigger")), triggerPath, &trigger)
        || !knownKeys(trigger, triggerPath, { "type", "minutes" })
        || !readChoice(trigger, "type", triggerPath,
            { QStringLiteral("unacknowledged"), QStringLiteral("sla_threshold") }, &typeIndex,
            Need::Required))
        return false;
    out->trigger
        = typeIndex == 0 ? EscalationTrigger::Unacknowledged : EscalationTrigger::SlaThreshold;
    if (out->trigger == EscalationTrigger::Unacknowledged) {
        if (!readMinutes(
                trigger, "minutes", triggerPath, 1, &out->unacknowledgedMs, Need::Required))
            return false;
    } else if (trigger.contains(QLatin1StringView("minutes"))) {
        return fail(
            member(triggerPath, "minutes"), tr("only an \"unacknowledged\" trigger has minutes"));
    }
    if (!readPriorities(o, path, &out->priorities)
        || !readStrings(o, "services", path, &out->services)
        || !readDomains(o, path, &out->domains))
        return false;
    if (out->trigger == EscalationTrigger::SlaThreshold) {
        for (const char *key : { "priorities", "services", "domains" }) {
            if (!o.value(QLatin1StringView(key)).toArray().isEmpty())
                return fail(member(path, key),
                    tr("an \"sla_threshold\" escalation selects no incidents: it runs "
                       "for the thresholds that name it"));
        }
    }

    const QString levelsPath = member(path, "levels");
    QJsonArray levels;
    if (!readArray(o, "levels", path, &levels, Need::Required))
        return false;
    if (levels.isEmpty())
        return fail(levelsPath, tr("an escalation needs at least one level"));
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QString at = element(levelsPath, i);
        QJsonObject l;
        EscalationLevel level;
        if (!object(levels.at(i), at, &l) || !parseLevel(l, at, &level))
            return false;
        if (!out->levels.isEmpty() && level.delayMs < out->levels.last().delayMs)
            return fail(member(at, "delay_minutes"),
                tr("must not be shorter than the previous level's delay"));
        out->levels.append(level);
    }
    qint64 repeat = 0;
    if (!readInteger(o, "repeat", path, 0, 100, &repeat, Need::Optional)
        || !readMinutes(
            o, "repeat_interval_minutes", path, 0, &out->repeatIntervalMs, Need::Optional))
        return false;
    out->repeat = int(repeat);
    return true;
}

bool Parser::parseLevel(const QJsonObject &o, const QString &path, EscalationLevel *out)
{
    const QString targetPath = member(path, "target");
    QJsonObject target;
    QStringList kindNames;
    const QList<EscalationTargetKind> kinds { EscalationTargetKind::Group,
        EscalationTargetKind::User, EscalationTargetKind::Schedule };
    for (EscalationTargetKind kind : kinds)
        kindNames.append(toName(kind));
    int kindIndex = 0;
    if (!knownKeys(o, path, { "delay_minutes", "target" })
        || !readMinutes(o, "delay_minutes", path, 0, &out->delayMs, Need::Optional))
        return false;
    if (!o.contains(QLatin1StringView("target")))
        return fail(targetPath, tr("missing required field"));
    if (!object(o.value(QLatin1StringView("target")), targetPath, &target)
        || !knownKeys(target, targetPath, { "type", "id" })
        || !readChoice(target, "type", targetPath, kindNames, &kindIndex, Need::Required)
        || !readString(target, "id", targetPath, &out->target, Need::Required))
        return false;
    out->targetKind = kinds.at(kindIndex);
    return true;
}

// -- on-call schedules

bool Parser::parseSchedule(const QJsonObject &o, const QString &path, OnCallSchedule *out)
{
    const QString layersPath = member(path, "layers");
    QJsonArray layers;
    QJsonArray overrides;
    if (!knownKeys(o, path, { "id", "name", "version", "time_zone", "layers", "overrides" })
        || !readId(o, path, &out->id) || !readString(o, "name", path, &out->name, Need::Optional)
        || !readString(o, "time_zone", path, &out->timeZone, Need::Required)
        || !zone(out->timeZone, member(path, "time_zone"))
        || !readArray(o, "layers", path, &layers, Need::Required)
        || !readArray(o, "overrides", path, &overrides, Need::Optional))
        return false;
    if (layers.isEmpty())
        return fail(layersPath, tr("a schedule needs at least one rotation layer"));
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString at = element(layersPath, i);
        QJsonObject l;
        RotationLayer layer;
        if (!object(layers.at(i), at, &l) || !parseLayer(l, at, &layer))
            return false;
        for (const RotationLayer &other : std::as_const(out->layers)) {
            if (other.name == layer.name)
                return fail(member(at, "name"), tr("duplicate layer name \"%1\"").arg(layer.name));
        }
        out->layers.append(layer);
    }
    for (qsizetype i = 0; i < overrides.size(); ++i) {
        const QString at = element(member(path, "overrides"), i);
        QJsonObject v;
        OnCallOverride override;
        if (!object(overrides.at(i), at, &v) || !parseOverride(v, at, &override))
            return false;
        out->overrides.append(override);
    }
    return true;
}

bool Parser::parseLayer(const QJsonObject &o, const QString &path, RotationLayer *out)
{
    QStringList days;
    for (const char *day : WeekdayNames)
        days.append(QString::fromLatin1(day));
    int rotation = 0;
    int weekday = 0;
    int handoff = out->handoffTime.msecsSinceStartOfDay() / int(MinuteMs);
    if (!knownKeys(o, path, { "name", "rotation", "handoff", "handoff_day", "start_date", "users" })
        || !readString(o, "name", path, &out->name, Need::Required)
        || !readChoice(o, "rotation", path, { QStringLiteral("daily"), QStringLiteral("weekly") },
            &rotation, Need::Required))
        return false;
    out->period = rotation == 0 ? RotationLayer::Period::Daily : RotationLayer::Period::Weekly;
    if (out->period == RotationLayer::Period::Daily && o.contains(QLatin1StringView("handoff_day")))
        return fail(member(path, "handoff_day"), tr("only a weekly rotation has a hand-off day"));
    if ((o.contains(QLatin1StringView("handoff"))
            && !time(
                o.value(QLatin1StringView("handoff")), member(path, "handoff"), false, &handoff))
        || !readChoice(o, "handoff_day", path, days, &weekday, Need::Optional))
        return false;
    out->handoffTime = QTime(handoff / 60, handoff % 60);
    out->handoffWeekday = weekday + 1;
    if (!o.contains(QLatin1StringView("start_date")))
        return fail(member(path, "start_date"), tr("missing required field"));
    if (!date(o.value(QLatin1StringView("start_date")), member(path, "start_date"), &out->startDate)
        || !readStrings(o, "users", path, &out->users, false))
        return false;
    if (out->users.isEmpty())
        return fail(member(path, "users"), tr("a rotation needs at least one user"));
    return true;
}

bool Parser::parseOverride(const QJsonObject &o, const QString &path, OnCallOverride *out)
{
    for (const char *key : { "start", "end" }) {
        if (!o.contains(QLatin1StringView(key)))
            return fail(member(path, key), tr("missing required field"));
    }
    if (!knownKeys(o, path, { "user", "start", "end" })
        || !readString(o, "user", path, &out->user, Need::Required)
        || !instant(o.value(QLatin1StringView("start")), member(path, "start"), &out->fromUtcMs)
        || !instant(o.value(QLatin1StringView("end")), member(path, "end"), &out->toUtcMs))
        return false;
    if (out->toUtcMs <= out->fromUtcMs)
        return fail(member(path, "end"), tr("must be after \"start\""));
    return true;
}

// -- readers

bool Parser::knownKeys(
    const QJsonObject &o, const QString &path, std::initializer_list<const char *> keys)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (std::none_of(keys.begin(), keys.end(),
                [&](const char *k) { return key == QLatin1StringView(k); }))
            return fail(path.isEmpty() ? key : path + u'.' + key, tr("unknown field"));
    }
    return true;
}

bool Parser::object(const QJsonValue &v, const QString &at, QJsonObject *out)
{
    if (!v.isObject())
        return fail(at, tr("must be an object"));
    *out = v.toObject();
    return true;
}

bool Parser::readArray(
    const QJsonObject &o, const char *key, const QString &path, QJsonArray *out, Need need)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return need == Need::Optional || fail(member(path, key), tr("missing required field"));
    if (!v.isArray())
        return fail(member(path, key), tr("must be an array"));
    *out = v.toArray();
    return true;
}

bool Parser::readString(
    const QJsonObject &o, const char *key, const QString &path, QString *out, Need need)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return need == Need::Optional || fail(member(path, key), tr("missing required field"));
    if (!v.isString())
        return fail(member(path, key), tr("must be a string"));
    if (need == Need::Required && v.toString().trimmed().isEmpty())
        return fail(member(path, key), tr("must not be empty"));
    *out = v.toString();
    return true;
}

bool Parser::readId(const QJsonObject &o, const QString &path, QString *out)
{
    // Ids end up in rule keys ("esc/<id>/...") and on command lines: keep them plain.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!readString(o, "id", path, out, Need::Required))
        return false;
    if (!pattern.match(*out).hasMatch())
        return fail(member(path, "id"),
            tr("must start with a letter or digit and hold only letters, digits, "
               "'.', '_' and '-'"));
    return true;
}

bool Parser::readBool(const QJsonObject &o, const char *key, const QString &path, bool *out)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return true;
    if (!v.isBool())
        return fail(member(path, key), tr("must be true or false"));
    *out = v.toBool();
    return true;
}

bool Parser::integer(const QJsonValue &v, const QString &at, qint64 min, qint64 max, qint64 *out)
{
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::floor(d))
        return fail(at, tr("must be a whole number"));
    if (d < double(min) || d > double(max))
        return fail(at, tr("must be from %1 to %2").arg(min).arg(max));
    *out = qint64(d);
    return true;
}

bool Parser::readInteger(const QJsonObject &o, const char *key, const QString &path, qint64 min,
    qint64 max, qint64 *out, Need need)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return need == Need::Optional || fail(member(path, key), tr("missing required field"));
    return integer(v, member(path, key), min, max, out);
}

bool Parser::readMinutes(
    const QJsonObject &o, const char *key, const QString &path, qint64 min, qint64 *ms, Need need)
{
    qint64 minutes = *ms / MinuteMs;
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return need == Need::Optional || fail(member(path, key), tr("missing required field"));
    if (v.isDouble() && (v.toDouble() < double(min) || v.toDouble() >= double(YearMinutes)))
        return fail(member(path, key),
            min > 0 ? tr("must be more than 0 and less than a year (%1 minutes)").arg(YearMinutes)
                    : tr("must be from 0 to less than a year (%1 minutes)").arg(YearMinutes));
    if (!integer(v, member(path, key), min, YearMinutes - 1, &minutes))
        return false;
    *ms = minutes * MinuteMs;
    return true;
}

bool Parser::readChoice(const QJsonObject &o, const char *key, const QString &path,
    const QStringList &names, int *index, Need need)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return need == Need::Optional || fail(member(path, key), tr("missing required field"));
    const int found = int(names.indexOf(v.toString()));
    if (!v.isString() || found < 0)
        return fail(
            member(path, key), tr("must be one of: %1").arg(names.join(QStringLiteral(", "))));
    *index = found;
    return true;
}

bool Parser::readStrings(
    const QJsonObject &o, const char *key, const QString &path, QStringList *out, bool unique)
{
    QJsonArray values;
    if (!readArray(o, key, path, &values, Need::Optional))
        return false;
    out->clear();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString at = element(member(path, key), i);
        const QString text = values.at(i).toString();
        if (!values.at(i).isString() || text.trimmed().isEmpty())
            return fail(at, tr("must be a non-empty string"));
        if (unique && out->contains(text))
            return fail(at, tr("\"%1\" is listed twice").arg(text));
        out->append(text);
    }
    return true;
}

bool Parser::readPriorities(const QJsonObject &o, const QString &path, QList<int> *out)
{
    QJsonArray values;
    if (!readArray(o, "priorities", path, &values, Need::Optional))
        return false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString at = element(member(path, "priorities"), i);
        qint64 priority = 0;
        if (!integer(values.at(i), at, 1, 5, &priority))
            return false;
        if (out->contains(int(priority)))
            return fail(at, tr("\"%1\" is listed twice").arg(priority));
        out->append(int(priority));
    }
    return true;
}

bool Parser::readDomains(const QJsonObject &o, const QString &path, QList<Domain> *out)
{
    QStringList names;
    if (!readStrings(o, "domains", path, &names))
        return false;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const std::optional<Domain> domain = domainFromName(names.at(i));
        if (!domain)
            return fail(element(member(path, "domains"), i),
                tr("unknown domain \"%1\" (one of: %2)")
                    .arg(names.at(i),
                        QStringList { toName(Domain::Warehouse), toName(Domain::Retail),
                            toName(Domain::Finance), toName(Domain::It) }
                            .join(QStringLiteral(", "))));
        out->append(*domain);
    }
    return true;
}

bool Parser::readHoldReasons(const QJsonObject &o, const QString &path, QSet<HoldReason> *out)
{
    if (!o.contains(QLatin1StringView("pause_on")))
        return true;
    QStringList names;
    if (!readStrings(o, "pause_on", path, &names))
        return false;
    out->clear();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const std::optional<HoldReason> reason = holdReasonFromName(names.at(i));
        if (!reason || *reason == HoldReason::None)
            return fail(element(member(path, "pause_on"), i),
                tr("unknown hold reason \"%1\" (one of: %2)")
                    .arg(names.at(i),
                        QStringList { toName(HoldReason::AwaitingCaller),
                            toName(HoldReason::AwaitingVendor), toName(HoldReason::AwaitingChange),
                            toName(HoldReason::AwaitingProblem) }
                            .join(QStringLiteral(", "))));
        out->insert(*reason);
    }
    return true;
}

bool Parser::time(const QJsonValue &v, const QString &at, bool endOfDay, int *minute)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(v.toString());
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    const bool valid = v.isString() && match.hasMatch()
        && ((hours < 24 && minutes < 60) || (endOfDay && hours == 24 && minutes == 0));
    if (!valid)
        return fail(at,
            endOfDay ? tr("must be a time \"HH:MM\" from 00:00 to 24:00")
                     : tr("must be a time \"HH:MM\" from 00:00 to 23:59"));
    *minute = hours * 60 + minutes;
    return true;
}

bool Parser::date(const QJsonValue &v, const QString &at, QDate *out)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QDate parsed = QDate::fromString(v.toString(), Qt::ISODate);
    if (!v.isString() || !pattern.match(v.toString()).hasMatch() || !parsed.isValid())
        return fail(at, tr("must be a valid date \"YYYY-MM-DD\""));
    *out = parsed;
    return true;
}

bool Parser::instant(const QJsonValue &v, const QString &at, qint64 *out)
{
    // A wall time without a zone would mean different instants to different readers.
    const QString text = v.toString();
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!v.isString() || !parsed.isValid() || parsed.timeSpec() == Qt::LocalTime
        || !text.contains(u'T'))
        return fail(at,
            tr("must be a date and time with \"Z\" or a UTC offset, such as "
               "\"2026-12-24T12:00:00Z\""));
    *out = parsed.toMSecsSinceEpoch();
    return true;
}

bool Parser::zone(const QString &id, const QString &at)
{
    if (!timeZoneNamed(id).isValid())
        return fail(at,
            tr("unknown time zone \"%1\" (use an IANA name such as \"Europe/Berlin\")").arg(id));
    return true;
}

} // namespace

ParsedConfiguration parseSlaConfiguration(const QByteArray &json, const QString &source)
{
    Parser parser(source);
    ParsedConfiguration result;
    if (!parser.parseDocument(json, &result.configuration))
        result.error = parser.error();
    return result;
}

} // namespace nocturne::core
