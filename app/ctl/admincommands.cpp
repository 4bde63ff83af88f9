// Database administration: init, demo data and audit verification.
#include "commands.h"
#include "ctlcontext.h"
#include "slasupport.h"

#include <core/audit/auditverifier.h>
#include <core/demo/demogenerator.h>
#include <core/storage/incidentrepository.h>
#include <core/storage/referencerepository.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace nocturne::ctl {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

qint64 incidentCount(CtlContext &ctx)
{
    core::IncidentRepository repository(ctx.database().connection(), ctx.databasePath());
    return repository.count({});
}
} // namespace

int runInit(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (const int code = ctx.parse(parser, QStringLiteral("init"), arguments,
                                   tr("Create a new, empty Nocturne database (or upgrade an existing one).")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("init takes no arguments; the database is chosen with --db"));
    const bool existed = QFileInfo::exists(ctx.databasePath());
    if (!ctx.openDatabase(CtlContext::Access::Create))
        return Usage;
    ctx.out() << (existed ? tr("%1 is ready (schema version %2).") : tr("Created %1 (schema version %2)."))
                     .arg(ctx.databasePath())
                     .arg(ctx.database().schemaVersion())
              << Qt::endl;
    if (!sla::storeDefaultsIfNone(ctx, true))
        return Usage;
    return Ok;
}

int runDemo(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption incidents(QStringLiteral("incidents"), tr("How many incidents (default 3000)."), tr("N"), QStringLiteral("3000"));
    const QCommandLineOption days(QStringLiteral("days"), tr("Over how many days up to now (default 60)."), tr("D"), QStringLiteral("60"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed; the same seed gives the same history (default 42)."), tr("S"), QStringLiteral("42"));
    const QCommandLineOption stalled(QStringLiteral("stalled-share"), tr("Share of incidents left open as a backlog, 0-1 (default 0)."), tr("F"), QStringLiteral("0"));
    const QCommandLineOption ifEmpty(QStringLiteral("if-empty"), tr("Do nothing (and succeed) when the database already holds incidents."));
    const QCommandLineOption append(QStringLiteral("append"), tr("Add to a database that already holds incidents."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the summary as JSON."));
    parser.addOptions({ incidents, days, seed, stalled, ifEmpty, append, json });
    if (const int code = ctx.parse(parser, QStringLiteral("demo"), arguments,
                                   tr("Fill the database with a realistic, reproducible incident history (created if missing).")); code >= 0)
        return code;

    core::demo::DemoOptions options;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    options.incidents = parser.value(incidents).toInt(&ok1);
    options.days = parser.value(days).toInt(&ok2);
    options.seed = parser.value(seed).toULongLong(&ok3);
    options.stalledShare = parser.value(stalled).toDouble(&ok4);
    // Bounds keep the generator's memory and the HLC's time range sane.
    if (!ok1 || options.incidents < 1 || options.incidents > 10'000'000)
        return ctx.usage(tr("--incidents must be between 1 and 10000000 (got \"%1\")").arg(parser.value(incidents)));
    if (!ok2 || options.days < 1 || options.days > 3650)
        return ctx.usage(tr("--days must be between 1 and 3650 (got \"%1\")").arg(parser.value(days)));
    if (!ok3)
        return ctx.usage(tr("--seed must be a non-negative integer (got \"%1\")").arg(parser.value(seed)));
    if (!ok4 || options.stalledShare < 0 || options.stalledShare > 1)
        return ctx.usage(tr("--stalled-share must be between 0 and 1 (got \"%1\")").arg(parser.value(stalled)));
    if (!ctx.openDatabase(CtlContext::Access::Create))
        return Usage;

    if (const qint64 existing = incidentCount(ctx); existing > 0 && !parser.isSet(append)) {
        if (parser.isSet(ifEmpty)) {
            ctx.out() << tr("%1 already holds %2 incidents; no demo data added.").arg(ctx.databasePath()).arg(existing) << Qt::endl;
            // A database made before SLAs existed still gets the default set, once.
            return sla::storeDefaultsIfNone(ctx, !parser.isSet(json)) ? Ok : Usage;
        }
        ctx.err() << tr("error: %1 already holds %2 incidents; use --append to add more or --if-empty to skip.")
                         .arg(ctx.databasePath())
                         .arg(existing)
                  << Qt::endl;
        return Refused;
    }

    core::ReferenceRepository reference(ctx.database().connection(), ctx.databasePath());
    core::demo::DemoGenerator generator(ctx.store(), reference, ctx.clock());
    int lastPercent = -1;
    const core::demo::DemoResult result = generator.generate(options, [&](qint64 done, qint64 total) {
        const int percent = int(done * 100 / std::max<qint64>(1, total));
        if (percent / 10 != lastPercent / 10 && total >= 20000) {
            ctx.err() << tr("generating: %1%").arg(percent) << Qt::endl;
            lastPercent = percent;
        }
    });
    if (result.error)
        return ctx.fail(result.error);
    // Demo data ships with a sensible SLA set, so the clocks have something to count.
    if (!sla::storeDefaultsIfNone(ctx, !parser.isSet(json)))
        return Usage;
    const double seconds = double(result.elapsedMs) / 1000.0;
    if (parser.isSet(json)) {
        ctx.out() << QJsonDocument(QJsonObject { { QStringLiteral("incidents"), result.incidents },
                                                 { QStringLiteral("events"), result.events },
                                                 { QStringLiteral("seconds"), seconds } })
                         .toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << tr("Generated %1 incidents (%2 events) in %3 s.")
                         .arg(result.incidents)
                         .arg(result.events)
                         .arg(seconds, 0, 'f', 1)
                  << Qt::endl;
    }
    return Ok;
}

int runAudit(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the report as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("verify"), tr("Recompute every event hash and the hash chain."));
    if (const int code = ctx.parse(parser, QStringLiteral("audit"), arguments,
                                   tr("Verify the tamper-evident audit trail.")); code >= 0)
        return code;
    if (parser.positionalArguments() != QStringList { QStringLiteral("verify") })
        return ctx.usage(tr("the audit command is \"audit verify\""));
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;

    core::AuditVerifier verifier(ctx.database().connection(), ctx.databasePath());
    const core::AuditReport report = verifier.verify();
    if (report.error)
        return ctx.fail(report.error);
    if (parser.isSet(json)) {
        QJsonObject o { { QStringLiteral("intact"), report.intact() },
                        { QStringLiteral("events_checked"), report.eventsChecked },
                        { QStringLiteral("broken_links"), report.brokenLinks } };
        if (!report.intact()) {
            o.insert(QStringLiteral("first_broken"),
                     QJsonObject { { QStringLiteral("seq"), report.firstBrokenSeq },
                                   { QStringLiteral("event_id"), report.firstBrokenEventId },
                                   { QStringLiteral("incident_id"), report.firstBrokenIncidentId },
                                   { QStringLiteral("incident_number"), report.firstBrokenIncidentNumber },
                                   { QStringLiteral("reason"), report.firstBrokenReason } });
        }
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (report.intact()) {
        ctx.out() << tr("Audit trail intact: %1 events, every hash and chain link verified.").arg(report.eventsChecked) << Qt::endl;
    } else {
        ctx.out() << tr("AUDIT FAILED: %1 broken link(s) in %2 events.").arg(report.brokenLinks).arg(report.eventsChecked) << Qt::endl;
        if (report.firstBrokenSeq > 0)
            ctx.out() << tr("First broken link: event %1 (position %2) of incident %3 (%4): %5")
                             .arg(report.firstBrokenEventId)
                             .arg(report.firstBrokenSeq)
                             .arg(report.firstBrokenIncidentNumber.isEmpty() ? tr("unknown") : report.firstBrokenIncidentNumber,
                                  report.firstBrokenIncidentId, report.firstBrokenReason)
                      << Qt::endl;
        else
            ctx.out() << tr("First broken link: %1").arg(report.firstBrokenReason) << Qt::endl;
    }
    return report.intact() ? Ok : Refused;
}

} // namespace nocturne::ctl
