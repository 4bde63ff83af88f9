// nocturnectl import: incident history from ServiceNow and Jira exports.
#include "commands.h"
#include "ctlcontext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <core/import/importwriter.h>
#include <core/import/jiraimporter.h>
#include <core/import/servicenowimporter.h>

namespace nocturne::ctl {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nocturnectl", text);
}

QJsonObject toJson(const core::ImportResult &r, const QString &source, const QString &file)
{
    QJsonArray skipped;
    for (const core::SkippedRow &row : r.skipped)
        skipped << QJsonObject { { QStringLiteral("row"), row.row },
            { QStringLiteral("line"), row.line }, { QStringLiteral("reason"), row.reason } };
    return QJsonObject { { QStringLiteral("source"), source }, { QStringLiteral("file"), file },
        { QStringLiteral("dry_run"), r.dryRun }, { QStringLiteral("cancelled"), r.cancelled },
        { QStringLiteral("rows_read"), r.rowsRead },
        { QStringLiteral("incidents_created"), r.incidentsCreated },
        { QStringLiteral("incidents_updated"), r.incidentsUpdated },
        { QStringLiteral("incidents_unchanged"), r.incidentsUnchanged },
        { QStringLiteral("events_appended"), r.eventsAppended },
        { QStringLiteral("seconds"), double(r.elapsedMs) / 1000.0 },
        { QStringLiteral("skipped"), skipped },
        { QStringLiteral("renumbered"), QJsonArray::fromStringList(r.renumbered) },
        { QStringLiteral("conflicts"), QJsonArray::fromStringList(r.conflicts) },
        { QStringLiteral("error"), r.error } };
}

} // namespace

int runImport(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dateFormat(QStringLiteral("date-format"),
        tr("A date format to try, in order (repeatable; replaces the source's defaults), e.g. "
           "\"d/M/yyyy HH:mm\" or ISO."),
        tr("F"));
    const QCommandLineOption zone(QStringLiteral("tz"),
        tr("The IANA time zone of dates without an offset (default UTC)."), tr("ZONE"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
        tr("Read and check the file, report what would be imported, write nothing."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({ dateFormat, zone, dryRun, json });
    parser.addPositionalArgument(QStringLiteral("source"), tr("servicenow or jira"));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV export to import."));
    if (const int code = ctx.parse(parser, QStringLiteral("import"), arguments,
            tr("Import incident history from a ServiceNow or Jira Service Management CSV export. "
               "Re-importing the same or a longer export never duplicates anything."));
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return ctx.usage(tr("import needs a source (servicenow or jira) and a file"));
    const QString source = positional.at(0).toLower();
    if (source != QLatin1StringView(core::ServiceNowImporter::Source)
        && source != QLatin1StringView(core::JiraImporter::Source))
        return ctx.usage(tr("unknown source \"%1\": use servicenow or jira").arg(positional.at(0)));
    core::ImportOptions options;
    options.dateFormats = parser.values(dateFormat);
    options.timeZone = parser.value(zone);
    options.dryRun = parser.isSet(dryRun);
    if (const QString error = core::importOptionsError(options); !error.isEmpty())
        return ctx.usage(error);
    if (!ctx.openDatabase(CtlContext::Access::ReadWrite))
        return Usage;

    const QString file = positional.at(1);
    int lastTenth = -1;
    const core::ImportResult r = core::importFile(source, file, options, ctx.database(),
        ctx.store(), [&](core::ImportPhase phase, qint64 done, qint64 total) {
            // Big files only: a line per tenth on stderr, so --json stays parseable.
            if (total < 5'000'000 && phase == core::ImportPhase::Reading)
                return;
            if (total < 20'000 && phase == core::ImportPhase::Writing)
                return;
            const int tenth = int((phase == core::ImportPhase::Writing ? 5 : 0)
                + done * 5 / std::max<qint64>(1, total));
            if (tenth != lastTenth) {
                lastTenth = tenth;
                ctx.err() << tr("importing: %1%").arg(tenth * 10) << Qt::endl;
            }
        });
    if (!r.fatal.isEmpty()) {
        ctx.err() << tr("error: %1").arg(r.fatal) << Qt::endl;
        return Refused;
    }
    if (parser.isSet(json)) {
        ctx.out() << QJsonDocument(toJson(r, source, file)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << (r.dryRun ? tr("Dry run of %1 (%2): %3 rows read; would create %4 incidents, "
                                    "update %5, leave %6 unchanged, "
                                    "append %7 events.")
                               : tr("Imported %1 (%2): %3 rows read; %4 incidents created, %5 "
                                    "updated, %6 unchanged; "
                                    "%7 events appended."))
                         .arg(file, source)
                         .arg(r.rowsRead)
                         .arg(r.incidentsCreated)
                         .arg(r.incidentsUpdated)
                         .arg(r.incidentsUnchanged)
                         .arg(r.eventsAppended)
                  << Qt::endl;
        if (!r.skipped.isEmpty()) {
            ctx.out() << QCoreApplication::translate(
                "nocturnectl", "Skipped %n row(s):", nullptr, int(r.skipped.size()))
                      << Qt::endl;
            for (const core::SkippedRow &row : r.skipped)
                ctx.out() << "  "
                          << tr("row %1 (line %2): %3").arg(row.row).arg(row.line).arg(row.reason)
                          << Qt::endl;
        }
        for (const QString &renumbered : r.renumbered)
            ctx.out() << tr("Number already in use, renumbered: %1").arg(renumbered) << Qt::endl;
        for (const QString &conflict : r.conflicts)
            ctx.out() << tr("Kept as imported before: %1").arg(conflict) << Qt::endl;
    }
    if (!r.error.isEmpty()) {
        // Earlier batches stay: whole incidents, and importing again resumes.
        ctx.err() << tr("error: %1 (incidents imported before this stay; importing again resumes)")
                         .arg(r.error)
                  << Qt::endl;
        return Refused;
    }
    return Ok;
}

} // namespace nocturne::ctl
