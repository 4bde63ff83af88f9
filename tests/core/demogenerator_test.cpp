#include "testsupport.h"

#include "core/audit/auditverifier.h"
#include "core/demo/demogenerator.h"
#include "core/storage/incidentrepository.h"
#include "core/storage/referencerepository.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace nocturne::core::test {
namespace {

// 2024-03-15T12:00:00Z: a fixed end, so runs on any day give the same history.
constexpr qint64 EndMs = 1'710'504'000'000;
constexpr int Incidents = 2000;

struct Generated
{
    std::unique_ptr<StoreHarness> harness;
    demo::DemoResult result;
};

Generated generate(quint64 seed, int incidents)
{
    Generated g;
    g.harness = std::make_unique<StoreHarness>();
    if (!g.harness->ok())
        return g;
    g.harness->clock().setNowMs(EndMs + Hour);
    ReferenceRepository reference(g.harness->database().connection(), g.harness->path());
    demo::DemoGenerator generator(g.harness->store(), reference, g.harness->clock());
    demo::DemoOptions options;
    options.incidents = incidents;
    options.days = 30;
    options.seed = seed;
    options.endMs = EndMs;
    options.batchIncidents = 500;
    g.result = generator.generate(options);
    return g;
}

QStringList contentHashes(StoreHarness &h)
{
    QStringList out;
    QSqlQuery q(h.database().connection());
    q.setForwardOnly(true);
    q.exec(QStringLiteral("SELECT content_hash FROM events ORDER BY seq"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

qint64 median(std::vector<qint64> values)
{
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// One generated history shared by the distribution tests: generating is the slow part.
class DemoGeneratorTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_demo = new Generated(generate(42, Incidents));
        if (s_demo->harness->ok() && !s_demo->result.error.isError()) {
            IncidentRepository repository(s_demo->harness->database().connection(), s_demo->harness->path());
            s_incidents = new QList<Incident>(repository.list({}));
        }
    }
    static void TearDownTestSuite()
    {
        delete s_incidents;
        s_incidents = nullptr;
        delete s_demo;
        s_demo = nullptr;
    }
    void SetUp() override
    {
        ASSERT_TRUE(s_demo->harness->ok()) << s_demo->harness->openError().message.toStdString();
        ASSERT_FALSE(s_demo->result.error.isError()) << s_demo->result.error.message.toStdString();
        ASSERT_NE(s_incidents, nullptr);
    }

    StoreHarness &h() { return *s_demo->harness; }
    const QList<Incident> &incidents() { return *s_incidents; }

    static Generated *s_demo;
    static QList<Incident> *s_incidents;
};

Generated *DemoGeneratorTest::s_demo = nullptr;
QList<Incident> *DemoGeneratorTest::s_incidents = nullptr;

TEST_F(DemoGeneratorTest, GeneratesTheRequestedIncidentsAndTheirEvents)
{
    EXPECT_EQ(s_demo->result.incidents, Incidents);
    EXPECT_EQ(incidents().size(), Incidents);
    QSqlQuery q(h().database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM events")) && q.next());
    EXPECT_EQ(q.value(0).toLongLong(), s_demo->result.events);
    EXPECT_GT(s_demo->result.events, 4 * Incidents); // open, assign, ack, resolve, close at least for most
    QSet<QString> numbers;
    for (const Incident &i : incidents())
        numbers.insert(i.number);
    EXPECT_EQ(numbers.size(), Incidents);
    EXPECT_TRUE(numbers.contains(QStringLiteral("INC0000001")));
    EXPECT_TRUE(numbers.contains(QStringLiteral("INC%1").arg(Incidents, 7, 10, QLatin1Char('0'))));
}

TEST_F(DemoGeneratorTest, TheSameSeedGivesTheSameEventsInTheSameOrder)
{
    Generated again = generate(42, Incidents);
    ASSERT_TRUE(again.harness->ok());
    ASSERT_FALSE(again.result.error.isError()) << again.result.error.message.toStdString();
    const QStringList first = contentHashes(h());
    const QStringList second = contentHashes(*again.harness);
    ASSERT_EQ(first.size(), s_demo->result.events);
    EXPECT_TRUE(first == second) << "the histories differ (" << first.size() << " vs " << second.size() << " events)";
    // Different databases, different node ids: the content does not depend on them.
    EXPECT_NE(h().store().nodeId(), again.harness->store().nodeId());
}

TEST_F(DemoGeneratorTest, ADifferentSeedGivesADifferentHistory)
{
    Generated other = generate(43, 200);
    ASSERT_FALSE(other.result.error.isError());
    Generated same = generate(42, 200);
    ASSERT_FALSE(same.result.error.isError());
    const QStringList a = contentHashes(*same.harness), b = contentHashes(*other.harness);
    EXPECT_NE(a, b);
    QSet<QString> overlap(a.begin(), a.end());
    overlap.intersect(QSet<QString>(b.begin(), b.end()));
    EXPECT_TRUE(overlap.isEmpty()) << overlap.size() << " identical events";
}

TEST_F(DemoGeneratorTest, EveryHistoryIsValidAndTheAuditChainIntact)
{
    for (const Incident &i : incidents())
        EXPECT_TRUE(i.flaggedEventIds.isEmpty()) << i.number.toStdString() << " has flagged events";
    AuditVerifier verifier(h().database().connection(), h().path());
    EXPECT_TRUE(verifier.verify().intact());
}

TEST_F(DemoGeneratorTest, AllPrioritiesArePresentInAPlausibleMixWithP1Rarest)
{
    std::map<int, int> byPriority;
    for (const Incident &i : incidents())
        ++byPriority[i.priority];
    std::ostringstream mix;
    for (const auto &[p, n] : byPriority)
        mix << " P" << p << ": " << n;
    SCOPED_TRACE(mix.str());
    for (int p = 1; p <= 4; ++p)
        EXPECT_GT(byPriority[p], 0) << "P" << p;
    for (int p = 2; p <= 4; ++p)
        EXPECT_LT(byPriority[1], byPriority[p]) << "P1 " << byPriority[1] << " vs P" << p << ' ' << byPriority[p];
    EXPECT_GT(byPriority[1], Incidents / 100); // rare, but not absent
    EXPECT_LT(byPriority[1], Incidents / 5);
    EXPECT_GT(byPriority[3] + byPriority[4], Incidents / 2); // most work is moderate or low
    // Impact and urgency agree with the priority (the default matrix).
    for (const Incident &i : incidents())
        EXPECT_EQ(PriorityMatrix().priorityFor(i.impact, i.urgency), i.priority) << i.number.toStdString();
}

TEST_F(DemoGeneratorTest, TheThreeBusinessDomainsArePresent)
{
    std::map<Domain, int> byDomain;
    for (const Incident &i : incidents())
        ++byDomain[i.domain];
    EXPECT_GT(byDomain[Domain::Warehouse], Incidents / 10);
    EXPECT_GT(byDomain[Domain::Retail], Incidents / 10);
    EXPECT_GT(byDomain[Domain::Finance], Incidents / 20);
    EXPECT_GT(byDomain[Domain::Warehouse], byDomain[Domain::Finance]); // as weighted in the catalogue

    ReferenceRepository reference(h().database().connection(), h().path());
    EXPECT_GE(reference.sites().size(), 6);
    QSet<QString> zones;
    for (const Site &s : reference.sites())
        zones.insert(s.timeZone);
    EXPECT_GE(zones.size(), 4) << "sites in several time zones";
    EXPECT_FALSE(reference.services().isEmpty());
    EXPECT_FALSE(reference.configurationItems().isEmpty());
    EXPECT_FALSE(reference.groups().isEmpty());
    EXPECT_FALSE(reference.users().isEmpty());
}

TEST_F(DemoGeneratorTest, HistoriesHoldHoldsReassignmentsReopensCancellationsAndEscalations)
{
    int reassigned = 0, reopened = 0, cancelled = 0, escalated = 0, open = 0, closed = 0;
    for (const Incident &i : incidents()) {
        reassigned += i.reassignmentCount > 0;
        reopened += i.reopenCount > 0;
        cancelled += i.state == IncidentState::Cancelled;
        escalated += i.escalationCount > 0;
        open += i.isOpen();
        closed += i.state == IncidentState::Closed;
    }
    QSqlQuery q(h().database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM events WHERE kind = 'state_changed' AND payload LIKE '%on_hold%'")) && q.next());
    const int holds = q.value(0).toInt();
    EXPECT_GT(holds, Incidents / 50) << "holds";
    EXPECT_GT(reassigned, Incidents / 20) << "reassignments";
    EXPECT_LT(reassigned, Incidents / 2);
    EXPECT_GT(reopened, 0) << "reopens";
    EXPECT_LT(reopened, Incidents / 10);
    EXPECT_GT(cancelled, 0) << "cancellations";
    EXPECT_GT(escalated, 0) << "escalations";
    EXPECT_GT(open, 0) << "incidents still open at the end";
    EXPECT_GT(closed, Incidents / 2) << "most of a month's incidents are closed";
}

TEST_F(DemoGeneratorTest, TimesAreOrderedWithinEachIncident)
{
    for (const Incident &i : incidents()) {
        SCOPED_TRACE(i.number.toStdString());
        EXPECT_GT(i.startedAt, 0);
        EXPECT_LE(i.startedAt, i.detectedAt);
        EXPECT_LE(i.detectedAt, i.openedAt);
        EXPECT_LE(i.openedAt, EndMs);
        EXPECT_GE(i.openedAt, EndMs - 30 * 24 * Hour);
        if (i.acknowledgedAt) {
            EXPECT_LE(i.openedAt, i.acknowledgedAt);
        }
        if (i.resolvedAt) {
            EXPECT_LE(i.openedAt, i.resolvedAt);
            if (i.acknowledgedAt) {
                EXPECT_LE(i.acknowledgedAt, i.resolvedAt);
            }
        }
        if (i.closedAt && i.resolvedAt) {
            EXPECT_LE(i.resolvedAt, i.closedAt);
        }
        EXPECT_LE(i.updatedAt, EndMs);
        if (i.state == IncidentState::Resolved || i.state == IncidentState::Closed) {
            EXPECT_GT(i.resolvedAt, 0);
        }
        if (i.isOpen()) {
            EXPECT_EQ(i.resolvedAt, 0);
        }
    }
}

TEST_F(DemoGeneratorTest, ResolutionTakesLongerForLowerPriorities)
{
    std::map<int, std::vector<qint64>> byPriority;
    for (const Incident &i : incidents()) {
        if (i.resolvedAt)
            byPriority[i.priority].push_back(i.resolvedAt - i.openedAt);
    }
    const qint64 p1 = median(byPriority[1]), p2 = median(byPriority[2]), p4 = median(byPriority[4]);
    EXPECT_GT(p4, p1) << "P4 median " << p4 / Minute << " min vs P1 " << p1 / Minute << " min";
    EXPECT_GT(p4, 4 * p1);
    EXPECT_LT(p1, p2 * 2);
    EXPECT_LT(p1, 8 * Hour); // the field's "MTTR < 4 h for critical" is within reach
}

TEST_F(DemoGeneratorTest, AThirdOfResolvedIncidentsCarryASatisfactionScoreMostlyHigh)
{
    int resolved = 0, scored = 0, high = 0;
    for (const Incident &i : incidents()) {
        EXPECT_TRUE(i.csat >= 0 && i.csat <= 5) << i.csat;
        if (i.csat > 0) {
            EXPECT_TRUE(i.resolvedAt > 0 || i.state == IncidentState::Closed) << "a score only after resolution";
        }
        if (i.resolvedAt == 0)
            continue;
        ++resolved;
        scored += i.csat > 0;
        high += i.csat >= 4;
    }
    ASSERT_GT(resolved, 0);
    // About a third (the survey is answered shortly after resolution, so the newest have none yet).
    EXPECT_GT(scored, resolved / 5);
    EXPECT_LT(scored, resolved / 2);
    EXPECT_GT(high, scored / 2) << "mostly 4 and 5";
    EXPECT_LT(high, scored) << "some low scores";
}

TEST_F(DemoGeneratorTest, ArrivalsFollowLocalWorkingHours)
{
    QHash<QString, QTimeZone> zones;
    ReferenceRepository reference(h().database().connection(), h().path());
    for (const Site &s : reference.sites())
        zones.insert(s.name, QTimeZone(s.timeZone.toUtf8()));
    int day = 0, night = 0;
    for (const Incident &i : incidents()) {
        const QTimeZone zone = zones.value(i.site);
        ASSERT_TRUE(zone.isValid()) << i.site.toStdString();
        const int hour = QDateTime::fromMSecsSinceEpoch(i.openedAt, zone).time().hour();
        if (hour >= 9 && hour < 17)
            ++day;
        else if (hour >= 1 && hour < 5)
            ++night;
    }
    // Per hour, a working hour sees several times the arrivals of a night hour.
    EXPECT_GT(double(day) / 8.0, 2.5 * double(night) / 4.0) << day << " in 8 day hours, " << night << " in 4 night hours";
}

} // namespace
} // namespace nocturne::core::test
