// Commands that change incidents: each becomes one event per incident named.
#include "commands.h"
#include "ctlcontext.h"

#include <core/domain/eventsummary.h>
#include <core/domain/labels.h>
#include <core/export/incidentjson.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

QCommandLineOption atOption()
{
    return { QStringLiteral("at"),
             tr("When it really happened (ISO 8601; local time unless an offset is given). Default: now."),
             tr("TIME") };
}

QCommandLineOption jsonOption() { return { QStringLiteral("json"), tr("Print the result as JSON.") }; }

int exitCodeFor(const core::CommandResult &result)
{
    using S = core::CommandResult::Status;
    switch (result.status) {
    case S::Ok:
    case S::AlreadyRecorded: return Ok;
    case S::NotFound:
    case S::Refused:
    case S::Invalid: return Refused;
    case S::StorageError: return Usage;
    }
    return Usage;
}

// Runs one action on every incident named on the command line. Each is its own
// transaction; the exit code is the worst of them.
int runAction(CtlContext &ctx, const QStringList &arguments, const QString &command, core::IncidentAction action,
              const QString &synopsis, const QList<QCommandLineOption> &options,
              const std::function<QString(QCommandLineParser &, QJsonObject *)> &payloadFrom)
{
    QCommandLineParser parser;
    const QCommandLineOption at = atOption();
    const QCommandLineOption json = jsonOption();
    parser.addOptions(options);
    parser.addOption(at);
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("NUMBER"), tr("Incident number(s), e.g. INC0001234."),
                                 QStringLiteral("NUMBER..."));
    if (const int code = ctx.parse(parser, command, arguments, synopsis); code >= 0)
        return code;
    if (parser.positionalArguments().isEmpty())
        return ctx.usage(tr("%1 needs at least one incident number").arg(command));

    QJsonObject payload;
    if (payloadFrom) {
        if (const QString problem = payloadFrom(parser, &payload); !problem.isEmpty())
            return ctx.usage(problem);
    }
    qint64 occurredAt = 0;
    if (parser.isSet(at) && !ctx.parseTime(parser.value(at), &occurredAt))
        return Usage;
    if (!ctx.openDatabase())
        return Usage;

    int worst = Ok;
    QJsonArray results;
    for (const QString &number : parser.positionalArguments()) {
        core::IncidentCommand cmd { action, number, payload, ctx.actor(), occurredAt };
        const core::CommandResult result = ctx.store().execute(cmd);
        worst = std::max(worst, exitCodeFor(result));
        if (parser.isSet(json)) {
            QJsonObject item { { QStringLiteral("incident"), number }, { QStringLiteral("ok"), result.ok() } };
            if (result.ok()) {
                item.insert(QStringLiteral("event"), core::eventToJson(result.event));
                item.insert(QStringLiteral("state"), core::toName(result.incident.state));
            } else {
                item.insert(QStringLiteral("error"), result.error);
            }
            results.append(item);
        } else if (result.ok()) {
            ctx.out() << tr("%1: %2 (now %3)").arg(result.incident.number, core::eventSummary(result.event),
                                                   core::stateLabel(result.incident.state))
                      << Qt::endl;
        } else {
            ctx.err() << tr("error: %1").arg(result.error) << Qt::endl;
        }
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(results).toJson(QJsonDocument::Indented);
    return worst;
}

} // namespace

int runAcknowledge(CtlContext &ctx, const QStringList &arguments)
{
    return runAction(ctx, arguments, QStringLiteral("ack"), core::IncidentAction::Acknowledge,
                     tr("Acknowledge incidents: records the acknowledgement time and moves New to In Progress."), {},
                     {});
}

int runAssign(CtlContext &ctx, const QStringList &arguments)
{
    const QCommandLineOption group(QStringLiteral("group"), tr("Assignment group."), tr("GROUP"));
    const QCommandLineOption assignee(QStringLiteral("assignee"), tr("Person assigned."), tr("USER"));
    return runAction(ctx, arguments, QStringLiteral("assign"), core::IncidentAction::Assign,
                     tr("Assign incidents to a group and/or a person."), { group, assignee },
                     [&](QCommandLineParser &p, QJsonObject *payload) {
                         if (!p.isSet(group) && !p.isSet(assignee))
                             return tr("assign needs --group or --assignee (or both)");
                         if (p.isSet(group))
                             payload->insert(QStringLiteral("group"), p.value(group));
                         if (p.isSet(assignee))
                             payload->insert(QStringLiteral("assignee"), p.value(assignee));
                         return QString();
                     });
}

int runHold(CtlContext &ctx, const QStringList &arguments)
{
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    tr("Why: awaiting_caller, awaiting_vendor, awaiting_change or awaiting_problem."),
                                    tr("REASON"));
    return runAction(ctx, arguments, QStringLiteral("hold"), core::IncidentAction::Hold,
                     tr("Put incidents on hold while waiting for someone else."), { reason },
                     [&](QCommandLineParser &p, QJsonObject *payload) {
                         if (!p.isSet(reason))
                             return tr("hold needs --reason (awaiting_caller, awaiting_vendor, awaiting_change or "
                                       "awaiting_problem)");
                         payload->insert(QStringLiteral("hold_reason"), p.value(reason));
                         return QString();
                     });
}

int runResume(CtlContext &ctx, const QStringList &arguments)
{
    return runAction(ctx, arguments, QStringLiteral("resume"), core::IncidentAction::Resume,
                     tr("Resume work on incidents that are on hold."), {}, {});
}

int runResolve(CtlContext &ctx, const QStringList &arguments)
{
    const QCommandLineOption code(QStringLiteral("code"), tr("Resolution code, e.g. \"Hardware repaired\"."), tr("CODE"));
    const QCommandLineOption notes(QStringLiteral("notes"), tr("Resolution notes."), tr("TEXT"));
    return runAction(ctx, arguments, QStringLiteral("resolve"), core::IncidentAction::Resolve,
                     tr("Resolve incidents with a resolution code and notes."), { code, notes },
                     [&](QCommandLineParser &p, QJsonObject *payload) {
                         if (!p.isSet(code))
                             return tr("resolve needs --code");
                         payload->insert(QStringLiteral("code"), p.value(code));
                         payload->insert(QStringLiteral("notes"), p.value(notes));
                         return QString();
                     });
}

int runClose(CtlContext &ctx, const QStringList &arguments)
{
    return runAction(ctx, arguments, QStringLiteral("close"), core::IncidentAction::Close,
                     tr("Close resolved incidents."), {}, {});
}

int runReopen(CtlContext &ctx, const QStringList &arguments)
{
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why it is reopened."), tr("TEXT"));
    return runAction(ctx, arguments, QStringLiteral("reopen"), core::IncidentAction::Reopen,
                     tr("Reopen resolved incidents."), { reason }, [&](QCommandLineParser &p, QJsonObject *payload) {
                         if (p.isSet(reason))
                             payload->insert(QStringLiteral("reason"), p.value(reason));
                         return QString();
                     });
}

int runCancel(CtlContext &ctx, const QStringList &arguments)
{
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why it is cancelled, e.g. a duplicate."), tr("TEXT"));
    return runAction(ctx, arguments, QStringLiteral("cancel"), core::IncidentAction::Cancel,
                     tr("Cancel open incidents (duplicates, false alarms)."), { reason },
                     [&](QCommandLineParser &p, QJsonObject *payload) {
                         if (p.isSet(reason))
                             payload->insert(QStringLiteral("reason"), p.value(reason));
                         return QString();
                     });
}

int runComment(CtlContext &ctx, const QStringList &arguments)
{
    const QCommandLineOption text(QStringLiteral("text"), tr("The comment."), tr("TEXT"));
    return runAction(ctx, arguments, QStringLiteral("comment"), core::IncidentAction::Comment,
                     tr("Add a comment to incidents' timelines."), { text },
                     [&](QCommandLineParser &p, QJsonObject *payload) {
                         if (p.value(text).trimmed().isEmpty())
                             return tr("comment needs --text");
                         payload->insert(QStringLiteral("text"), p.value(text));
                         return QString();
                     });
}

} // namespace nocturne::ctl
