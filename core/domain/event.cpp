#include "event.h"

#include "canonicaljson.h"
#include "sha256.h"

#include <QCoreApplication>

namespace nocturne::core {

QString Event::formatError() const
{
    // The HLC's text form has 13 digits of milliseconds and 6 of counter.
    constexpr qint64 WallLimit = 10'000'000'000'000;
    if (id.size() != 36 || incidentId.isEmpty())
        return QCoreApplication::translate("Event", "event \"%1\": the id and the incident id must be UUIDs").arg(id);
    if (actor.isEmpty() || originNode.isEmpty() || hlc.node.isEmpty())
        return QCoreApplication::translate("Event", "event %1: the actor and the origin node must be named").arg(id);
    if (hlc.wallMs < 0 || hlc.wallMs >= WallLimit || hlc.counter > 999'999 || occurredAt < 0 || occurredAt >= WallLimit)
        return QCoreApplication::translate("Event", "event %1: its time or clock counter is out of range").arg(id);
    return {};
}

QByteArray Event::payloadJson() const { return canonicalJson(payload); }

QByteArray Event::canonicalForm(const QByteArray &payloadJson) const
{
    // Keys in sorted order; the payload is canonical JSON, whose keys are sorted too.
    QByteArray out;
    out.reserve(256 + payloadJson.size());
    out += "{\"actor\":";
    appendJsonString(out, actor);
    out += ",\"hlc\":";
    appendJsonString(out, hlc.toString());
    out += ",\"id\":";
    appendJsonString(out, id);
    out += ",\"incident\":";
    appendJsonString(out, incidentId);
    out += ",\"kind\":";
    appendJsonString(out, toName(kind));
    out += ",\"occurred_at\":\"";
    out += QByteArray::number(occurredAt);
    out += "\",\"origin\":";
    appendJsonString(out, originNode);
    out += ",\"payload\":";
    out += payloadJson;
    out += '}';
    return out;
}

QByteArray Event::computeContentHash() const { return computeContentHash(payloadJson()); }

QByteArray Event::computeContentHash(const QByteArray &payloadJson) const
{
    return sha256Hex(canonicalForm(payloadJson));
}

QByteArray chainHash(const QByteArray &previousChainHash, const QByteArray &contentHash)
{
    QByteArray link;
    link.reserve(previousChainHash.size() + 1 + contentHash.size());
    link += previousChainHash;
    link += '|';
    link += contentHash;
    return sha256Hex(link);
}

} // namespace nocturne::core
