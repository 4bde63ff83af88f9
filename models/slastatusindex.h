#pragma once

#include <core/engine/slastatus.h>

#include <QHash>
#include <QStringList>

#include <optional>

namespace nocturne::models {

// The SLA status of every incident the engine follows, as the GUI holds it: the engine's
// last snapshot, shared and never copied, plus the deltas received since, until they grow
// large enough to be folded into a fresh map. Lookups return pointers that stay valid
// until the next reset() or apply().
class SlaStatusIndex final
{
public:
    void reset(core::SlaStatusPtr all);
    // Returns the incidents whose status changed (or left the engine).
    QStringList apply(const core::SlaStatusPtr &changed);
    const core::IncidentSla *find(const QString &incidentId) const;
    bool isEmpty() const { return !m_base && m_overlay.isEmpty(); }
    // Forgets everything; a snapshot only this index held is freed off the GUI thread.
    void clear();

private:
    void compact();

    core::SlaStatusPtr m_base;
    // nullopt: the incident left the engine after the snapshot.
    QHash<QString, std::optional<core::IncidentSla>> m_overlay;
};

} // namespace nocturne::models
