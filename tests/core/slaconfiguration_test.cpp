#include "core/engine/slaconfiguration.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cctype>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;

ParsedConfiguration parse(const char *json, const QString &source = QStringLiteral("sla.json"))
{
    return parseSlaConfiguration(QByteArray(json), source);
}

QByteArray serialized(const SlaConfiguration &c)
{
    return QJsonDocument(slaConfigurationToJson(c)).toJson();
}

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// ---- refusals ---------------------------------------------------------------------------

struct Refusal
{
    const char *what;
    const char *json;
    const char *location;
    const char *message = nullptr; // checked exactly when given
};

void PrintTo(const Refusal &r, std::ostream *os)
{
    *os << r.what;
}

// Each malformed document names the exact place of its first problem.
const Refusal Refusals[] = {
    { "syntax error", "{\n  \"calendars\": [\n    {\"id\": \"x\",}\n  ]\n}", "sla.json:3" },
    { "unknown field",
        R"({"policies": [{"id": "a", "resolution_minutes": 60},
                       {"id": "b", "respons_minutes": 15, "resolution_minutes": 60}]})",
        "sla.json: policies[1].respons_minutes", "unknown field" },
    { "target of the wrong type", R"({"policies": [{"id": "a", "response_minutes": "15"}]})",
        "sla.json: policies[0].response_minutes", "must be a whole number" },
    { "negative target", R"({"policies": [{"id": "a", "resolution_minutes": -5}]})",
        "sla.json: policies[0].resolution_minutes" },
    { "target of a year", R"({"policies": [{"id": "a", "resolution_minutes": 525600}]})",
        "sla.json: policies[0].resolution_minutes" },
    { "unknown time zone",
        R"({"calendars": [{"id": "c", "time_zone": "Europe/Berlinn", "hours": {"monday": [["09:00", "17:00"]]}}]})",
        "sla.json: calendars[0].time_zone",
        "unknown time zone \"Europe/Berlinn\" (use an IANA name such as \"Europe/Berlin\")" },
    // Qt 6.4 on Linux reads an unknown id as a POSIX rule, so "Berlin" would pass as UTC+0.
    { "bare city as a calendar zone",
        R"({"calendars": [{"id": "a", "time_zone": "UTC", "hours": {"monday": [["09:00", "17:00"]]}},
                        {"id": "b", "time_zone": "Berlin", "hours": {"monday": [["09:00", "17:00"]]}}]})",
        "sla.json: calendars[1].time_zone",
        "unknown time zone \"Berlin\" (use an IANA name such as \"Europe/Berlin\")" },
    { "bare city as a schedule zone",
        R"({"schedules": [{"id": "s", "time_zone": "Berlin",
          "layers": [{"name": "L", "rotation": "daily", "start_date": "2026-01-05", "users": ["a"]}]}]})",
        "sla.json: schedules[0].time_zone",
        "unknown time zone \"Berlin\" (use an IANA name such as \"Europe/Berlin\")" },
    { "overlapping intervals",
        R"({"calendars": [{"id": "c", "time_zone": "UTC",
          "hours": {"monday": [["09:00", "12:00"], ["11:30", "17:00"]]}}]})",
        "sla.json: calendars[0].hours.monday[1]", "overlaps monday[0] (09:00–12:00)" },
    { "25:00",
        R"({"calendars": [{"id": "c", "time_zone": "UTC", "hours": {"tuesday": [["09:00", "25:00"]]}}]})",
        "sla.json: calendars[0].hours.tuesday[0][1]" },
    { "24:00 as a start",
        R"({"calendars": [{"id": "c", "time_zone": "UTC", "hours": {"tuesday": [["24:00", "24:00"]]}}]})",
        "sla.json: calendars[0].hours.tuesday[0][0]" },
    { "interval ending before it starts",
        R"({"calendars": [{"id": "c", "time_zone": "UTC", "hours": {"friday": [["18:00", "08:00"]]}}]})",
        "sla.json: calendars[0].hours.friday[0]" },
    { "duplicate id",
        R"({"policies": [{"id": "p", "resolution_minutes": 60}, {"id": "p", "resolution_minutes": 90}]})",
        "sla.json: policies[1].id", "duplicate id \"p\" (already used by policies[0])" },
    { "dangling calendar",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "calendar": "office"}]})",
        "sla.json: policies[0].calendar", "unknown calendar \"office\"" },
    { "dangling escalation",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "thresholds": [
          {"percent": 50, "action": "notify"}, {"percent": 90, "action": "escalate", "escalation": "ghost"}]}]})",
        "sla.json: policies[0].thresholds[1].escalation", "unknown escalation \"ghost\"" },
    { "threshold naming an unacknowledged escalation",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "thresholds": [
          {"percent": 90, "action": "escalate", "escalation": "unack"}]}],
          "escalations": [{"id": "unack", "trigger": {"type": "unacknowledged", "minutes": 10},
                           "levels": [{"target": {"type": "group", "id": "Service Desk"}}]}]})",
        "sla.json: policies[0].thresholds[0].escalation" },
    { "dangling schedule",
        R"({"escalations": [{"id": "e", "trigger": {"type": "sla_threshold"},
          "levels": [{"target": {"type": "group", "id": "Service Desk"}},
                     {"delay_minutes": 15, "target": {"type": "schedule", "id": "nobody"}}]}]})",
        "sla.json: escalations[0].levels[1].target.id", "unknown on-call schedule \"nobody\"" },
    { "percent 0",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "thresholds": [{"percent": 0, "action": "notify"}]}]})",
        "sla.json: policies[0].thresholds[0].percent", "must be from 1 to 1000" },
    { "too many thresholds",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "thresholds": [
          {"percent": 10, "action": "notify"}, {"percent": 20, "action": "notify"},
          {"percent": 30, "action": "notify"}, {"percent": 40, "action": "notify"},
          {"percent": 50, "action": "notify"}, {"percent": 60, "action": "notify"},
          {"percent": 70, "action": "notify"}, {"percent": 80, "action": "notify"},
          {"percent": 90, "action": "notify"}]}]})",
        "sla.json: policies[0].thresholds", "at most 8 thresholds are allowed" },
    { "thresholds out of order",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "thresholds": [
          {"percent": 90, "action": "notify"}, {"percent": 50, "action": "notify"}]}]})",
        "sla.json: policies[0].thresholds[1].percent" },
    { "unknown action",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "thresholds": [{"percent": 50, "action": "page"}]}]})",
        "sla.json: policies[0].thresholds[0].action",
        "must be one of: notify, escalate, raise_priority" },
    { "unknown hold reason",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "pause_on": ["awaiting_caller", "awaiting_godot"]}]})",
        "sla.json: policies[0].pause_on[1]" },
    { "unknown domain",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "domains": ["logistics"]}]})",
        "sla.json: policies[0].domains[0]" },
    { "priority 6",
        R"({"policies": [{"id": "p", "resolution_minutes": 60, "priorities": [1, 6]}]})",
        "sla.json: policies[0].priorities[1]", "must be from 1 to 5" },
    { "policy without any target", R"({"policies": [{"id": "p", "priorities": [1]}]})",
        "sla.json: policies[0]" },
    { "bad date in a holiday",
        R"({"calendars": [{"id": "c", "time_zone": "UTC", "hours": {"monday": [["09:00", "17:00"]]},
          "holidays": [{"name": "Nope", "date": "2026-02-30"}]}]})",
        "sla.json: calendars[0].holidays[0].date", "must be a valid date \"YYYY-MM-DD\"" },
    { "holiday ending before it starts",
        R"({"calendars": [{"id": "c", "time_zone": "UTC", "hours": {"monday": [["09:00", "17:00"]]},
          "holidays": [{"from_date": "2026-12-27", "to_date": "2026-12-24"}]}]})",
        "sla.json: calendars[0].holidays[0].to_date" },
    { "holiday mixing forms",
        R"({"calendars": [{"id": "c", "time_zone": "UTC", "hours": {"monday": [["09:00", "17:00"]]},
          "holidays": [{"date": "2026-12-25", "start": "2026-12-24T12:00:00Z"}]}]})",
        "sla.json: calendars[0].holidays[0]" },
    { "calendar without hours", R"({"calendars": [{"id": "c", "time_zone": "UTC"}]})",
        "sla.json: calendars[0].hours" },
    { "redefined 24x7",
        R"({"calendars": [{"id": "24x7", "time_zone": "UTC", "hours": {"monday": [["09:00", "17:00"]]}}]})",
        "sla.json: calendars[0].id" },
    { "layer with no users",
        R"({"schedules": [{"id": "s", "time_zone": "Europe/Amsterdam",
          "layers": [{"name": "Primary", "rotation": "weekly", "start_date": "2026-01-05", "users": []}]}]})",
        "sla.json: schedules[0].layers[0].users", "a rotation needs at least one user" },
    { "override without a zone",
        R"({"schedules": [{"id": "s", "time_zone": "UTC",
          "layers": [{"name": "L", "rotation": "daily", "start_date": "2026-01-05", "users": ["a"]}],
          "overrides": [{"user": "b", "start": "2026-03-01T09:00:00", "end": "2026-03-02T09:00:00Z"}]}]})",
        "sla.json: schedules[0].overrides[0].start" },
    { "hand-off day on a daily rotation",
        R"({"schedules": [{"id": "s", "time_zone": "UTC", "layers": [{"name": "L", "rotation": "daily",
          "handoff_day": "monday", "start_date": "2026-01-05", "users": ["a"]}]}]})",
        "sla.json: schedules[0].layers[0].handoff_day" },
    { "missing trigger",
        R"({"escalations": [{"id": "e", "levels": [{"target": {"type": "user", "id": "n.haddad"}}]}]})",
        "sla.json: escalations[0].trigger", "missing required field" },
    { "levels out of order",
        R"({"escalations": [{"id": "e", "trigger": {"type": "sla_threshold"}, "levels": [
          {"delay_minutes": 30, "target": {"type": "user", "id": "a"}},
          {"delay_minutes": 15, "target": {"type": "user", "id": "b"}}]}]})",
        "sla.json: escalations[0].levels[1].delay_minutes" },
    { "id with a slash", R"({"policies": [{"id": "p/1", "resolution_minutes": 60}]})",
        "sla.json: policies[0].id" },
    { "unknown top-level field", R"({"policy": []})", "sla.json: policy", "unknown field" },
    { "section of the wrong type", R"({"calendars": {}})", "sla.json: calendars",
        "must be an array" },
    { "document not an object", "[]", "sla.json" },
};

class SlaConfigurationRefusal : public ::testing::TestWithParam<Refusal>
{
};

TEST_P(SlaConfigurationRefusal, NamesTheExactLocationAndReturnsNothing)
{
    const Refusal &r = GetParam();
    const ParsedConfiguration parsed = parse(r.json);
    ASSERT_TRUE(parsed.error.isError()) << r.what;
    EXPECT_EQ(parsed.error.location, QString::fromUtf8(r.location))
        << r.what << ": " << qPrintable(parsed.error.toString());
    if (r.message) {
        EXPECT_EQ(parsed.error.message, QString::fromUtf8(r.message)) << r.what;
    }
    EXPECT_EQ(parsed.configuration, SlaConfiguration {}) << r.what;
}

// "dangling calendar" -> "DanglingCalendar", so a failure names the case.
std::string refusalName(const ::testing::TestParamInfo<Refusal> &info)
{
    std::string name;
    bool upper = true;
    for (const char *c = info.param.what; *c; ++c) {
        if (std::isalnum(static_cast<unsigned char>(*c))) {
            name += upper ? char(std::toupper(static_cast<unsigned char>(*c))) : *c;
            upper = false;
        } else {
            upper = true;
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(
    MalformedDocuments, SlaConfigurationRefusal, ::testing::ValuesIn(Refusals), refusalName);

TEST(SlaConfiguration, SyntaxErrorsCarryTheLineAndTheParserReason)
{
    const ParsedConfiguration parsed = parse("{\n\n  \"policies\": [\n    {\"id\": \"p\"\n  ]\n}");
    EXPECT_EQ(parsed.error.location, QStringLiteral("sla.json:5"));
    EXPECT_TRUE(parsed.error.message.startsWith(QStringLiteral("invalid JSON: ")))
        << qPrintable(parsed.error.message);
}

TEST(SlaConfiguration, LocationsWithoutASourceAreBarePathsOrLines)
{
    EXPECT_EQ(parseSlaConfiguration(QByteArray("{\"policies\": [{\"id\": 7}]}")).error.toString(),
        QStringLiteral("policies[0].id: must be a string"));
    EXPECT_EQ(parseSlaConfiguration(QByteArray("{\n,}")).error.location, QStringLiteral("line 2"));
}

// ---- what a valid document means ---------------------------------------------------------

TEST(SlaConfiguration, MissingSectionsAreEmptyAndVersionsAreIgnored)
{
    const ParsedConfiguration parsed = parse(R"({"version": 7,
        "policies": [{"id": "p", "version": 3, "resolution_minutes": 60}]})");
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    EXPECT_TRUE(parsed.configuration.calendars.isEmpty());
    EXPECT_TRUE(parsed.configuration.escalations.isEmpty());
    EXPECT_TRUE(parsed.configuration.schedules.isEmpty());
    ASSERT_EQ(parsed.configuration.policies.size(), 1);
    EXPECT_EQ(parsed.configuration.policies[0].version, 1);
    EXPECT_TRUE(parseSlaConfiguration(QByteArray("{}")).configuration.policies.isEmpty());
}

TEST(SlaConfiguration, PolicyDefaultsAre24x7DefaultThresholdsAndDefaultPauses)
{
    const ParsedConfiguration parsed
        = parse(R"({"policies": [{"id": "p", "response_minutes": 15}]})");
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    const SlaPolicy &p = parsed.configuration.policies[0];
    EXPECT_EQ(p.responseTargetMs, 15 * MinuteMs);
    EXPECT_EQ(p.resolutionTargetMs, 0);
    EXPECT_EQ(p.calendar, twentyFourSevenCalendarId());
    EXPECT_EQ(p.calendarZone, CalendarZone::Calendar);
    EXPECT_EQ(p.reopen, ReopenRule::NewCycle);
    EXPECT_EQ(p.thresholds, defaultThresholds());
    EXPECT_EQ(p.pausingReasons, defaultPausingReasons());

    const ParsedConfiguration none = parse(R"({"policies": [{"id": "p", "response_minutes": 15,
        "pause_on": [], "thresholds": []}]})");
    ASSERT_FALSE(none.error.isError());
    EXPECT_TRUE(none.configuration.policies[0].pausingReasons.isEmpty());
    EXPECT_TRUE(none.configuration.policies[0].thresholds.isEmpty());
}

TEST(SlaConfiguration, HolidayToDateIsInclusiveAndIntervalsAreSorted)
{
    const ParsedConfiguration parsed
        = parse(R"({"calendars": [{"id": "c", "time_zone": "Europe/Berlin",
        "hours": {"monday": [["13:00", "17:00"], ["08:00", "12:00"]], "sunday": []},
        "holidays": [{"name": "Christmas", "from_date": "2026-12-24", "to_date": "2026-12-26"},
                     {"name": "New Year", "date": "2027-01-01"},
                     {"name": "Move", "start": "2026-06-01T10:00:00+02:00", "end": "2026-06-01T14:30:00Z"}]}]})");
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    const CalendarDefinition &c = parsed.configuration.calendars[0];
    EXPECT_EQ(c.week[0], (QList<DayInterval> { { 8 * 60, 12 * 60 }, { 13 * 60, 17 * 60 } }));
    EXPECT_TRUE(c.week[6].isEmpty());
    ASSERT_EQ(c.holidays.size(), 3);
    EXPECT_EQ(c.holidays[0].firstDate, QDate(2026, 12, 24));
    EXPECT_EQ(c.holidays[0].endDate, QDate(2026, 12, 27));
    EXPECT_EQ(c.holidays[1].endDate, QDate(2027, 1, 2));
    EXPECT_FALSE(c.holidays[2].isAllDay());
    EXPECT_EQ(c.holidays[2].startUtcMs, utc("2026-06-01T08:00:00Z"));
    EXPECT_EQ(c.holidays[2].endUtcMs, utc("2026-06-01T14:30:00Z"));
}

TEST(SlaConfiguration, IanaZoneNamesAreAcceptedForCalendarsAndSchedules)
{
    const ParsedConfiguration parsed = parse(R"({
        "calendars": [{"id": "c", "time_zone": "Europe/Berlin", "hours": {"monday": [["09:00", "17:00"]]}}],
        "schedules": [{"id": "s", "time_zone": "Europe/Berlin",
          "layers": [{"name": "L", "rotation": "daily", "start_date": "2026-01-05", "users": ["a"]}]}]})");
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    EXPECT_EQ(parsed.configuration.calendars[0].timeZone, QStringLiteral("Europe/Berlin"));
    EXPECT_EQ(parsed.configuration.schedules[0].timeZone, QStringLiteral("Europe/Berlin"));
}

TEST(SlaConfiguration, MidnightEndsADayAs2400)
{
    const ParsedConfiguration parsed = parse(R"({"calendars": [{"id": "night", "time_zone": "UTC",
        "hours": {"friday": [["22:00", "24:00"]], "saturday": [["00:00", "06:00"]]}}]})");
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    EXPECT_EQ(
        parsed.configuration.calendars[0].week[4], (QList<DayInterval> { { 22 * 60, 24 * 60 } }));
}

// ---- lookups -----------------------------------------------------------------------------

TEST(SlaConfiguration, TheBuiltIn24x7CalendarIsAlwaysThere)
{
    const SlaConfiguration empty;
    const CalendarDefinition *c = empty.calendar(QStringLiteral("24x7"));
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->twentyFourSeven);
    EXPECT_EQ(c->id, twentyFourSevenCalendarId());
    EXPECT_EQ(empty.calendar(QStringLiteral("business-hours")), nullptr);
    const SlaConfiguration defaults = defaultSlaConfiguration();
    ASSERT_NE(defaults.calendar(QStringLiteral("business-hours")), nullptr);
    EXPECT_EQ(defaults.calendar(QStringLiteral("business-hours"))->timeZone,
        QStringLiteral("Europe/Amsterdam"));
}

TEST(SlaConfiguration, PolicyForTakesTheFirstMatchInOrder)
{
    const ParsedConfiguration parsed = parse(R"({"policies": [
        {"id": "p1-retail-london", "priorities": [1], "domains": ["retail"], "sites": ["Store London Oxford St"],
         "resolution_minutes": 120},
        {"id": "p1-retail", "priorities": [1], "domains": ["retail"], "resolution_minutes": 180},
        {"id": "wms", "services": ["WMS"], "resolution_minutes": 300},
        {"id": "catch-all", "resolution_minutes": 600}]})");
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    const SlaConfiguration &c = parsed.configuration;
    auto idFor = [&](int priority, const char *service, Domain domain, const char *site) {
        const SlaPolicy *p
            = c.policyFor(priority, QString::fromUtf8(service), domain, QString::fromUtf8(site));
        return p ? p->id : QString();
    };
    EXPECT_EQ(idFor(1, "Point of Sale", Domain::Retail, "Store London Oxford St"),
        QStringLiteral("p1-retail-london"));
    EXPECT_EQ(idFor(1, "Point of Sale", Domain::Retail, "Store New York 5th Ave"),
        QStringLiteral("p1-retail"));
    EXPECT_EQ(idFor(1, "WMS", Domain::Warehouse, "DC Reno"), QStringLiteral("wms"));
    EXPECT_EQ(idFor(1, "WMS", Domain::Retail, "DC Reno"), QStringLiteral("p1-retail"));
    EXPECT_EQ(
        idFor(4, "Payments", Domain::Finance, "Finance Hub Dublin"), QStringLiteral("catch-all"));
    EXPECT_EQ(SlaConfiguration {}.policyFor(1, {}, Domain::It, {}), nullptr);
    EXPECT_EQ(c.policy(QStringLiteral("wms")), &c.policies[2]);
    EXPECT_EQ(c.policy(QStringLiteral("nope")), nullptr);
}

// ---- round trips -------------------------------------------------------------------------

SlaConfiguration richConfiguration()
{
    SlaConfiguration c;
    CalendarDefinition eu;
    eu.id = QStringLiteral("eu-split-shift");
    eu.name = QStringLiteral("EU split shift");
    eu.timeZone = QStringLiteral("Europe/Berlin");
    eu.week[0] = { { 8 * 60, 12 * 60 }, { 13 * 60, 17 * 60 + 30 } };
    eu.week[2] = { { 0, 6 * 60 }, { 22 * 60, 24 * 60 } };
    eu.week[5] = { { 9 * 60 + 15, 13 * 60 + 45 } };
    eu.holidays = {
        Holiday { QStringLiteral("Christmas"), QDate(2026, 12, 24), QDate(2026, 12, 27), 0, 0 },
        Holiday { QStringLiteral("Labour Day"), QDate(2026, 5, 1), QDate(2026, 5, 2), 0, 0 },
        Holiday { QStringLiteral("Migration"), {}, {}, utc("2026-06-01T08:00:00Z"),
            utc("2026-06-01T14:30:00.250Z") },
        Holiday { {}, QDate(2027, 1, 1), QDate(2027, 1, 2), 0, 0 },
    };
    CalendarDefinition always;
    always.id = QStringLiteral("always-tokyo");
    always.twentyFourSeven = true;
    always.timeZone = QStringLiteral("Asia/Tokyo");
    c.calendars = { eu, always };

    SlaPolicy wh;
    wh.id = QStringLiteral("warehouse-p1");
    wh.name = QStringLiteral("Warehouse P1");
    wh.priorities = { 1, 2 };
    wh.services = { QStringLiteral("WMS"), QStringLiteral("Material Handling") };
    wh.domains = { Domain::Warehouse };
    wh.sites = { QStringLiteral("DC Leipzig") };
    wh.responseTargetMs = 10 * MinuteMs;
    wh.resolutionTargetMs = 3 * HourMs;
    wh.calendar = eu.id;
    wh.calendarZone = CalendarZone::Site;
    wh.pausingReasons = { HoldReason::AwaitingVendor, HoldReason::AwaitingProblem };
    wh.reopen = ReopenRule::ContinueCycle;
    SlaThreshold notify { 25, ThresholdAction::Notify, {}, true, false };
    SlaThreshold escalate { 80, ThresholdAction::Escalate, QStringLiteral("at-risk"), false, true };
    SlaThreshold raise { 100, ThresholdAction::RaisePriority, {}, true, true };
    wh.thresholds = { notify, escalate, raise };
    SlaPolicy rest;
    rest.id = QStringLiteral("rest");
    rest.resolutionTargetMs = 5 * 24 * HourMs;
    rest.calendar = always.id;
    rest.thresholds = {};
    c.policies = { wh, rest };

    EscalationPolicy unack;
    unack.id = QStringLiteral("unack");
    unack.name = QStringLiteral("Unacknowledged");
    unack.unacknowledgedMs = 12 * MinuteMs;
    unack.priorities = { 1 };
    unack.services = { QStringLiteral("WMS") };
    unack.domains = { Domain::Warehouse, Domain::It };
    unack.levels = { { 0, EscalationTargetKind::Schedule, QStringLiteral("primary") },
        { 20 * MinuteMs, EscalationTargetKind::Group, QStringLiteral("WMS Support") } };
    unack.repeat = 2;
    EscalationPolicy risk;
    risk.id = QStringLiteral("at-risk");
    risk.trigger = EscalationTrigger::SlaThreshold;
    risk.levels = { { 5 * MinuteMs, EscalationTargetKind::User, QStringLiteral("n.haddad") } };
    risk.repeatIntervalMs = 45 * MinuteMs;
    c.escalations = { unack, risk };

    OnCallSchedule primary;
    primary.id = QStringLiteral("primary");
    primary.name = QStringLiteral("Primary");
    primary.timeZone = QStringLiteral("America/New_York");
    RotationLayer weekly { QStringLiteral("Weekly"), RotationLayer::Period::Weekly, QTime(8, 30),
        Qt::Thursday, QDate(2026, 2, 1),
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a") } };
    RotationLayer daily { QStringLiteral("Nights"), RotationLayer::Period::Daily, QTime(20, 0),
        Qt::Monday, QDate(2026, 3, 1), { QStringLiteral("c") } };
    primary.layers = { weekly, daily };
    primary.overrides
        = { { QStringLiteral("d"), utc("2026-03-08T05:00:00Z"), utc("2026-03-09T05:00:00Z") } };
    c.schedules = { primary };
    return c;
}

TEST(SlaConfiguration, RichConfigurationSurvivesARoundTrip)
{
    const SlaConfiguration original = richConfiguration();
    const ParsedConfiguration parsed
        = parseSlaConfiguration(serialized(original), QStringLiteral("export.json"));
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    EXPECT_EQ(parsed.configuration.calendars, original.calendars);
    EXPECT_EQ(parsed.configuration.policies, original.policies);
    EXPECT_EQ(parsed.configuration.escalations, original.escalations);
    EXPECT_EQ(parsed.configuration.schedules, original.schedules);
    EXPECT_EQ(serialized(parsed.configuration), serialized(original));
}

TEST(SlaConfiguration, SerialisedFormUsesTheDocumentedNames)
{
    const QJsonObject json = slaConfigurationToJson(richConfiguration());
    const QJsonObject calendar = json[QStringLiteral("calendars")][0].toObject();
    EXPECT_EQ(calendar[QStringLiteral("hours")][QStringLiteral("wednesday")][1][1].toString(),
        QStringLiteral("24:00"));
    const QJsonObject christmas = calendar[QStringLiteral("holidays")][0].toObject();
    EXPECT_EQ(christmas[QStringLiteral("to_date")].toString(), QStringLiteral("2026-12-26"));
    EXPECT_EQ(calendar[QStringLiteral("holidays")][1][QStringLiteral("date")].toString(),
        QStringLiteral("2026-05-01"));
    const QJsonObject policy = json[QStringLiteral("policies")][0].toObject();
    EXPECT_EQ(policy[QStringLiteral("reopen")].toString(), QStringLiteral("continue"));
    EXPECT_EQ(policy[QStringLiteral("thresholds")][1][QStringLiteral("clock")].toString(),
        QStringLiteral("resolution"));
    EXPECT_FALSE(policy.contains(QStringLiteral("version")));
    const QJsonObject layer
        = json[QStringLiteral("schedules")][0][QStringLiteral("layers")][0].toObject();
    EXPECT_EQ(layer[QStringLiteral("handoff_day")].toString(), QStringLiteral("thursday"));
    EXPECT_EQ(layer[QStringLiteral("handoff")].toString(), QStringLiteral("08:30"));
}

TEST(SlaConfiguration, DefaultConfigurationSurvivesARoundTrip)
{
    const SlaConfiguration defaults = defaultSlaConfiguration();
    const ParsedConfiguration parsed = parseSlaConfiguration(serialized(defaults));
    ASSERT_FALSE(parsed.error.isError()) << qPrintable(parsed.error.toString());
    EXPECT_EQ(parsed.configuration, defaults);
}

TEST(SlaConfiguration, DefaultConfigurationHasOnePolicyPerPriority)
{
    const SlaConfiguration c = defaultSlaConfiguration();
    const qint64 expected[5][2] = { { 15 * MinuteMs, 4 * HourMs }, { 30 * MinuteMs, 8 * HourMs },
        { 4 * HourMs, 20 * HourMs }, { 8 * HourMs, 50 * HourMs }, { 20 * HourMs, 200 * HourMs } };
    for (int priority = 1; priority <= 5; ++priority) {
        const SlaPolicy *p = c.policyFor(
            priority, QStringLiteral("WMS"), Domain::Warehouse, QStringLiteral("DC Memphis"));
        ASSERT_NE(p, nullptr) << priority;
        EXPECT_EQ(p->priorities, QList<int> { priority });
        EXPECT_EQ(p->responseTargetMs, expected[priority - 1][0]) << priority;
        EXPECT_EQ(p->resolutionTargetMs, expected[priority - 1][1]) << priority;
        EXPECT_EQ(
            p->calendar, priority <= 2 ? QStringLiteral("24x7") : QStringLiteral("business-hours"));
    }
    const SlaPolicy *p1 = c.policyFor(1, {}, Domain::It, {});
    ASSERT_EQ(p1->thresholds.size(), 4);
    EXPECT_EQ(p1->thresholds[2].action, ThresholdAction::Escalate);
    EXPECT_EQ(p1->thresholds[2].escalationPolicy, QStringLiteral("sla-at-risk"));
    const EscalationPolicy *unack = c.escalation(QStringLiteral("unacknowledged-critical"));
    ASSERT_NE(unack, nullptr);
    EXPECT_TRUE(unack->matches(2, QStringLiteral("WMS"), Domain::Warehouse));
    EXPECT_FALSE(unack->matches(3, QStringLiteral("WMS"), Domain::Warehouse));
    ASSERT_NE(c.schedule(QStringLiteral("noc-on-call")), nullptr);
}

} // namespace
} // namespace nocturne::core::test
