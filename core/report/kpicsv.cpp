#include "kpicsv.h"

#include "reportformat.h"

#include "../engine/kpijson.h"
#include "../export/incidentcsv.h"

#include <QStringList>

namespace nocturne::core {

namespace {

QString number(double v)
{
    // Shortest exact form, no exponent for the magnitudes KPIs have, never a comma.
    QString s = QString::number(v, 'f', 6);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s == QLatin1StringView("-0") ? QStringLiteral("0") : s;
}

QString unitOf(KpiMeasure m)
{
    switch (m) {
    case KpiMeasure::Mttd: case KpiMeasure::Mtta: case KpiMeasure::Mttr: case KpiMeasure::MttaBusiness:
    case KpiMeasure::MttrBusiness: case KpiMeasure::MttrCritical: return QStringLiteral("ms");
    case KpiMeasure::FirstContactResolution: case KpiMeasure::ResponseCompliance:
    case KpiMeasure::ResolutionCompliance: case KpiMeasure::ReopenRate: case KpiMeasure::Availability:
        return QStringLiteral("percent");
    case KpiMeasure::Volume: case KpiMeasure::Backlog: return QStringLiteral("count");
    case KpiMeasure::Csat: return QStringLiteral("score");
    }
    return {};
}

class Writer
{
public:
    Writer(qint64 from, qint64 to)
        : m_from(reportformat::isoUtc(from))
        , m_to(reportformat::isoUtc(to))
    {
        line({ QStringLiteral("table"), QStringLiteral("period_start"), QStringLiteral("period_end"), QStringLiteral("subject"),
               QStringLiteral("metric"), QStringLiteral("value"), QStringLiteral("unit") });
    }
    void row(const QString &table, const QString &subject, const QString &metric, const QString &value,
             const QString &unit)
    {
        line({ table, m_rowFrom.isEmpty() ? m_from : m_rowFrom, m_rowTo.isEmpty() ? m_to : m_rowTo, subject, metric,
               value, unit });
    }
    void value(const QString &table, const QString &subject, const QString &metric, double v, bool has,
               const QString &unit)
    {
        row(table, subject, metric, has ? number(v) : QString(), unit);
    }
    void duration(const QString &table, const QString &subject, const QString &prefix, const DurationSummary &d)
    {
        value(table, subject, prefix + QStringLiteral("_mean"), d.meanMs, d.count > 0, QStringLiteral("ms"));
        value(table, subject, prefix + QStringLiteral("_median"), d.medianMs, d.count > 0, QStringLiteral("ms"));
        value(table, subject, prefix + QStringLiteral("_count"), d.count, true, QStringLiteral("count"));
    }
    void ratio(const QString &table, const QString &subject, const QString &prefix, const Ratio &r)
    {
        value(table, subject, prefix + QStringLiteral("_met"), r.numerator, true, QStringLiteral("count"));
        value(table, subject, prefix + QStringLiteral("_decided"), r.denominator, true, QStringLiteral("count"));
        value(table, subject, prefix + QStringLiteral("_percent"), r.percent(), r.hasData(), QStringLiteral("percent"));
    }
    // Rows of a sub-period (a week); empty resets to the report's period.
    void setRowPeriod(qint64 from, qint64 to)
    {
        m_rowFrom = from ? reportformat::isoUtc(from) : QString();
        m_rowTo = to ? reportformat::isoUtc(to) : QString();
    }
    QByteArray bytes() const { return m_out.toUtf8(); }

private:
    void line(const QStringList &fields)
    {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        m_out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QString m_from, m_to, m_rowFrom, m_rowTo;
    QString m_out;
};

} // namespace

QByteArray kpiReportToCsv(const KpiReport &report)
{
    Writer w(report.query.fromUtcMs, report.query.toUtcMs);
    const QString count = QStringLiteral("count");
    const QString percent = QStringLiteral("percent");

    const QString tiles = QStringLiteral("tiles");
    for (const KpiTile &t : report.tiles) {
        const QString key = toName(t.measure);
        w.value(tiles, key, QStringLiteral("value"), t.value, t.hasValue, unitOf(t.measure));
        w.value(tiles, key, QStringLiteral("previous"), t.previous, t.hasPrevious, unitOf(t.measure));
        w.value(tiles, key, QStringLiteral("target"), t.target, t.hasTarget, unitOf(t.measure));
        w.value(tiles, key, QStringLiteral("lower_is_better"), t.lowerIsBetter ? 1 : 0, true, QStringLiteral("bool"));
        w.value(tiles, key, QStringLiteral("samples"), t.samples, true, count);
        w.row(tiles, key, QStringLiteral("judgement"), toName(t.judgement), QString());
    }

    const QString summary = QStringLiteral("summary");
    const KpiSummary &s = report.current;
    w.value(summary, {}, QStringLiteral("opened"), s.opened, true, count);
    w.value(summary, {}, QStringLiteral("resolved"), s.resolved, true, count);
    w.value(summary, {}, QStringLiteral("backlog_at_end"), s.backlogAtEnd, true, count);
    w.value(summary, {}, QStringLiteral("incidents_considered"), report.incidentsConsidered, true, count);
    w.duration(summary, {}, QStringLiteral("mttd"), s.mttd);
    w.duration(summary, {}, QStringLiteral("mtta"), s.mtta);
    w.duration(summary, {}, QStringLiteral("mttr"), s.mttr);
    w.duration(summary, {}, QStringLiteral("mtta_business"), s.mttaBusiness);
    w.duration(summary, {}, QStringLiteral("mttr_business"), s.mttrBusiness);
    w.duration(summary, {}, QStringLiteral("mttr_critical"), s.mttrCritical);
    w.ratio(summary, {}, QStringLiteral("first_contact_resolution"), s.firstContactResolution);
    w.ratio(summary, {}, QStringLiteral("response_compliance"), s.responseCompliance);
    w.ratio(summary, {}, QStringLiteral("resolution_compliance"), s.resolutionCompliance);
    w.ratio(summary, {}, QStringLiteral("reopen_rate"), s.reopenRate);
    w.value(summary, {}, QStringLiteral("csat_mean"), s.csatMean, s.csatCount > 0, QStringLiteral("score"));
    w.value(summary, {}, QStringLiteral("csat_count"), s.csatCount, true, count);

    const QString weekly = QStringLiteral("weekly");
    for (const KpiWeek &week : report.weeks) {
        w.setRowPeriod(week.startUtcMs, week.endUtcMs);
        for (int p = 0; p < 5; ++p)
            w.value(weekly, {}, QStringLiteral("opened_p%1").arg(p + 1), week.openedByPriority[size_t(p)], true, count);
        w.duration(weekly, {}, QStringLiteral("mtta"), week.mtta);
        w.duration(weekly, {}, QStringLiteral("mttr"), week.mttr);
    }
    w.setRowPeriod(0, 0);

    const QString compliance = QStringLiteral("compliance");
    for (const ComplianceByPriority &c : report.complianceByPriority) {
        const QString p = QStringLiteral("P%1").arg(c.priority);
        w.ratio(compliance, p, QStringLiteral("response"), c.response);
        w.ratio(compliance, p, QStringLiteral("resolution"), c.resolution);
    }

    auto availability = [&](const QString &table, const QList<AvailabilityRow> &rows) {
        for (const AvailabilityRow &r : rows) {
            w.row(table, r.name, QStringLiteral("domain"), toName(r.domain), QString());
            w.value(table, r.name, QStringLiteral("outages"), r.outages, true, count);
            w.value(table, r.name, QStringLiteral("outage_ms"), double(r.outageMs), true, QStringLiteral("ms"));
            w.value(table, r.name, QStringLiteral("period_ms"), double(r.periodMs), true, QStringLiteral("ms"));
            w.value(table, r.name, QStringLiteral("availability"), r.percent, true, percent);
            w.value(table, r.name, QStringLiteral("target"), r.targetPercent, r.targetPercent > 0, percent);
            w.value(table, r.name, QStringLiteral("met"), r.percent >= r.targetPercent ? 1 : 0, r.targetPercent > 0,
                    QStringLiteral("bool"));
        }
    };
    availability(QStringLiteral("availability_service"), report.availabilityByService);
    availability(QStringLiteral("availability_ci"), report.availabilityByConfigurationItem);

    auto pareto = [&](const QString &table, const QList<ParetoRow> &rows) {
        for (const ParetoRow &r : rows) {
            w.value(table, r.name, QStringLiteral("count"), r.count, true, count);
            w.value(table, r.name, QStringLiteral("cumulative_percent"), r.cumulativePercent, true, percent);
        }
    };
    pareto(QStringLiteral("pareto_category"), report.categoryPareto);
    pareto(QStringLiteral("pareto_ci"), report.configurationItemPareto);
    return w.bytes();
}

} // namespace nocturne::core
