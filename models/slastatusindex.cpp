#include "slastatusindex.h"

#include <QThreadPool>

#include <algorithm>
#include <utility>

namespace nocturne::models {

namespace {

// Deltas are folded into a new map once they are this many: a small overlay keeps
// lookups one probe each, a large one would be a second copy of the snapshot anyway.
constexpr qsizetype MinCompactSize = 1024;

// Freeing a snapshot of 100k statuses takes longer than a frame; when this index holds the
// last reference, the GUI thread hands it to a pool thread to free.
void releaseElsewhere(core::SlaStatusPtr snapshot)
{
    if (!snapshot || snapshot.use_count() > 1)
        return;
    QThreadPool::globalInstance()->start([snapshot = std::move(snapshot)]() mutable { snapshot.reset(); });
}

} // namespace

void SlaStatusIndex::reset(core::SlaStatusPtr all)
{
    releaseElsewhere(std::exchange(m_base, std::move(all)));
    m_overlay.clear();
}

void SlaStatusIndex::clear() { reset(nullptr); }

QStringList SlaStatusIndex::apply(const core::SlaStatusPtr &changed)
{
    QStringList ids;
    if (!changed)
        return ids;
    ids.reserve(changed->size());
    for (auto it = changed->cbegin(); it != changed->cend(); ++it) {
        if (it->removed)
            m_overlay.insert(it.key(), std::nullopt);
        else
            m_overlay.insert(it.key(), *it);
        ids << it.key();
    }
    const qsizetype baseSize = m_base ? m_base->size() : 0;
    if (m_overlay.size() >= std::max(MinCompactSize, baseSize / 4))
        compact();
    return ids;
}

const core::IncidentSla *SlaStatusIndex::find(const QString &incidentId) const
{
    if (!m_overlay.isEmpty()) {
        if (auto it = m_overlay.constFind(incidentId); it != m_overlay.constEnd())
            return it->has_value() ? &**it : nullptr;
    }
    if (!m_base)
        return nullptr;
    const auto it = m_base->constFind(incidentId);
    return it == m_base->constEnd() ? nullptr : &*it;
}

void SlaStatusIndex::compact()
{
    auto merged = m_base ? std::make_shared<core::SlaStatusMap>(*m_base) : std::make_shared<core::SlaStatusMap>();
    for (auto it = m_overlay.cbegin(); it != m_overlay.cend(); ++it) {
        if (it->has_value())
            merged->insert(it.key(), **it);
        else
            merged->remove(it.key());
    }
    releaseElsewhere(std::exchange(m_base, std::move(merged)));
    m_overlay.clear();
}

} // namespace nocturne::models
