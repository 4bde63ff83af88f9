#pragma once

#include <core/engine/slastatus.h>

#include <QVariant>

namespace nocturne::models {

// The queue's SLA columns (response, resolution, breach risk) for every role, derived
// from the incident's SLA status and "now" at the moment a view asks: a countdown needs
// no model signal per second, only a repaint. `sla` may be null (no policy applies).
QVariant slaCellData(const core::IncidentSla *sla, int column, int role, qint64 nowMs);
bool isSlaColumn(int column);

} // namespace nocturne::models
