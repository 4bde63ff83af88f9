#pragma once

// Internal to the KPI calculator (kpicalculator.cpp, kpiseries.cpp, kpiavailability.cpp):
// the filter resolved against the facts' name tables and the cohort rules of docs/kpi.md,
// in one place so computeKpis() and incidentsBehind() can never disagree.

#include "kpifacts.h"
#include "kpiquery.h"
#include "kpireport.h"

#include <QTimeZone>

#include <limits>
#include <vector>

namespace nocturne::core::kpi {

constexpr qint64 Never = std::numeric_limits<qint64>::max();

// A KpiFilter turned into masks over the name-table indexes: testing a fact is a few
// array reads instead of string comparisons.
class FactFilter final
{
public:
    FactFilter(const KpiFacts &facts, const KpiFilter &filter);
    bool passes(const KpiFact &f) const
    {
        if (m_priorities && !(m_priorities & (1u << unsigned(f.priority))))
            return false;
        if (m_domains && !(m_domains & (1u << unsigned(f.domain))))
            return false;
        return allowed(m_services, f.service) && allowed(m_sites, f.site) && allowed(m_groups, f.group);
    }
    // Indexes of the facts that pass, in storage order.
    std::vector<int> passing(const KpiFacts &facts) const;

private:
    static bool allowed(const std::vector<char> &mask, qint32 index)
    {
        return mask.empty() || (index >= 0 && size_t(index) < mask.size() && mask[size_t(index)]);
    }
    unsigned m_priorities = 0;
    unsigned m_domains = 0;
    std::vector<char> m_services, m_sites, m_groups; // empty: all
};

inline bool within(qint64 t, qint64 from, qint64 to) { return t >= from && t < to; }
inline bool openedIn(const KpiFact &f, qint64 from, qint64 to) { return within(f.openedAt, from, to); }
inline bool resolvedIn(const KpiFact &f, qint64 from, qint64 to)
{
    return f.resolvedAt > 0 && within(f.resolvedAt, from, to);
}
inline bool isOpenState(const KpiFact &f) { return f.state <= int(IncidentState::OnHold); }
// When the incident stopped being open, as far as the projection knows; Never while open.
inline qint64 endOf(const KpiFact &f)
{
    if (isOpenState(f))
        return Never;
    if (f.resolvedAt > 0)
        return f.resolvedAt;
    return f.closedAt > 0 ? f.closedAt : f.openedAt;
}
// Open at the end of a period ending at t: opened before t and not ended before t.
inline bool openAt(const KpiFact &f, qint64 t) { return f.openedAt < t && endOf(f) >= t; }
inline qint64 startedOf(const KpiFact &f) { return f.startedAt > 0 ? f.startedAt : f.openedAt; }
inline qint64 detectedOf(const KpiFact &f) { return f.detectedAt > 0 ? f.detectedAt : f.openedAt; }
inline qint64 nonNegative(qint64 v) { return v > 0 ? v : 0; }
// The source's verdict when it gave one, else our resolution clocks'.
inline int resolutionVerdict(const KpiFact &f) { return f.madeSla >= 0 ? f.madeSla : f.resolutionMet; }
// Where the period's open stretches end: a period reaching into the future stops at now.
inline qint64 effectiveEnd(qint64 to, qint64 now) { return to < now ? to : now; }

// The outage an impact-1 incident stands for, clipped to [from, end); false if none.
bool outageWithin(const KpiFact &f, qint64 from, qint64 end, qint64 *outFrom, qint64 *outTo);

// Whether a fact is in the cohort of a measure for [from, to) (Availability: any outage
// inside the period; Backlog: open at effectiveEnd(to, now)).
bool inCohort(KpiMeasure measure, const KpiFact &f, qint64 from, qint64 to, qint64 now);

DurationSummary summarize(std::vector<qint64> &values); // reorders values

QTimeZone zoneOf(const QByteArray &ianaId);
// Monday 00:00 local instants of the weeks overlapping [from, to), clipped to it: n+1
// boundaries for n weeks.
std::vector<qint64> weekBoundaries(qint64 from, qint64 to, const QTimeZone &zone);
// The end of each local day of [from, end), the last one clipped to end.
std::vector<qint64> dayEnds(qint64 from, qint64 end, const QTimeZone &zone);

void fillWeeks(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query, KpiReport *report);
void fillBacklog(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query, qint64 now,
                 KpiReport *report);
void fillPareto(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query, KpiReport *report);
void fillAvailability(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query,
                      const KpiTargets &targets, qint64 now, KpiReport *report);

} // namespace nocturne::core::kpi
