#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace nocturne::core {

// One resolved incident of the local history: how much business time it took to resolve.
struct ResolutionSample
{
    int priority = 5;
    QString category;
    QString service;
    QString group;
    qint64 businessMs = 0;
};

struct BreachEstimate
{
    double probability = 0.0;
    int samples = 0; // history incidents the estimate rests on (those still open at `elapsed`)
    int level = 0; // 0 = priority+category+service+group ... 3 = priority only, 4 = everything
};

// The probability that an open incident breaches its resolution target, from the
// resolution times of similar incidents (docs/forecast.md): among similar
// history incidents that were still unresolved after the business time this one has
// already used, the share that took longer than the target — the empirical conditional
// survival P(T > target | T > elapsed). Similar means the same priority, category, service
// and group; with fewer than `minimumSamples` such incidents it backs off to fewer keys.
class BreachForecaster final
{
public:
    explicit BreachForecaster(const QList<ResolutionSample> &history = {}, int minimumSamples = 30);

    std::optional<BreachEstimate> estimate(int priority, const QString &category, const QString &service,
                                           const QString &group, qint64 elapsedMs, qint64 targetMs) const;
    int sampleCount() const { return m_total; }

private:
    // Category, service and group are interned to small ids when the history is built, so
    // a lookup hashes each string once and allocates nothing: estimate() runs for every
    // open incident in a full evaluation. A field a level ignores holds AnyId.
    static constexpr int AnyId = -1;
    static constexpr int LevelCount = 5;
    struct Key
    {
        int level = 0;
        int priority = 0;
        int category = AnyId;
        int service = AnyId;
        int group = AnyId;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, (quint64(quint32(key.level)) << 32) | quint32(key.priority),
                              (quint64(quint32(key.category)) << 32) | quint32(key.service), key.group);
        }
    };
    // A sorted run of business durations in m_durations.
    struct Range
    {
        qint32 begin = 0; // 32 bits: a chain fits a cache line with its key
        qint32 end = 0;
    };
    // The runs of one key and of every wider key above it, so that backing off needs no
    // further lookup; levels below the key's own are empty.
    using Chain = std::array<Range, LevelCount>;

    static Key key(int level, int priority, int category, int service, int group);
    int idOf(const QString &name) const { return m_ids.value(name, AnyId); }
    qint64 countLongerThan(const Range &range, qint64 ms) const;

    QHash<QString, int> m_ids;
    std::vector<qint64> m_durations;
    QHash<Key, Chain> m_chains;
    int m_minimumSamples;
    int m_total = 0;
};

} // namespace nocturne::core
