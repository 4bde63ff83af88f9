#pragma once

#include "kpiquery.h"
#include "kpitargets.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <memory>

namespace nocturne::core {

// Every KPI of docs/kpi.md. The machine name (toName) is the key in JSON, CSV and the CLI.
enum class KpiMeasure {
    Mttd, // detected - started, incidents opened in the period
    Mtta, // acknowledged - opened, incidents opened in the period and acknowledged
    Mttr, // resolved - opened, incidents resolved in the period
    MttaBusiness, // the same in business time of the incident's SLA calendar
    MttrBusiness,
    MttrCritical, // MTTR of P1 (the target "MTTR < 4 h for critical")
    FirstContactResolution, // resolved in the period with no reassignment and no escalation
    ResponseCompliance, // response clocks met / decided, incidents opened in the period
    ResolutionCompliance, // resolution met / decided, incidents resolved in the period
    ReopenRate, // resolved in the period and reopened at least once / resolved
    Volume, // opened in the period
    Backlog, // open at the end of the period
    Availability, // 1 - merged outage time / period, per service or CI
    Csat, // mean satisfaction of incidents resolved in the period that have a score
};
QString toName(KpiMeasure measure); // "mttr", "first_contact_resolution", ...
QString kpiLabel(KpiMeasure measure); // translated, "Mean time to resolve"

// A mean and a median over a set of durations (ms). count == 0: no data.
struct DurationSummary
{
    int count = 0;
    double meanMs = 0;
    double medianMs = 0; // the middle value, or the mean of the two middle values
    friend bool operator==(const DurationSummary &, const DurationSummary &) = default;
};

// numerator / denominator as a percentage; denominator 0: no data.
struct Ratio
{
    int numerator = 0;
    int denominator = 0;
    double percent() const { return denominator > 0 ? 100.0 * numerator / denominator : 0.0; }
    bool hasData() const { return denominator > 0; }
    friend bool operator==(const Ratio &, const Ratio &) = default;
};

// Everything headline for one period.
struct KpiSummary
{
    DurationSummary mttd;
    DurationSummary mtta;
    DurationSummary mttr;
    DurationSummary mttaBusiness;
    DurationSummary mttrBusiness;
    DurationSummary mttrCritical;
    Ratio firstContactResolution;
    Ratio responseCompliance;
    Ratio resolutionCompliance;
    Ratio reopenRate;
    int opened = 0;
    int resolved = 0;
    int backlogAtEnd = 0; // open at the end of the period
    int csatCount = 0;
    double csatMean = 0;
    friend bool operator==(const KpiSummary &, const KpiSummary &) = default;
};

// A dashboard tile: the value now, the previous period's, and the target.
struct KpiTile
{
    enum class Judgement { NoData, NoTarget, Met, Missed };
    KpiMeasure measure = KpiMeasure::Mttr;
    double value = 0; // ms for durations, percent for ratios, count for volume, score for CSAT
    double previous = 0;
    bool hasValue = false;
    bool hasPrevious = false;
    double target = 0;
    bool hasTarget = false;
    bool lowerIsBetter = true;
    int samples = 0;
    Judgement judgement = Judgement::NoData;
    friend bool operator==(const KpiTile &, const KpiTile &) = default;
};

// One week of the period (weeks start Monday 00:00 in the query's zone; the first and
// last may be partial, clipped to the period).
struct KpiWeek
{
    qint64 startUtcMs = 0;
    qint64 endUtcMs = 0;
    DurationSummary mtta; // acknowledged incidents opened this week
    DurationSummary mttr; // resolved this week
    std::array<int, 5> openedByPriority {}; // index 0 = P1
    friend bool operator==(const KpiWeek &, const KpiWeek &) = default;
};

// Open incidents at an instant (the end of each day of the period, in the query's zone).
struct BacklogPoint
{
    qint64 atUtcMs = 0;
    int open = 0;
    friend bool operator==(const BacklogPoint &, const BacklogPoint &) = default;
};

struct ComplianceByPriority
{
    int priority = 1;
    Ratio response;
    Ratio resolution;
    friend bool operator==(const ComplianceByPriority &, const ComplianceByPriority &) = default;
};

// Availability of one service or CI over the period: outages are incidents of impact 1
// on it, from started_at to resolved_at (or the period's end while unresolved), clipped
// to the period and merged where they overlap.
struct AvailabilityRow
{
    QString name;
    Domain domain = Domain::It;
    qint64 outageMs = 0;
    qint64 periodMs = 0;
    int outages = 0; // incidents counted
    double percent = 100.0;
    double targetPercent = 0;
    friend bool operator==(const AvailabilityRow &, const AvailabilityRow &) = default;
};

// Categories (or CIs) by incidents opened in the period, largest first, with the
// running share that makes the Pareto line.
struct ParetoRow
{
    QString name;
    int count = 0;
    double cumulativePercent = 0;
    friend bool operator==(const ParetoRow &, const ParetoRow &) = default;
};

// The whole dashboard for one query: one computation feeds the tiles, the charts, the
// KPI report and `nocturnectl kpi`.
struct KpiReport
{
    KpiQuery query;
    KpiTargets targets;
    qint64 computedAt = 0;
    int incidentsConsidered = 0; // incidents passing the filter (any time)
    KpiSummary current;
    KpiSummary previous;
    QList<KpiTile> tiles; // in display order
    QList<KpiWeek> weeks;
    QList<BacklogPoint> backlog;
    QList<ComplianceByPriority> complianceByPriority; // P1..P5
    QList<AvailabilityRow> availabilityByService; // worst first
    QList<AvailabilityRow> availabilityByConfigurationItem; // worst first
    QList<ParetoRow> categoryPareto;
    QList<ParetoRow> configurationItemPareto;
};
using KpiReportPtr = std::shared_ptr<const KpiReport>;

// What a click on a tile, a bar or a row stands for: the drill-down asks for the
// incidents behind exactly that number.
struct KpiSelection
{
    KpiMeasure measure = KpiMeasure::Volume;
    bool previousPeriod = false;
    qint64 weekStartUtcMs = 0; // a bar of a weekly chart; 0: the whole period
    int priority = 0; // a priority's bar or segment; 0: all
    QString name {}; // a service, CI or category (availability, Pareto); empty: all
    // Which table `name` is from: a category and a service may share a name.
    enum class NameOf { Any, Service, ConfigurationItem, Category };
    NameOf nameOf = NameOf::Any;
    // The "now" of the computation whose number was clicked (KpiReport::computedAt), so
    // open stretches (backlog, running outages) end where they ended for the number; 0 for
    // the present.
    qint64 nowUtcMs = 0;
    friend bool operator==(const KpiSelection &, const KpiSelection &) = default;
};

} // namespace nocturne::core

Q_DECLARE_METATYPE(nocturne::core::KpiReportPtr)
Q_DECLARE_METATYPE(nocturne::core::KpiSelection)
