// nocturnectl sla/oncall end to end: the real executable on a real SQLite file, with
// clock values worked out by hand from the incident times.
#include "ctlrunner.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

// 24×7 for P1; Berlin office hours (Mon–Fri 09:00–17:00) for P3; an on-call rotation
// with an override; P1 escalates when nobody acknowledges within 10 minutes.
const char *const policyJson = R"({
  "calendars": [
    { "id": "office", "name": "Berlin office", "time_zone": "Europe/Berlin",
      "hours": { "monday": [["09:00", "17:00"]], "tuesday": [["09:00", "17:00"]], "wednesday": [["09:00", "17:00"]],
                 "thursday": [["09:00", "17:00"]], "friday": [["09:00", "17:00"]] } }
  ],
  "policies": [
    { "id": "p1", "name": "P1 around the clock", "priorities": [1], "response_minutes": 30, "resolution_minutes": 240,
      "thresholds": [ { "percent": 100, "action": "notify" } ] },
    { "id": "p3", "name": "P3 office hours", "priorities": [3], "response_minutes": 60, "resolution_minutes": 480,
      "calendar": "office", "thresholds": [ { "percent": 50, "action": "notify" }, { "percent": 100, "action": "notify" } ] }
  ],
  "escalations": [
    { "id": "unack-p1", "name": "Unacknowledged P1", "trigger": { "type": "unacknowledged", "minutes": 10 },
      "priorities": [1],
      "levels": [ { "delay_minutes": 0, "target": { "type": "group", "id": "NOC" } },
                  { "delay_minutes": 15, "target": { "type": "schedule", "id": "noc" } } ] }
  ],
  "schedules": [
    { "id": "noc", "name": "NOC", "time_zone": "Europe/Berlin",
      "layers": [ { "name": "Primary", "rotation": "weekly", "handoff": "09:00", "handoff_day": "monday",
                    "start_date": "2026-01-05", "users": ["ana", "ben", "carl"] } ],
      "overrides": [ { "user": "dora", "start": "2026-03-10T12:00:00Z", "end": "2026-03-10T18:00:00Z" } ] }
  ]
})";

qint64 utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch(); }

class CtlSla : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ops.db"));
        const CtlRun init = run({ QStringLiteral("init") });
        ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    }

    CtlRun run(const QStringList &arguments) { return runCtl(m_db, arguments); }
    QJsonObject json(const QStringList &arguments)
    {
        const CtlRun r = run(arguments + QStringList { QStringLiteral("--json") });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    QString write(const QString &name, const QByteArray &content) { return writeFile(m_dir.filePath(name), content); }
    void importPolicies(const QByteArray &content = policyJson)
    {
        const CtlRun r = run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("import"),
                               write(QStringLiteral("policies.json"), content) });
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    // impact/urgency 1/1 is P1, 3/1 is P3.
    QString create(int impact, const char *at)
    {
        const CtlRun r = run({ QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("Sorter jam"),
                               QStringLiteral("--impact"), QString::number(impact), QStringLiteral("--urgency"),
                               QStringLiteral("1"), QStringLiteral("--at"), QString::fromLatin1(at), QStringLiteral("--json") });
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("number")).toString();
    }
    void act(const QString &action, const QString &number, const char *at, const QStringList &extra = {})
    {
        const CtlRun r = run(QStringList { action, number, QStringLiteral("--at"), QString::fromLatin1(at) } + extra);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    QJsonArray clocks(const QString &number, const char *at)
    {
        return json({ QStringLiteral("sla"), QStringLiteral("show"), number, QStringLiteral("--at"), QString::fromLatin1(at) })
            .value(QStringLiteral("clocks"))
            .toArray();
    }

    QTemporaryDir m_dir;
    QString m_db;
};

qint64 ms(const QJsonObject &o, const char *key) { return o.value(QLatin1StringView(key)).toInteger(); }
// std::string, so that gtest prints a mismatch readably.
std::string text(const QJsonObject &o, const char *key) { return o.value(QLatin1StringView(key)).toString().toStdString(); }

TEST_F(CtlSla, InitStoresTheDefaultsAndExportImportRoundTripsUnchanged)
{
    const QString exported = m_dir.filePath(QStringLiteral("exported.json"));
    ASSERT_EQ(run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("export"), QStringLiteral("--out"), exported }).exitCode, 0);
    QFile file(exported);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    EXPECT_FALSE(document.value(QStringLiteral("policies")).toArray().isEmpty());

    const QJsonObject same = json({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("import"), exported });
    EXPECT_EQ(same.value(QStringLiteral("added")).toInt(), 0);
    EXPECT_EQ(same.value(QStringLiteral("changed")).toInt(), 0);
    EXPECT_GT(same.value(QStringLiteral("unchanged")).toInt(), 0);
    EXPECT_EQ(same.value(QStringLiteral("revision")).toInt(), 1);

    // One changed target: one new version, visible in the history.
    QJsonObject changed = document;
    QJsonArray policies = changed.value(QStringLiteral("policies")).toArray();
    QJsonObject first = policies.at(0).toObject();
    first.insert(QStringLiteral("resolution_minutes"), 999);
    policies.replace(0, first);
    changed.insert(QStringLiteral("policies"), policies);
    const QJsonObject result = json({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("import"),
                                      write(QStringLiteral("changed.json"), QJsonDocument(changed).toJson()) });
    EXPECT_EQ(result.value(QStringLiteral("changed")).toInt(), 1);
    EXPECT_EQ(result.value(QStringLiteral("revision")).toInt(), 2);
    const CtlRun history = run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("history"), QStringLiteral("--json"),
                                 QStringLiteral("--id"), first.value(QStringLiteral("id")).toString() });
    const QJsonArray versions = QJsonDocument::fromJson(history.out.toUtf8()).array();
    ASSERT_EQ(versions.size(), 2);
    EXPECT_EQ(versions.at(1).toObject().value(QStringLiteral("version")).toInt(), 2);
    EXPECT_EQ(versions.at(1).toObject().value(QStringLiteral("document")).toObject().value(QStringLiteral("resolution_minutes")).toInt(), 999);
}

TEST_F(CtlSla, AMalformedPolicyFileIsRefusedWithFileAndFieldAndTheDatabaseIsUntouched)
{
    const QByteArray before = fileDigest(m_db);
    QByteArray bad = policyJson;
    bad.replace("\"resolution_minutes\": 480", "\"resolution_minutes\": \"eight hours\"");
    const QString path = write(QStringLiteral("bad.json"), bad);
    const CtlRun r = run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("import"), path });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(path + QStringLiteral(": policies[1].resolution_minutes"))) << r.err.toStdString();

    const QString broken = write(QStringLiteral("broken.json"), "{\n  \"policies\": [\n    { \"id\": \"x\",, }\n  ]\n}\n");
    const CtlRun syntax = run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("import"), broken });
    EXPECT_EQ(syntax.exitCode, 1);
    EXPECT_TRUE(syntax.err.contains(broken + QStringLiteral(":3"))) << syntax.err.toStdString();
    EXPECT_EQ(fileDigest(m_db), before);
}

TEST_F(CtlSla, IcsHolidaysAreAddedAndABadLineIsRefusedWithFileAndLine)
{
    importPolicies();
    const QByteArray good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Tag der Arbeit\r\n"
                            "DTSTART;VALUE=DATE:20260501\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const QJsonObject added = json({ QStringLiteral("sla"), QStringLiteral("calendar"), QStringLiteral("import-ics"),
                                     QStringLiteral("office"), write(QStringLiteral("good.ics"), good) });
    EXPECT_EQ(added.value(QStringLiteral("added")).toInt(), 1);
    EXPECT_EQ(added.value(QStringLiteral("version")).toInt(), 2);

    const QByteArray bad = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Broken\r\n"
                           "DTSTART;VALUE=DATE:2026-13-45\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const QString path = write(QStringLiteral("bad.ics"), bad);
    const QByteArray before = fileDigest(m_db);
    const CtlRun r = run({ QStringLiteral("sla"), QStringLiteral("calendar"), QStringLiteral("import-ics"), QStringLiteral("office"), path });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(path + QStringLiteral(":5"))) << r.err.toStdString();
    EXPECT_EQ(fileDigest(m_db), before);
    EXPECT_EQ(run({ QStringLiteral("sla"), QStringLiteral("calendar"), QStringLiteral("import-ics"), QStringLiteral("nowhere"), path }).exitCode, 1);
}

TEST_F(CtlSla, ShowOnATwentyFourSevenPolicyGivesTheElapsedAndRemainingTimes)
{
    importPolicies();
    const QString number = create(1, "2026-03-02T08:00:00Z");
    act(QStringLiteral("ack"), number, "2026-03-02T08:20:00Z");
    const QJsonObject shown = json({ QStringLiteral("sla"), QStringLiteral("show"), number, QStringLiteral("--at"), QStringLiteral("2026-03-02T10:00:00Z") });
    EXPECT_EQ(text(shown.value(QStringLiteral("policy")).toObject(), "id"), "p1");
    EXPECT_EQ(shown.value(QStringLiteral("policy")).toObject().value(QStringLiteral("version")).toInt(), 1);
    EXPECT_EQ(text(shown.value(QStringLiteral("calendar")).toObject(), "id"), "24x7");
    const QJsonArray all = shown.value(QStringLiteral("clocks")).toArray();
    ASSERT_EQ(all.size(), 2);
    const QJsonObject response = all.at(0).toObject();
    EXPECT_EQ(text(response, "kind"), "response");
    EXPECT_EQ(text(response, "state"), "met");
    EXPECT_EQ(ms(response, "elapsed_ms"), 20 * Minute);
    EXPECT_EQ(ms(response, "remaining_ms"), 10 * Minute);
    EXPECT_EQ(text(response, "stopped_at"), "2026-03-02T08:20:00Z");
    const QJsonObject resolution = all.at(1).toObject();
    EXPECT_EQ(text(resolution, "state"), "running");
    EXPECT_EQ(ms(resolution, "target_ms"), 4 * Hour);
    EXPECT_EQ(ms(resolution, "elapsed_ms"), 2 * Hour);
    EXPECT_EQ(ms(resolution, "remaining_ms"), 2 * Hour);
    EXPECT_EQ(ms(resolution, "paused_ms"), 0);
    EXPECT_EQ(text(resolution, "deadline_at"), "2026-03-02T12:00:00Z");
    EXPECT_EQ(ms(resolution, "deadline_at_ms"), utc("2026-03-02T12:00:00Z"));
    EXPECT_TRUE(resolution.value(QStringLiteral("breached_at")).isNull());
}

TEST_F(CtlSla, ShowOnABusinessHoursPolicyCountsOnlyOfficeHoursAndPausesOnHold)
{
    importPolicies();
    // Friday 15:00 in Berlin (CET, UTC+1); the weekend does not count.
    const QString number = create(3, "2026-03-06T14:00:00Z");
    act(QStringLiteral("ack"), number, "2026-03-09T08:30:00Z"); // Monday 09:30 Berlin
    act(QStringLiteral("hold"), number, "2026-03-09T09:00:00Z", { QStringLiteral("--reason"), QStringLiteral("awaiting_vendor") });
    const QJsonObject shown = json({ QStringLiteral("sla"), QStringLiteral("show"), number, QStringLiteral("--at"), QStringLiteral("2026-03-09T10:00:00Z") });
    EXPECT_EQ(text(shown.value(QStringLiteral("calendar")).toObject(), "time_zone"), "Europe/Berlin");
    const QJsonArray all = shown.value(QStringLiteral("clocks")).toArray();
    ASSERT_EQ(all.size(), 2);
    // Response: 60 min target reached Friday 16:00 Berlin; acknowledged after 2 h 30 min.
    const QJsonObject response = all.at(0).toObject();
    EXPECT_EQ(text(response, "state"), "breached");
    EXPECT_EQ(text(response, "breached_at"), "2026-03-06T15:00:00Z");
    EXPECT_EQ(ms(response, "elapsed_ms"), 2 * Hour + 30 * Minute);
    EXPECT_EQ(ms(response, "remaining_ms"), -(Hour + 30 * Minute));
    // Resolution: Fri 15–17 and Mon 09–10 count, then on hold since 10:00 Berlin.
    const QJsonObject resolution = all.at(1).toObject();
    EXPECT_EQ(text(resolution, "state"), "paused");
    EXPECT_EQ(ms(resolution, "elapsed_ms"), 3 * Hour);
    EXPECT_EQ(ms(resolution, "paused_ms"), Hour);
    EXPECT_EQ(ms(resolution, "remaining_ms"), 5 * Hour);
    const QJsonArray segments = resolution.value(QStringLiteral("segments")).toArray();
    ASSERT_EQ(segments.size(), 2);
    EXPECT_EQ(ms(segments.at(0).toObject(), "business_ms"), 3 * Hour);
    EXPECT_EQ(text(segments.at(1).toObject(), "reason"), "awaiting_vendor");
    // While paused, nobody knows when the deadline comes.
    EXPECT_TRUE(resolution.value(QStringLiteral("deadline_at")).isNull());

    // Before the hold (Monday 09:45 Berlin) it was running towards Monday 15:00 Berlin.
    const QJsonObject running = clocks(number, "2026-03-09T08:45:00Z").at(1).toObject();
    EXPECT_EQ(text(running, "state"), "running");
    EXPECT_EQ(ms(running, "elapsed_ms"), 2 * Hour + 45 * Minute);
    EXPECT_EQ(text(running, "deadline_at"), "2026-03-09T14:00:00Z");
    const QJsonObject half = running.value(QStringLiteral("thresholds")).toArray().at(0).toObject();
    EXPECT_EQ(text(half, "at"), "2026-03-09T10:00:00Z"); // 4 h: Monday 11:00 Berlin
    EXPECT_FALSE(half.value(QStringLiteral("reached")).toBool());
}

TEST_F(CtlSla, ABreachExactlyOnTheDeadline)
{
    importPolicies();
    const QString inTime = create(1, "2026-03-02T08:00:00Z");
    act(QStringLiteral("ack"), inTime, "2026-03-02T08:30:00Z"); // exactly the 30-minute target
    const QJsonObject met = clocks(inTime, "2026-03-02T09:00:00Z").at(0).toObject();
    EXPECT_EQ(text(met, "state"), "met");
    EXPECT_EQ(ms(met, "remaining_ms"), 0);

    const QString late = create(1, "2026-03-02T08:00:00Z");
    const QJsonObject atDeadline = clocks(late, "2026-03-02T08:30:00Z").at(0).toObject();
    EXPECT_EQ(text(atDeadline, "state"), "running");
    EXPECT_EQ(ms(atDeadline, "remaining_ms"), 0);
    const QJsonObject after = clocks(late, "2026-03-02T08:30:01Z").at(0).toObject();
    EXPECT_EQ(text(after, "state"), "breached");
    EXPECT_EQ(text(after, "breached_at"), "2026-03-02T08:30:00Z");
    EXPECT_EQ(ms(after, "remaining_ms"), -1000);
}

TEST_F(CtlSla, ShowSaysWhenNoPolicyAppliesAndRefusesUnknownNumbersAndBadTimes)
{
    importPolicies();
    const QString p2 = create(2, "2026-03-02T08:00:00Z"); // 2/1 is P2: no policy in the file
    const CtlRun none = run({ QStringLiteral("sla"), QStringLiteral("show"), p2 });
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_TRUE(none.out.contains(QStringLiteral("No SLA policy applies"))) << none.out.toStdString();
    EXPECT_TRUE(json({ QStringLiteral("sla"), QStringLiteral("show"), p2 }).value(QStringLiteral("policy")).isNull());
    EXPECT_EQ(run({ QStringLiteral("sla"), QStringLiteral("show"), QStringLiteral("INC9999999") }).exitCode, 1);
    EXPECT_EQ(run({ QStringLiteral("sla"), QStringLiteral("show"), p2, QStringLiteral("--at"), QStringLiteral("yesterday") }).exitCode, 2);
    EXPECT_EQ(run({ QStringLiteral("sla"), QStringLiteral("frobnicate") }).exitCode, 2);
}

TEST_F(CtlSla, SimulateComparesComplianceUnderBothConfigurations)
{
    importPolicies();
    const QString a = create(1, "2026-03-02T08:00:00Z");
    act(QStringLiteral("ack"), a, "2026-03-02T08:20:00Z");
    act(QStringLiteral("resolve"), a, "2026-03-02T09:50:00Z", { QStringLiteral("--code"), QStringLiteral("fixed") });
    const QString b = create(1, "2026-03-03T08:00:00Z");
    act(QStringLiteral("ack"), b, "2026-03-03T08:10:00Z");
    act(QStringLiteral("resolve"), b, "2026-03-03T11:00:00Z", { QStringLiteral("--code"), QStringLiteral("fixed") });
    create(1, "2026-03-04T08:00:00Z"); // never acknowledged
    create(1, "2026-03-06T08:00:00Z"); // outside the period

    QByteArray stricter = policyJson;
    stricter.replace("\"response_minutes\": 30, \"resolution_minutes\": 240", "\"response_minutes\": 15, \"resolution_minutes\": 120");
    const QJsonObject r = json({ QStringLiteral("sla"), QStringLiteral("simulate"), QStringLiteral("--policy"),
                                 write(QStringLiteral("stricter.json"), stricter), QStringLiteral("--from"),
                                 QStringLiteral("2026-03-02T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2026-03-05T00:00:00Z"),
                                 QStringLiteral("--at"), QStringLiteral("2026-03-10T00:00:00Z") });
    EXPECT_EQ(r.value(QStringLiteral("incidents")).toInt(), 3);
    auto counts = [&](const char *side, const char *clock) {
        return r.value(QLatin1StringView(side)).toObject().value(QLatin1StringView(clock)).toObject().value(QStringLiteral("P1")).toObject();
    };
    // Stored: a and b in time, the unacknowledged one breached on both clocks.
    EXPECT_EQ(counts("stored", "response").value(QStringLiteral("met")).toInt(), 2);
    EXPECT_EQ(counts("stored", "response").value(QStringLiteral("breached")).toInt(), 1);
    EXPECT_DOUBLE_EQ(counts("stored", "response").value(QStringLiteral("percent_met")).toDouble(), 66.7);
    EXPECT_EQ(counts("stored", "resolution").value(QStringLiteral("met")).toInt(), 2);
    // Stricter: a's 20-minute response and b's 3-hour resolution now breach.
    EXPECT_EQ(counts("candidate", "response").value(QStringLiteral("met")).toInt(), 1);
    EXPECT_EQ(counts("candidate", "response").value(QStringLiteral("breached")).toInt(), 2);
    EXPECT_EQ(counts("candidate", "resolution").value(QStringLiteral("met")).toInt(), 1);
    EXPECT_EQ(counts("candidate", "resolution").value(QStringLiteral("breached")).toInt(), 2);
    EXPECT_DOUBLE_EQ(counts("candidate", "resolution").value(QStringLiteral("percent_met")).toDouble(), 33.3);
    EXPECT_EQ(r.value(QStringLiteral("differing")).toInt(), 2);
}

TEST_F(CtlSla, OncallWhoFollowsTheRotationAndTheOverride)
{
    importPolicies();
    auto who = [&](const char *at) {
        return json({ QStringLiteral("oncall"), QStringLiteral("who"), QStringLiteral("--schedule"), QStringLiteral("noc"),
                      QStringLiteral("--at"), QString::fromLatin1(at) })
            .value(QStringLiteral("schedules")).toArray().at(0).toObject();
    };
    // The ninth weekly turn since Monday 2026-01-05 09:00 Berlin: carl's.
    const QJsonObject wednesday = who("2026-03-04T12:00:00Z");
    EXPECT_EQ(text(wednesday, "user"), "carl");
    EXPECT_EQ(text(wednesday, "layer"), "Primary");
    EXPECT_EQ(text(wednesday, "shift_start"), "2026-03-02T08:00:00Z");
    EXPECT_EQ(text(wednesday, "shift_end"), "2026-03-09T08:00:00Z");
    EXPECT_EQ(text(who("2026-03-09T07:59:00Z"), "user"), "carl");
    EXPECT_EQ(text(who("2026-03-09T08:00:00Z"), "user"), "ana");
    const QJsonObject covered = who("2026-03-10T13:00:00Z");
    EXPECT_EQ(text(covered, "user"), "dora");
    EXPECT_TRUE(covered.value(QStringLiteral("override")).toBool());
    EXPECT_EQ(text(covered, "shift_end"), "2026-03-10T18:00:00Z");
    EXPECT_EQ(run({ QStringLiteral("oncall"), QStringLiteral("who"), QStringLiteral("--schedule"), QStringLiteral("nobody") }).exitCode, 1);
}

TEST_F(CtlSla, TickRecordsEachEscalationOnce)
{
    importPolicies();
    const QString number = create(1, "2026-03-02T08:00:00Z");
    const QStringList tick { QStringLiteral("sla"), QStringLiteral("tick"), QStringLiteral("--at"), QStringLiteral("2026-03-02T08:12:00Z") };
    const QJsonObject first = json(tick);
    EXPECT_EQ(first.value(QStringLiteral("recorded")).toInt(), 1);
    const QJsonObject action = first.value(QStringLiteral("actions")).toArray().at(0).toObject();
    EXPECT_EQ(text(action, "incident"), number.toStdString());
    EXPECT_EQ(text(action, "due_at"), "2026-03-02T08:10:00Z");
    const QJsonObject second = json(tick);
    EXPECT_EQ(second.value(QStringLiteral("recorded")).toInt(), 0);
    // The second level (15 minutes later) is due by 08:30; the first is not repeated.
    const QJsonObject later = json({ QStringLiteral("sla"), QStringLiteral("tick"), QStringLiteral("--at"), QStringLiteral("2026-03-02T08:30:00Z") });
    EXPECT_EQ(later.value(QStringLiteral("recorded")).toInt(), 1);

    const CtlRun shown = run({ QStringLiteral("show"), number, QStringLiteral("--json") });
    QStringList rules;
    for (const QJsonValue &e : QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QStringLiteral("events")).toArray()) {
        const QJsonObject event = e.toObject();
        if (text(event, "kind") == "escalated") {
            EXPECT_EQ(text(event, "actor"), "system");
            rules << event.value(QStringLiteral("payload")).toObject().value(QStringLiteral("rule")).toString();
        }
    }
    ASSERT_EQ(rules.size(), 2) << shown.out.toStdString();
    EXPECT_NE(rules.at(0), rules.at(1));
}

// `make run` keeps an existing demo database (`demo --if-empty`): one made before SLAs
// existed must still get the default set, and a configured one must keep its own.
TEST_F(CtlSla, DemoIfEmptyGivesAnOlderDatabaseTheDefaultSetOnce)
{
    ASSERT_EQ(run({ QStringLiteral("demo"), QStringLiteral("--incidents"), QStringLiteral("20"), QStringLiteral("--days"),
                    QStringLiteral("3") }).exitCode, 0);
    {
        // As a database from before migration 4 looks once migrated: no configuration saved.
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
        db.setDatabaseName(m_db);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM sla_configuration")));
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE meta SET value = '0' WHERE key = 'sla_configuration_revision'")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("older"));
    const auto policies = [&] {
        const CtlRun exported = run({ QStringLiteral("sla"), QStringLiteral("policy"), QStringLiteral("export") });
        EXPECT_EQ(exported.exitCode, 0) << exported.err.toStdString();
        return QJsonDocument::fromJson(exported.out.toUtf8()).object().value(QStringLiteral("policies")).toArray().size();
    };
    ASSERT_EQ(policies(), 0);
    const CtlRun kept = run({ QStringLiteral("demo"), QStringLiteral("--if-empty") });
    ASSERT_EQ(kept.exitCode, 0) << kept.err.toStdString();
    EXPECT_EQ(policies(), 5);
    importPolicies(); // an admin's own set replaces it and is never overwritten again
    const int own = policies();
    ASSERT_EQ(run({ QStringLiteral("demo"), QStringLiteral("--if-empty") }).exitCode, 0);
    EXPECT_EQ(policies(), own);
}

} // namespace
