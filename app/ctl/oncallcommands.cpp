// `oncall who`: who is on call now (or at --at) for each stored on-call schedule.
#include "commands.h"
#include "ctlcontext.h"
#include "slasupport.h"

#include <core/engine/oncallschedule.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace nocturne::ctl {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }
} // namespace

int runOncall(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption schedule(QStringLiteral("schedule"), tr("Only this schedule (its id)."), tr("ID"));
    const QCommandLineOption at(QStringLiteral("at"), tr("As of TIME (ISO 8601; local time unless an offset is given). Default: now."), tr("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the answer as JSON."));
    parser.addOptions({ schedule, at, json });
    parser.addPositionalArgument(QStringLiteral("who"), tr("Who is on call."));
    if (const int code = ctx.parse(parser, QStringLiteral("oncall"), arguments,
                                   tr("Who is on call for each on-call schedule, from which layer or override, and "
                                      "when the shift started and ends.")); code >= 0)
        return code;
    if (parser.positionalArguments() != QStringList { QStringLiteral("who") })
        return ctx.usage(tr("the oncall command is \"oncall who\""));
    qint64 when = ctx.clock().nowMs();
    if (parser.isSet(at) && !ctx.parseTime(parser.value(at), &when))
        return Usage;
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    const auto configuration = sla::loadConfiguration(ctx);
    if (!configuration)
        return Usage;

    QList<const core::OnCallSchedule *> schedules;
    if (parser.isSet(schedule)) {
        const core::OnCallSchedule *one = configuration->schedule(parser.value(schedule));
        if (!one) {
            ctx.err() << tr("error: no on-call schedule \"%1\"").arg(parser.value(schedule)) << Qt::endl;
            return Refused;
        }
        schedules << one;
    } else {
        for (const core::OnCallSchedule &s : configuration->schedules)
            schedules << &s;
    }

    QJsonArray array;
    for (const core::OnCallSchedule *s : std::as_const(schedules)) {
        const std::optional<core::OnCallAnswer> answer = core::whoIsOnCall(*s, when);
        if (parser.isSet(json)) {
            QJsonObject o { { QStringLiteral("schedule"), s->id },
                            { QStringLiteral("name"), s->name },
                            { QStringLiteral("time_zone"), s->timeZone },
                            { QStringLiteral("user"), answer ? QJsonValue(answer->user) : QJsonValue(QJsonValue::Null) },
                            { QStringLiteral("layer"), answer && !answer->fromOverride ? QJsonValue(answer->layer) : QJsonValue(QJsonValue::Null) },
                            { QStringLiteral("override"), answer && answer->fromOverride } };
            sla::insertTime(o, QStringLiteral("shift_start"), answer ? answer->shiftStartUtcMs : 0);
            sla::insertTime(o, QStringLiteral("shift_end"), answer ? answer->shiftEndUtcMs : 0);
            array.append(o);
            continue;
        }
        if (!answer) {
            ctx.out() << tr("%1: nobody is on call").arg(s->id) << '\n';
            continue;
        }
        const QString source = answer->fromOverride ? tr("override") : tr("layer %1").arg(answer->layer);
        ctx.out() << tr("%1: %2 (%3), %4 – %5").arg(s->id, answer->user, source, sla::localTime(answer->shiftStartUtcMs),
                                                    sla::localTime(answer->shiftEndUtcMs))
                  << '\n';
    }
    if (parser.isSet(json)) {
        QJsonObject o { { QStringLiteral("schedules"), array } };
        sla::insertTime(o, QStringLiteral("at"), when);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (schedules.isEmpty()) {
        ctx.out() << tr("No on-call schedules are configured (see \"nocturnectl sla policy import\").") << '\n';
    }
    ctx.out().flush();
    return Ok;
}

} // namespace nocturne::ctl
