#pragma once

#include <QString>

namespace nocturne::core {

// RFC 9562 UUID version 7: 48 bits of Unix milliseconds, then random bits. Ids sort
// by creation time, which keeps the events table's index append-friendly.
QString createUuidV7(qint64 unixMs);
// The same layout with caller-supplied random bits, for reproducible generated data.
QString createUuidV7(qint64 unixMs, quint64 randomHigh, quint64 randomLow);
bool isUuidV7(const QString &text);

} // namespace nocturne::core
