// The KPI repository on real SQLite files: cached SLA outcomes (business times in the
// default calendar, staleness after events and configuration changes), facts as the
// calculator sees them, and stored targets.
#include "testsupport.h"

#include "core/engine/kpicalculator.h"
#include "core/engine/slaconfiguration.h"
#include "core/storage/kpirepository.h"
#include "core/storage/slarepository.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QSqlQuery>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

qint64 utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toMSecsSinceEpoch();
}

class KpiRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.ok());
        SlaRepository sla(h.database().connection());
        ASSERT_FALSE(sla.saveConfiguration(defaultSlaConfiguration(), QStringLiteral("admin"), h.clock().nowMs()).error);
    }
    KpiRepository repository() { return KpiRepository(h.database().connection()); }
    // An incident without a site, so the business-hours policies read their calendar's
    // own zone (Europe/Amsterdam).
    QString open(int impact, int urgency)
    {
        QJsonObject payload = openPayload(QStringLiteral("Scanner offline"), impact, urgency);
        payload.remove(QStringLiteral("priority"));
        payload.remove(QStringLiteral("site"));
        const CommandResult r = h.run(A::Open, {}, payload);
        EXPECT_TRUE(r.ok()) << r.error.toStdString();
        return r.incident.number;
    }
    int refresh()
    {
        KpiRepository r = repository();
        const auto n = r.refreshOutcomes(h.clock().nowMs());
        EXPECT_TRUE(n.has_value()) << r.lastError().message.toStdString();
        return n.value_or(-1);
    }
    const KpiFact *factOf(const KpiFacts &facts, const QString &number)
    {
        for (int i = 0; i < facts.size(); ++i) {
            if (facts.numbers[size_t(i)] == number)
                return &facts.facts[size_t(i)];
        }
        return nullptr;
    }
    StoreHarness h;
};

TEST_F(KpiRepositoryTest, BusinessTimesSkipTheWeekendInTheDefaultCalendar)
{
    // Friday 17 November 2023 17:00 Amsterdam (16:00 UTC): a P3, business-hours policy
    // (Mon–Fri 08:00–18:00). Acknowledged Monday 09:00, resolved Monday 12:00 local.
    h.clock().setNowMs(utc(2023, 11, 17, 16));
    const QString number = open(2, 2);
    h.clock().setNowMs(utc(2023, 11, 20, 8));
    ASSERT_TRUE(h.run(A::Acknowledge, number).ok());
    h.clock().setNowMs(utc(2023, 11, 20, 11));
    ASSERT_TRUE(h.run(A::Resolve, number, { { QStringLiteral("code"), QStringLiteral("fixed") } }).ok());

    EXPECT_EQ(refresh(), 1);
    KpiRepository r = repository();
    const auto facts = r.loadFacts();
    ASSERT_TRUE(facts) << r.lastError().message.toStdString();
    const KpiFact *f = factOf(*facts, number);
    ASSERT_NE(f, nullptr);
    // Response: Friday 17–18 (1 h) + Monday 08–09 (1 h) = 2 h; resolution: 1 h + 08–12 (4 h) = 5 h.
    EXPECT_EQ(f->responseBusinessMs, 2 * Hour);
    EXPECT_EQ(f->resolutionBusinessMs, 5 * Hour);
    // Targets: response 4 business hours, resolution 2 business days: both met.
    EXPECT_EQ(f->responseMet, 1);
    EXPECT_EQ(f->resolutionMet, 1);

    KpiQuery q;
    q.fromUtcMs = utc(2023, 11, 13, 0);
    q.toUtcMs = utc(2023, 11, 27, 0);
    const KpiReport report = computeKpis(*facts, q, KpiTargets {}, h.clock().nowMs());
    EXPECT_EQ(report.current.mtta, (DurationSummary { 1, 64.0 * Hour, 64.0 * Hour })); // wall clock: Fri 16:00 → Mon 08:00 UTC
    EXPECT_EQ(report.current.mttaBusiness, (DurationSummary { 1, 2.0 * Hour, 2.0 * Hour }));
    EXPECT_EQ(report.current.mttr, (DurationSummary { 1, 67.0 * Hour, 67.0 * Hour }));
    EXPECT_EQ(report.current.mttrBusiness, (DurationSummary { 1, 5.0 * Hour, 5.0 * Hour }));
    EXPECT_EQ(report.current.responseCompliance, (Ratio { 1, 1 }));
    EXPECT_EQ(report.current.resolutionCompliance, (Ratio { 1, 1 }));
}

TEST_F(KpiRepositoryTest, ABreachedP1AndTheSourcesVerdictTakingPrecedence)
{
    // P1: response 15 min, resolution 4 h, around the clock. Acknowledged after 20 min
    // (breached), resolved after 3 h (met).
    const QString late = open(1, 1);
    h.clock().advanceMs(20 * Minute);
    ASSERT_TRUE(h.run(A::Acknowledge, late).ok());
    h.clock().advanceMs(160 * Minute);
    ASSERT_TRUE(h.run(A::Resolve, late, { { QStringLiteral("code"), QStringLiteral("fixed") } }).ok());
    // An imported incident whose source says the SLA was missed, although our clocks met it.
    const QString imported = open(1, 1);
    h.clock().advanceMs(5 * Minute);
    ASSERT_TRUE(h.run(A::Acknowledge, imported).ok());
    ASSERT_TRUE(h.run(A::Resolve, imported, { { QStringLiteral("code"), QStringLiteral("fixed") } }).ok());
    // A record-only update after resolution, as an importer appends it.
    h.clock().advanceMs(Minute);
    const QString importedId = h.projected(imported)->id;
    const AppendResult verdict = h.store().append(
        { makeEvent(A::Update, importedId, HlcTimestamp { h.clock().nowMs(), 0, QStringLiteral("import") }, h.clock().nowMs(),
                    { { QStringLiteral("made_sla"), false }, { QStringLiteral("csat"), 2 } }) });
    ASSERT_FALSE(verdict.error) << verdict.error.message.toStdString();

    refresh();
    KpiRepository r = repository();
    const auto facts = r.loadFacts();
    ASSERT_TRUE(facts);
    const KpiFact *a = factOf(*facts, late);
    const KpiFact *b = factOf(*facts, imported);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->responseMet, 0);
    EXPECT_EQ(a->resolutionMet, 1);
    EXPECT_EQ(a->responseBusinessMs, 20 * Minute); // 24/7: business time is wall time
    EXPECT_EQ(b->madeSla, 0);
    EXPECT_EQ(b->resolutionMet, 1);
    EXPECT_EQ(b->csat, 2);

    KpiQuery q;
    q.fromUtcMs = T0 - Hour;
    q.toUtcMs = T0 + 10 * Hour;
    const KpiReport report = computeKpis(*facts, q, KpiTargets {}, h.clock().nowMs());
    EXPECT_EQ(report.current.responseCompliance, (Ratio { 1, 2 }));
    // Ours met for both, but the import's "missed" wins for the second: 1 of 2.
    EXPECT_EQ(report.current.resolutionCompliance, (Ratio { 1, 2 }));
    EXPECT_EQ(report.current.csatCount, 1);
}

TEST_F(KpiRepositoryTest, StaleOutcomesAreRecomputedAndCurrentOnesLeftAlone)
{
    const QString first = open(2, 2);
    const QString second = open(3, 3);
    EXPECT_EQ(refresh(), 2);
    EXPECT_EQ(refresh(), 0); // current: nothing to do
    KpiRepository r = repository();
    EXPECT_EQ(r.staleOutcomeCount(), 0);

    h.clock().advanceMs(Minute);
    ASSERT_TRUE(h.run(A::Acknowledge, first).ok());
    EXPECT_EQ(r.staleOutcomeCount(), 1);
    EXPECT_EQ(refresh(), 1); // only the incident with a new event

    // A new SLA configuration revision makes every row stale.
    SlaConfiguration changed = defaultSlaConfiguration();
    changed.policies[2].responseTargetMs = 2 * Hour;
    SlaRepository sla(h.database().connection());
    ASSERT_TRUE(sla.saveConfiguration(changed, QStringLiteral("admin"), h.clock().nowMs()).anythingChanged());
    EXPECT_EQ(refresh(), 2);
    EXPECT_EQ(refresh(), 0);

    QSqlQuery q(h.database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), min(configuration_revision) FROM sla_outcomes")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
    EXPECT_EQ(q.value(1).toLongLong(), sla.configurationRevision());
    Q_UNUSED(second);
}

TEST_F(KpiRepositoryTest, FactsCarryNamesCodesAndTheServicesDomain)
{
    const QString number = open(1, 2);
    ASSERT_TRUE(h.run(A::Assign, number, { { QStringLiteral("group"), QStringLiteral("Floor Tech") } }).ok());
    QSqlQuery q(h.database().connection());
    // The services table says retail, the incident warehouse: the table wins for the service.
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT OR REPLACE INTO services (name, domain) VALUES ('Sortation', 'retail')")));
    refresh();
    KpiRepository r = repository();
    const auto facts = r.loadFacts();
    ASSERT_TRUE(facts) << r.lastError().message.toStdString();
    ASSERT_EQ(facts->size(), 1);
    const KpiFact &f = facts->facts[0];
    EXPECT_EQ(facts->numbers[0], number);
    EXPECT_EQ(facts->services.value(f.service), QStringLiteral("Sortation"));
    EXPECT_EQ(facts->configurationItems.value(f.configurationItem), QStringLiteral("SORTER-DC1-01"));
    EXPECT_EQ(facts->groups.value(f.group), QStringLiteral("Floor Tech"));
    EXPECT_EQ(f.site, -1);
    EXPECT_EQ(f.domain, qint8(Domain::Warehouse));
    EXPECT_EQ(facts->serviceDomains.at(size_t(f.service)), qint8(Domain::Retail));
    EXPECT_EQ(f.priority, 2);
    EXPECT_EQ(f.impact, 1);
    EXPECT_EQ(f.state, qint8(IncidentState::New));
    EXPECT_EQ(f.openedAt, T0);
    EXPECT_GE(facts->dataVersion, 0);
}

TEST_F(KpiRepositoryTest, TargetsAreStoredAsJsonAndBadStoredTargetsNameTheKey)
{
    KpiRepository r = repository();
    EXPECT_EQ(r.loadTargets(), KpiTargets {});
    KpiTargets t;
    t.mttrCriticalMs = 3 * Hour;
    t.serviceUptimePercent.insert(QStringLiteral("Payments"), 99.95);
    ASSERT_TRUE(r.saveTargets(t));
    EXPECT_EQ(r.loadTargets(), t);
    EXPECT_DOUBLE_EQ(t.uptimeTargetFor(QStringLiteral("Payments"), Domain::Retail), 99.95);
    EXPECT_DOUBLE_EQ(t.uptimeTargetFor(QStringLiteral("Tills"), Domain::Retail), 99.5);
    EXPECT_DOUBLE_EQ(t.uptimeTargetFor(QStringLiteral("Web shop"), Domain::It), 99.9);

    QSqlQuery q(h.database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "UPDATE meta SET value = '{\"first_contact_resolution_percent\": 170}' WHERE key = 'kpi_targets'")));
    EXPECT_FALSE(r.loadTargets().has_value());
    EXPECT_TRUE(r.lastError().message.contains(QStringLiteral("first_contact_resolution_percent")))
        << r.lastError().message.toStdString();
}

TEST(KpiTargets, JsonRoundTripsAndValidationNamesTheKey)
{
    KpiTargets t;
    t.csatMinimum = 4.5;
    t.serviceUptimePercent.insert(QStringLiteral("Conveyor"), 99.0);
    KpiTargets back;
    QString error;
    ASSERT_TRUE(KpiTargets::fromJson(t.toJson(), &back, &error)) << error.toStdString();
    EXPECT_EQ(back, t);

    KpiTargets unchanged;
    EXPECT_FALSE(KpiTargets::fromJson({ { QStringLiteral("mttr_critical_minutes"), QStringLiteral("four hours") } },
                                      &unchanged, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("mttr_critical_minutes"))) << error.toStdString();
    EXPECT_EQ(unchanged, KpiTargets {});
    EXPECT_FALSE(KpiTargets::fromJson({ { QStringLiteral("csat_minimum"), 7 } }, &unchanged, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("csat_minimum")));
    EXPECT_FALSE(KpiTargets::fromJson({ { QStringLiteral("mttr_critcal_minutes"), 200 } }, &unchanged, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("mttr_critcal_minutes")));
    EXPECT_FALSE(KpiTargets::fromJson(
        { { QStringLiteral("service_uptime_percent"), QJsonObject { { QStringLiteral("Tills"), true } } } }, &unchanged,
        &error));
    EXPECT_TRUE(error.contains(QStringLiteral("service_uptime_percent.Tills")));
    // Missing keys keep their defaults.
    ASSERT_TRUE(KpiTargets::fromJson({ { QStringLiteral("mttr_critical_minutes"), 180 } }, &unchanged, &error));
    EXPECT_EQ(unchanged.mttrCriticalMs, 3 * Hour);
    EXPECT_EQ(unchanged.firstContactResolutionPercent, 70.0);
}

} // namespace
} // namespace nocturne::core::test
