#include "event.h"

#include "canonicaljson.h"
#include "sha256.h"

namespace nocturne::core {

QByteArray Event::payloadJson() const { return canonicalJson(payload); }

QByteArray Event::canonicalForm() const { return canonicalForm(payloadJson()); }

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
