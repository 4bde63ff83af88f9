// Read-only commands: list, show and export.
#include "commands.h"
#include "ctlcontext.h"

#include <core/domain/eventsummary.h>
#include <core/domain/labels.h>
#include <core/export/incidentcsv.h>
#include <core/export/incidentjson.h>
#include <core/storage/incidentrepository.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

QString localTime(qint64 ms)
{
    return ms ? core::formatLocalTime(ms) : QStringLiteral("-");
}

struct FilterOptions
{
    QCommandLineOption state { QStringLiteral("state"), tr("new, in_progress, on_hold, resolved, closed, cancelled, open (default) or all; repeatable."), tr("STATE") };
    QCommandLineOption priority { QStringLiteral("priority"), tr("Priority 1-5."), tr("P") };
    QCommandLineOption assignee { QStringLiteral("assignee"), tr("Assigned person."), tr("USER") };
    QCommandLineOption group { QStringLiteral("group"), tr("Assignment group."), tr("GROUP") };
    QCommandLineOption service { QStringLiteral("service"), tr("Service."), tr("SERVICE") };
    QCommandLineOption site { QStringLiteral("site"), tr("Site."), tr("SITE") };
    QCommandLineOption text { QStringLiteral("text"), tr("Text in number, title, service, CI, site or assignee."), tr("TEXT") };
    QCommandLineOption limit { QStringLiteral("limit"), tr("At most N incidents."), tr("N") };

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({ state, priority, assignee, group, service, site, text, limit });
    }

    // Returns an error message, or empty when the filter is valid.
    QString read(const QCommandLineParser &parser, const QString &defaultState, core::IncidentFilter *f) const
    {
        QStringList states = parser.values(state);
        if (states.isEmpty())
            states << defaultState;
        for (const QString &s : std::as_const(states)) {
            if (s == QLatin1StringView("all"))
                continue;
            if (s == QLatin1StringView("open")) {
                f->states << core::IncidentState::New << core::IncidentState::InProgress << core::IncidentState::OnHold;
                continue;
            }
            const auto parsed = core::incidentStateFromName(s);
            if (!parsed)
                return tr("unknown state \"%1\"").arg(s);
            f->states << *parsed;
        }
        if (parser.isSet(priority)) {
            bool ok = false;
            f->priority = parser.value(priority).remove(QLatin1Char('P')).remove(QLatin1Char('p')).toInt(&ok);
            if (!ok || f->priority < 1 || f->priority > 5)
                return tr("--priority must be 1 to 5 (got \"%1\")").arg(parser.value(priority));
        }
        if (parser.isSet(limit)) {
            bool ok = false;
            f->limit = parser.value(limit).toInt(&ok);
            if (!ok || f->limit < 1)
                return tr("--limit must be a positive number (got \"%1\")").arg(parser.value(limit));
        }
        f->assignee = parser.value(assignee);
        f->group = parser.value(group);
        f->service = parser.value(service);
        f->site = parser.value(site);
        f->text = parser.value(text);
        return {};
    }
};

QString ellipsis(const QString &text, int width)
{
    return text.size() <= width ? text : text.left(width - 1) + QChar(0x2026);
}

} // namespace

int runList(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const FilterOptions filters;
    filters.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), tr("Print an array of incident objects."));
    parser.addOption(json);
    if (const int code = ctx.parse(parser, QStringLiteral("list"), arguments, tr("List incidents, most urgent first (open ones unless --state says otherwise).")); code >= 0)
        return code;
    core::IncidentFilter filter;
    if (const QString problem = filters.read(parser, QStringLiteral("open"), &filter); !problem.isEmpty())
        return ctx.usage(problem);
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;

    core::IncidentRepository repository(ctx.database().connection(), ctx.databasePath());
    if (parser.isSet(json)) {
        QJsonArray array;
        if (!repository.forEach(filter, [&array](const core::Incident &i) { array.append(core::incidentToJson(i)); }))
            return ctx.fail(repository.lastError());
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(tr("NUMBER"), -11) // provisional numbers (P-XXXX-0001) are the longest
                     .arg(tr("PRI"), -3)
                     .arg(tr("STATE"), -11)
                     .arg(tr("ASSIGNEE"), -12)
                     .arg(tr("OPENED"), -16)
                     .arg(tr("TITLE"))
              << '\n';
    qint64 shown = 0;
    const bool ok = repository.forEach(filter, [&](const core::Incident &i) {
        ++shown;
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                         .arg(i.number, -11)
                         .arg(QStringLiteral("P%1").arg(i.priority), -3)
                         .arg(ellipsis(core::stateLabel(i.state), 11), -11)
                         .arg(ellipsis(i.assignee.isEmpty() ? QStringLiteral("-") : i.assignee, 12), -12)
                         .arg(localTime(i.openedAt), -16)
                         .arg(ellipsis(i.title, 70))
                  << '\n';
    });
    if (!ok)
        return ctx.fail(repository.lastError());
    ctx.out() << QCoreApplication::translate("nocturnectl", "%n incident(s)", nullptr, int(shown)) << Qt::endl;
    return Ok;
}

int runShow(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the incident with its events as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("NUMBER"), tr("Incident number, e.g. INC0001234."));
    if (const int code = ctx.parse(parser, QStringLiteral("show"), arguments, tr("Show an incident's fields and timeline.")); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(tr("show needs exactly one incident number"));
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;

    core::IncidentRepository repository(ctx.database().connection(), ctx.databasePath());
    const QString number = parser.positionalArguments().first();
    const auto incident = repository.find(number);
    if (!incident) {
        if (repository.lastError())
            return ctx.fail(repository.lastError());
        ctx.err() << tr("error: No incident %1").arg(number) << Qt::endl;
        return Refused;
    }
    const QList<core::StoredEvent> events = repository.events(incident->id);
    if (parser.isSet(json)) {
        QJsonObject object = core::incidentToJson(*incident);
        QJsonArray timeline;
        for (const core::StoredEvent &e : events)
            timeline.append(core::eventToJson(e.event));
        object.insert(QStringLiteral("events"), timeline);
        ctx.out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return Ok;
    }
    const core::Incident &i = *incident;
    auto line = [&ctx](const QString &label, const QString &value) {
        if (!value.isEmpty())
            ctx.out() << QStringLiteral("%1 %2").arg(label + QLatin1Char(':'), -18).arg(value) << '\n';
    };
    line(tr("Number"), i.number);
    line(tr("Title"), i.title);
    line(tr("State"), core::stateWithReasonLabel(i.state, i.holdReason));
    line(tr("Priority"), QStringLiteral("%1 (impact %2, urgency %3)").arg(core::priorityLabel(i.priority)).arg(i.impact).arg(i.urgency));
    line(tr("Domain"), core::domainLabel(i.domain));
    line(tr("Category"), i.subcategory.isEmpty() ? i.category : i.category + QStringLiteral(" / ") + i.subcategory);
    line(tr("Service"), i.service);
    line(tr("CI"), i.configurationItem);
    line(tr("Site"), i.site);
    line(tr("Group"), i.assignmentGroup);
    line(tr("Assignee"), i.assignee);
    line(tr("Reporter"), i.reporter);
    line(tr("Channel"), core::channelLabel(i.channel));
    line(tr("Started"), localTime(i.startedAt));
    line(tr("Detected"), localTime(i.detectedAt));
    line(tr("Opened"), localTime(i.openedAt));
    if (i.acknowledgedAt) line(tr("Acknowledged"), localTime(i.acknowledgedAt));
    if (i.resolvedAt) line(tr("Resolved"), localTime(i.resolvedAt));
    if (i.closedAt) line(tr("Closed"), localTime(i.closedAt));
    line(tr("Resolution"), i.resolutionNotes.isEmpty() ? i.resolutionCode : i.resolutionCode + QStringLiteral(": ") + i.resolutionNotes);
    line(tr("Description"), i.description);
    ctx.out() << '\n' << tr("Timeline (when it happened; when it was recorded if later):") << '\n';
    for (const core::StoredEvent &s : events) {
        const core::Event &e = s.event;
        QString when = localTime(e.occurredAt);
        // Only worth showing when someone recorded it after the fact.
        if (e.hlc.wallMs - e.occurredAt >= 60 * 1000)
            when += QStringLiteral(" (") + tr("recorded %1").arg(localTime(e.hlc.wallMs)) + QLatin1Char(')');
        const bool flagged = i.flaggedEventIds.contains(e.id);
        ctx.out() << QStringLiteral("  %1  %2  %3%4").arg(when, -16).arg(e.actor, -14).arg(core::eventSummary(e),
                                                                                         flagged ? tr("  [not applied: invalid after merge]") : QString())
                  << '\n';
    }
    ctx.out().flush();
    return Ok;
}

int runExport(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const FilterOptions filters;
    filters.addTo(parser);
    const QCommandLineOption format(QStringLiteral("format"), tr("csv or json."), tr("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Write to FILE instead of standard output."), tr("FILE"));
    parser.addOptions({ format, out });
    if (const int code = ctx.parse(parser, QStringLiteral("export"), arguments, tr("Export incidents (all states unless --state says otherwise).")); code >= 0)
        return code;
    const QString fmt = parser.value(format);
    if (fmt != QLatin1StringView("csv") && fmt != QLatin1StringView("json"))
        return ctx.usage(tr("--format must be csv or json (got \"%1\")").arg(fmt));
    core::IncidentFilter filter;
    if (const QString problem = filters.read(parser, QStringLiteral("all"), &filter); !problem.isEmpty())
        return ctx.usage(problem);
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;

    // QSaveFile: a failed export never leaves a half-written file behind.
    QSaveFile file(parser.value(out));
    QFile standardOutput;
    QIODevice *device = nullptr;
    if (parser.isSet(out)) {
        if (!file.open(QIODevice::WriteOnly)) {
            ctx.err() << tr("error: cannot write %1: %2").arg(file.fileName(), file.errorString()) << Qt::endl;
            return Usage;
        }
        device = &file;
    } else {
        ctx.out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return Usage;
        device = &standardOutput;
    }
    core::IncidentRepository repository(ctx.database().connection(), ctx.databasePath());
    qint64 count = 0;
    bool ok = false;
    if (fmt == QLatin1StringView("csv")) {
        device->write(core::incidentCsvHeader());
        ok = repository.forEach(filter, [&](const core::Incident &i) {
            device->write(core::incidentCsvRow(i));
            ++count;
        });
    } else {
        device->write("[\n");
        ok = repository.forEach(filter, [&](const core::Incident &i) {
            if (count++)
                device->write(",\n");
            device->write(QJsonDocument(core::incidentToJson(i)).toJson(QJsonDocument::Compact));
        });
        device->write("\n]\n");
    }
    if (!ok)
        return ctx.fail(repository.lastError());
    if (parser.isSet(out)) {
        if (!file.commit()) {
            ctx.err() << tr("error: cannot write %1: %2").arg(file.fileName(), file.errorString()) << Qt::endl;
            return Usage;
        }
        ctx.err() << tr("%1 incident(s) written to %2").arg(count).arg(file.fileName()) << Qt::endl;
    }
    return Ok;
}

} // namespace nocturne::ctl
