// `create`: opens a new incident from the command line (a phone call, an email).
#include "commands.h"
#include "ctlcontext.h"

#include <core/domain/labels.h>
#include <core/domain/prioritymatrix.h>
#include <core/export/incidentjson.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace nocturne::ctl {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }
} // namespace

int runCreate(CtlContext &ctx, const QStringList &arguments)
{
    struct TextField
    {
        const char *option;
        const char *payloadKey;
        const char *help;
    };
    static const TextField textFields[] = {
        { "title", "title", QT_TRANSLATE_NOOP("nocturnectl", "Short description (required).") },
        { "description", "description", QT_TRANSLATE_NOOP("nocturnectl", "Full description.") },
        { "category", "category", QT_TRANSLATE_NOOP("nocturnectl", "Category, e.g. Hardware.") },
        { "subcategory", "subcategory", QT_TRANSLATE_NOOP("nocturnectl", "Subcategory, e.g. Conveyor.") },
        { "service", "service", QT_TRANSLATE_NOOP("nocturnectl", "Affected service.") },
        { "ci", "ci", QT_TRANSLATE_NOOP("nocturnectl", "Affected configuration item.") },
        { "site", "site", QT_TRANSLATE_NOOP("nocturnectl", "Site where it happens.") },
        { "group", "assignment_group", QT_TRANSLATE_NOOP("nocturnectl", "Assignment group.") },
        { "assignee", "assignee", QT_TRANSLATE_NOOP("nocturnectl", "Person assigned.") },
        { "reporter", "reporter", QT_TRANSLATE_NOOP("nocturnectl", "Who reported it (default: you).") },
    };
    QCommandLineParser parser;
    QList<QCommandLineOption> textOptions;
    for (const TextField &f : textFields)
        textOptions << QCommandLineOption(QString::fromLatin1(f.option), tr(f.help), tr("TEXT"));
    parser.addOptions(textOptions);
    const QCommandLineOption impact(QStringLiteral("impact"), tr("Impact 1 (high) to 3 (low). Default 3."), tr("N"), QStringLiteral("3"));
    const QCommandLineOption urgency(QStringLiteral("urgency"), tr("Urgency 1 (high) to 3 (low). Default 3."), tr("N"), QStringLiteral("3"));
    const QCommandLineOption domain(QStringLiteral("domain"), tr("warehouse, retail, finance or it. Default it."), tr("DOMAIN"), QStringLiteral("it"));
    const QCommandLineOption channel(QStringLiteral("channel"), tr("monitoring, phone, email, portal or chat. Default phone."), tr("CHANNEL"), QStringLiteral("phone"));
    const QCommandLineOption tag(QStringLiteral("tag"), tr("A tag (repeatable)."), tr("TAG"));
    const QCommandLineOption started(QStringLiteral("started"), tr("When the problem started (ISO 8601)."), tr("TIME"));
    const QCommandLineOption at(QStringLiteral("at"), tr("When it was reported (ISO 8601; local time unless an offset is given). Default: now."), tr("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the new incident as JSON."));
    parser.addOptions({ impact, urgency, domain, channel, tag, started, at, json });
    if (const int code = ctx.parse(parser, QStringLiteral("create"), arguments, tr("Open a new incident.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("create takes no positional arguments (got \"%1\"); use --title").arg(parser.positionalArguments().first()));

    QJsonObject payload;
    for (int i = 0; i < textOptions.size(); ++i) {
        if (parser.isSet(textOptions.at(i)))
            payload.insert(QString::fromLatin1(textFields[i].payloadKey), parser.value(textOptions.at(i)));
    }
    if (payload.value(QStringLiteral("title")).toString().trimmed().isEmpty())
        return ctx.usage(tr("create needs --title"));
    for (const auto *option : { &impact, &urgency }) {
        bool ok = false;
        const int level = parser.value(*option).toInt(&ok);
        if (!ok || !core::PriorityMatrix::isValidLevel(level))
            return ctx.usage(tr("--%1 must be 1, 2 or 3 (got \"%2\")").arg(option->names().first(), parser.value(*option)));
        payload.insert(option->names().first(), level);
    }
    if (!core::domainFromName(parser.value(domain)))
        return ctx.usage(tr("--domain must be warehouse, retail, finance or it (got \"%1\")").arg(parser.value(domain)));
    payload.insert(QStringLiteral("domain"), parser.value(domain));
    if (!core::channelFromName(parser.value(channel)))
        return ctx.usage(tr("--channel must be monitoring, phone, email, portal or chat (got \"%1\")").arg(parser.value(channel)));
    payload.insert(QStringLiteral("channel"), parser.value(channel));
    if (parser.isSet(tag))
        payload.insert(QStringLiteral("tags"), QJsonArray::fromStringList(parser.values(tag)));
    qint64 occurredAt = 0;
    if (parser.isSet(at) && !ctx.parseTime(parser.value(at), &occurredAt))
        return Usage;
    if (parser.isSet(started)) {
        qint64 startedAt = 0;
        if (!ctx.parseTime(parser.value(started), &startedAt))
            return Usage;
        payload.insert(QStringLiteral("started_at"), startedAt);
    }
    if (!ctx.openDatabase())
        return Usage;

    const core::CommandResult result =
        ctx.store().execute({ core::IncidentAction::Open, {}, payload, ctx.actor(), occurredAt });
    if (!result.ok()) {
        ctx.err() << tr("error: %1").arg(result.error) << Qt::endl;
        return result.status == core::CommandResult::Status::StorageError ? Usage : Refused;
    }
    if (parser.isSet(json))
        ctx.out() << QJsonDocument(core::incidentToJson(result.incident)).toJson(QJsonDocument::Indented);
    else
        ctx.out() << tr("%1 opened (%2): %3").arg(result.incident.number, core::priorityLabel(result.incident.priority), result.incident.title)
                  << Qt::endl;
    return Ok;
}

} // namespace nocturne::ctl
