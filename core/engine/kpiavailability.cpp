// Availability per service and per CI: outages are impact-1 incidents, merged where they
// overlap so two incidents about one failure count its time once.
#include "kpicohort.h"

#include <algorithm>

namespace nocturne::core::kpi {

bool outageWithin(const KpiFact &f, qint64 from, qint64 end, qint64 *outFrom, qint64 *outTo)
{
    if (f.impact != 1)
        return false;
    // Still running: up to the period's end or now. Otherwise when it ended, as the
    // backlog sees it (a finished incident without any end time lasted nothing).
    const qint64 stop = isOpenState(f) ? end : endOf(f);
    const qint64 a = std::max(startedOf(f), from);
    const qint64 b = std::min(stop, end);
    if (b <= a)
        return false;
    *outFrom = a;
    *outTo = b;
    return true;
}

namespace {

struct Stretch
{
    qint32 owner;
    qint64 from;
    qint64 to;
};

QList<AvailabilityRow> rowsOf(std::vector<Stretch> stretches, const std::vector<char> &present,
                              const QStringList &names, const std::vector<qint8> &domains, const KpiTargets &targets,
                              qint64 periodMs)
{
    std::sort(stretches.begin(), stretches.end(), [](const Stretch &a, const Stretch &b) {
        return a.owner != b.owner ? a.owner < b.owner : a.from < b.from;
    });
    std::vector<qint64> down(names.size(), 0);
    std::vector<int> count(names.size(), 0);
    for (size_t i = 0; i < stretches.size();) {
        const qint32 owner = stretches[i].owner;
        qint64 mergedFrom = stretches[i].from;
        qint64 mergedTo = stretches[i].to;
        for (; i < stretches.size() && stretches[i].owner == owner; ++i) {
            ++count[size_t(owner)];
            if (stretches[i].from > mergedTo) {
                down[size_t(owner)] += mergedTo - mergedFrom;
                mergedFrom = stretches[i].from;
            }
            mergedTo = std::max(mergedTo, stretches[i].to);
        }
        down[size_t(owner)] += mergedTo - mergedFrom;
    }
    QList<AvailabilityRow> rows;
    for (int i = 0; i < names.size(); ++i) {
        if (!present[size_t(i)])
            continue;
        AvailabilityRow row;
        row.name = names.at(i);
        row.domain = Domain(domains[size_t(i)]);
        row.outageMs = down[size_t(i)];
        row.periodMs = periodMs;
        row.outages = count[size_t(i)];
        row.percent = periodMs > 0 ? 100.0 * (1.0 - double(row.outageMs) / double(periodMs)) : 100.0;
        row.targetPercent = targets.uptimeTargetFor(row.name, row.domain);
        rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), [](const AvailabilityRow &a, const AvailabilityRow &b) {
        return a.percent != b.percent ? a.percent < b.percent : a.name < b.name;
    });
    return rows;
}

} // namespace

void fillAvailability(const KpiFacts &facts, const std::vector<int> &passing, const KpiQuery &query,
                      const KpiTargets &targets, qint64 now, KpiReport *report)
{
    const qint64 from = query.fromUtcMs;
    const qint64 end = effectiveEnd(query.toUtcMs, now);
    const qint64 periodMs = std::max<qint64>(0, end - from);
    std::vector<char> services(size_t(facts.services.size()), 0);
    std::vector<char> items(size_t(facts.configurationItems.size()), 0);
    // A CI has no domain of its own: it takes that of the first incident naming it.
    std::vector<qint8> itemDomains(size_t(facts.configurationItems.size()), qint8(Domain::It));
    std::vector<qint8> serviceDomains(size_t(facts.services.size()), qint8(Domain::It));
    for (size_t i = 0; i < serviceDomains.size() && i < facts.serviceDomains.size(); ++i)
        serviceDomains[i] = facts.serviceDomains[i];
    std::vector<Stretch> byService, byItem;
    for (int index : passing) {
        const KpiFact &f = facts.facts[size_t(index)];
        const bool hasService = f.service >= 0 && size_t(f.service) < services.size();
        const bool hasItem = f.configurationItem >= 0 && size_t(f.configurationItem) < items.size();
        if (hasService)
            services[size_t(f.service)] = 1;
        if (hasItem && !items[size_t(f.configurationItem)]) {
            items[size_t(f.configurationItem)] = 1;
            itemDomains[size_t(f.configurationItem)] = f.domain;
        }
        qint64 a = 0, b = 0;
        if (!outageWithin(f, from, end, &a, &b))
            continue;
        if (hasService)
            byService.push_back(Stretch { f.service, a, b });
        if (hasItem)
            byItem.push_back(Stretch { f.configurationItem, a, b });
    }
    report->availabilityByService = rowsOf(std::move(byService), services, facts.services, serviceDomains, targets,
                                           periodMs);
    report->availabilityByConfigurationItem = rowsOf(std::move(byItem), items, facts.configurationItems, itemDomains,
                                                     targets, periodMs);
}

} // namespace nocturne::core::kpi
