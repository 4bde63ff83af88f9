// Every KPI of docs/kpi.md on hand-made facts, with the answers worked out by hand in the
// comments: the calculator is pure, so these need no database.
#include "testsupport.h"

#include "core/engine/kpicalculator.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QTimeZone>

namespace nocturne::core::test {
namespace {

constexpr qint64 Day = 24 * Hour;
// Monday 2026-11-02 00:00 UTC: the period is that week, the previous one the week before.
const qint64 Mon = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
constexpr qint8 Resolved = qint8(IncidentState::Resolved);
constexpr qint8 Closed = qint8(IncidentState::Closed);
constexpr qint8 Cancelled = qint8(IncidentState::Cancelled);
constexpr qint8 InProgress = qint8(IncidentState::InProgress);

// The names of an incident's service, site, group, category and CI ("" for none).
struct FactNames
{
    QString service {}, site {}, group {}, category {}, ci {};
};

// Facts with names: add() interns the names given in the optional fields.
class Facts
{
public:
    using Names = FactNames;
    void add(const QString &id, KpiFact f, const Names &names = {})
    {
        f.service = intern(m_facts.services, names.service, true);
        f.site = intern(m_facts.sites, names.site);
        f.group = intern(m_facts.groups, names.group);
        f.category = intern(m_facts.categories, names.category);
        f.configurationItem = intern(m_facts.configurationItems, names.ci);
        if (f.service >= 0)
            m_facts.serviceDomains[size_t(f.service)] = f.domain;
        m_facts.facts.push_back(f);
        m_facts.ids.push_back(id);
        m_facts.numbers.push_back(id);
    }
    const KpiFacts &facts() const { return m_facts; }

private:
    qint32 intern(QStringList &table, const QString &name, bool service = false)
    {
        if (name.isEmpty())
            return -1;
        qsizetype i = table.indexOf(name);
        if (i < 0) {
            table.append(name);
            i = table.size() - 1;
            if (service)
                m_facts.serviceDomains.push_back(qint8(Domain::It));
        }
        return qint32(i);
    }
    KpiFacts m_facts;
};

KpiQuery week(qint64 from = Mon, const QByteArray &zone = "UTC")
{
    KpiQuery q;
    q.fromUtcMs = from;
    q.toUtcMs = from + 7 * Day;
    q.timeZone = zone;
    return q;
}

const qint64 Later = Mon + 30 * Day; // "now", after every period unless a test says otherwise

const KpiTile &tile(const KpiReport &r, KpiMeasure m)
{
    for (const KpiTile &t : r.tiles) {
        if (t.measure == m)
            return t;
    }
    static KpiTile none;
    ADD_FAILURE() << "no tile " << toName(m).toStdString();
    return none;
}

TEST(KpiCalculator, MttaIsMeanAndMedianOfAcknowledgedIncidentsOpenedInThePeriod)
{
    Facts f;
    // Acknowledged after 10, 20 and 60 min: mean 30, median 20 (odd count).
    f.add(QStringLiteral("a"), { .openedAt = Mon + Hour, .acknowledgedAt = Mon + Hour + 10 * Minute });
    f.add(QStringLiteral("b"), { .openedAt = Mon + 2 * Hour, .acknowledgedAt = Mon + 2 * Hour + 20 * Minute });
    f.add(QStringLiteral("c"), { .openedAt = Mon + 3 * Hour, .acknowledgedAt = Mon + 3 * Hour + 60 * Minute });
    // Never acknowledged, and opened before the period: neither counts.
    f.add(QStringLiteral("d"), { .openedAt = Mon + 4 * Hour });
    f.add(QStringLiteral("e"), { .openedAt = Mon - Hour, .acknowledgedAt = Mon + 5 * Minute });
    KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    EXPECT_EQ(r.current.mtta, (DurationSummary { 3, 30.0 * Minute, 20.0 * Minute }));
    EXPECT_EQ(r.current.opened, 4); // a, b, c, d

    // A fourth of 30 min: mean (10+20+60+30)/4 = 30, median (20+30)/2 = 25 (even count).
    f.add(QStringLiteral("f"), { .openedAt = Mon + 6 * Hour, .acknowledgedAt = Mon + 6 * Hour + 30 * Minute });
    r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    EXPECT_EQ(r.current.mtta, (DurationSummary { 4, 30.0 * Minute, 25.0 * Minute }));
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Mtta }, Later),
              (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("f") }));
}

TEST(KpiCalculator, MttrCountsIncidentsResolvedInThePeriodWhenEverTheyOpened)
{
    Facts f;
    // Opened the week before, resolved on Monday: 2 days + 1 h.
    f.add(QStringLiteral("old"), { .openedAt = Mon - 2 * Day, .resolvedAt = Mon + Hour, .priority = 1, .state = Resolved });
    // Opened and resolved in the week: 3 h, P1 as well.
    f.add(QStringLiteral("new"), { .openedAt = Mon + Day, .resolvedAt = Mon + Day + 3 * Hour, .priority = 1, .state = Closed });
    // Resolved after the period: not in it.
    f.add(QStringLiteral("late"), { .openedAt = Mon + Day, .resolvedAt = Mon + 8 * Day, .state = Resolved });
    // P2, 1 h.
    f.add(QStringLiteral("p2"), { .openedAt = Mon + 2 * Day, .resolvedAt = Mon + 2 * Day + Hour, .priority = 2, .state = Resolved });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    // (49 + 3 + 1) / 3 = 17 h 40 min; median 3 h.
    EXPECT_EQ(r.current.mttr, (DurationSummary { 3, 53.0 * Hour / 3, 3.0 * Hour }));
    EXPECT_EQ(r.current.resolved, 3);
    // Critical: P1 only, (49 + 3) / 2 = 26 h, median of two = the same.
    EXPECT_EQ(r.current.mttrCritical, (DurationSummary { 2, 26.0 * Hour, 26.0 * Hour }));
    const KpiTile &critical = tile(r, KpiMeasure::MttrCritical);
    EXPECT_TRUE(critical.hasTarget);
    EXPECT_EQ(critical.target, 4.0 * Hour);
    EXPECT_EQ(critical.judgement, KpiTile::Judgement::Missed);
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::MttrCritical }, Later),
              (QStringList { QStringLiteral("old"), QStringLiteral("new") }));
}

TEST(KpiCalculator, MttdRunsFromStartToDetectionAndDefaultsToTheOpening)
{
    Facts f;
    // Started 30 min before detection, detected at opening: 30 min.
    f.add(QStringLiteral("a"), { .startedAt = Mon + Hour - 30 * Minute, .detectedAt = Mon + Hour, .openedAt = Mon + Hour });
    // No start or detection given: both are the opening, 0.
    f.add(QStringLiteral("b"), { .openedAt = Mon + 2 * Hour });
    // Started 1 h before, detected 10 min before opening: 50 min.
    f.add(QStringLiteral("c"), { .startedAt = Mon + 2 * Hour, .detectedAt = Mon + 2 * Hour + 50 * Minute, .openedAt = Mon + 3 * Hour });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    // mean (30 + 0 + 50) / 3, median 30.
    EXPECT_EQ(r.current.mttd, (DurationSummary { 3, 80.0 * Minute / 3, 30.0 * Minute }));
}

TEST(KpiCalculator, BusinessTimesComeFromTheOutcomesAndSkipIncidentsWithout)
{
    Facts f;
    f.add(QStringLiteral("a"), { .openedAt = Mon + Hour, .acknowledgedAt = Mon + 2 * Hour, .resolvedAt = Mon + 5 * Hour,
                                 .responseBusinessMs = 2 * Hour, .resolutionBusinessMs = 5 * Hour, .state = Resolved });
    f.add(QStringLiteral("b"), { .openedAt = Mon + Hour, .acknowledgedAt = Mon + 3 * Hour, .resolvedAt = Mon + 4 * Hour,
                                 .responseBusinessMs = -1, .resolutionBusinessMs = -1, .state = Resolved });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    EXPECT_EQ(r.current.mttaBusiness, (DurationSummary { 1, 2.0 * Hour, 2.0 * Hour }));
    EXPECT_EQ(r.current.mttrBusiness, (DurationSummary { 1, 5.0 * Hour, 5.0 * Hour }));
    EXPECT_EQ(r.current.mtta.count, 2);
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::MttrBusiness }, Later),
              QStringList { QStringLiteral("a") });
}

TEST(KpiCalculator, FirstContactResolutionReopenRateAndCsatOverResolvedIncidents)
{
    Facts f;
    const qint64 t = Mon + Day;
    f.add(QStringLiteral("clean"), { .openedAt = t, .resolvedAt = t + Hour, .state = Resolved, .csat = 5 });
    f.add(QStringLiteral("moved"), { .openedAt = t, .resolvedAt = t + Hour, .reassignments = 1, .state = Resolved, .csat = 2 });
    f.add(QStringLiteral("escalated"), { .openedAt = t, .resolvedAt = t + Hour, .escalations = 1, .state = Closed });
    f.add(QStringLiteral("reopened"), { .openedAt = t, .resolvedAt = t + 2 * Hour, .reopens = 1, .state = Resolved, .csat = 4 });
    f.add(QStringLiteral("open"), { .openedAt = t, .reassignments = 0, .state = InProgress, .csat = 1 });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    // FCR: clean and reopened (no reassignment, no escalation) of 4 resolved = 50 %.
    EXPECT_EQ(r.current.firstContactResolution, (Ratio { 2, 4 }));
    // Reopen rate: 1 of 4 = 25 %.
    EXPECT_EQ(r.current.reopenRate, (Ratio { 1, 4 }));
    // CSAT: (5 + 2 + 4) / 3; the open one's score does not count.
    EXPECT_EQ(r.current.csatCount, 3);
    EXPECT_DOUBLE_EQ(r.current.csatMean, 11.0 / 3);
    EXPECT_EQ(tile(r, KpiMeasure::FirstContactResolution).judgement, KpiTile::Judgement::Missed); // 50 < 70
    EXPECT_EQ(tile(r, KpiMeasure::ReopenRate).judgement, KpiTile::Judgement::Missed); // 25 > 5
    EXPECT_EQ(tile(r, KpiMeasure::Csat).judgement, KpiTile::Judgement::Missed); // 3.67 < 4
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Csat }, Later),
              (QStringList { QStringLiteral("clean"), QStringLiteral("moved"), QStringLiteral("reopened") }));
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::FirstContactResolution }, Later).size(), 4);
}

TEST(KpiCalculator, ComplianceUsesOurClocksAndPrefersTheSourcesVerdictForResolution)
{
    Facts f;
    const qint64 t = Mon + Day;
    // Response: met, breached, undecided (not counted) → 1 / 2.
    f.add(QStringLiteral("r1"), { .openedAt = t, .priority = 1, .responseMet = 1 });
    f.add(QStringLiteral("r2"), { .openedAt = t, .priority = 2, .responseMet = 0 });
    f.add(QStringLiteral("r3"), { .openedAt = t, .priority = 2, .responseMet = -1 });
    // Resolution: ours met; ours breached but the import says made (made wins); ours met but
    // the import says missed; none at all (not counted) → 2 / 3.
    f.add(QStringLiteral("s1"), { .openedAt = t, .resolvedAt = t + Hour, .priority = 3, .state = Resolved, .resolutionMet = 1 });
    f.add(QStringLiteral("s2"), { .openedAt = t, .resolvedAt = t + Hour, .priority = 3, .state = Resolved, .madeSla = 1, .resolutionMet = 0 });
    f.add(QStringLiteral("s3"), { .openedAt = t, .resolvedAt = t + Hour, .priority = 4, .state = Resolved, .madeSla = 0, .resolutionMet = 1 });
    f.add(QStringLiteral("s4"), { .openedAt = t, .resolvedAt = t + Hour, .priority = 4, .state = Resolved });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    EXPECT_EQ(r.current.responseCompliance, (Ratio { 1, 2 }));
    EXPECT_EQ(r.current.resolutionCompliance, (Ratio { 2, 3 }));
    ASSERT_EQ(r.complianceByPriority.size(), 5);
    EXPECT_EQ(r.complianceByPriority.at(0).response, (Ratio { 1, 1 }));
    EXPECT_EQ(r.complianceByPriority.at(1).response, (Ratio { 0, 1 }));
    EXPECT_EQ(r.complianceByPriority.at(2).resolution, (Ratio { 2, 2 }));
    EXPECT_EQ(r.complianceByPriority.at(3).resolution, (Ratio { 0, 1 }));
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::ResolutionCompliance }, Later),
              (QStringList { QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3") }));
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::ResponseCompliance }, Later),
              (QStringList { QStringLiteral("r1"), QStringLiteral("r2") }));
}

TEST(KpiCalculator, BacklogCountsIncidentsOpenAtTheEndOfEachDay)
{
    Facts f;
    // Open from before the period, resolved Tuesday 12:00.
    f.add(QStringLiteral("a"), { .openedAt = Mon - Day, .resolvedAt = Mon + Day + 12 * Hour, .state = Resolved });
    // Opened Monday 10:00, still open (say reopened: no resolved time).
    f.add(QStringLiteral("b"), { .openedAt = Mon + 10 * Hour, .state = InProgress });
    // Opened Wednesday, cancelled Thursday 09:00.
    f.add(QStringLiteral("c"), { .openedAt = Mon + 2 * Day + Hour, .closedAt = Mon + 3 * Day + 9 * Hour, .state = Cancelled });
    // "Now" is Friday 12:00: the last point is then, not the end of the week.
    const qint64 now = Mon + 4 * Day + 12 * Hour;
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, now);
    // End of Mon: a, b = 2; Tue: b = 1; Wed: b, c = 2; Thu: b = 1; Fri 12:00: b = 1.
    ASSERT_EQ(r.backlog.size(), 5);
    const int expected[] = { 2, 1, 2, 1, 1 };
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(r.backlog.at(i).open, expected[i]) << "day " << i;
        EXPECT_EQ(r.backlog.at(i).atUtcMs, i < 4 ? Mon + (i + 1) * Day : now);
    }
    EXPECT_EQ(r.current.backlogAtEnd, 1);
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Backlog }, now), QStringList { QStringLiteral("b") });
    // A point of the chart: open at the end of Wednesday.
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Backlog, .weekStartUtcMs = Mon + 3 * Day }, now),
              (QStringList { QStringLiteral("b"), QStringLiteral("c") }));
}

TEST(KpiCalculator, AvailabilityMergesOverlappingOutagesAndStopsRunningOnesAtNow)
{
    Facts f;
    const Facts::Names conveyor { .service = QStringLiteral("Conveyor"), .ci = QStringLiteral("BELT-1") };
    // Two overlapping impact-1 incidents: 10:00–12:00 and 11:00–13:00 on Monday = 3 h merged.
    f.add(QStringLiteral("o1"), { .startedAt = Mon + 10 * Hour, .openedAt = Mon + 10 * Hour, .resolvedAt = Mon + 12 * Hour,
                                  .impact = 1, .domain = qint8(Domain::Warehouse), .state = Resolved }, conveyor);
    f.add(QStringLiteral("o2"), { .startedAt = Mon + 11 * Hour, .openedAt = Mon + 11 * Hour + 5 * Minute,
                                  .resolvedAt = Mon + 13 * Hour, .impact = 1, .domain = qint8(Domain::Warehouse),
                                  .state = Resolved }, conveyor);
    // Impact 2: not an outage, but it puts the service on the list anyway.
    f.add(QStringLiteral("minor"), { .openedAt = Mon + Day, .impact = 2, .domain = qint8(Domain::It), .state = InProgress },
          { .service = QStringLiteral("Web shop") });
    // Still running since Friday 06:00; now is Friday 12:00 → 6 h (the period ends Monday next).
    f.add(QStringLiteral("run"), { .startedAt = Mon + 4 * Day + 6 * Hour, .openedAt = Mon + 4 * Day + 6 * Hour,
                                   .impact = 1, .domain = qint8(Domain::It), .state = InProgress },
          { .service = QStringLiteral("Payments"), .ci = QStringLiteral("PAY-API") });
    const qint64 now = Mon + 4 * Day + 12 * Hour;
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, now);
    // The period has run for 4.5 days = 108 h so far.
    ASSERT_EQ(r.availabilityByService.size(), 3);
    const AvailabilityRow &payments = r.availabilityByService.at(0); // worst first: 6 h down
    EXPECT_EQ(payments.name, QStringLiteral("Payments"));
    EXPECT_EQ(payments.outageMs, 6 * Hour);
    EXPECT_EQ(payments.periodMs, 108 * Hour);
    EXPECT_DOUBLE_EQ(payments.percent, 100.0 * (1.0 - 6.0 / 108.0));
    EXPECT_DOUBLE_EQ(payments.targetPercent, 99.9); // IT: the website target
    const AvailabilityRow &conveyorRow = r.availabilityByService.at(1);
    EXPECT_EQ(conveyorRow.name, QStringLiteral("Conveyor"));
    EXPECT_EQ(conveyorRow.outageMs, 3 * Hour);
    EXPECT_EQ(conveyorRow.outages, 2);
    EXPECT_DOUBLE_EQ(conveyorRow.targetPercent, 99.5); // warehouse: the equipment target
    EXPECT_EQ(r.availabilityByService.at(2).name, QStringLiteral("Web shop"));
    EXPECT_DOUBLE_EQ(r.availabilityByService.at(2).percent, 100.0);
    ASSERT_EQ(r.availabilityByConfigurationItem.size(), 2);
    EXPECT_EQ(r.availabilityByConfigurationItem.at(1).name, QStringLiteral("BELT-1"));
    EXPECT_EQ(r.availabilityByConfigurationItem.at(1).outageMs, 3 * Hour);
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Availability, .name = QStringLiteral("Conveyor") }, now),
              (QStringList { QStringLiteral("o1"), QStringLiteral("o2") }));
}

TEST(KpiCalculator, ParetoRanksCategoriesWithTheRunningShare)
{
    Facts f;
    const qint64 t = Mon + Hour;
    for (int i = 0; i < 5; ++i)
        f.add(QStringLiteral("n%1").arg(i), { .openedAt = t + i }, { .category = QStringLiteral("Network"), .ci = QStringLiteral("SW-1") });
    for (int i = 0; i < 3; ++i)
        f.add(QStringLiteral("h%1").arg(i), { .openedAt = t + 10 + i }, { .category = QStringLiteral("Hardware") });
    f.add(QStringLiteral("s0"), { .openedAt = t + 20 }, { .category = QStringLiteral("Software") });
    f.add(QStringLiteral("a0"), { .openedAt = t + 21 }, { .category = QStringLiteral("Access") });
    f.add(QStringLiteral("before"), { .openedAt = Mon - Hour }, { .category = QStringLiteral("Access") });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    // 5, 3, then the two 1s by name: cumulative 50, 80, 90, 100 %.
    ASSERT_EQ(r.categoryPareto.size(), 4);
    EXPECT_EQ(r.categoryPareto.at(0), (ParetoRow { QStringLiteral("Network"), 5, 50.0 }));
    EXPECT_EQ(r.categoryPareto.at(1), (ParetoRow { QStringLiteral("Hardware"), 3, 80.0 }));
    EXPECT_EQ(r.categoryPareto.at(2), (ParetoRow { QStringLiteral("Access"), 1, 90.0 }));
    EXPECT_EQ(r.categoryPareto.at(3), (ParetoRow { QStringLiteral("Software"), 1, 100.0 }));
    ASSERT_EQ(r.configurationItemPareto.size(), 1);
    EXPECT_EQ(r.configurationItemPareto.at(0), (ParetoRow { QStringLiteral("SW-1"), 5, 100.0 }));
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Volume, .name = QStringLiteral("Hardware") }, Later),
              (QStringList { QStringLiteral("h0"), QStringLiteral("h1"), QStringLiteral("h2") }));
}

TEST(KpiCalculator, EachFilterNarrowsEveryKpi)
{
    Facts f;
    const qint64 t = Mon + Hour;
    f.add(QStringLiteral("w"), { .openedAt = t, .priority = 1, .domain = qint8(Domain::Warehouse) },
          { .service = QStringLiteral("Conveyor"), .site = QStringLiteral("DC1"), .group = QStringLiteral("Floor") });
    f.add(QStringLiteral("r"), { .openedAt = t + 1, .priority = 2, .domain = qint8(Domain::Retail) },
          { .service = QStringLiteral("Tills"), .site = QStringLiteral("Store 7"), .group = QStringLiteral("Retail IT") });
    f.add(QStringLiteral("i"), { .openedAt = t + 2, .priority = 3, .domain = qint8(Domain::It) },
          { .service = QStringLiteral("Mail"), .site = QStringLiteral("HQ"), .group = QStringLiteral("Service Desk") });
    auto volume = [&](const KpiFilter &filter) {
        KpiQuery q = week();
        q.filter = filter;
        const KpiReport r = computeKpis(f.facts(), q, KpiTargets {}, Later);
        EXPECT_EQ(r.current.opened, incidentsBehind(f.facts(), q, { .measure = KpiMeasure::Volume }, Later).size());
        return incidentsBehind(f.facts(), q, { .measure = KpiMeasure::Volume }, Later);
    };
    EXPECT_EQ(volume({ .priorities = { 1, 3 } }), (QStringList { QStringLiteral("w"), QStringLiteral("i") }));
    EXPECT_EQ(volume({ .domains = { Domain::Retail } }), QStringList { QStringLiteral("r") });
    EXPECT_EQ(volume({ .services = { QStringLiteral("Mail") } }), QStringList { QStringLiteral("i") });
    EXPECT_EQ(volume({ .sites = { QStringLiteral("DC1") } }), QStringList { QStringLiteral("w") });
    EXPECT_EQ(volume({ .groups = { QStringLiteral("Retail IT"), QStringLiteral("Floor") } }),
              (QStringList { QStringLiteral("w"), QStringLiteral("r") }));
    EXPECT_EQ(volume({ .services = { QStringLiteral("Nobody uses this") } }), QStringList {});
    KpiQuery q = week();
    q.filter.sites = { QStringLiteral("HQ") };
    const KpiReport r = computeKpis(f.facts(), q, KpiTargets {}, Later);
    EXPECT_EQ(r.incidentsConsidered, 1);
    ASSERT_EQ(r.availabilityByService.size(), 1); // only services with an incident passing the filter
    EXPECT_EQ(r.availabilityByService.at(0).name, QStringLiteral("Mail"));
    EXPECT_EQ(q.filter.describe(), QStringLiteral("HQ"));
    EXPECT_EQ((KpiFilter { .priorities = { 1, 2 }, .domains = { Domain::Warehouse }, .services = { QStringLiteral("Conveyor") } }).describe(),
              QStringLiteral("P1, P2 · warehouse · Conveyor"));
}

TEST(KpiCalculator, TilesCompareWithThePreviousPeriodAndJudgeAgainstTargets)
{
    Facts f;
    // Previous week: FCR 1 of 1; this week 3 of 4 = 75 % against a 70 % target: met.
    f.add(QStringLiteral("p"), { .openedAt = Mon - 3 * Day, .resolvedAt = Mon - 3 * Day + Hour, .state = Resolved });
    for (int i = 0; i < 4; ++i)
        f.add(QStringLiteral("c%1").arg(i), { .openedAt = Mon + i * Hour, .resolvedAt = Mon + Day, .reassignments = qint16(i == 0 ? 2 : 0),
                                              .state = Resolved });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    ASSERT_EQ(r.tiles.size(), 10);
    const KpiMeasure order[] = { KpiMeasure::Mtta, KpiMeasure::Mttr, KpiMeasure::MttrCritical,
                                 KpiMeasure::FirstContactResolution, KpiMeasure::ResponseCompliance,
                                 KpiMeasure::ResolutionCompliance, KpiMeasure::ReopenRate, KpiMeasure::Volume,
                                 KpiMeasure::Backlog, KpiMeasure::Csat };
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(r.tiles.at(i).measure, order[i]) << i;
    const KpiTile &fcr = tile(r, KpiMeasure::FirstContactResolution);
    EXPECT_DOUBLE_EQ(fcr.value, 75.0);
    EXPECT_DOUBLE_EQ(fcr.previous, 100.0);
    EXPECT_TRUE(fcr.hasPrevious);
    EXPECT_EQ(fcr.samples, 4);
    EXPECT_FALSE(fcr.lowerIsBetter);
    EXPECT_EQ(fcr.judgement, KpiTile::Judgement::Met);
    const KpiTile &volume = tile(r, KpiMeasure::Volume);
    EXPECT_EQ(volume.value, 4);
    EXPECT_EQ(volume.previous, 1);
    EXPECT_EQ(volume.judgement, KpiTile::Judgement::NoTarget);
    EXPECT_EQ(tile(r, KpiMeasure::Csat).judgement, KpiTile::Judgement::NoData);
    EXPECT_EQ(tile(r, KpiMeasure::MttrCritical).judgement, KpiTile::Judgement::NoData);
    EXPECT_EQ(incidentsBehind(f.facts(), week(), { .measure = KpiMeasure::Volume, .previousPeriod = true }, Later),
              QStringList { QStringLiteral("p") });
    // A lower FCR target of 80 % is missed by the same 75 %.
    KpiTargets strict;
    strict.firstContactResolutionPercent = 80;
    EXPECT_EQ(tile(computeKpis(f.facts(), week(), strict, Later), KpiMeasure::FirstContactResolution).judgement,
              KpiTile::Judgement::Missed);
}

TEST(KpiCalculator, WeeksStartOnMondayInTheQueryZoneAcrossTheDstChange)
{
    // Berlin leaves summer time on Sunday 2026-10-25. The period is Monday 19 October
    // 00:00 CEST (18 Oct 22:00 UTC) to Monday 2 November 00:00 CET (1 Nov 23:00 UTC).
    const QTimeZone berlin("Europe/Berlin");
    const qint64 from = QDateTime(QDate(2026, 10, 19), QTime(0, 0), berlin).toMSecsSinceEpoch();
    const qint64 monday26 = QDateTime(QDate(2026, 10, 26), QTime(0, 0), berlin).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2026, 11, 2), QTime(0, 0), berlin).toMSecsSinceEpoch();
    ASSERT_EQ(from, QDateTime(QDate(2026, 10, 18), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch());
    ASSERT_EQ(monday26, QDateTime(QDate(2026, 10, 25), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch());
    Facts f;
    // Sunday 25 Oct 23:30 Berlin (22:30 UTC) is still the first week; Monday 00:30 the second.
    f.add(QStringLiteral("sun"), { .openedAt = monday26 - 30 * Minute, .acknowledgedAt = monday26 - 20 * Minute, .priority = 2 });
    f.add(QStringLiteral("mon"), { .openedAt = monday26 + 30 * Minute, .acknowledgedAt = monday26 + 60 * Minute, .priority = 1 });
    KpiQuery q;
    q.fromUtcMs = from;
    q.toUtcMs = to;
    q.timeZone = "Europe/Berlin";
    const KpiReport r = computeKpis(f.facts(), q, KpiTargets {}, Later);
    ASSERT_EQ(r.weeks.size(), 2);
    EXPECT_EQ(r.weeks.at(0).startUtcMs, from);
    EXPECT_EQ(r.weeks.at(0).endUtcMs, monday26);
    EXPECT_EQ(r.weeks.at(0).endUtcMs - r.weeks.at(0).startUtcMs, 7 * Day + Hour); // the extra hour of 25 Oct
    EXPECT_EQ(r.weeks.at(1).endUtcMs, to);
    EXPECT_EQ(r.weeks.at(0).openedByPriority, (std::array<int, 5> { 0, 1, 0, 0, 0 }));
    EXPECT_EQ(r.weeks.at(1).openedByPriority, (std::array<int, 5> { 1, 0, 0, 0, 0 }));
    EXPECT_EQ(r.weeks.at(0).mtta, (DurationSummary { 1, 10.0 * Minute, 10.0 * Minute }));
    EXPECT_EQ(r.weeks.at(1).mtta, (DurationSummary { 1, 30.0 * Minute, 30.0 * Minute }));
    // 14 local days, the backlog has a point at each local midnight.
    ASSERT_EQ(r.backlog.size(), 14);
    EXPECT_EQ(r.backlog.at(6).atUtcMs, monday26);
    EXPECT_EQ(incidentsBehind(f.facts(), q, { .measure = KpiMeasure::Volume, .weekStartUtcMs = monday26, .priority = 1 }, Later),
              QStringList { QStringLiteral("mon") });
    // A week that starts mid-week is clipped: from Wednesday 21 Oct.
    q.fromUtcMs = QDateTime(QDate(2026, 10, 21), QTime(0, 0), berlin).toMSecsSinceEpoch();
    const KpiReport clipped = computeKpis(f.facts(), q, KpiTargets {}, Later);
    ASSERT_EQ(clipped.weeks.size(), 2);
    EXPECT_EQ(clipped.weeks.at(0).startUtcMs, q.fromUtcMs);
    EXPECT_EQ(clipped.weeks.at(0).endUtcMs, monday26);
}

TEST(KpiCalculator, IncidentsBehindEachTileAreExactlyItsSamples)
{
    Facts f;
    const qint64 t = Mon + Day;
    f.add(QStringLiteral("a"), { .openedAt = t, .acknowledgedAt = t + Minute, .resolvedAt = t + Hour, .responseBusinessMs = Minute,
                                 .resolutionBusinessMs = Hour, .priority = 1, .state = Resolved, .csat = 5, .responseMet = 1,
                                 .resolutionMet = 1 });
    f.add(QStringLiteral("b"), { .openedAt = t + 1, .acknowledgedAt = t + 2 * Minute, .priority = 2, .state = InProgress,
                                 .responseMet = 0 });
    f.add(QStringLiteral("c"), { .openedAt = Mon - Day, .resolvedAt = t, .reopens = 1, .priority = 1, .state = Closed,
                                 .madeSla = 0 });
    f.add(QStringLiteral("d"), { .openedAt = t + 2, .priority = 4, .state = qint8(IncidentState::New) });
    const KpiReport r = computeKpis(f.facts(), week(), KpiTargets {}, Later);
    for (const KpiTile &tile : r.tiles) {
        const QStringList behind = incidentsBehind(f.facts(), week(), { .measure = tile.measure }, Later);
        EXPECT_EQ(behind.size(), tile.samples) << toName(tile.measure).toStdString();
    }
}

} // namespace
} // namespace nocturne::core::test
