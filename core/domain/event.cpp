#include "event.h"

#include "sha256.h"

#include <QJsonDocument>

#include <algorithm>

namespace nocturne::core {

namespace {

// JSON string escaping as RFC 8259 requires it, nothing more: the canonical form must
// come out the same from any implementation that follows these rules.
void appendJsonString(QByteArray &out, const QString &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = value.toUtf8();
    const bool plain = std::none_of(utf8.cbegin(), utf8.cend(), [](char c) {
        return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
    });
    if (plain) { // the usual case: one copy, no per-character work
        out += utf8;
        out += '"';
        return;
    }
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace

QByteArray Event::payloadJson() const { return QJsonDocument(payload).toJson(QJsonDocument::Compact); }

QByteArray Event::canonicalForm() const { return canonicalForm(payloadJson()); }

QByteArray Event::canonicalForm(const QByteArray &payloadJson) const
{
    // Keys in sorted order; the payload is Qt's compact JSON, whose keys are sorted too.
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
