#include "kpicalculator.h"

#include "kpicohort.h"

#include <algorithm>
#include <numeric>

namespace nocturne::core {

namespace kpi {

FactFilter::FactFilter(const KpiFacts &facts, const KpiFilter &filter)
{
    for (int p : filter.priorities) {
        if (p >= 1 && p <= 5)
            m_priorities |= 1u << unsigned(p);
        else
            m_priorities |= 1u << 7; // a priority that exists nowhere: the filter matches nothing
    }
    for (Domain d : filter.domains)
        m_domains |= 1u << unsigned(d);
    auto mask = [](const QStringList &table, const QStringList &wanted, std::vector<char> *out) {
        if (wanted.isEmpty())
            return;
        // One slot past the table: a wanted name nobody uses still makes the mask non-empty.
        out->assign(size_t(table.size()) + 1, 0);
        for (int i = 0; i < table.size(); ++i)
            (*out)[size_t(i)] = wanted.contains(table.at(i)) ? 1 : 0;
    };
    mask(facts.services, filter.services, &m_services);
    mask(facts.sites, filter.sites, &m_sites);
    mask(facts.groups, filter.groups, &m_groups);
}

std::vector<int> FactFilter::passing(const KpiFacts &facts) const
{
    std::vector<int> out;
    out.reserve(facts.facts.size());
    const int n = facts.size();
    for (int i = 0; i < n; ++i) {
        if (passes(facts.facts[size_t(i)]))
            out.push_back(i);
    }
    return out;
}

bool inCohort(KpiMeasure measure, const KpiFact &f, qint64 from, qint64 to, qint64 now)
{
    switch (measure) {
    case KpiMeasure::Mttd:
    case KpiMeasure::Volume:
        return openedIn(f, from, to);
    case KpiMeasure::Mtta:
        return openedIn(f, from, to) && f.acknowledgedAt > 0;
    case KpiMeasure::MttaBusiness:
        return openedIn(f, from, to) && f.acknowledgedAt > 0 && f.responseBusinessMs >= 0;
    case KpiMeasure::Mttr:
    case KpiMeasure::FirstContactResolution:
    case KpiMeasure::ReopenRate:
        return resolvedIn(f, from, to);
    case KpiMeasure::MttrBusiness:
        return resolvedIn(f, from, to) && f.resolutionBusinessMs >= 0;
    case KpiMeasure::MttrCritical:
        return resolvedIn(f, from, to) && f.priority == 1;
    case KpiMeasure::ResponseCompliance:
        return openedIn(f, from, to) && f.responseMet >= 0;
    case KpiMeasure::ResolutionCompliance:
        return resolvedIn(f, from, to) && resolutionVerdict(f) >= 0;
    case KpiMeasure::Csat:
        return resolvedIn(f, from, to) && f.csat > 0;
    case KpiMeasure::Backlog:
        return openAt(f, effectiveEnd(to, now));
    case KpiMeasure::Availability: {
        qint64 a = 0, b = 0;
        return outageWithin(f, from, effectiveEnd(to, now), &a, &b);
    }
    }
    return false;
}

DurationSummary summarize(std::vector<qint64> &values)
{
    DurationSummary s;
    s.count = int(values.size());
    if (values.empty())
        return s;
    const qint64 sum = std::accumulate(values.begin(), values.end(), qint64(0));
    s.meanMs = double(sum) / double(values.size());
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + qsizetype(mid), values.end());
    const qint64 upper = values[mid];
    if (values.size() % 2 == 1) {
        s.medianMs = double(upper);
    } else {
        const qint64 lower = *std::max_element(values.begin(), values.begin() + qsizetype(mid));
        s.medianMs = (double(lower) + double(upper)) / 2.0;
    }
    return s;
}

} // namespace kpi

namespace {

using namespace kpi;

// One pass over the filtered facts for the headline numbers of [from, to).
KpiSummary summaryOf(const KpiFacts &facts, const std::vector<int> &passing, qint64 from, qint64 to, qint64 now,
                     QList<ComplianceByPriority> *byPriority)
{
    KpiSummary s;
    std::vector<qint64> mttd, mtta, mttr, mttaBusiness, mttrBusiness, mttrCritical;
    std::array<ComplianceByPriority, 5> compliance {};
    qint64 csatSum = 0;
    const qint64 backlogAt = effectiveEnd(to, now);
    for (int index : passing) {
        const KpiFact &f = facts.facts[size_t(index)];
        const int p = std::clamp(int(f.priority), 1, 5) - 1;
        if (openedIn(f, from, to)) {
            ++s.opened;
            mttd.push_back(nonNegative(detectedOf(f) - startedOf(f)));
            if (f.acknowledgedAt > 0) {
                mtta.push_back(nonNegative(f.acknowledgedAt - f.openedAt));
                if (f.responseBusinessMs >= 0)
                    mttaBusiness.push_back(f.responseBusinessMs);
            }
            if (f.responseMet >= 0) {
                ++s.responseCompliance.denominator;
                ++compliance[size_t(p)].response.denominator;
                if (f.responseMet == 1) {
                    ++s.responseCompliance.numerator;
                    ++compliance[size_t(p)].response.numerator;
                }
            }
        }
        if (resolvedIn(f, from, to)) {
            ++s.resolved;
            const qint64 duration = nonNegative(f.resolvedAt - f.openedAt);
            mttr.push_back(duration);
            if (f.priority == 1)
                mttrCritical.push_back(duration);
            if (f.resolutionBusinessMs >= 0)
                mttrBusiness.push_back(f.resolutionBusinessMs);
            ++s.firstContactResolution.denominator;
            if (f.reassignments == 0 && f.escalations == 0)
                ++s.firstContactResolution.numerator;
            ++s.reopenRate.denominator;
            if (f.reopens > 0)
                ++s.reopenRate.numerator;
            const int verdict = resolutionVerdict(f);
            if (verdict >= 0) {
                ++s.resolutionCompliance.denominator;
                ++compliance[size_t(p)].resolution.denominator;
                if (verdict == 1) {
                    ++s.resolutionCompliance.numerator;
                    ++compliance[size_t(p)].resolution.numerator;
                }
            }
            if (f.csat > 0) {
                ++s.csatCount;
                csatSum += f.csat;
            }
        }
        if (openAt(f, backlogAt))
            ++s.backlogAtEnd;
    }
    s.mttd = summarize(mttd);
    s.mtta = summarize(mtta);
    s.mttr = summarize(mttr);
    s.mttaBusiness = summarize(mttaBusiness);
    s.mttrBusiness = summarize(mttrBusiness);
    s.mttrCritical = summarize(mttrCritical);
    s.csatMean = s.csatCount > 0 ? double(csatSum) / s.csatCount : 0.0;
    if (byPriority) {
        byPriority->clear();
        for (int i = 0; i < 5; ++i) {
            compliance[size_t(i)].priority = i + 1;
            byPriority->append(compliance[size_t(i)]);
        }
    }
    return s;
}

KpiTile judged(KpiTile tile)
{
    if (!tile.hasValue)
        tile.judgement = KpiTile::Judgement::NoData;
    else if (!tile.hasTarget)
        tile.judgement = KpiTile::Judgement::NoTarget;
    else if (tile.lowerIsBetter)
        tile.judgement = tile.value <= tile.target ? KpiTile::Judgement::Met : KpiTile::Judgement::Missed;
    else
        tile.judgement = tile.value >= tile.target ? KpiTile::Judgement::Met : KpiTile::Judgement::Missed;
    return tile;
}

KpiTile durationTile(KpiMeasure measure, const DurationSummary &now, const DurationSummary &before)
{
    KpiTile t;
    t.measure = measure;
    t.value = now.meanMs;
    t.hasValue = now.count > 0;
    t.previous = before.meanMs;
    t.hasPrevious = before.count > 0;
    t.samples = now.count;
    t.lowerIsBetter = true;
    return t;
}

KpiTile ratioTile(KpiMeasure measure, const Ratio &now, const Ratio &before, bool lowerIsBetter)
{
    KpiTile t;
    t.measure = measure;
    t.value = now.percent();
    t.hasValue = now.hasData();
    t.previous = before.percent();
    t.hasPrevious = before.hasData();
    t.samples = now.denominator;
    t.lowerIsBetter = lowerIsBetter;
    return t;
}

KpiTile countTile(KpiMeasure measure, int now, int before, int samples)
{
    KpiTile t;
    t.measure = measure;
    t.value = now;
    t.previous = before;
    t.hasValue = true;
    t.hasPrevious = true;
    t.samples = samples;
    return t;
}

QList<KpiTile> tilesOf(const KpiReport &r)
{
    const KpiSummary &c = r.current;
    const KpiSummary &p = r.previous;
    const KpiTargets &targets = r.targets;
    QList<KpiTile> tiles;

    KpiTile mtta = durationTile(KpiMeasure::Mtta, c.mtta, p.mtta);
    // The MTTA target is the critical one: it judges the tile only when the view is P1.
    if (r.query.filter.priorities == QList<int> { 1 }) {
        mtta.target = double(targets.mttaCriticalMs);
        mtta.hasTarget = true;
    }
    tiles.append(judged(mtta));
    tiles.append(judged(durationTile(KpiMeasure::Mttr, c.mttr, p.mttr)));
    KpiTile critical = durationTile(KpiMeasure::MttrCritical, c.mttrCritical, p.mttrCritical);
    critical.target = double(targets.mttrCriticalMs);
    critical.hasTarget = true;
    tiles.append(judged(critical));

    struct RatioSpec
    {
        KpiMeasure measure;
        Ratio now, before;
        double target;
        bool lowerIsBetter;
    };
    const RatioSpec ratios[] = {
        { KpiMeasure::FirstContactResolution, c.firstContactResolution, p.firstContactResolution,
          targets.firstContactResolutionPercent, false },
        { KpiMeasure::ResponseCompliance, c.responseCompliance, p.responseCompliance,
          targets.responseCompliancePercent, false },
        { KpiMeasure::ResolutionCompliance, c.resolutionCompliance, p.resolutionCompliance,
          targets.resolutionCompliancePercent, false },
        { KpiMeasure::ReopenRate, c.reopenRate, p.reopenRate, targets.reopenRatePercent, true },
    };
    for (const RatioSpec &spec : ratios) {
        KpiTile t = ratioTile(spec.measure, spec.now, spec.before, spec.lowerIsBetter);
        t.target = spec.target;
        t.hasTarget = true;
        tiles.append(judged(t));
    }
    tiles.append(judged(countTile(KpiMeasure::Volume, c.opened, p.opened, c.opened)));
    tiles.append(judged(countTile(KpiMeasure::Backlog, c.backlogAtEnd, p.backlogAtEnd, c.backlogAtEnd)));

    KpiTile csat;
    csat.measure = KpiMeasure::Csat;
    csat.value = c.csatMean;
    csat.hasValue = c.csatCount > 0;
    csat.previous = p.csatMean;
    csat.hasPrevious = p.csatCount > 0;
    csat.samples = c.csatCount;
    csat.lowerIsBetter = false;
    csat.target = targets.csatMinimum;
    csat.hasTarget = true;
    tiles.append(judged(csat));
    return tiles;
}

} // namespace

KpiReport computeKpis(const KpiFacts &facts, const KpiQuery &query, const KpiTargets &targets, qint64 now)
{
    KpiReport report;
    report.query = query;
    report.targets = targets;
    report.computedAt = now;
    const std::vector<int> passing = FactFilter(facts, query.filter).passing(facts);
    report.incidentsConsidered = int(passing.size());
    report.current = summaryOf(facts, passing, query.fromUtcMs, query.toUtcMs, now, &report.complianceByPriority);
    const KpiQuery previous = query.previousPeriod();
    report.previous = summaryOf(facts, passing, previous.fromUtcMs, previous.toUtcMs, now, nullptr);
    report.tiles = tilesOf(report);
    fillWeeks(facts, passing, query, &report);
    fillBacklog(facts, passing, query, now, &report);
    fillPareto(facts, passing, query, &report);
    fillAvailability(facts, passing, query, targets, now, &report);
    return report;
}

QStringList incidentsBehind(const KpiFacts &facts, const KpiQuery &query, const KpiSelection &selection, qint64 now)
{
    const KpiQuery q = selection.previousPeriod ? query.previousPeriod() : query;
    qint64 from = q.fromUtcMs;
    qint64 to = q.toUtcMs;
    KpiMeasure measure = selection.measure;
    const bool weekly = selection.weekStartUtcMs != 0;
    if (weekly && measure == KpiMeasure::Backlog) {
        // A point of the backlog chart: open at that instant.
        to = selection.weekStartUtcMs;
        now = std::max(now, to);
    } else if (weekly) {
        const std::vector<qint64> bounds = weekBoundaries(q.fromUtcMs, q.toUtcMs, zoneOf(q.timeZone));
        const auto it = std::find(bounds.begin(), bounds.end(), selection.weekStartUtcMs);
        if (it == bounds.end() || it + 1 == bounds.end())
            return {};
        from = *it;
        to = *(it + 1);
    }
    const FactFilter filter(facts, q.filter);
    std::vector<int> found;
    for (int i = 0; i < facts.size(); ++i) {
        const KpiFact &f = facts.facts[size_t(i)];
        if (!filter.passes(f) || !inCohort(measure, f, from, to, now))
            continue;
        // The same clamp as the counts (a stray priority outside 1..5 is counted at the edge).
        if (selection.priority != 0 && std::clamp(int(f.priority), 1, 5) != selection.priority)
            continue;
        if (!selection.name.isEmpty()) {
            auto named = [&](const QStringList &table, qint32 index) {
                return index >= 0 && index < table.size() && table.at(index) == selection.name;
            };
            using NameOf = KpiSelection::NameOf;
            const bool match = selection.nameOf == NameOf::Service ? named(facts.services, f.service)
                : selection.nameOf == NameOf::ConfigurationItem    ? named(facts.configurationItems, f.configurationItem)
                : selection.nameOf == NameOf::Category             ? named(facts.categories, f.category)
                : measure == KpiMeasure::Availability
                ? named(facts.services, f.service) || named(facts.configurationItems, f.configurationItem)
                : named(facts.categories, f.category) || named(facts.configurationItems, f.configurationItem)
                    || named(facts.services, f.service);
            if (!match)
                continue;
        }
        found.push_back(i);
    }
    std::sort(found.begin(), found.end(), [&facts](int a, int b) {
        const qint64 oa = facts.facts[size_t(a)].openedAt;
        const qint64 ob = facts.facts[size_t(b)].openedAt;
        return oa != ob ? oa < ob : facts.ids[size_t(a)] < facts.ids[size_t(b)];
    });
    QStringList ids;
    ids.reserve(qsizetype(found.size()));
    for (int i : found)
        ids.append(facts.ids[size_t(i)]);
    return ids;
}

} // namespace nocturne::core
