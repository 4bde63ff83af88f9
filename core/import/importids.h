#pragma once

#include <QString>

namespace nocturne::core {

// Deterministic ids for imported history. An id has the UUIDv7 layout (the event's
// time in its first 48 bits, so the events index stays append-friendly) but its other
// bits come from a SHA-256 of (source, source number, step) instead of a random
// generator: importing the same export twice yields the same ids, and the store, which
// is idempotent by event id, appends nothing the second time.
QString importIncidentId(const QString &source, const QString &number, qint64 openedAtMs);
QString importEventId(
    const QString &source, const QString &number, const QString &step, qint64 occurredAtMs);

} // namespace nocturne::core
