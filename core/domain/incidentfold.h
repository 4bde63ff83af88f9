#pragma once

#include "event.h"
#include "incident.h"

#include <QList>

namespace nocturne::core {

// Applies one event on top of `incident`. An event the lifecycle refuses in the
// current state is kept (counted, flagged) but changes nothing else, so every replica
// that folds the same events in the same order reaches the same state.
// Returns false when the event was flagged.
bool applyEvent(Incident &incident, const Event &event);

// The deterministic fold: sorts by HLC (then id) and applies every event. Any
// permutation of the same events gives the same incident.
Incident foldEvents(QList<Event> events);

} // namespace nocturne::core
