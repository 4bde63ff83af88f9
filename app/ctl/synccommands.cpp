// Sync from the command line: the global --server options, the cycle after a write, and
// `sync` with its status, conflicts, dismiss and retry subcommands. The only place in
// nocturnectl with an event loop (the network is asynchronous).
#include "commands.h"
#include "ctlcontext.h"

#include <core/domain/labels.h>
#include <core/storage/syncrepository.h>
#include <core/sync/syncengine.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nocturne::ctl {

namespace {

QString tr(const char *text, int n = -1) { return QCoreApplication::translate("nocturnectl", text, nullptr, n); }

// Commands that may append events; the others never need a sync afterwards.
bool writesEvents(const QString &command)
{
    static const QStringList commands = { QStringLiteral("create"),  QStringLiteral("ack"),    QStringLiteral("assign"),
                                          QStringLiteral("hold"),    QStringLiteral("resume"), QStringLiteral("resolve"),
                                          QStringLiteral("close"),   QStringLiteral("reopen"), QStringLiteral("cancel"),
                                          QStringLiteral("comment"), QStringLiteral("import"), QStringLiteral("demo"),
                                          QStringLiteral("sla") };
    return commands.contains(command);
}

QString serverText(const core::SyncSettings &settings)
{
    return settings.serverUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

// One full cycle (push until the outbox is empty, pull until caught up) on an engine of
// its own connection to the file.
core::SyncCycleReport runCycle(CtlContext &ctx, core::SyncStatus *status)
{
    core::SyncCycleReport report;
    core::SyncEngine engine(ctx.clock());
    if (auto error = engine.open(ctx.databasePath(), ctx.syncSettings())) {
        report.error = error.message;
        return report;
    }
    QEventLoop loop;
    QObject::connect(&engine, &core::SyncEngine::cycleFinished, &loop, [&](const core::SyncCycleReport &r) {
        report = r;
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    *status = engine.status();
    return report;
}

QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

int syncCycle(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the counts as JSON."));
    parser.addOption(json);
    if (const int code =
            ctx.parse(parser, QStringLiteral("sync"), arguments,
                      tr("Push this replica's waiting events to the server (--server or NOCTURNE_SERVER, token from "
                         "NOCTURNE_TOKEN or --token-file) and pull everything new, until both sides are caught up.\n"
                         "Subcommands: \"sync status\", \"sync conflicts\", \"sync dismiss EVENT_ID\", \"sync retry "
                         "EVENT_ID\"."));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("unknown sync subcommand \"%1\" (status, conflicts, dismiss, retry)")
                             .arg(parser.positionalArguments().first()));
    if (!ctx.syncSettings().isConfigured())
        return ctx.usage(tr("sync needs a server: --server URL or NOCTURNE_SERVER"));
    if (ctx.syncSettings().token.isEmpty())
        return ctx.usage(tr("sync needs a token: set NOCTURNE_TOKEN or give --token-file FILE"));
    // A fresh replica may start from nothing: the file is created and filled by the pull.
    if (!ctx.openDatabase(CtlContext::Access::Create))
        return Usage;

    core::SyncStatus status;
    const core::SyncCycleReport report = runCycle(ctx, &status);
    const QString server = serverText(ctx.syncSettings());
    if (parser.isSet(json)) {
        QJsonObject o { { QStringLiteral("server"), server },
                        { QStringLiteral("ok"), report.ok },
                        { QStringLiteral("pushed"), report.pushed },
                        { QStringLiteral("duplicates"), report.duplicates },
                        { QStringLiteral("refused"), report.refused },
                        { QStringLiteral("pulled"), report.pulled },
                        { QStringLiteral("revision"), report.headRevision },
                        { QStringLiteral("pulled_revision"), status.pulledRevision },
                        { QStringLiteral("pending"), status.pending },
                        { QStringLiteral("conflicts"), status.conflicts } };
        if (!report.ok)
            o.insert(QStringLiteral("error"), report.error);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (report.ok) {
        ctx.out() << tr("Synced with %1").arg(server) << '\n'
                  << tr("  pushed      %1").arg(report.pushed) << '\n'
                  << tr("  duplicates  %1").arg(report.duplicates) << '\n'
                  << tr("  refused     %1").arg(report.refused) << '\n'
                  << tr("  pulled      %1").arg(report.pulled) << '\n'
                  << tr("  revision    %1").arg(report.headRevision) << Qt::endl;
    }
    ctx.out().flush();
    if (!report.ok) {
        ctx.err() << tr("error: sync with %1 failed: %2").arg(server, report.error) << '\n'
                  << tr("%n event(s) waiting for the server", status.pending) << Qt::endl;
        return Refused;
    }
    if (report.refused > 0)
        ctx.err() << tr("%n event(s) refused by the server: see \"nocturnectl sync conflicts\"", report.refused)
                  << Qt::endl;
    return Ok;
}

int syncStatus(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the status as JSON."));
    parser.addOption(json);
    if (const int code = ctx.parse(parser, QStringLiteral("sync status"), arguments,
                                   tr("What this replica has not pushed yet, how far it has pulled, and its conflicts."));
        code >= 0)
        return code;
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    core::SyncRepository repository(ctx.database().connection(), ctx.databasePath());
    const auto pending = repository.pendingCount();
    const auto pulled = repository.pulledRevision();
    const auto conflicts = repository.conflictCount();
    const auto server = repository.server();
    if (!pending || !pulled || !conflicts || !server)
        return ctx.fail(repository.lastError());
    if (parser.isSet(json)) {
        ctx.out() << QJsonDocument(QJsonObject { { QStringLiteral("server"), *server },
                                                 { QStringLiteral("pending"), *pending },
                                                 { QStringLiteral("pulled_revision"), *pulled },
                                                 { QStringLiteral("conflicts"), *conflicts } })
                         .toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out() << tr("server           %1").arg(server->isEmpty() ? tr("none (never synced)") : *server) << '\n'
              << tr("pending          %1").arg(*pending) << '\n'
              << tr("pulled revision  %1").arg(*pulled) << '\n'
              << tr("conflicts        %1").arg(*conflicts) << Qt::endl;
    return Ok;
}

QJsonObject conflictToJson(const core::SyncConflict &c)
{
    return { { QStringLiteral("source"), c.source == core::SyncConflict::Source::Refused ? QStringLiteral("refused")
                                                                                          : QStringLiteral("flagged") },
             { QStringLiteral("event_id"), c.eventId },
             { QStringLiteral("incident_id"), c.incidentId },
             { QStringLiteral("incident"), c.incidentNumber },
             { QStringLiteral("kind"), c.kind },
             { QStringLiteral("actor"), c.actor },
             { QStringLiteral("occurred_at"), isoTime(c.occurredAtMs) },
             { QStringLiteral("http_status"), c.httpStatus },
             { QStringLiteral("code"), c.code },
             { QStringLiteral("reason"), c.reason },
             { QStringLiteral("recorded_at"), isoTime(c.recordedAtMs) } };
}

int syncConflicts(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print an array of conflict objects."));
    parser.addOption(json);
    if (const int code = ctx.parse(parser, QStringLiteral("sync conflicts"), arguments,
                                   tr("Events the server refused, and local events a merge made invalid, with the "
                                      "reason. \"sync retry\" offers a refused one again; \"sync dismiss\" takes it "
                                      "off the list (it stays in the history)."));
        code >= 0)
        return code;
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    core::SyncRepository repository(ctx.database().connection(), ctx.databasePath());
    const auto conflicts = repository.conflicts();
    if (!conflicts)
        return ctx.fail(repository.lastError());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const core::SyncConflict &c : *conflicts)
            array.append(conflictToJson(c));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const core::SyncConflict &c : *conflicts) {
        const QString source = c.source == core::SyncConflict::Source::Refused ? tr("refused (%1 %2)").arg(c.httpStatus).arg(c.code)
                                                                                : tr("flagged");
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5").arg(c.eventId, c.incidentNumber, c.kind, c.actor, source) << '\n'
                  << QStringLiteral("    ") << c.reason << '\n';
    }
    ctx.out() << tr("%n conflict(s)", int(conflicts->size())) << Qt::endl;
    return Ok;
}

int syncDismissOrRetry(CtlContext &ctx, const QStringList &arguments, bool retry)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("EVENT_ID"), tr("The event, as \"sync conflicts\" lists it."));
    const QString command = retry ? QStringLiteral("sync retry") : QStringLiteral("sync dismiss");
    if (const int code =
            ctx.parse(parser, command, arguments,
                      retry ? tr("Offer a refused event to the server again (after its role changed, say).")
                            : tr("Take a conflict off the list; the event stays in the history.")); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(tr("%1 needs one event id").arg(command));
    if (!ctx.openDatabase())
        return Usage;
    const QString eventId = parser.positionalArguments().first();
    core::SyncRepository repository(ctx.database().connection(), ctx.databasePath());
    bool found = false;
    const core::DatabaseError error =
        retry ? repository.retry(eventId, &found) : repository.dismiss(eventId, ctx.clock().nowMs(), &found);
    if (error)
        return ctx.fail(error);
    if (!found) {
        ctx.err() << tr("error: no conflict for event %1").arg(eventId) << Qt::endl;
        return Refused;
    }
    ctx.out() << (retry ? tr("%1 is waiting for the server again").arg(eventId) : tr("%1 dismissed").arg(eventId))
              << Qt::endl;
    return retry ? syncAfterWrite(ctx, QStringLiteral("sync retry"), Ok) : Ok;
}

} // namespace

bool syncSettingsFrom(const QString &server, const QString &tokenFile, const QString &caCertificate, const QString &actor,
                      core::SyncSettings *settings, QString *error)
{
    *settings = {};
    if (server.isEmpty())
        return true;
    const QUrl url(server, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1StringView("http") && url.scheme() != QLatin1StringView("https"))) {
        *error = tr("the server must be an http:// or https:// URL, not \"%1\"").arg(server);
        return false;
    }
    settings->serverUrl = url;
    settings->user = actor;
    settings->caCertificatePath = caCertificate;
    settings->token = qEnvironmentVariable("NOCTURNE_TOKEN").trimmed();
    if (!tokenFile.isEmpty()) {
        QFile file(tokenFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the token file %1: %2").arg(tokenFile, file.errorString());
            return false;
        }
        settings->token = QString::fromUtf8(file.readAll()).trimmed();
    }
    return true;
}

int syncAfterWrite(CtlContext &ctx, const QString &command, int exitCode)
{
    const bool retried = command == QLatin1StringView("sync retry");
    if (!ctx.syncSettings().isConfigured() || !ctx.opensForWriting() || !(writesEvents(command) || retried))
        return exitCode;
    if (ctx.syncSettings().token.isEmpty()) {
        core::SyncRepository repository(ctx.database().connection(), ctx.databasePath());
        ctx.err() << tr("saved locally; %n event(s) waiting for the server (no token: set NOCTURNE_TOKEN or give "
                        "--token-file)",
                        int(repository.pendingCount().value_or(0)))
                  << Qt::endl;
        return exitCode;
    }
    core::SyncStatus status;
    const core::SyncCycleReport report = runCycle(ctx, &status);
    if (!report.ok)
        ctx.err() << tr("saved locally; %n event(s) waiting for the server", status.pending) << " ("
                  << report.error << ')' << Qt::endl;
    else if (report.refused > 0)
        ctx.err() << tr("%n event(s) refused by the server: see \"nocturnectl sync conflicts\"", report.refused)
                  << Qt::endl;
    return exitCode;
}

int runSync(CtlContext &ctx, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1StringView("status"))
        return syncStatus(ctx, arguments.mid(1));
    if (sub == QLatin1StringView("conflicts"))
        return syncConflicts(ctx, arguments.mid(1));
    if (sub == QLatin1StringView("dismiss"))
        return syncDismissOrRetry(ctx, arguments.mid(1), false);
    if (sub == QLatin1StringView("retry"))
        return syncDismissOrRetry(ctx, arguments.mid(1), true);
    return syncCycle(ctx, arguments);
}

} // namespace nocturne::ctl
