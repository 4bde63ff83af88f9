#pragma once

#include "hlc.h"
#include "vocabulary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace nocturne::core {

// One immutable change to an incident. `occurredAt` is when it happened in the real
// world (an operator may record a phone call after the fact); the HLC is when it was
// recorded, and orders the fold.
struct Event
{
    QString id; // UUIDv7
    QString incidentId;
    EventKind kind = EventKind::Commented;
    QJsonObject payload;
    QString actor;
    QString originNode;
    HlcTimestamp hlc;
    qint64 occurredAt = 0;
    qint64 serverRevision = 0; // 0 until a central server accepted it

    // The canonical bytes every replica hashes: compact JSON with sorted keys of every
    // field except the server revision (assigned later, outside the content).
    QByteArray computeContentHash() const; // hex SHA-256 of canonicalForm()
    // The same, reusing the payload already serialised as canonical JSON (the store
    // writes those bytes too, so appending serialises each payload once).
    QByteArray canonicalForm(const QByteArray &payloadJson) const;
    QByteArray computeContentHash(const QByteArray &payloadJson) const;
    QByteArray payloadJson() const;

    // Why this event cannot be stored (a malformed id, a time the HLC text form cannot
    // represent, no actor), or an empty string when it can.
    QString formatError() const;

    friend bool operator==(const Event &, const Event &) = default;
};

// Total order of the fold: HLC first, event id to break (impossible) exact ties.
inline bool foldsBefore(const Event &a, const Event &b)
{
    if (auto c = a.hlc <=> b.hlc; c != 0)
        return c < 0;
    return a.id < b.id;
}

// The link that chains an event to everything the database stored before it.
QByteArray chainHash(const QByteArray &previousChainHash, const QByteArray &contentHash);

} // namespace nocturne::core
