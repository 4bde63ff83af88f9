// `sla policy import|export|history` and `sla calendar import-ics`: the versioned SLA
// configuration as files. A refused file changes nothing: it is read and validated
// completely before the database is opened for writing.
#include "commands.h"
#include "ctlcontext.h"
#include "slacommands.h"
#include "slasupport.h"

#include <core/engine/icscalendar.h>
#include <core/storage/slarepository.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

QJsonObject saveResultToJson(const core::ConfigurationSaveResult &r, qint64 revision, bool dryRun)
{
    return { { QStringLiteral("added"), r.added },         { QStringLiteral("changed"), r.changed },
             { QStringLiteral("unchanged"), r.unchanged }, { QStringLiteral("removed"), r.removed },
             { QStringLiteral("reordered"), r.reordered }, { QStringLiteral("revision"), revision },
             { QStringLiteral("dry_run"), dryRun } };
}

void printSaveResult(CtlContext &ctx, const core::ConfigurationSaveResult &r, bool dryRun)
{
    ctx.out() << (dryRun ? tr("Would store: %1 added, %2 changed, %3 unchanged, %4 removed.")
                         : tr("Stored: %1 added, %2 changed, %3 unchanged, %4 removed."))
                     .arg(r.added)
                     .arg(r.changed)
                     .arg(r.unchanged)
                     .arg(r.removed);
    if (r.reordered)
        ctx.out() << ' ' << tr("%1 moved to a new place in the order.").arg(r.reordered);
    ctx.out() << Qt::endl;
}

// Refuses a configuration whose JSON form would not load again, so that nothing the
// engine cannot read is ever stored (an edited calendar, for instance).
bool validates(CtlContext &ctx, const core::SlaConfiguration &configuration, const QString &source)
{
    const QByteArray json = QJsonDocument(core::slaConfigurationToJson(configuration)).toJson(QJsonDocument::Compact);
    const core::ParsedConfiguration parsed = core::parseSlaConfiguration(json, source);
    if (!parsed.error.isError())
        return true;
    ctx.err() << tr("error: %1").arg(parsed.error.toString()) << Qt::endl;
    return false;
}

} // namespace

int runSlaPolicyImport(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Check the file and report what would change; store nothing."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({ dryRun, json });
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("A JSON SLA configuration (docs/sla.md)."));
    if (const int code = ctx.parse(parser, QStringLiteral("sla policy import"), arguments,
                                   tr("Import calendars, SLA policies, escalations and on-call schedules. Items that "
                                      "changed get a new version; items missing from the file become inactive.")); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(tr("sla policy import needs exactly one FILE"));
    const QString path = parser.positionalArguments().first();
    QByteArray bytes;
    if (!sla::readFile(ctx, path, &bytes))
        return Usage;
    const core::ParsedConfiguration parsed = core::parseSlaConfiguration(bytes, path);
    if (parsed.error.isError()) {
        ctx.err() << tr("error: %1").arg(parsed.error.toString()) << Qt::endl;
        return Refused;
    }
    if (!ctx.openDatabase(parser.isSet(dryRun) ? CtlContext::Access::ReadOnly : CtlContext::Access::ReadWrite))
        return Usage;
    core::SlaRepository repository(ctx.database().connection());
    const core::ConfigurationSaveResult result =
        parser.isSet(dryRun) ? repository.previewSave(parsed.configuration)
                             : repository.saveConfiguration(parsed.configuration, ctx.actor(), ctx.clock().nowMs());
    if (result.error)
        return ctx.fail(result.error);
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(saveResultToJson(result, repository.configurationRevision(), parser.isSet(dryRun)))
                         .toJson(QJsonDocument::Indented);
    else
        printSaveResult(ctx, result, parser.isSet(dryRun));
    return Ok;
}

int runSlaPolicyExport(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), tr("Write to FILE instead of standard output."), tr("FILE"));
    parser.addOption(out);
    if (const int code = ctx.parse(parser, QStringLiteral("sla policy export"), arguments,
                                   tr("Print the current SLA configuration as JSON (the import format).")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("sla policy export takes no arguments; use --out FILE"));
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    const auto configuration = sla::loadConfiguration(ctx);
    if (!configuration)
        return Usage;
    const QByteArray json = QJsonDocument(core::slaConfigurationToJson(*configuration)).toJson(QJsonDocument::Indented);
    if (!parser.isSet(out)) {
        ctx.out() << QString::fromUtf8(json);
        return Ok;
    }
    // QSaveFile: a failed export never leaves a half-written file behind.
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        ctx.err() << tr("error: cannot write %1: %2").arg(file.fileName(), file.errorString()) << Qt::endl;
        return Usage;
    }
    ctx.err() << tr("SLA configuration written to %1").arg(file.fileName()) << Qt::endl;
    return Ok;
}

int runSlaPolicyHistory(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption type(QStringLiteral("type"), tr("Only calendar, policy, escalation or schedule."), tr("TYPE"));
    const QCommandLineOption id(QStringLiteral("id"), tr("Only the item with this id."), tr("ID"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the versions as JSON, each with its document."));
    parser.addOptions({ type, id, json });
    if (const int code = ctx.parse(parser, QStringLiteral("sla policy history"), arguments,
                                   tr("List every stored version of the SLA configuration, oldest first.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("sla policy history takes no arguments; use --type and --id"));
    static const QStringList types { QStringLiteral("calendar"), QStringLiteral("policy"), QStringLiteral("escalation"),
                                     QStringLiteral("schedule") };
    if (parser.isSet(type) && !types.contains(parser.value(type)))
        return ctx.usage(tr("--type must be calendar, policy, escalation or schedule (got \"%1\")").arg(parser.value(type)));
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    core::SlaRepository repository(ctx.database().connection());
    const QList<core::ConfigurationVersion> history = repository.configurationHistory(parser.value(type), parser.value(id));
    if (repository.lastError())
        return ctx.fail(repository.lastError());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const core::ConfigurationVersion &v : history) {
            QJsonObject o { { QStringLiteral("type"), v.type },
                            { QStringLiteral("id"), v.id },
                            { QStringLiteral("version"), v.version },
                            { QStringLiteral("saved_by"), v.savedBy },
                            { QStringLiteral("active"), v.active },
                            { QStringLiteral("document"), QJsonDocument::fromJson(v.json).object() } };
            sla::insertTime(o, QStringLiteral("saved_at"), v.savedAt);
            array.append(o);
        }
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(tr("SAVED"), -16)
                     .arg(tr("TYPE"), -10)
                     .arg(tr("ID"), -24)
                     .arg(tr("VERSION"), 7)
                     .arg(tr("BY"), -12)
                     .arg(tr("CURRENT"))
              << '\n';
    for (const core::ConfigurationVersion &v : history)
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                         .arg(sla::localTime(v.savedAt), -16)
                         .arg(v.type, -10)
                         .arg(v.id, -24)
                         .arg(v.version, 7)
                         .arg(v.savedBy, -12)
                         .arg(v.active ? tr("yes") : QStringLiteral("-"))
                  << '\n';
    ctx.out() << QCoreApplication::translate("nocturnectl", "%n version(s)", nullptr, int(history.size())) << Qt::endl;
    return Ok;
}

int runSlaCalendarImportIcs(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replace(QStringLiteral("replace"), tr("Replace the calendar's holidays instead of adding to them."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({ replace, json });
    parser.addPositionalArgument(QStringLiteral("CALENDAR"), tr("The id of a stored calendar."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("An iCalendar (.ics) file of holidays."));
    if (const int code = ctx.parse(parser, QStringLiteral("sla calendar import-ics"), arguments,
                                   tr("Add the holidays of an ICS file to a calendar (a new version of it).")); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 2)
        return ctx.usage(tr("sla calendar import-ics needs a CALENDAR id and a FILE"));
    const QString calendarId = parser.positionalArguments().at(0);
    const QString path = parser.positionalArguments().at(1);
    QByteArray bytes;
    if (!sla::readFile(ctx, path, &bytes))
        return Usage;
    if (!ctx.openDatabase())
        return Usage;
    auto configuration = sla::loadConfiguration(ctx);
    if (!configuration)
        return Usage;
    core::CalendarDefinition *calendar = nullptr;
    for (core::CalendarDefinition &c : configuration->calendars) {
        if (c.id == calendarId)
            calendar = &c;
    }
    if (!calendar) {
        ctx.err() << tr("error: no calendar \"%1\" is stored (see \"nocturnectl sla policy export\")").arg(calendarId) << Qt::endl;
        return Refused;
    }
    if (calendar->twentyFourSeven) {
        ctx.err() << tr("error: %1 is a 24×7 calendar; it has no holidays").arg(calendarId) << Qt::endl;
        return Refused;
    }
    const core::IcsHolidays ics = core::parseIcsHolidays(bytes, calendar->timeZone, path);
    if (ics.error.isError()) {
        ctx.err() << tr("error: %1").arg(ics.error.toString()) << Qt::endl;
        return Refused;
    }
    int added = 0;
    if (parser.isSet(replace))
        calendar->holidays.clear();
    for (const core::Holiday &h : ics.holidays) {
        // Importing the same file twice adds nothing the second time.
        if (calendar->holidays.contains(h))
            continue;
        calendar->holidays << h;
        ++added;
    }
    if (!validates(ctx, *configuration, path))
        return Refused;
    core::SlaRepository repository(ctx.database().connection());
    const core::ConfigurationSaveResult result = repository.saveConfiguration(*configuration, ctx.actor(), ctx.clock().nowMs());
    if (result.error)
        return ctx.fail(result.error);
    int version = 0;
    for (const core::ConfigurationVersion &v : repository.configurationHistory(QStringLiteral("calendar"), calendarId))
        version = std::max(version, v.version);
    if (parser.isSet(json)) {
        ctx.out() << QJsonDocument(QJsonObject { { QStringLiteral("calendar"), calendarId },
                                                 { QStringLiteral("holidays_in_file"), int(ics.holidays.size()) },
                                                 { QStringLiteral("added"), added },
                                                 { QStringLiteral("holidays"), int(calendar->holidays.size()) },
                                                 { QStringLiteral("version"), version },
                                                 { QStringLiteral("changed"), result.anythingChanged() } })
                         .toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << tr("%1: %2 holiday(s) in %3, %4 added; the calendar has %5 holiday(s), version %6.")
                         .arg(calendarId)
                         .arg(ics.holidays.size())
                         .arg(path)
                         .arg(added)
                         .arg(calendar->holidays.size())
                         .arg(version)
                  << Qt::endl;
    }
    return Ok;
}

} // namespace nocturne::ctl
