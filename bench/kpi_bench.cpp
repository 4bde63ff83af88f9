// kpi_bench: every dashboard KPI over a large database (issue 4, part 6). Measures, in
// one run: (1) the one-time refresh of the cached SLA outcomes, (2) loading the facts,
// (3) computeKpis for a 30-day and a whole-history query, and (4) the baseline — the same
// aggregates as ONE SQL query through the sqlite3 C API (counts and sums for the means,
// FCR, both compliances, reopen, CSAT, volume by week and priority, outage time per
// service, backlog at the end; SQL gives no medians, no merged outages and no daily
// backlog, so the baseline does less than computeKpis). Prints medians and the ratio.
// Usage: kpi_bench [--db PATH] [--incidents N] [--runs N]
#include "benchdatabase.h"
#include "benchtiming.h"

#include <core/engine/kpicalculator.h>
#include <core/storage/database.h>
#include <core/storage/kpirepository.h>

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

using namespace nocturne::core;
using nocturne::bench::medianMs;
using nocturne::bench::timeMs;

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

// The baseline: one statement, grouped by priority, week of opening and service so that
// volume by week/priority and outage time per service come out of the same pass.
constexpr char baselineSql[] = R"(
SELECT i.priority,
  CASE WHEN i.opened_at >= ?1 AND i.opened_at < ?2 THEN (i.opened_at - ?1) / 604800000 ELSE -1 END AS week,
  i.service,
  sum(i.opened_at >= ?1 AND i.opened_at < ?2),
  sum(CASE WHEN i.opened_at >= ?1 AND i.opened_at < ?2 THEN max(0, (CASE WHEN i.detected_at > 0 THEN i.detected_at ELSE i.opened_at END) - (CASE WHEN i.started_at > 0 THEN i.started_at ELSE i.opened_at END)) ELSE 0 END),
  sum(i.opened_at >= ?1 AND i.opened_at < ?2 AND i.acknowledged_at > 0),
  sum(CASE WHEN i.opened_at >= ?1 AND i.opened_at < ?2 AND i.acknowledged_at > 0 THEN i.acknowledged_at - i.opened_at ELSE 0 END),
  sum(CASE WHEN i.opened_at >= ?1 AND i.opened_at < ?2 AND i.acknowledged_at > 0 AND o.response_business_ms >= 0 THEN o.response_business_ms ELSE 0 END),
  sum(i.opened_at >= ?1 AND i.opened_at < ?2 AND o.response >= 0),
  sum(i.opened_at >= ?1 AND i.opened_at < ?2 AND o.response = 1),
  sum(i.resolved_at >= ?1 AND i.resolved_at < ?2),
  sum(CASE WHEN i.resolved_at >= ?1 AND i.resolved_at < ?2 THEN i.resolved_at - i.opened_at ELSE 0 END),
  sum(CASE WHEN i.resolved_at >= ?1 AND i.resolved_at < ?2 AND o.resolution_business_ms >= 0 THEN o.resolution_business_ms ELSE 0 END),
  sum(i.resolved_at >= ?1 AND i.resolved_at < ?2 AND i.reassignment_count = 0 AND i.escalation_count = 0),
  sum(i.resolved_at >= ?1 AND i.resolved_at < ?2 AND i.reopen_count > 0),
  sum(i.resolved_at >= ?1 AND i.resolved_at < ?2 AND (CASE WHEN i.made_sla >= 0 THEN i.made_sla ELSE coalesce(o.resolution, -1) END) >= 0),
  sum(i.resolved_at >= ?1 AND i.resolved_at < ?2 AND (CASE WHEN i.made_sla >= 0 THEN i.made_sla ELSE coalesce(o.resolution, -1) END) = 1),
  sum(i.resolved_at >= ?1 AND i.resolved_at < ?2 AND i.csat > 0),
  sum(CASE WHEN i.resolved_at >= ?1 AND i.resolved_at < ?2 THEN i.csat ELSE 0 END),
  sum(i.opened_at < ?3 AND (i.state IN ('new', 'in_progress', 'on_hold') OR (CASE WHEN i.resolved_at > 0 THEN i.resolved_at ELSE i.closed_at END) >= ?3)),
  sum(CASE WHEN i.impact = 1 THEN max(0, min(?3, CASE WHEN i.resolved_at > 0 THEN i.resolved_at WHEN i.state NOT IN ('new', 'in_progress', 'on_hold') AND i.closed_at > 0 THEN i.closed_at ELSE ?3 END) - max(?1, CASE WHEN i.started_at > 0 THEN i.started_at ELSE i.opened_at END)) ELSE 0 END),
  sum(i.opened_at >= ?4 AND i.opened_at < ?1),
  sum(CASE WHEN i.opened_at >= ?4 AND i.opened_at < ?1 AND i.acknowledged_at > 0 THEN i.acknowledged_at - i.opened_at ELSE 0 END),
  sum(i.resolved_at >= ?4 AND i.resolved_at < ?1),
  sum(CASE WHEN i.resolved_at >= ?4 AND i.resolved_at < ?1 THEN i.resolved_at - i.opened_at ELSE 0 END)
FROM incidents i LEFT JOIN sla_outcomes o ON o.incident_id = i.id
WHERE i.opened_at > 0
GROUP BY 1, 2, 3
)";

struct Baseline
{
    qint64 opened = 0, acknowledged = 0, acknowledgeSum = 0, resolved = 0, resolveSum = 0, backlog = 0;
    qint64 outageMs = 0;
    int rows = 0;
};

Baseline runBaseline(sqlite3 *db, const KpiQuery &q, qint64 now)
{
    Baseline b;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, baselineSql, -1, &s, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "baseline: %s\n", sqlite3_errmsg(db));
        return b;
    }
    sqlite3_bind_int64(s, 1, q.fromUtcMs);
    sqlite3_bind_int64(s, 2, q.toUtcMs);
    sqlite3_bind_int64(s, 3, std::min(q.toUtcMs, now));
    sqlite3_bind_int64(s, 4, q.fromUtcMs - q.lengthMs());
    while (sqlite3_step(s) == SQLITE_ROW) {
        ++b.rows;
        b.opened += sqlite3_column_int64(s, 3);
        b.acknowledged += sqlite3_column_int64(s, 5);
        b.acknowledgeSum += sqlite3_column_int64(s, 6);
        b.resolved += sqlite3_column_int64(s, 10);
        b.resolveSum += sqlite3_column_int64(s, 11);
        b.backlog += sqlite3_column_int64(s, 19);
        b.outageMs += sqlite3_column_int64(s, 20);
    }
    sqlite3_finalize(s);
    return b;
}

void line(const char *what, double ms) { std::printf("  %-58s %10.1f ms\n", what, ms); }

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("All dashboard KPIs over a large database."));
    parser.addHelpOption();
    nocturne::bench::DatabaseOptions databaseOptions(QStringLiteral("0.02"));
    databaseOptions.addTo(parser);
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs per measurement (default 7)."),
                                        QStringLiteral("n"), QStringLiteral("7"));
    parser.addOption(runsOption);
    const QCommandLineOption loadOnly(QStringLiteral("load-only"), QStringLiteral("Only load the facts (for profiling)."));
    parser.addOption(loadOnly);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir scratch;
    const QString path = databaseOptions.resolve(parser, scratch);
    if (path.isEmpty())
        return 1;
    if (!nocturne::bench::ensureSlaConfiguration(path))
        return 1;
    Database database;
    if (const DatabaseError error = database.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    KpiRepository repository(database.connection());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::printf("kpi_bench on %s\n", qPrintable(path));

    // (1) One-time: the SLA outcome of every incident whose cached row is missing or stale.
    int refreshed = 0;
    int lastTenth = -1;
    const double refreshMs = timeMs([&] {
        const auto n = repository.refreshOutcomes(now, [&](int done, int total) {
            const int tenth = total > 0 ? 10 * done / total : 10;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                std::fprintf(stderr, "  refresh: %d of %d\n", done, total);
            }
        });
        refreshed = n.value_or(-1);
    });
    if (refreshed < 0) {
        std::fprintf(stderr, "refresh failed: %s\n", qPrintable(repository.lastError().message));
        return 1;
    }
    const double checkMs = timeMs([&] { repository.refreshOutcomes(now); }); // nothing stale: the check alone

    // (2) Facts.
    std::shared_ptr<KpiFacts> facts;
    QList<double> loads;
    for (int i = 0; i < std::min(runs, 3); ++i)
        loads << timeMs([&] { facts = repository.loadFacts(); });
    if (!facts) {
        std::fprintf(stderr, "load failed: %s\n", qPrintable(repository.lastError().message));
        return 1;
    }
    if (parser.isSet(loadOnly)) {
        std::printf("facts load (median of %d): %.1f ms\n", int(loads.size()), medianMs(loads));
        return 0;
    }
    qint64 firstOpened = now;
    for (const KpiFact &f : facts->facts)
        firstOpened = std::min(firstOpened, f.openedAt);

    // (3) Every dashboard KPI (tiles with the previous period, weeks, daily backlog,
    // compliance by priority, availability per service and CI, both Pareto tables).
    KpiQuery month;
    month.toUtcMs = now;
    month.fromUtcMs = now - 30 * Day;
    month.timeZone = "Europe/Berlin";
    KpiQuery history = month;
    history.fromUtcMs = firstOpened;
    const KpiTargets targets;
    KpiReport monthReport, historyReport;
    QList<double> monthTimes, historyTimes;
    for (int i = 0; i < runs; ++i) {
        monthTimes << timeMs([&] { monthReport = computeKpis(*facts, month, targets, now); });
        historyTimes << timeMs([&] { historyReport = computeKpis(*facts, history, targets, now); });
    }

    // (4) The same aggregates in one SQL query, same connection, same run.
    const QVariant handle = database.connection().driver()->handle();
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.data());
    Baseline monthSql, historySql;
    QList<double> monthSqlTimes, historySqlTimes;
    for (int i = 0; i < std::min(runs, 3); ++i) {
        monthSqlTimes << timeMs([&] { monthSql = runBaseline(db, month, now); });
        historySqlTimes << timeMs([&] { historySql = runBaseline(db, history, now); });
    }

    std::printf("\n%d incidents (%zu bytes per fact), %d services, %d CIs, %d categories\n", facts->size(),
                sizeof(KpiFact), int(facts->services.size()), int(facts->configurationItems.size()),
                int(facts->categories.size()));
    std::printf("\nOne-time cost\n");
    line(qPrintable(QStringLiteral("SLA outcome refresh (%1 rows written)").arg(refreshed)), refreshMs);
    line("SLA outcome check when nothing is stale", checkMs);
    std::printf("\nPer load (the worker keeps facts loaded between requests)\n");
    line("facts load (median)", medianMs(loads));
    std::printf("\nAll dashboard KPIs from loaded facts (median of %d)\n", runs);
    line(qPrintable(QStringLiteral("computeKpis, 30 days (%1 opened, %2 weeks)")
                        .arg(monthReport.current.opened).arg(monthReport.weeks.size())),
         medianMs(monthTimes));
    line(qPrintable(QStringLiteral("computeKpis, whole history (%1 opened, %2 weeks, %3 days)")
                        .arg(historyReport.current.opened).arg(historyReport.weeks.size()).arg(historyReport.backlog.size())),
         medianMs(historyTimes));
    std::printf("\nBaseline: the aggregates as one SQL query (median of %d)\n", std::min(runs, 3));
    line(qPrintable(QStringLiteral("SQL, 30 days (%1 opened, %2 groups)").arg(monthSql.opened).arg(monthSql.rows)),
         medianMs(monthSqlTimes));
    line(qPrintable(QStringLiteral("SQL, whole history (%1 opened, %2 groups)").arg(historySql.opened).arg(historySql.rows)),
         medianMs(historySqlTimes));
    std::printf("\nCross-check (computeKpis vs SQL): opened %d/%lld, resolved %d/%lld, backlog %d/%lld (30 days)\n",
                monthReport.current.opened, monthSql.opened, monthReport.current.resolved, monthSql.resolved,
                monthReport.current.backlogAtEnd, monthSql.backlog);
    std::printf("\nRatio SQL / computeKpis: 30 days %.1fx, whole history %.1fx\n",
                medianMs(monthSqlTimes) / std::max(0.001, medianMs(monthTimes)),
                medianMs(historySqlTimes) / std::max(0.001, medianMs(historyTimes)));
    std::printf("Ratio SQL / (facts load + computeKpis), whole history: %.2fx\n",
                medianMs(historySqlTimes) / std::max(0.001, medianMs(loads) + medianMs(historyTimes)));
    std::printf("Target: all dashboard KPIs over 1M incidents < 500 ms (computeKpis, whole history: %s)\n",
                medianMs(historyTimes) < 500 ? "met" : "missed");
    return 0;
}
