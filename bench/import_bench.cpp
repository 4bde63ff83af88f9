// import_bench: a 100k-row ServiceNow-shaped export (25k incidents × 4 updates, the
// columns of the enriched event log, day-first dates, `?` nulls, quoted commas) written
// to a temporary folder, then parsed alone and imported into a fresh database, three
// runs each; prints medians and rows per second. Issue 4 asks for "100k rows in
// seconds": the figure is printed, not asserted.
#include "benchtiming.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <random>

#include <core/domain/clock.h>
#include <core/import/importwriter.h>
#include <core/storage/database.h>
#include <core/storage/eventstore.h>

using namespace nocturne::core;

using nocturne::bench::medianMs;
using nocturne::bench::timeMs;

namespace {

const char *const Header = "number,incident_state,active,reassignment_count,reopen_count,sys_mod_"
                           "count,made_sla,caller_id,opened_by,"
                           "opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,"
                           "contact_type,location,category,"
                           "subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,"
                           "assigned_to,knowledge,"
                           "u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_"
                           "code,resolved_by,resolved_at,closed_at";

QString dayFirst(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("d/M/yyyy HH:mm"));
}

// Writes `incidents` × 4 rows: New, Active (assigned), Resolved, Closed.
void generate(const QString &path, int incidents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    QTextStream out(&file);
    out << Header << '\n';
    std::mt19937_64 rng(42);
    const qint64 start
        = QDateTime(QDate(2016, 2, 29), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const char *const states[] = { "New", "Active", "Resolved", "Closed" };
    const char *const levels[] = { "1 - High", "2 - Medium", "3 - Low" };
    const char *const priorities[] = { "1 - Critical", "2 - High", "3 - Moderate", "4 - Low" };
    for (int i = 0; i < incidents; ++i) {
        const qint64 opened = start + qint64(i) * 60'000 * 20;
        const QString number = QStringLiteral("INC%1").arg(i + 1, 7, 10, QLatin1Char('0'));
        const int impact = int(rng() % 3), urgency = int(rng() % 3);
        const QString caller = QStringLiteral("Caller %1").arg(rng() % 5000);
        const QString group = QStringLiteral("Group %1").arg(rng() % 80);
        const QString resolver = QStringLiteral("Resolver %1").arg(rng() % 300);
        const qint64 times[] = { opened + 5 * 60'000, opened + 30 * 60'000, opened + 6 * 3'600'000,
            opened + 3 * 86'400'000 };
        for (int step = 0; step < 4; ++step) {
            out << number << ',' << states[step] << ',' << (step < 3 ? "true" : "false") << ",0,0,"
                << step << ',' << (rng() % 5 ? "true" : "false") << ',' << caller << ",Opened by 8,"
                << dayFirst(opened) << ",Created by 6," << dayFirst(opened) << ",Updated by "
                << (rng() % 900) << ',' << dayFirst(times[step]) << ",Phone,Location "
                << (rng() % 200) << ",Category " << (i % 60) << ",Subcategory " << (i % 250)
                << ",Symptom " << (i % 500) << ",? ," << levels[impact] << ',' << levels[urgency]
                << ',' << priorities[std::min(3, impact + urgency)] << ',' << group << ','
                << (step == 0 ? QStringLiteral("?") : resolver)
                << ",true,false,Do Not Notify,?,?,?,?," << (step >= 2 ? "code 7" : "?") << ','
                << (step >= 2 ? resolver : QStringLiteral("?")) << ','
                << (step >= 2 ? dayFirst(times[2]) : QStringLiteral("?")) << ','
                << (step == 3 ? dayFirst(times[3]) : QStringLiteral("?")) << '\n';
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption incidentsOption(QStringLiteral("incidents"),
        QStringLiteral("Incidents (4 rows each)."), QStringLiteral("N"), QStringLiteral("25000"));
    parser.addOption(incidentsOption);
    parser.addHelpOption();
    parser.process(app);
    const int incidents = parser.value(incidentsOption).toInt();
    const qint64 rows = qint64(incidents) * 4;

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("incidents.csv"));
    const double generateMs = timeMs([&] { generate(csv, incidents); });
    std::printf("import_bench: %lld rows (%d incidents), %.1f MB, generated in %.0f ms\n", rows,
        incidents, double(QFile(csv).size()) / 1e6, generateMs);

    QList<double> parse, import;
    qint64 events = 0;
    for (int run = 0; run < 3; ++run) {
        parse << timeMs([&] {
            QFile file(csv);
            file.open(QIODevice::ReadOnly);
            const ImportPlan plan = parseExport(QStringLiteral("servicenow"), &file, {});
            if (plan.incidents.size() != incidents || !plan.skipped.isEmpty())
                qFatal("parse: %lld incidents, %lld skipped", qint64(plan.incidents.size()),
                    qint64(plan.skipped.size()));
        });
        const QString dbPath = dir.filePath(QStringLiteral("run%1.db").arg(run));
        Database database;
        if (const DatabaseError error
            = database.open(dbPath, { DatabaseOptions::Mode::CreateIfMissing });
            error)
            qFatal("%s", qPrintable(error.message));
        SystemClock clock;
        EventStore store(database, clock);
        if (const DatabaseError error = store.initialise(); error)
            qFatal("%s", qPrintable(error.message));
        ImportResult result;
        import << timeMs([&] { result = importFile(QStringLiteral("servicenow"), csv, {}, database, store);
    });
    if (!result.ok() || result.incidentsCreated != incidents)
        qFatal("import: %s %s (%d created)", qPrintable(result.fatal), qPrintable(result.error),
            result.incidentsCreated);
    events = result.eventsAppended;
}
const double parseMs = medianMs(parse);
const double importMs = medianMs(import);
std::printf(
    "parse only        : median %8.0f ms  (%.0f rows/s)\n", parseMs, double(rows) / parseMs * 1000);
std::printf(
    "parse + import    : median %8.0f ms  (%.0f rows/s, %lld events, fresh database each run)\n",
    importMs, double(rows) / importMs * 1000, events);
std::printf("target: 100k rows in seconds\n");
return 0;
}
