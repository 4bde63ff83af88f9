#pragma once

#include <QHash>
#include <QList>
#include <QString>

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
// resolution times of similar incidents (docs/sla.md, "Breach forecast"): among similar
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
    using Durations = std::vector<qint64>; // sorted
    static QString key(int level, int priority, const QString &category, const QString &service, const QString &group);
    QHash<QString, Durations> m_byKey;
    int m_minimumSamples;
    int m_total = 0;
};

} // namespace nocturne::core
