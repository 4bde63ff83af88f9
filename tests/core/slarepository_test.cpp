// The SLA repository on a real SQLite file: versioned configuration, the subjects the
// engine loads, and the store's once-per-rule guarantee for automatic actions.
#include "testsupport.h"

#include "core/engine/slaconfiguration.h"
#include "core/engine/slasubject.h"
#include "core/storage/slarepository.h"

#include <gtest/gtest.h>

#include <QSqlQuery>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

const char *const configurationJson = R"({
  "calendars": [
    { "id": "office", "name": "Office", "time_zone": "Europe/Berlin",
      "hours": { "monday": [["09:00", "17:00"]], "tuesday": [["09:00", "17:00"]] } }
  ],
  "policies": [
    { "id": "p1", "name": "P1", "priorities": [1], "response_minutes": 15, "resolution_minutes": 240 },
    { "id": "office-p3", "name": "Office P3", "priorities": [3], "resolution_minutes": 480, "calendar": "office" },
    { "id": "rest", "name": "Everything else", "resolution_minutes": 2880 }
  ],
  "escalations": [
    { "id": "unack", "name": "Unacknowledged", "trigger": { "type": "unacknowledged", "minutes": 10 },
      "priorities": [1], "levels": [ { "delay_minutes": 0, "target": { "type": "schedule", "id": "noc" } } ] }
  ],
  "schedules": [
    { "id": "noc", "name": "NOC", "time_zone": "UTC",
      "layers": [ { "name": "Primary", "rotation": "daily", "handoff": "09:00", "start_date": "2023-01-02",
                    "users": ["ana", "ben"] } ] }
  ]
})";

SlaConfiguration parsed(const QByteArray &json = configurationJson)
{
    const ParsedConfiguration p = parseSlaConfiguration(json);
    EXPECT_FALSE(p.error.isError()) << p.error.toString().toStdString();
    return p.configuration;
}

QStringList policyIds(const SlaConfiguration &c)
{
    QStringList ids;
    for (const SlaPolicy &p : c.policies)
        ids << p.id;
    return ids;
}

class SlaRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(h.ok()) << h.openError().message.toStdString(); }
    SlaRepository repository() { return SlaRepository(h.database().connection()); }
    ConfigurationSaveResult save(const SlaConfiguration &c, qint64 at = T0)
    {
        SlaRepository r = repository();
        return r.saveConfiguration(c, QStringLiteral("ana"), at);
    }

    StoreHarness h;
};

TEST_F(SlaRepositoryTest, ANewDatabaseHasAnEmptyConfigurationAtRevisionZero)
{
    SlaRepository r = repository();
    const auto loaded = r.loadConfiguration();
    ASSERT_TRUE(loaded.has_value()) << r.lastError().message.toStdString();
    EXPECT_EQ(*loaded, SlaConfiguration {});
    EXPECT_EQ(r.configurationRevision(), 0);
    EXPECT_TRUE(r.configurationHistory().isEmpty());
}

TEST_F(SlaRepositoryTest, AnImportStoresVersionOneOfEveryItemAndLoadsBackInOrder)
{
    const SlaConfiguration c = parsed();
    const ConfigurationSaveResult saved = save(c);
    ASSERT_FALSE(saved.error) << saved.error.message.toStdString();
    EXPECT_EQ(saved.added, 6);
    EXPECT_EQ(saved.changed + saved.unchanged + saved.removed, 0);

    SlaRepository r = repository();
    const auto loaded = r.loadConfiguration();
    ASSERT_TRUE(loaded.has_value()) << r.lastError().message.toStdString();
    EXPECT_EQ(*loaded, c);
    EXPECT_EQ(policyIds(*loaded), (QStringList { QStringLiteral("p1"), QStringLiteral("office-p3"), QStringLiteral("rest") }));
    EXPECT_EQ(r.configurationRevision(), 1);
    const QList<ConfigurationVersion> history = r.configurationHistory();
    ASSERT_EQ(history.size(), 6);
    for (const ConfigurationVersion &v : history) {
        EXPECT_EQ(v.version, 1);
        EXPECT_EQ(v.savedAt, T0);
        EXPECT_EQ(v.savedBy, QStringLiteral("ana"));
        EXPECT_TRUE(v.active);
        EXPECT_FALSE(v.json.contains("\"version\"")) << v.json.constData();
    }
}

TEST_F(SlaRepositoryTest, ReimportingAnUnchangedConfigurationStoresNothing)
{
    ASSERT_FALSE(save(parsed()).error);
    const ConfigurationSaveResult again = save(parsed(), T0 + Hour);
    ASSERT_FALSE(again.error);
    EXPECT_EQ(again.unchanged, 6);
    EXPECT_EQ(again.added + again.changed + again.removed + again.reordered, 0);
    SlaRepository r = repository();
    EXPECT_EQ(r.configurationRevision(), 1);
    EXPECT_EQ(r.configurationHistory().size(), 6);
}

TEST_F(SlaRepositoryTest, AChangedPolicyBecomesVersionTwoAndVersionOneStaysInTheHistory)
{
    ASSERT_FALSE(save(parsed()).error);
    SlaConfiguration c = parsed();
    c.policies[1].resolutionTargetMs = 600 * Minute;
    const ConfigurationSaveResult saved = save(c, T0 + Hour);
    ASSERT_FALSE(saved.error);
    EXPECT_EQ(saved.changed, 1);
    EXPECT_EQ(saved.unchanged, 5);

    SlaRepository r = repository();
    const auto loaded = r.loadConfiguration();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->policy(QStringLiteral("office-p3"))->version, 2);
    EXPECT_EQ(loaded->policy(QStringLiteral("office-p3"))->resolutionTargetMs, 600 * Minute);
    EXPECT_EQ(loaded->policy(QStringLiteral("p1"))->version, 1);
    EXPECT_EQ(r.configurationRevision(), 2);

    const QList<ConfigurationVersion> history = r.configurationHistory(QStringLiteral("policy"), QStringLiteral("office-p3"));
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history.at(0).version, 1);
    EXPECT_FALSE(history.at(0).active);
    EXPECT_TRUE(history.at(0).json.contains("\"resolution_minutes\":480")) << history.at(0).json.constData();
    EXPECT_EQ(history.at(1).version, 2);
    EXPECT_TRUE(history.at(1).active);
    EXPECT_EQ(history.at(1).savedAt, T0 + Hour);
}

TEST_F(SlaRepositoryTest, AnItemLeftOutBecomesInactiveKeepsItsHistoryAndComesBackAsANewVersion)
{
    ASSERT_FALSE(save(parsed()).error);
    SlaConfiguration without = parsed();
    without.policies.removeAt(1);
    const ConfigurationSaveResult removed = save(without, T0 + Hour);
    ASSERT_FALSE(removed.error);
    EXPECT_EQ(removed.removed, 1);

    SlaRepository r = repository();
    auto loaded = r.loadConfiguration();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(policyIds(*loaded), (QStringList { QStringLiteral("p1"), QStringLiteral("rest") }));
    const QList<ConfigurationVersion> history = r.configurationHistory(QStringLiteral("policy"), QStringLiteral("office-p3"));
    ASSERT_EQ(history.size(), 1);
    EXPECT_FALSE(history.first().active);

    const ConfigurationSaveResult back = save(parsed(), T0 + 2 * Hour);
    EXPECT_EQ(back.added, 1);
    loaded = r.loadConfiguration();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(policyIds(*loaded), (QStringList { QStringLiteral("p1"), QStringLiteral("office-p3"), QStringLiteral("rest") }));
    EXPECT_EQ(loaded->policy(QStringLiteral("office-p3"))->version, 2);
    EXPECT_EQ(r.configurationRevision(), 3);
}

TEST_F(SlaRepositoryTest, ReorderingPoliciesIsStoredBecauseTheFirstMatchWins)
{
    ASSERT_FALSE(save(parsed()).error);
    SlaConfiguration c = parsed();
    c.policies.move(2, 0);
    const ConfigurationSaveResult saved = save(c);
    EXPECT_EQ(saved.unchanged, 6);
    EXPECT_GE(saved.reordered, 1);
    SlaRepository r = repository();
    EXPECT_EQ(policyIds(*r.loadConfiguration()),
              (QStringList { QStringLiteral("rest"), QStringLiteral("p1"), QStringLiteral("office-p3") }));
    EXPECT_EQ(r.configurationRevision(), 2);
    EXPECT_EQ(r.configurationHistory().size(), 6);
}

TEST_F(SlaRepositoryTest, AFailedSaveLeavesEverythingAsItWas)
{
    ASSERT_FALSE(save(parsed()).error);
    QSqlQuery q(h.database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("CREATE TRIGGER refuse_boom BEFORE INSERT ON sla_configuration WHEN NEW.id = 'boom' "
                                      "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
    SlaConfiguration c = parsed();
    c.policies[0].responseTargetMs = 30 * Minute; // written first, then undone
    c.policies.removeAt(2); // deactivated, then undone
    SlaPolicy boom = c.policies.first();
    boom.id = QStringLiteral("boom");
    c.policies << boom;

    const ConfigurationSaveResult failed = save(c, T0 + Hour);
    EXPECT_TRUE(failed.error.isError());
    EXPECT_TRUE(failed.error.message.contains(QStringLiteral("refused by the test"))) << failed.error.message.toStdString();
    EXPECT_EQ(failed.added + failed.changed + failed.removed, 0);

    SlaRepository r = repository();
    EXPECT_EQ(*r.loadConfiguration(), parsed());
    EXPECT_EQ(r.configurationRevision(), 1);
    EXPECT_EQ(r.configurationHistory().size(), 6);
    // The connection is usable again: nothing was left open.
    EXPECT_FALSE(save(parsed()).error);
}

TEST_F(SlaRepositoryTest, APreviewReportsTheChangesAndWritesNothing)
{
    ASSERT_FALSE(save(parsed()).error);
    SlaConfiguration c = parsed();
    c.policies[0].name = QStringLiteral("P1 renamed");
    c.schedules.clear();
    c.escalations.clear();
    SlaRepository r = repository();
    const ConfigurationSaveResult preview = r.previewSave(c);
    EXPECT_EQ(preview.changed, 1);
    EXPECT_EQ(preview.removed, 2);
    EXPECT_EQ(preview.unchanged, 3);
    EXPECT_EQ(*r.loadConfiguration(), parsed());
    EXPECT_EQ(r.configurationRevision(), 1);
}

TEST_F(SlaRepositoryTest, SiteZonesComeFromTheSitesTable)
{
    QSqlQuery q(h.database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO sites (name, time_zone) VALUES ('DC Leipzig', 'Europe/Berlin'), "
                                      "('Store NYC', 'America/New_York')")));
    SlaRepository r = repository();
    const QHash<QString, QString> zones = r.siteZones();
    EXPECT_EQ(zones.value(QStringLiteral("DC Leipzig")), QStringLiteral("Europe/Berlin"));
    EXPECT_EQ(zones.value(QStringLiteral("Store NYC")), QStringLiteral("America/New_York"));
}

// -- subjects

void expectSameSubject(const SlaSubject &a, const SlaSubject &b)
{
    EXPECT_EQ(a.incidentId, b.incidentId);
    EXPECT_EQ(a.number, b.number);
    EXPECT_EQ(a.priority, b.priority);
    EXPECT_EQ(a.service, b.service);
    EXPECT_EQ(a.domain, b.domain);
    EXPECT_EQ(a.site, b.site);
    EXPECT_EQ(a.category, b.category);
    EXPECT_EQ(a.assignmentGroup, b.assignmentGroup);
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.openedAt, b.openedAt);
    EXPECT_EQ(a.transitions, b.transitions);
    EXPECT_EQ(a.firedRules, b.firedRules);
    EXPECT_EQ(a.eventCount, b.eventCount);
}

class SlaSubjects : public SlaRepositoryTest
{
protected:
    void SetUp() override
    {
        SlaRepositoryTest::SetUp();
        const qint64 t = T0 - 10 * Hour;
        // On hold and resumed: open.
        held = open(t);
        ASSERT_TRUE(h.run(A::Acknowledge, held, {}, t + 5 * Minute).ok());
        ASSERT_TRUE(h.run(A::Hold, held, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } }, t + Hour).ok());
        ASSERT_TRUE(h.run(A::Resume, held, {}, t + 2 * Hour).ok());
        // Comments move no clock; the subject still counts them.
        ASSERT_TRUE(h.run(A::Comment, held, { { QStringLiteral("text"), QStringLiteral("vendor called back") } }, t + 2 * Hour).ok());
        ASSERT_TRUE(h.run(A::Comment, held, { { QStringLiteral("text"), QStringLiteral("still slow") } }, t + 3 * Hour).ok());
        // Resolved: not open.
        resolved = open(t + Minute);
        ASSERT_TRUE(h.run(A::Resolve, resolved, { { QStringLiteral("code"), QStringLiteral("fixed") } }, t + 3 * Hour).ok());
        // Resolved and reopened: open again, in a second cycle.
        reopened = open(t + 2 * Minute);
        ASSERT_TRUE(h.run(A::Resolve, reopened, { { QStringLiteral("code"), QStringLiteral("fixed") } }, t + Hour).ok());
        ASSERT_TRUE(h.run(A::Reopen, reopened, { { QStringLiteral("reason"), QStringLiteral("again") } }, t + 4 * Hour).ok());
        // Cancelled: not open.
        cancelled = open(t + 3 * Minute);
        ASSERT_TRUE(h.run(A::Cancel, cancelled, { { QStringLiteral("reason"), QStringLiteral("dup") } }, t + Hour).ok());
        // Escalated by the engine: open, with the rule remembered.
        escalated = open(t + 5 * Hour);
        ASSERT_TRUE(h.run(A::Escalate, escalated, { { QStringLiteral("rule"), QStringLiteral("esc/unack/c1/r0/l1") } },
                          t + 5 * Hour + 10 * Minute, QStringLiteral("system")).ok());
    }

    QString open(qint64 at)
    {
        QJsonObject payload = openPayload();
        payload.remove(QStringLiteral("priority"));
        const CommandResult r = h.run(A::Open, {}, payload, at);
        EXPECT_TRUE(r.ok()) << r.error.toStdString();
        return r.incident.number;
    }
    QString idOf(const QString &number) { return h.projected(number)->id; }
    SlaSubject fromEvents(const QString &number) { return slaSubjectFromEvents(h.storedEvents(idOf(number))); }

    QString held, resolved, reopened, cancelled, escalated;
};

TEST_F(SlaSubjects, OpenSubjectsAreTheFoldOfEachOpenIncidentsStoredEvents)
{
    SlaRepository r = repository();
    const auto subjects = r.openSubjects();
    ASSERT_TRUE(subjects.has_value()) << r.lastError().message.toStdString();
    QStringList numbers;
    for (const SlaSubject &s : *subjects)
        numbers << s.number;
    numbers.sort();
    EXPECT_EQ(numbers, (QStringList { held, reopened, escalated }));
    for (const SlaSubject &s : *subjects) {
        SCOPED_TRACE(s.number.toStdString());
        expectSameSubject(s, fromEvents(s.number));
    }
    // Real content, not two empty subjects compared.
    for (const SlaSubject &s : *subjects) {
        if (s.number == held) {
            EXPECT_EQ(s.eventCount, 6);
            ASSERT_EQ(s.transitions.size(), 3);
            EXPECT_EQ(s.transitions.at(1).kind, SlaTransition::Kind::Hold);
            EXPECT_EQ(s.transitions.at(1).reason, HoldReason::AwaitingVendor);
            EXPECT_EQ(s.transitions.at(1).at, T0 - 9 * Hour);
        }
        if (s.number == escalated) {
            EXPECT_EQ(s.firedRules, QSet<QString> { QStringLiteral("esc/unack/c1/r0/l1") });
        }
    }
}

TEST_F(SlaSubjects, OneSubjectByNumberOrIdAndNoneForAnUnknownNumber)
{
    SlaRepository r = repository();
    const auto byNumber = r.subject(resolved);
    ASSERT_TRUE(byNumber.has_value());
    expectSameSubject(*byNumber, fromEvents(resolved));
    EXPECT_EQ(byNumber->state, IncidentState::Resolved);
    const auto byId = r.subject(idOf(reopened));
    ASSERT_TRUE(byId.has_value());
    EXPECT_EQ(byId->number, reopened);
    EXPECT_FALSE(r.subject(QStringLiteral("INC9999999")).has_value());
    EXPECT_FALSE(r.lastError().isError());
}

TEST_F(SlaSubjects, SubjectsOpenedInAPeriodIncludeClosedOnesAndExcludeTheEnd)
{
    SlaRepository r = repository();
    const qint64 t = T0 - 10 * Hour;
    const auto subjects = r.subjectsOpenedBetween(t + Minute, t + 5 * Hour);
    ASSERT_TRUE(subjects.has_value());
    QStringList numbers;
    for (const SlaSubject &s : *subjects)
        numbers << s.number;
    numbers.sort();
    EXPECT_EQ(numbers, (QStringList { resolved, reopened, cancelled }));
}

TEST_F(SlaSubjects, SubjectsByIdReadOnlyThoseIncidents)
{
    SlaRepository r = repository();
    const auto subjects = r.subjects({ idOf(cancelled), idOf(held), QStringLiteral("no-such-id") });
    ASSERT_TRUE(subjects.has_value());
    ASSERT_EQ(subjects->size(), 2);
    for (const SlaSubject &s : *subjects)
        expectSameSubject(s, fromEvents(s.number));
    EXPECT_TRUE(r.subjects({})->isEmpty());
}

TEST_F(SlaSubjects, ResolvedSinceListsResolvedIncidentsWithTheirTimes)
{
    SlaRepository r = repository();
    const auto rows = r.resolvedSince(T0 - 8 * Hour);
    ASSERT_TRUE(rows.has_value());
    ASSERT_EQ(rows->size(), 1); // the reopened one is open again
    EXPECT_EQ(rows->first().openedAt, T0 - 10 * Hour + Minute);
    EXPECT_EQ(rows->first().resolvedAt, T0 - 7 * Hour);
    EXPECT_EQ(rows->first().service, QStringLiteral("Sortation"));
    EXPECT_EQ(rows->first().domain, Domain::Warehouse);
    EXPECT_TRUE(r.resolvedSince(T0 - 6 * Hour)->isEmpty());
}

// -- automatic actions are recorded once per rule

TEST(EventStoreRules, TwoStoresOnOneFileRecordTheSameRuleOnce)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString number = h.openIncident();
    Database second;
    ASSERT_FALSE(second.open(h.path()).isError());
    FakeClock clock(T0);
    EventStore other(second, clock);
    ASSERT_FALSE(other.initialise().isError());

    IncidentCommand escalate;
    escalate.action = A::Escalate;
    escalate.incident = number;
    escalate.actor = QStringLiteral("system");
    escalate.payload = { { QStringLiteral("rule"), QStringLiteral("esc/unack/c1/r0/l1") },
                         { QStringLiteral("level"), 1 } };
    const CommandResult first = h.store().execute(escalate);
    ASSERT_TRUE(first.ok()) << first.error.toStdString();
    const CommandResult again = other.execute(escalate);
    EXPECT_EQ(again.status, CommandResult::Status::AlreadyRecorded);
    EXPECT_TRUE(again.error.contains(QStringLiteral("esc/unack/c1/r0/l1"))) << again.error.toStdString();
    EXPECT_EQ(h.store().execute(escalate).status, CommandResult::Status::AlreadyRecorded);

    // Another rule, and actions without a rule, are not affected.
    escalate.payload.insert(QStringLiteral("rule"), QStringLiteral("esc/unack/c1/r0/l2"));
    EXPECT_TRUE(other.execute(escalate).ok());
    EXPECT_TRUE(h.run(A::Comment, number, { { QStringLiteral("text"), QStringLiteral("paged") } }).ok());
    EXPECT_TRUE(h.run(A::Comment, number, { { QStringLiteral("text"), QStringLiteral("paged") } }).ok());

    int withFirstRule = 0;
    for (const Event &e : h.storedEvents(h.projected(number)->id))
        withFirstRule += e.payload.value(QStringLiteral("rule")).toString() == QLatin1StringView("esc/unack/c1/r0/l1");
    EXPECT_EQ(withFirstRule, 1);
    EXPECT_EQ(h.projected(number)->eventCount, 5);
    EXPECT_EQ(h.projected(number)->escalationCount, 2);
}

TEST(EventStoreRules, TheSameRuleOnAnotherIncidentIsRecorded)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok());
    const QString a = h.openIncident();
    const QString b = h.openIncident();
    const QJsonObject rule { { QStringLiteral("rule"), QStringLiteral("esc/unack/c1/r0/l1") } };
    EXPECT_TRUE(h.run(A::Escalate, a, rule, 0, QStringLiteral("system")).ok());
    EXPECT_TRUE(h.run(A::Escalate, b, rule, 0, QStringLiteral("system")).ok());
}

} // namespace
} // namespace nocturne::core::test
