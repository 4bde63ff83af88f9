#include "kpijson.h"

#include <QDateTime>
#include <QJsonArray>

namespace nocturne::core {

namespace {

QString iso(qint64 utcMs) { return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs); }

QJsonObject durationJson(const DurationSummary &d)
{
    return { { QStringLiteral("count"), d.count },
             { QStringLiteral("mean_ms"), d.meanMs },
             { QStringLiteral("median_ms"), d.medianMs } };
}

QJsonObject ratioJson(const Ratio &r)
{
    QJsonObject o { { QStringLiteral("numerator"), r.numerator }, { QStringLiteral("denominator"), r.denominator } };
    o.insert(QStringLiteral("percent"), r.hasData() ? QJsonValue(r.percent()) : QJsonValue());
    return o;
}

QJsonObject summaryJson(const KpiSummary &s)
{
    QJsonObject o {
        { toName(KpiMeasure::Mttd), durationJson(s.mttd) },
        { toName(KpiMeasure::Mtta), durationJson(s.mtta) },
        { toName(KpiMeasure::Mttr), durationJson(s.mttr) },
        { toName(KpiMeasure::MttaBusiness), durationJson(s.mttaBusiness) },
        { toName(KpiMeasure::MttrBusiness), durationJson(s.mttrBusiness) },
        { toName(KpiMeasure::MttrCritical), durationJson(s.mttrCritical) },
        { toName(KpiMeasure::FirstContactResolution), ratioJson(s.firstContactResolution) },
        { toName(KpiMeasure::ResponseCompliance), ratioJson(s.responseCompliance) },
        { toName(KpiMeasure::ResolutionCompliance), ratioJson(s.resolutionCompliance) },
        { toName(KpiMeasure::ReopenRate), ratioJson(s.reopenRate) },
        { QStringLiteral("opened"), s.opened },
        { QStringLiteral("resolved"), s.resolved },
        { QStringLiteral("backlog_at_end"), s.backlogAtEnd },
    };
    o.insert(toName(KpiMeasure::Csat),
             QJsonObject { { QStringLiteral("count"), s.csatCount },
                           { QStringLiteral("mean"), s.csatCount > 0 ? QJsonValue(s.csatMean) : QJsonValue() } });
    return o;
}

QJsonArray availabilityJson(const QList<AvailabilityRow> &rows)
{
    QJsonArray a;
    for (const AvailabilityRow &r : rows) {
        a.append(QJsonObject { { QStringLiteral("name"), r.name },
                               { QStringLiteral("domain"), toName(r.domain) },
                               { QStringLiteral("outage_ms"), double(r.outageMs) },
                               { QStringLiteral("period_ms"), double(r.periodMs) },
                               { QStringLiteral("outages"), r.outages },
                               { QStringLiteral("percent"), r.percent },
                               { QStringLiteral("target_percent"), r.targetPercent },
                               { QStringLiteral("met"), r.percent >= r.targetPercent } });
    }
    return a;
}

QJsonArray paretoJson(const QList<ParetoRow> &rows)
{
    QJsonArray a;
    for (const ParetoRow &r : rows) {
        a.append(QJsonObject { { QStringLiteral("name"), r.name },
                               { QStringLiteral("count"), r.count },
                               { QStringLiteral("cumulative_percent"), r.cumulativePercent } });
    }
    return a;
}

} // namespace

QString toName(KpiTile::Judgement judgement)
{
    switch (judgement) {
    case KpiTile::Judgement::NoData: return QStringLiteral("no_data");
    case KpiTile::Judgement::NoTarget: return QStringLiteral("no_target");
    case KpiTile::Judgement::Met: return QStringLiteral("met");
    case KpiTile::Judgement::Missed: return QStringLiteral("missed");
    }
    return {};
}

QJsonObject kpiQueryToJson(const KpiQuery &query)
{
    QJsonArray priorities, domains;
    for (int p : query.filter.priorities)
        priorities.append(p);
    for (Domain d : query.filter.domains)
        domains.append(toName(d));
    const QJsonObject filter {
        { QStringLiteral("priorities"), priorities },
        { QStringLiteral("domains"), domains },
        { QStringLiteral("services"), QJsonArray::fromStringList(query.filter.services) },
        { QStringLiteral("sites"), QJsonArray::fromStringList(query.filter.sites) },
        { QStringLiteral("groups"), QJsonArray::fromStringList(query.filter.groups) },
        { QStringLiteral("description"), query.filter.describe() },
    };
    const KpiQuery previous = query.previousPeriod();
    return {
        { QStringLiteral("from"), iso(query.fromUtcMs) },
        { QStringLiteral("to"), iso(query.toUtcMs) },
        { QStringLiteral("from_ms"), double(query.fromUtcMs) },
        { QStringLiteral("to_ms"), double(query.toUtcMs) },
        { QStringLiteral("previous_from"), iso(previous.fromUtcMs) },
        { QStringLiteral("previous_to"), iso(previous.toUtcMs) },
        { QStringLiteral("time_zone"), QString::fromUtf8(query.timeZone) },
        { QStringLiteral("filter"), filter },
    };
}

QJsonObject kpiReportToJson(const KpiReport &report)
{
    QJsonArray tiles;
    for (const KpiTile &t : report.tiles) {
        tiles.append(QJsonObject {
            { QStringLiteral("measure"), toName(t.measure) },
            { QStringLiteral("label"), kpiLabel(t.measure) },
            { QStringLiteral("value"), t.hasValue ? QJsonValue(t.value) : QJsonValue() },
            { QStringLiteral("previous"), t.hasPrevious ? QJsonValue(t.previous) : QJsonValue() },
            { QStringLiteral("target"), t.hasTarget ? QJsonValue(t.target) : QJsonValue() },
            { QStringLiteral("lower_is_better"), t.lowerIsBetter },
            { QStringLiteral("samples"), t.samples },
            { QStringLiteral("judgement"), toName(t.judgement) },
        });
    }
    QJsonArray weeks;
    for (const KpiWeek &w : report.weeks) {
        QJsonArray opened;
        for (int n : w.openedByPriority)
            opened.append(n);
        weeks.append(QJsonObject { { QStringLiteral("start"), iso(w.startUtcMs) },
                                   { QStringLiteral("end"), iso(w.endUtcMs) },
                                   { QStringLiteral("start_ms"), double(w.startUtcMs) },
                                   { QStringLiteral("mtta"), durationJson(w.mtta) },
                                   { QStringLiteral("mttr"), durationJson(w.mttr) },
                                   { QStringLiteral("opened_by_priority"), opened } });
    }
    QJsonArray backlog;
    for (const BacklogPoint &b : report.backlog)
        backlog.append(QJsonObject { { QStringLiteral("at"), iso(b.atUtcMs) }, { QStringLiteral("open"), b.open } });
    QJsonArray compliance;
    for (const ComplianceByPriority &c : report.complianceByPriority) {
        compliance.append(QJsonObject { { QStringLiteral("priority"), c.priority },
                                        { QStringLiteral("response"), ratioJson(c.response) },
                                        { QStringLiteral("resolution"), ratioJson(c.resolution) } });
    }
    return {
        { QStringLiteral("query"), kpiQueryToJson(report.query) },
        { QStringLiteral("definitions"), QStringLiteral("docs/kpi.md") },
        { QStringLiteral("computed_at"), iso(report.computedAt) },
        { QStringLiteral("incidents_considered"), report.incidentsConsidered },
        { QStringLiteral("targets"), report.targets.toJson() },
        { QStringLiteral("tiles"), tiles },
        { QStringLiteral("current"), summaryJson(report.current) },
        { QStringLiteral("previous"), summaryJson(report.previous) },
        { QStringLiteral("weeks"), weeks },
        { QStringLiteral("backlog"), backlog },
        { QStringLiteral("compliance_by_priority"), compliance },
        { QStringLiteral("availability_by_service"), availabilityJson(report.availabilityByService) },
        { QStringLiteral("availability_by_ci"), availabilityJson(report.availabilityByConfigurationItem) },
        { QStringLiteral("category_pareto"), paretoJson(report.categoryPareto) },
        { QStringLiteral("ci_pareto"), paretoJson(report.configurationItemPareto) },
    };
}

} // namespace nocturne::core
