#include "breachforecast.h"

#include <algorithm>

namespace nocturne::core {

namespace {

// Jeffreys-like smoothing of k successes in n trials: never exactly 0 or 1, so a
// forecast resting on 30 incidents that all met their target still says "unlikely", not
// "impossible"; with thousands of samples the shift (at most 0.5 / (n + 1)) vanishes.
double smoothedShare(qint64 k, qint64 n)
{
    return (double(k) + 0.5) / (double(n) + 1.0);
}

} // namespace

BreachForecaster::BreachForecaster(const QList<ResolutionSample> &history, int minimumSamples)
    : m_minimumSamples(std::max(1, minimumSamples))
{
    const auto intern = [this](const QString &name) {
        const auto it = m_ids.constFind(name);
        if (it != m_ids.constEnd())
            return it.value();
        const int id = int(m_ids.size());
        m_ids.insert(name, id);
        return id;
    };

    // Durations per most specific key first; each wider key then takes whole runs of its
    // narrower ones rather than every sample again.
    QHash<Key, std::vector<qint64>> byKey;
    for (const ResolutionSample &sample : history) {
        const Key narrowest = key(0, sample.priority, intern(sample.category), intern(sample.service),
                                  intern(sample.group));
        byKey[narrowest].push_back(std::max<qint64>(0, sample.businessMs));
    }
    // Into a second table: inserting into the one being read could rehash it under us.
    QHash<Key, std::vector<qint64>> wider;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const Key &from = it.key();
        for (int level = 1; level < LevelCount; ++level) {
            std::vector<qint64> &to = wider[key(level, from.priority, from.category, from.service, from.group)];
            to.insert(to.end(), it.value().begin(), it.value().end());
        }
    }
    for (auto it = wider.begin(); it != wider.end(); ++it)
        byKey.insert(it.key(), std::move(it.value()));

    // One contiguous array of sorted runs, then each key's chain of runs up to level 4.
    QHash<Key, Range> ranges;
    ranges.reserve(byKey.size());
    m_durations.reserve(size_t(history.size()) * LevelCount);
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        std::vector<qint64> &durations = it.value();
        std::sort(durations.begin(), durations.end());
        const auto begin = qint32(m_durations.size());
        m_durations.insert(m_durations.end(), durations.begin(), durations.end());
        ranges.insert(it.key(), Range { begin, qint32(m_durations.size()) });
        std::vector<qint64>().swap(durations);
    }
    m_chains.reserve(ranges.size());
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        const Key &from = it.key();
        Chain chain;
        for (int level = from.level; level < LevelCount; ++level)
            chain[level] = ranges.value(key(level, from.priority, from.category, from.service, from.group));
        m_chains.insert(from, chain);
    }
    m_total = int(history.size());
}

BreachForecaster::Key BreachForecaster::key(int level, int priority, int category, int service, int group)
{
    // Each level drops the most specific remaining field; level 4 ignores the priority too.
    Key result;
    result.level = level;
    result.priority = level < 4 ? priority : 0;
    result.category = level < 3 ? category : AnyId;
    result.service = level < 2 ? service : AnyId;
    result.group = level < 1 ? group : AnyId;
    return result;
}

std::optional<BreachEstimate> BreachForecaster::estimate(int priority, const QString &category,
                                                         const QString &service, const QString &group,
                                                         qint64 elapsedMs, qint64 targetMs) const
{
    // At or past the target an open incident has breached (or will the next instant): that
    // is certain, whatever the history says, so it rests on no samples.
    if (elapsedMs >= targetMs)
        return BreachEstimate { 1.0, 0, 0 };
    if (m_chains.isEmpty())
        return std::nullopt;

    // A name absent from the history cannot match at the levels that use it; start past them.
    const int categoryId = idOf(category);
    const int serviceId = categoryId == AnyId ? AnyId : idOf(service);
    const int groupId = serviceId == AnyId ? AnyId : idOf(group);
    int level = categoryId == AnyId ? 3 : serviceId == AnyId ? 2 : groupId == AnyId ? 1 : 0;

    // The narrowest key present in the history; its chain holds every wider one.
    auto found = m_chains.constEnd();
    for (; level < LevelCount && found == m_chains.constEnd(); ++level)
        found = m_chains.constFind(key(level, priority, categoryId, serviceId, groupId));
    if (found == m_chains.constEnd())
        return std::nullopt;

    const Chain &chain = found.value();
    for (level = found.key().level; level < LevelCount; ++level) {
        const Range &range = chain[level];
        const bool widest = level == LevelCount - 1;
        if (range.end - range.begin < m_minimumSamples && !widest)
            continue; // too few even before counting those resolved within `elapsed`
        const qint64 stillOpen = countLongerThan(range, elapsedMs);
        // The widest level answers with whatever it has rather than not at all.
        const bool enough = stillOpen >= m_minimumSamples || (widest && stillOpen > 0);
        if (!enough)
            continue;
        // target > elapsed: the second search only needs the samples past the first.
        const qint64 breached = countLongerThan(Range { qint32(range.end - stillOpen), range.end }, targetMs);
        return BreachEstimate { smoothedShare(breached, stillOpen), int(stillOpen), level };
    }
    return std::nullopt;
}

// Samples of a run strictly longer than `ms`, in O(log n).
qint64 BreachForecaster::countLongerThan(const Range &range, qint64 ms) const
{
    const auto first = m_durations.begin() + range.begin;
    const auto last = m_durations.begin() + range.end;
    return last - std::upper_bound(first, last, ms);
}

} // namespace nocturne::core
