#include "kpireportdocument.h"

#include "reportformat.h"

#include "../domain/labels.h"

#include <QCoreApplication>

#include <cmath>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KpiReportDocument)
};

namespace fmt = reportformat;
using Align = ReportTable::Align;

constexpr KpiMeasure AllMeasures[] = {
    KpiMeasure::Mttd, KpiMeasure::Mtta, KpiMeasure::Mttr, KpiMeasure::MttaBusiness, KpiMeasure::MttrBusiness,
    KpiMeasure::MttrCritical, KpiMeasure::FirstContactResolution, KpiMeasure::ResponseCompliance,
    KpiMeasure::ResolutionCompliance, KpiMeasure::ReopenRate, KpiMeasure::Volume, KpiMeasure::Backlog,
    KpiMeasure::Availability, KpiMeasure::Csat,
};

QString judgementText(KpiTile::Judgement judgement)
{
    switch (judgement) {
    case KpiTile::Judgement::Met: return Text::tr("met");
    case KpiTile::Judgement::Missed: return Text::tr("missed");
    case KpiTile::Judgement::NoTarget: return Text::tr("no target");
    case KpiTile::Judgement::NoData: break;
    }
    return Text::tr("no data");
}

QString targetText(const KpiTile &t)
{
    if (!t.hasTarget)
        return fmt::noValue();
    return (t.lowerIsBetter ? QStringLiteral("≤ ") : QStringLiteral("≥ ")) + formatKpiValue(t.measure, t.target, true);
}

// Ratios change in percentage points; durations and counts relative to the previous value.
QString changeText(const KpiTile &t)
{
    if (!t.hasValue || !t.hasPrevious)
        return fmt::noValue();
    auto signedNumber = [](double v, int decimals) {
        const QString digits = QString::number(std::abs(v), 'f', decimals);
        return v > 0 ? QStringLiteral("+") + digits : (v < 0 ? QStringLiteral("−") + digits : digits);
    };
    if (isPercentMeasure(t.measure))
        return signedNumber(t.value - t.previous, 1) + QStringLiteral(" pp");
    if (t.measure == KpiMeasure::Csat)
        return signedNumber(t.value - t.previous, 2);
    if (t.previous == 0)
        return fmt::noValue();
    return signedNumber(100.0 * (t.value - t.previous) / t.previous, 1) + QStringLiteral(" %");
}

QString ratioCell(const Ratio &r) { return QStringLiteral("%1 / %2").arg(r.numerator).arg(r.denominator); }
QString ratioPercent(const Ratio &r) { return r.hasData() ? fmt::percent(r.percent()) : fmt::noValue(); }
QString meanOf(const DurationSummary &d) { return d.count > 0 ? fmt::duration(d.meanMs) : fmt::noValue(); }
QString medianOf(const DurationSummary &d) { return d.count > 0 ? fmt::duration(d.medianMs) : fmt::noValue(); }

ReportTable availabilityTable(const QList<AvailabilityRow> &rows, const QString &nameHeader)
{
    ReportTable t;
    t.header = { nameHeader, Text::tr("Domain"), Text::tr("Outages"), Text::tr("Outage time"),
        Text::tr("Availability"), Text::tr("Target"), Text::tr("Result") };
    t.alignment = { Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Left };
    t.emptyText = Text::tr("No services or configuration items with incidents in the period.");
    for (const AvailabilityRow &r : rows) {
        const bool hasTarget = r.targetPercent > 0;
        t.rows << QStringList { r.name, domainLabel(r.domain), QString::number(r.outages),
            fmt::duration(double(r.outageMs)), fmt::percent(r.percent, 2),
            hasTarget ? QStringLiteral("≥ ") + fmt::percent(r.targetPercent, 2) : fmt::noValue(),
            hasTarget ? (r.percent >= r.targetPercent ? Text::tr("met") : Text::tr("missed"))
                      : Text::tr("no target") };
    }
    return t;
}

ReportTable paretoTable(const QList<ParetoRow> &rows, const QString &nameHeader)
{
    ReportTable t;
    t.header = { nameHeader, Text::tr("Incidents"), Text::tr("Cumulative share") };
    t.alignment = { Align::Left, Align::Right, Align::Right };
    t.emptyText = Text::tr("No incidents opened in the period.");
    for (const ParetoRow &r : rows)
        t.rows << QStringList { r.name.isEmpty() ? Text::tr("(none)") : r.name,
            QString::number(r.count), fmt::percent(r.cumulativePercent) };
    return t;
}

} // namespace

bool isPercentMeasure(KpiMeasure m)
{
    return m == KpiMeasure::FirstContactResolution || m == KpiMeasure::ResponseCompliance
        || m == KpiMeasure::ResolutionCompliance || m == KpiMeasure::ReopenRate || m == KpiMeasure::Availability;
}

bool isDurationMeasure(KpiMeasure m)
{
    return m == KpiMeasure::Mttd || m == KpiMeasure::Mtta || m == KpiMeasure::Mttr || m == KpiMeasure::MttaBusiness
        || m == KpiMeasure::MttrBusiness || m == KpiMeasure::MttrCritical;
}

QString formatKpiValue(KpiMeasure measure, double value, bool hasValue)
{
    if (!hasValue)
        return fmt::noValue();
    if (isDurationMeasure(measure))
        return fmt::duration(value);
    if (measure == KpiMeasure::Availability)
        return fmt::percent(value, 2);
    if (isPercentMeasure(measure))
        return fmt::percent(value);
    if (measure == KpiMeasure::Csat)
        return QString::number(value, 'f', 2);
    return QString::number(qint64(std::llround(value)));
}

QString kpiFormula(KpiMeasure measure)
{
    switch (measure) {
    case KpiMeasure::Mttd:
        return Text::tr("detected − started; incidents opened in the period (mean and median)");
    case KpiMeasure::Mtta:
        return Text::tr("acknowledged − opened; incidents opened in the period and acknowledged");
    case KpiMeasure::Mttr: return Text::tr("resolved − opened; incidents resolved in the period");
    case KpiMeasure::MttaBusiness:
        return Text::tr("MTTA counted in business time of the incident's SLA calendar");
    case KpiMeasure::MttrBusiness:
        return Text::tr("MTTR counted in business time of the incident's SLA calendar");
    case KpiMeasure::MttrCritical: return Text::tr("MTTR of P1 incidents");
    case KpiMeasure::FirstContactResolution:
        return Text::tr(
            "resolved with no reassignment and no escalation ÷ resolved, in the period");
    case KpiMeasure::ResponseCompliance:
        return Text::tr(
            "response clocks met ÷ response clocks decided; incidents opened in the period");
    case KpiMeasure::ResolutionCompliance:
        return Text::tr("resolution clocks met ÷ decided; incidents resolved in the period");
    case KpiMeasure::ReopenRate:
        return Text::tr("resolved in the period and reopened at least once ÷ resolved");
    case KpiMeasure::Volume: return Text::tr("incidents opened in the period");
    case KpiMeasure::Backlog: return Text::tr("incidents open at the end of the period");
    case KpiMeasure::Availability:
        return Text::tr("1 − merged outage time ÷ period; outages are impact-1 incidents from "
                        "started to resolved");
    case KpiMeasure::Csat:
        return Text::tr("mean score (1–5) of incidents resolved in the period that have one");
    }
    return {};
}

ReportDocument kpiReportDocument(const KpiReport &report)
{
    const KpiQuery &q = report.query;
    const QByteArray zone = fmt::validZone(q.timeZone);
    ReportDocument doc;
    doc.title = Text::tr("KPI report");
    doc.subtitle
        = Text::tr("%1 – %2").arg(fmt::dateTime(q.fromUtcMs, zone), fmt::dateTime(q.toUtcMs, zone));
    doc.meta << Text::tr("Period: %1 – %2 (end exclusive)")
                    .arg(fmt::dateTime(q.fromUtcMs, zone), fmt::dateTime(q.toUtcMs, zone))
             << Text::tr("Filters: %1")
                    .arg(
                        q.filter.isEmpty() ? Text::tr("none (all incidents)") : q.filter.describe())
             << Text::tr("Time zone: %1").arg(QString::fromUtf8(zone))
             << Text::tr("Generated at: %1").arg(fmt::dateTime(report.computedAt, zone));

    const KpiSummary &s = report.current;
    doc.addSection(Text::tr("Summary"))
        .keyValues({ { Text::tr("Incidents opened"), QString::number(s.opened) },
            { Text::tr("Incidents resolved"), QString::number(s.resolved) },
            { Text::tr("Open at the end of the period"), QString::number(s.backlogAtEnd) },
            { Text::tr("Incidents matching the filters (any time)"),
                QString::number(report.incidentsConsidered) },
            { Text::tr("Previous period"),
                Text::tr("%1 – %2").arg(fmt::dateTime(q.previousPeriod().fromUtcMs, zone),
                    fmt::dateTime(q.previousPeriod().toUtcMs, zone)) } });

    ReportTable definitions;
    definitions.header = { Text::tr("KPI"), Text::tr("Key"), Text::tr("Definition") };
    for (KpiMeasure m : AllMeasures)
        definitions.rows << QStringList { kpiLabel(m), toName(m), kpiFormula(m) };
    doc.addSection(Text::tr("Definitions"))
        .table(definitions)
        .link(Text::tr("Full definitions and targets: docs/kpi.md"), QStringLiteral("docs/kpi.md"));

    ReportTable tiles;
    tiles.header = { Text::tr("KPI"), Text::tr("Value"), Text::tr("Previous period"),
        Text::tr("Change"), Text::tr("Target"), Text::tr("Result"), Text::tr("Samples") };
    tiles.alignment = { Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Left, Align::Right };
    tiles.emptyText = Text::tr("No KPIs were computed.");
    for (const KpiTile &t : report.tiles)
        tiles.rows << QStringList { kpiLabel(t.measure),
                                    formatKpiValue(t.measure, t.value, t.hasValue),
                                    formatKpiValue(t.measure, t.previous, t.hasPrevious),
                                    changeText(t),
                                    targetText(t),
                                    judgementText(t.judgement),
                                    QString::number(t.samples) };
    doc.addSection(Text::tr("Key figures")).table(tiles);

    ReportTable weeks;
    weeks.header = { Text::tr("Week of"), Text::tr("Opened"), Text::tr("P1"), Text::tr("P2"),
        Text::tr("P3"), Text::tr("P4"), Text::tr("P5"), Text::tr("MTTA mean"),
        Text::tr("MTTA median"), Text::tr("MTTR mean"), Text::tr("MTTR median") };
    weeks.alignment = { Align::Left };
    for (int c = 1; c < weeks.header.size(); ++c)
        weeks.alignment << Align::Right;
    weeks.emptyText = Text::tr("The period has no weeks.");
    for (const KpiWeek &w : report.weeks) {
        int opened = 0;
        QStringList row { fmt::date(w.startUtcMs, zone), {} };
        for (int n : w.openedByPriority) {
            opened += n;
            row << QString::number(n);
        }
        row[1] = QString::number(opened);
        row << meanOf(w.mtta) << medianOf(w.mtta) << meanOf(w.mttr) << medianOf(w.mttr);
        weeks.rows << row;
    }
    doc.addSection(Text::tr("By week"))
        .paragraph(Text::tr("Weeks start on Monday 00:00 in %1; the first and last may be partial.")
                       .arg(QString::fromUtf8(zone)))
        .table(weeks);

    ReportTable compliance;
    compliance.header = { Text::tr("Priority"), Text::tr("Response met / decided"),
        Text::tr("Response"), Text::tr("Resolution met / decided"), Text::tr("Resolution") };
    compliance.alignment = { Align::Left, Align::Right, Align::Right, Align::Right, Align::Right };
    for (const ComplianceByPriority &c : report.complianceByPriority)
        compliance.rows << QStringList { priorityLabel(c.priority), ratioCell(c.response), ratioPercent(c.response),
                                         ratioCell(c.resolution), ratioPercent(c.resolution) };
    doc.addSection(Text::tr("SLA compliance by priority"))
        .paragraph(Text::tr("Targets: response ≥ %1, resolution ≥ %2.")
                       .arg(fmt::percent(report.targets.responseCompliancePercent),
                           fmt::percent(report.targets.resolutionCompliancePercent)))
        .table(compliance);

    doc.addSection(Text::tr("Availability by service"))
        .paragraph(Text::tr("Targets: equipment (warehouse, retail) ≥ %1, website and digital ≥ "
                            "%2, unless a service has its own.")
                       .arg(fmt::percent(report.targets.equipmentUptimePercent, 2),
                           fmt::percent(report.targets.websiteUptimePercent, 2)))
        .table(availabilityTable(report.availabilityByService, Text::tr("Service")));
    doc.addSection(Text::tr("Availability by configuration item"))
        .table(availabilityTable(
            report.availabilityByConfigurationItem, Text::tr("Configuration item")));
    doc.addSection(Text::tr("Pareto of categories"))
        .table(paretoTable(report.categoryPareto, Text::tr("Category")));
    doc.addSection(Text::tr("Pareto of configuration items"))
        .table(paretoTable(report.configurationItemPareto, Text::tr("Configuration item")));
    return doc;
}

} // namespace nocturne::core
