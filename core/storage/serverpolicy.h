#pragma once

#include "serverstore.h"
#include "../domain/event.h"
#include "../domain/hlc.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace nocturne::core {

// What the central server refuses per event, whichever database is behind it. The
// backend looks up the two facts only it can know (is the incident known, is the id
// already stored and with which content hash) and asks here; the rules live in one place.
struct StoredFacts
{
    bool incidentKnown = false; // stored, or opened earlier in the same batch
    QByteArray storedContentHash; // empty when the id is not stored
};

// The refusal for `event`, or nullopt when the server takes it (as new or as a duplicate).
std::optional<EventOutcome> refusalOf(const Event &event, const Principal &by, const QString &serverNode,
                                      const StoredFacts &facts);

// The server's number event for an incident opened elsewhere: `updated` {"number"} by
// `system`, ordered after the open (the clock observes it first) and dated at the open, so
// the number does not count as activity on the incident.
Event numberEventFor(const Event &opened, const QString &number, const QString &serverNode,
                     HybridLogicalClock &hlc, const Clock &clock);

} // namespace nocturne::core
