// The KPI time series and rankings: weeks, the daily backlog and the Pareto tables.
#include "kpicohort.h"

#include <QDateTime>

#include <algorithm>

namespace nocturne::core::kpi {

QTimeZone zoneOf(const QByteArray &ianaId)
{
    QTimeZone zone(ianaId);
    return zone.isValid() ? zone : QTimeZone::utc();
}

namespace {

qint64 localMidnight(const QDate &date, const QTimeZone &zone)
{
    // QDateTime moves a midnight that does not exist (a DST gap at 00:00) forward.
    return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

std::vector<qint64> weekBoundaries(qint64 from, qint64 to, const QTimeZone &zone)
{
    std::vector<qint64> bounds;
    if (to <= from)
        return bounds;
    const QDate first = QDateTime::fromMSecsSinceEpoch(from, zone).date();
    QDate monday = first.addDays(1 - first.dayOfWeek());
    bounds.push_back(from);
    for (;;) {
        monday = monday.addDays(7);
        const qint64 next = localMidnight(monday, zone);
        if (next >= to)
            break;
        if (next > bounds.back())
            bounds.push_back(next);
    }
    bounds.push_back(to);
    return bounds;
}

std::vector<qint64> dayEnds(qint64 from, qint64 end, const QTimeZone &zone)
{
    std::vector<qint64> ends;
    if (end <= from)
        return ends;
    QDate day = QDateTime::fromMSecsSinceEpoch(from, zone).date();
    for (;;) {
        day = day.addDays(1);
        const qint64 next = localMidnight(day, zone);
        if (next >= end) {
            ends.push_back(end);
            break;
        }
        if (ends.empty() || next > ends.back())
            ends.push_back(next);
    }
    return ends;
}

void fillWeeks(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query, KpiReport *report)
{
    const std::vector<qint64> bounds = weekBoundaries(query.fromUtcMs, query.toUtcMs, zoneOf(query.timeZone));
    if (bounds.size() < 2)
        return;
    const size_t weeks = bounds.size() - 1;
    std::vector<std::vector<qint64>> mtta(weeks), mttr(weeks);
    std::vector<std::array<int, 5>> opened(weeks, std::array<int, 5> {});
    auto weekOf = [&bounds](qint64 t) {
        return size_t(std::upper_bound(bounds.begin(), bounds.end(), t) - bounds.begin()) - 1;
    };
    for (int index : passing) {
        const KpiFact &f = facts.facts[size_t(index)];
        if (openedIn(f, query.fromUtcMs, query.toUtcMs)) {
            const size_t w = weekOf(f.openedAt);
            ++opened[w][size_t(std::clamp(int(f.priority), 1, 5) - 1)];
            if (f.acknowledgedAt > 0)
                mtta[w].push_back(nonNegative(f.acknowledgedAt - f.openedAt));
        }
        if (resolvedIn(f, query.fromUtcMs, query.toUtcMs))
            mttr[weekOf(f.resolvedAt)].push_back(nonNegative(f.resolvedAt - f.openedAt));
    }
    report->weeks.clear();
    report->weeks.reserve(qsizetype(weeks));
    for (size_t w = 0; w < weeks; ++w) {
        KpiWeek week;
        week.startUtcMs = bounds[w];
        week.endUtcMs = bounds[w + 1];
        week.mtta = summarize(mtta[w]);
        week.mttr = summarize(mttr[w]);
        week.openedByPriority = opened[w];
        report->weeks.append(week);
    }
}

void fillBacklog(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query, qint64 now,
                 KpiReport *report)
{
    const std::vector<qint64> ends = dayEnds(query.fromUtcMs, effectiveEnd(query.toUtcMs, now), zoneOf(query.timeZone));
    report->backlog.clear();
    if (ends.empty())
        return;
    // Open at t_k ⇔ opened < t_k ≤ end: a +1 from the first day end after the opening to
    // the first day end after the end, summed once at the end (O(n log days)).
    std::vector<int> delta(ends.size() + 1, 0);
    for (int index : passing) {
        const KpiFact &f = facts.facts[size_t(index)];
        const size_t first = size_t(std::upper_bound(ends.begin(), ends.end(), f.openedAt) - ends.begin());
        if (first == ends.size())
            continue;
        const qint64 end = endOf(f);
        const size_t last = end == Never ? ends.size()
                                         : size_t(std::upper_bound(ends.begin(), ends.end(), end) - ends.begin());
        if (last <= first)
            continue;
        ++delta[first];
        --delta[last];
    }
    int open = 0;
    report->backlog.reserve(qsizetype(ends.size()));
    for (size_t k = 0; k < ends.size(); ++k) {
        open += delta[k];
        report->backlog.append(BacklogPoint { ends[k], open });
    }
}

namespace {

QList<ParetoRow> paretoOf(const std::vector<int> &counts, const QStringList &names)
{
    std::vector<int> order;
    qint64 total = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            order.push_back(int(i));
            total += counts[i];
        }
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return counts[size_t(a)] != counts[size_t(b)] ? counts[size_t(a)] > counts[size_t(b)] : names.at(a) < names.at(b);
    });
    QList<ParetoRow> rows;
    qint64 running = 0;
    for (int i : order) {
        running += counts[size_t(i)];
        rows.append(ParetoRow { names.at(i), counts[size_t(i)], 100.0 * double(running) / double(total) });
    }
    return rows;
}

} // namespace

void fillPareto(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query, KpiReport *report)
{
    std::vector<int> categories(size_t(facts.categories.size()), 0);
    std::vector<int> items(size_t(facts.configurationItems.size()), 0);
    for (int index : passing) {
        const KpiFact &f = facts.facts[size_t(index)];
        if (!openedIn(f, query.fromUtcMs, query.toUtcMs))
            continue;
        if (f.category >= 0 && size_t(f.category) < categories.size())
            ++categories[size_t(f.category)];
        if (f.configurationItem >= 0 && size_t(f.configurationItem) < items.size())
            ++items[size_t(f.configurationItem)];
    }
    report->categoryPareto = paretoOf(categories, facts.categories);
    report->configurationItemPareto = paretoOf(items, facts.configurationItems);
}

} // namespace nocturne::core::kpi
