// The KPI report as a document: a hand-made report's numbers come out formatted exactly,
// next to their targets, period, filters and definitions.
#include "kpisamplereport.h"
#include "testsupport.h"

#include "core/report/kpireportdocument.h"

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

TEST(KpiReportDocument, TilesShowValuePreviousChangeTargetAndResult)
{
    const QString md = kpiReportDocument(sampleKpiReport()).toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("| Mean time to resolve | 4h 05m | 3h 30m | +16.7 % | ≤ 4h 00m | missed | 12 |")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| First-contact resolution | 72.5 % | 70.0 % | +2.5 pp | ≥ 70.0 % | met | 40 |")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Customer satisfaction | — | — | — | — | no data | 0 |"))) << md.toStdString();
}

TEST(KpiReportDocument, SaysPeriodFiltersZoneAndWhenItWasGenerated)
{
    const KpiReport report = sampleKpiReport();
    const QString md = kpiReportDocument(report).toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("Period: 2026-11-02 00:00 – 2026-11-09 00:00 (end exclusive)"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("Filters: ") + escapeMarkdown(report.query.filter.describe()))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("Time zone: UTC"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("Generated at: 2026-11-09 07:30"))) << md.toStdString();
}

TEST(KpiReportDocument, DefinesEveryKpiAndLinksTheDefinitions)
{
    const QString md = kpiReportDocument(sampleKpiReport()).toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("| Mean time to resolve | mttr | resolved − opened; incidents resolved in the period |")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("[Full definitions and targets: docs/kpi.md](docs/kpi.md)"))) << md.toStdString();
}

TEST(KpiReportDocument, WeeklyComplianceAvailabilityAndParetoTables)
{
    const QString md = kpiReportDocument(sampleKpiReport()).toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("| 2026-11-02 | 6 | 1 | 2 | 3 | 0 | 0 | 10m 00s | 9m 00s | 4h 05m | 2h 00m |"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| P1 - Critical | 9 / 10 | 90.0 % | 3 / 4 | 75.0 % |"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("Targets: response ≥ 95.0 %, resolution ≥ 90.0 %."))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Sorter, \"North\" | Warehouse | 2 | 1h 00m | 99.40 % | ≥ 99.50 % | missed |"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Conveyor | 4 | 66.7 % |"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Network | 2 | 100.0 % |"))) << md.toStdString();
}

TEST(KpiReportDocument, FormatsEachKindOfValue)
{
    EXPECT_EQ(formatKpiValue(KpiMeasure::Mtta, 45'000, true), QStringLiteral("45s"));
    EXPECT_EQ(formatKpiValue(KpiMeasure::Mtta, 750'000, true), QStringLiteral("12m 30s"));
    EXPECT_EQ(formatKpiValue(KpiMeasure::Mttr, 3 * 86'400'000.0 + 2 * 3'600'000.0, true), QStringLiteral("3d 02h"));
    EXPECT_EQ(formatKpiValue(KpiMeasure::Availability, 99.951, true), QStringLiteral("99.95 %"));
    EXPECT_EQ(formatKpiValue(KpiMeasure::Volume, 132, true), QStringLiteral("132"));
    EXPECT_EQ(formatKpiValue(KpiMeasure::Csat, 4.2, true), QStringLiteral("4.20"));
    EXPECT_EQ(formatKpiValue(KpiMeasure::Mttr, 1, false), QStringLiteral("—"));
}

} // namespace
} // namespace nocturne::core::test
