#pragma once

#include "../domain/event.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace nocturne::core {

// The lossless JSON form of an event that replicas and the server exchange. Unlike the
// export form (incidentjson.h) it keeps the HLC and the occurrence time exactly
// (epoch milliseconds) and carries the content hash, so the receiver can check that the
// event it rebuilt is byte for byte the one that was sent.
//
//   { "id", "incident_id", "kind", "payload": {…}, "actor", "origin_node",
//     "hlc": "<HlcTimestamp::toString()>", "occurred_at": <ms>, "content_hash": "<hex>",
//     "server_revision": <n> (sent by the server only) }
QJsonObject eventToWire(const Event &event);
QJsonArray eventsToWire(const QList<Event> &events);

// Parses one wire event strictly: every field present with the right type, no unknown
// field, a known kind, an HLC in canonical form, a content hash that matches. `where`
// prefixes the message ("events[3]") so a client learns which element was wrong.
// `allowRevision`: whether "server_revision" may appear (replicas read it from the
// server; the server ignores nothing a client sends and so refuses it).
std::optional<Event> eventFromWire(const QJsonObject &json, const QString &where, bool allowRevision,
                                   QString *error);

} // namespace nocturne::core
