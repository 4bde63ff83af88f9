// `kpi`: every KPI of docs/kpi.md for a period and filters (a table or --json), and
// `kpi targets` to show or replace the targets they are judged against.
#include "commands.h"
#include "ctlcontext.h"
#include "kpiarguments.h"
#include "slasupport.h"

#include <core/engine/kpicalculator.h>
#include <core/engine/kpijson.h>
#include <core/storage/kpirepository.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

QString formatValue(const core::KpiTile &tile, double value)
{
    switch (tile.measure) {
    case core::KpiMeasure::Mttd:
    case core::KpiMeasure::Mtta:
    case core::KpiMeasure::Mttr:
    case core::KpiMeasure::MttaBusiness:
    case core::KpiMeasure::MttrBusiness:
    case core::KpiMeasure::MttrCritical:
        return sla::formatDuration(qint64(value + 0.5));
    case core::KpiMeasure::Volume:
    case core::KpiMeasure::Backlog:
        return QString::number(qint64(value));
    case core::KpiMeasure::Csat:
        return QString::number(value, 'f', 2);
    default:
        return QStringLiteral("%1 %").arg(value, 0, 'f', 1);
    }
}

QString judgementLabel(core::KpiTile::Judgement judgement)
{
    switch (judgement) {
    case core::KpiTile::Judgement::Met: return tr("met");
    case core::KpiTile::Judgement::Missed: return tr("MISSED");
    case core::KpiTile::Judgement::NoTarget: return tr("no target");
    case core::KpiTile::Judgement::NoData: return tr("no data");
    }
    return {};
}

QString localTimeIn(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void printReport(QTextStream &out, const core::KpiReport &report)
{
    const QTimeZone zone(report.query.timeZone);
    const core::KpiQuery previous = report.query.previousPeriod();
    out << tr("KPIs from %1 to %2 (%3)")
               .arg(localTimeIn(report.query.fromUtcMs, zone), localTimeIn(report.query.toUtcMs, zone),
                    QString::fromUtf8(report.query.timeZone))
        << '\n'
        << tr("Previous period: %1 to %2").arg(localTimeIn(previous.fromUtcMs, zone), localTimeIn(previous.toUtcMs, zone))
        << '\n'
        << tr("Filters: %1").arg(report.query.filter.describe()) << '\n'
        << tr("Incidents considered: %1. Definitions: docs/kpi.md").arg(report.incidentsConsidered) << "\n\n";
    const QString row = QStringLiteral("%1  %2  %3  %4  %5  %6\n");
    out << row.arg(tr("KPI"), -42).arg(tr("Value"), 12).arg(tr("Previous"), 12).arg(tr("Target"), 12).arg(tr("n"), 6)
               .arg(tr("Judgement"));
    const QString none = QStringLiteral("-");
    for (const core::KpiTile &t : report.tiles) {
        out << row.arg(core::kpiLabel(t.measure), -42)
                   .arg(t.hasValue ? formatValue(t, t.value) : none, 12)
                   .arg(t.hasPrevious ? formatValue(t, t.previous) : none, 12)
                   .arg(t.hasTarget ? (t.lowerIsBetter ? QStringLiteral("≤ ") : QStringLiteral("≥ ")) + formatValue(t, t.target)
                                    : none,
                        12)
                   .arg(t.samples, 6)
                   .arg(judgementLabel(t.judgement));
    }
    out.flush();
}

int runKpiTargets(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption set(QStringLiteral("set"), tr("Replace the targets with those of FILE (JSON, docs/kpi.md)."),
                                 tr("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the targets as JSON."));
    parser.addOptions({ set, json });
    if (const int code = ctx.parse(parser, QStringLiteral("kpi targets"), arguments,
                                   tr("Show the KPI targets, or replace them with --set FILE.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("kpi targets takes no arguments"));

    core::KpiTargets targets;
    if (parser.isSet(set)) {
        QByteArray bytes;
        if (!sla::readFile(ctx, parser.value(set), &bytes))
            return Usage;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (!document.isObject()) {
            const QString reason = parseError.error != QJsonParseError::NoError
                ? tr("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)
                : tr("the document is not a JSON object");
            return ctx.usage(tr("%1: %2").arg(parser.value(set), reason));
        }
        QString error;
        if (!core::KpiTargets::fromJson(document.object(), &targets, &error))
            return ctx.usage(tr("%1: %2").arg(parser.value(set), error));
        if (!ctx.openDatabase())
            return Usage;
        core::KpiRepository repository(ctx.database().connection());
        if (!repository.saveTargets(targets))
            return ctx.fail(repository.lastError());
    } else {
        if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
            return Usage;
        core::KpiRepository repository(ctx.database().connection());
        const auto stored = repository.loadTargets();
        if (!stored)
            return ctx.fail(repository.lastError());
        targets = *stored;
    }
    if (parser.isSet(json)) {
        ctx.out() << QJsonDocument(targets.toJson()).toJson(QJsonDocument::Indented);
        return Ok;
    }
    QTextStream &out = ctx.out();
    auto line = [&out](const QString &label, const QString &value) {
        out << QStringLiteral("%1 %2").arg(label, -40).arg(value) << '\n';
    };
    line(tr("MTTA of P1, at most"), sla::formatDuration(targets.mttaCriticalMs));
    line(tr("MTTR of P1, at most"), sla::formatDuration(targets.mttrCriticalMs));
    line(tr("First-contact resolution, at least"), QStringLiteral("%1 %").arg(targets.firstContactResolutionPercent));
    line(tr("Response compliance, at least"), QStringLiteral("%1 %").arg(targets.responseCompliancePercent));
    line(tr("Resolution compliance, at least"), QStringLiteral("%1 %").arg(targets.resolutionCompliancePercent));
    line(tr("Reopen rate, at most"), QStringLiteral("%1 %").arg(targets.reopenRatePercent));
    line(tr("CSAT mean, at least"), QString::number(targets.csatMinimum));
    line(tr("Equipment uptime, at least"), QStringLiteral("%1 %").arg(targets.equipmentUptimePercent));
    line(tr("Website uptime, at least"), QStringLiteral("%1 %").arg(targets.websiteUptimePercent));
    QStringList services = targets.serviceUptimePercent.keys();
    services.sort();
    for (const QString &service : services)
        line(tr("Uptime of %1, at least").arg(service), QStringLiteral("%1 %").arg(targets.serviceUptimePercent.value(service)));
    out.flush();
    return Ok;
}

} // namespace

int runKpi(CtlContext &ctx, const QStringList &arguments)
{
    if (!arguments.isEmpty() && arguments.first() == QLatin1StringView("targets"))
        return runKpiTargets(ctx, arguments.mid(1));

    QCommandLineParser parser;
    const KpiArguments options;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the whole report as JSON (tiles, every table)."));
    options.addTo(parser);
    parser.addOption(json);
    if (const int code = ctx.parse(parser, QStringLiteral("kpi"), arguments,
                                   tr("Compute every KPI of docs/kpi.md for a period and filters. \"kpi targets\" "
                                      "shows or sets the targets.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    core::KpiQuery query;
    if (!options.read(ctx, parser, ctx.clock().nowMs(), &query))
        return Usage;
    // Read-write: the cached SLA outcomes are brought up to date first (derived data).
    if (!ctx.openDatabase())
        return Usage;
    core::KpiRepository repository(ctx.database().connection());
    const qint64 now = ctx.clock().nowMs();
    if (!repository.refreshOutcomes(now))
        return ctx.fail(repository.lastError());
    const auto facts = repository.loadFacts();
    if (!facts)
        return ctx.fail(repository.lastError());
    const auto targets = repository.loadTargets();
    if (!targets)
        return ctx.fail(repository.lastError());
    const core::KpiReport report = core::computeKpis(*facts, query, *targets, now);
    if (parser.isSet(json)) {
        ctx.out() << QJsonDocument(core::kpiReportToJson(report)).toJson(QJsonDocument::Indented);
        return Ok;
    }
    printReport(ctx.out(), report);
    return Ok;
}

} // namespace nocturne::ctl
