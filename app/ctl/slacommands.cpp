// `sla`: picks the subcommand, and the two that evaluate the live database: `sla show`
// (every clock of one incident) and `sla tick` (record the automatic actions now due).
#include "commands.h"
#include "ctlcontext.h"
#include "slacommands.h"
#include "slasupport.h"

#include <core/domain/eventsummary.h>
#include <core/domain/labels.h>
#include <core/domain/lifecycle.h>
#include <core/engine/slaengine.h>
#include <core/storage/slarepository.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

struct Subcommand
{
    const char *words; // one or two words after "sla"
    const char *summary;
    CommandFunction run;
};

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> all = {
        { "policy import", QT_TRANSLATE_NOOP("nocturnectl", "Import an SLA configuration (JSON) as new versions"), runSlaPolicyImport },
        { "policy export", QT_TRANSLATE_NOOP("nocturnectl", "Print the current SLA configuration as JSON"), runSlaPolicyExport },
        { "policy history", QT_TRANSLATE_NOOP("nocturnectl", "List every stored version"), runSlaPolicyHistory },
        { "calendar import-ics", QT_TRANSLATE_NOOP("nocturnectl", "Add holidays from an ICS file to a calendar"), runSlaCalendarImportIcs },
        { "show", QT_TRANSLATE_NOOP("nocturnectl", "Every SLA clock of an incident (--at, --json)"), runSlaShow },
        { "simulate", QT_TRANSLATE_NOOP("nocturnectl", "Replay history under another configuration"), runSlaSimulate },
        { "tick", QT_TRANSLATE_NOOP("nocturnectl", "Record the escalations and priority raises now due"), runSlaTick },
    };
    return all;
}

void printSlaHelp(QTextStream &out)
{
    out << tr("Usage: nocturnectl [--db PATH] sla SUBCOMMAND [options]") << "\n\n"
        << tr("SLA policies, calendars and clocks.") << "\n\n"
        << tr("Subcommands:") << '\n';
    for (const Subcommand &s : subcommands())
        out << QStringLiteral("  %1 %2").arg(QString::fromLatin1(s.words), -20).arg(tr(s.summary)) << '\n';
    out << '\n' << tr("\"nocturnectl sla SUBCOMMAND --help\" shows a subcommand's options.") << '\n';
    out.flush();
}

} // namespace

int runSla(CtlContext &ctx, const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        printSlaHelp(ctx.err());
        return Usage;
    }
    if (arguments.first() == QLatin1StringView("-h") || arguments.first() == QLatin1StringView("--help")) {
        printSlaHelp(ctx.out());
        return Ok;
    }
    for (const Subcommand &s : subcommands()) {
        const QStringList words = QString::fromLatin1(s.words).split(QLatin1Char(' '));
        if (arguments.mid(0, words.size()) == words)
            return s.run(ctx, arguments.mid(words.size()));
    }
    ctx.err() << tr("error: unknown sla subcommand \"%1\"").arg(arguments.mid(0, 2).join(QLatin1Char(' '))) << Qt::endl;
    printSlaHelp(ctx.err());
    return Usage;
}

int runSlaShow(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption at(QStringLiteral("at"), tr("Evaluate as of TIME (ISO 8601; local time unless an offset is given). Default: now."), tr("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the clocks as JSON (times in UTC, with *_ms fields)."));
    parser.addOptions({ at, json });
    parser.addPositionalArgument(QStringLiteral("NUMBER"), tr("Incident number, e.g. INC0001234."));
    if (const int code = ctx.parse(parser, QStringLiteral("sla show"), arguments,
                                   tr("Show every SLA clock of an incident: policy, target, calendar, elapsed business "
                                      "time, paused time, remaining, state and breach time.")); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(tr("sla show needs exactly one incident number"));
    qint64 when = ctx.clock().nowMs();
    if (parser.isSet(at) && !ctx.parseTime(parser.value(at), &when))
        return Usage;
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;

    core::SlaRepository repository(ctx.database().connection());
    const QString number = parser.positionalArguments().first();
    const auto subject = repository.subject(number);
    if (!subject) {
        if (repository.lastError())
            return ctx.fail(repository.lastError());
        ctx.err() << tr("error: No incident %1").arg(number) << Qt::endl;
        return Refused;
    }
    const auto configuration = sla::loadConfiguration(ctx);
    if (!configuration)
        return Usage;
    const QHash<QString, QString> zones = repository.siteZones();
    if (repository.lastError())
        return ctx.fail(repository.lastError());
    core::SlaEngine engine;
    engine.setConfiguration(*configuration, zones);
    const core::SlaPolicy *policy = nullptr;
    const QList<core::SlaClockStatus> clocks = engine.describe(*subject, when, &policy);
    const core::BusinessCalendar *calendar = policy ? engine.calendarFor(*policy, subject->site) : nullptr;

    if (parser.isSet(json)) {
        QJsonObject o { { QStringLiteral("incident"), subject->number },
                        { QStringLiteral("incident_id"), subject->incidentId },
                        { QStringLiteral("priority"), subject->priority },
                        { QStringLiteral("state"), core::toName(subject->state) },
                        { QStringLiteral("site"), subject->site } };
        sla::insertTime(o, QStringLiteral("evaluated_at"), when);
        if (policy) {
            o.insert(QStringLiteral("policy"), QJsonObject { { QStringLiteral("id"), policy->id },
                                                             { QStringLiteral("name"), policy->name },
                                                             { QStringLiteral("version"), policy->version } });
            if (calendar)
                o.insert(QStringLiteral("calendar"),
                         QJsonObject { { QStringLiteral("id"), calendar->definition().id },
                                       { QStringLiteral("name"), calendar->definition().name },
                                       { QStringLiteral("twenty_four_seven"), calendar->definition().twentyFourSeven },
                                       { QStringLiteral("time_zone"), QString::fromUtf8(calendar->zone().id()) } });
        } else {
            o.insert(QStringLiteral("policy"), QJsonValue::Null);
        }
        QJsonArray array;
        for (const core::SlaClockStatus &c : clocks)
            array.append(sla::clockToJson(c, *policy));
        o.insert(QStringLiteral("clocks"), array);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }

    QTextStream &out = ctx.out();
    out << tr("%1 (P%2, %3), evaluated at %4").arg(subject->number).arg(subject->priority).arg(core::stateLabel(subject->state), sla::localTime(when)) << '\n';
    if (!policy) {
        out << tr("No SLA policy applies.") << Qt::endl;
        return Ok;
    }
    out << tr("Policy:   %1 \"%2\" (version %3)").arg(policy->id, policy->name).arg(policy->version) << '\n';
    if (calendar)
        out << tr("Calendar: %1 in %2").arg(calendar->definition().id, QString::fromUtf8(calendar->zone().id())) << '\n';
    for (const core::SlaClockStatus &c : clocks) {
        out << '\n'
            << (c.kind == core::SlaKind::Response ? tr("Response") : tr("Resolution (cycle %1)").arg(c.cycle)) << ": "
            << core::toName(c.state) << '\n';
        auto line = [&out](const QString &label, const QString &value) {
            out << QStringLiteral("  %1 %2").arg(label + QLatin1Char(':'), -12).arg(value) << '\n';
        };
        line(tr("Target"), sla::formatDuration(c.targetMs));
        line(tr("Started"), sla::localTime(c.startedAt));
        line(tr("Elapsed"), sla::formatDuration(c.elapsedMs) + QStringLiteral(" (%1 %)").arg(c.percentUsed(), 0, 'f', 1));
        line(tr("Paused"), sla::formatDuration(c.pausedMs));
        line(tr("Remaining"), sla::formatDuration(c.remainingMs));
        if (c.deadlineAt)
            line(tr("Deadline"), sla::localTime(c.deadlineAt));
        if (c.breachedAt)
            line(tr("Breached"), sla::localTime(c.breachedAt));
        if (c.stoppedAt)
            line(tr("Stopped"), sla::localTime(c.stoppedAt));
        for (int i = 0; i < c.thresholdCount && i < policy->thresholds.size(); ++i) {
            const core::SlaThreshold &t = policy->thresholds.at(i);
            if (!(c.kind == core::SlaKind::Response ? t.onResponse : t.onResolution))
                continue;
            line(tr("At %1 %").arg(t.percent), QStringLiteral("%1 %2%3")
                                                   .arg(sla::localTime(c.thresholdAt[size_t(i)]), core::toName(t.action))
                                                   .arg(i <= c.reachedThreshold ? tr(" (reached)") : QString()));
        }
        for (const core::ClockSegment &s : c.segments)
            out << QStringLiteral("    %1 – %2  %3  %4")
                       .arg(sla::localTime(s.fromUtcMs), sla::localTime(s.toUtcMs), s.running ? tr("running") : tr("paused (%1)").arg(core::toName(s.reason)),
                            sla::formatDuration(s.businessMs))
                << '\n';
    }
    out.flush();
    return Ok;
}

int runSlaTick(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption at(QStringLiteral("at"), tr("Run as of TIME (ISO 8601). Default: now."), tr("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the actions as JSON."));
    parser.addOptions({ at, json });
    if (const int code = ctx.parse(parser, QStringLiteral("sla tick"), arguments,
                                   tr("Evaluate every open incident once and record the escalations and priority "
                                      "raises now due, by the system actor. Safe to repeat: an action already "
                                      "recorded is not recorded again.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("sla tick takes no arguments"));
    qint64 when = ctx.clock().nowMs();
    if (parser.isSet(at) && !ctx.parseTime(parser.value(at), &when))
        return Usage;
    if (!ctx.openDatabase())
        return Usage;
    core::SlaRepository repository(ctx.database().connection());
    const auto configuration = sla::loadConfiguration(ctx);
    if (!configuration)
        return Usage;
    const QHash<QString, QString> zones = repository.siteZones();
    const auto subjects = repository.openSubjects();
    if (!subjects || repository.lastError())
        return ctx.fail(repository.lastError());

    core::SlaEngine engine;
    engine.setConfiguration(*configuration, zones);
    engine.reset(*subjects, when);
    const core::SlaEngine::TickResult result = engine.tick(when);

    int recorded = 0, already = 0, failed = 0;
    int worst = Ok;
    QJsonArray array;
    for (const core::IncidentCommand &command : result.actions) {
        const core::CommandResult r = ctx.store().execute(command);
        const QString rule = core::SlaEngine::ruleKeyOf(command);
        QJsonObject item { { QStringLiteral("incident_id"), command.incident },
                           { QStringLiteral("action"), core::toName(core::eventKindOf(command.action)) },
                           { QStringLiteral("rule"), rule } };
        sla::insertTime(item, QStringLiteral("due_at"),
                        command.payload.value(QStringLiteral("due_at")).toInteger(command.occurredAt));
        sla::insertTime(item, QStringLiteral("recorded_at"), command.occurredAt);
        using S = core::CommandResult::Status;
        QString outcome;
        if (r.ok()) {
            ++recorded;
            outcome = QStringLiteral("recorded");
            item.insert(QStringLiteral("incident"), r.incident.number);
            if (!parser.isSet(json)) {
                const QString summary = core::eventSummary(r.event);
                ctx.out() << r.incident.number << ": " << summary;
                if (!summary.contains(rule)) // escalations name their rule already
                    ctx.out() << " [" << rule << ']';
                ctx.out() << '\n';
            }
        } else if (r.status == S::AlreadyRecorded) {
            ++already;
            outcome = QStringLiteral("already_recorded");
        } else {
            ++failed;
            outcome = QStringLiteral("failed");
            item.insert(QStringLiteral("error"), r.error);
            worst = std::max(worst, r.status == S::StorageError ? int(Usage) : int(Refused));
            if (!parser.isSet(json))
                ctx.err() << tr("error: %1 [%2]").arg(r.error, rule) << Qt::endl;
        }
        item.insert(QStringLiteral("outcome"), outcome);
        array.append(item);
    }
    if (parser.isSet(json)) {
        QJsonObject o { { QStringLiteral("open_incidents"), int(subjects->size()) },
                        { QStringLiteral("recorded"), recorded },
                        { QStringLiteral("already_recorded"), already },
                        { QStringLiteral("failed"), failed },
                        { QStringLiteral("actions"), array } };
        sla::insertTime(o, QStringLiteral("at"), when);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        ctx.out() << tr("%1 open incident(s) evaluated: %2 action(s) recorded, %3 already recorded, %4 failed.")
                         .arg(subjects->size())
                         .arg(recorded)
                         .arg(already)
                         .arg(failed)
                  << Qt::endl;
    }
    return worst;
}

} // namespace nocturne::ctl
