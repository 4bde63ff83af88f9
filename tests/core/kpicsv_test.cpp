// KPI tables as CSV: RFC 4180 quoting, the documented columns, plain machine numbers.
#include "kpisamplereport.h"
#include "testsupport.h"

#include "core/export/incidentcsv.h"
#include "core/report/kpicsv.h"

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

QStringList csvLines() { return QString::fromUtf8(kpiReportToCsv(sampleKpiReport())).split(QStringLiteral("\r\n")); }

TEST(KpiCsv, StartsWithTheDocumentedHeaderAndEndsEveryLineWithCrLf)
{
    const QByteArray csv = kpiReportToCsv(sampleKpiReport());
    EXPECT_TRUE(csv.startsWith("table,period_start,period_end,subject,metric,value,unit\r\n"));
    EXPECT_TRUE(csv.endsWith("\r\n"));
    EXPECT_EQ(csv.count('\n'), csv.count("\r\n"));
}

TEST(KpiCsv, TileValuesArePlainMillisecondsAndPercentages)
{
    const QStringList lines = csvLines();
    EXPECT_TRUE(lines.contains(QStringLiteral("tiles,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,mttr,value,14700000,ms")));
    EXPECT_TRUE(lines.contains(QStringLiteral("tiles,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,mttr,target,14400000,ms")));
    EXPECT_TRUE(lines.contains(QStringLiteral("tiles,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,mttr,judgement,missed,")));
    EXPECT_TRUE(lines.contains(
        QStringLiteral("tiles,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,first_contact_resolution,value,72.5,percent")));
    // No data is an empty value, not 0.
    EXPECT_TRUE(lines.contains(QStringLiteral("tiles,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,csat,value,,score")));
}

TEST(KpiCsv, NamesWithCommasAndQuotesAreQuoted)
{
    const QStringList lines = csvLines();
    EXPECT_TRUE(lines.contains(QStringLiteral(
        "availability_service,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,\"Sorter, \"\"North\"\"\",availability,99.404762,percent")))
        << lines.join(u'\n').toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral(
        "availability_service,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,\"Sorter, \"\"North\"\"\",met,0,bool")));
    EXPECT_EQ(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
}

TEST(KpiCsv, WeeklyRowsCarryTheirWeekAndComplianceItsCounts)
{
    const QStringList lines = csvLines();
    EXPECT_TRUE(lines.contains(QStringLiteral("weekly,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,,opened_p3,3,count")));
    EXPECT_TRUE(lines.contains(QStringLiteral("weekly,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,,mtta_median,540000,ms")));
    EXPECT_TRUE(lines.contains(QStringLiteral("compliance,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,P1,response_percent,90,percent")));
    EXPECT_TRUE(lines.contains(QStringLiteral("compliance,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,P1,resolution_met,3,count")));
    EXPECT_TRUE(lines.contains(QStringLiteral("pareto_category,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,Conveyor,cumulative_percent,66.666667,percent")));
}

TEST(KpiCsv, EveryLineHasSevenFields)
{
    // Outside quotes, each record has exactly six separators.
    for (const QString &line : csvLines()) {
        if (line.isEmpty())
            continue;
        int commas = 0;
        bool quoted = false;
        for (const QChar c : line) {
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (c == QLatin1Char(',') && !quoted)
                ++commas;
        }
        EXPECT_EQ(commas, 6) << line.toStdString();
    }
}

} // namespace
} // namespace nocturne::core::test
