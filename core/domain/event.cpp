#include "event.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace nocturne::core {

QByteArray Event::canonicalForm() const
{
    // QJsonObject keeps its keys sorted, so Compact output is canonical for the
    // strings and integers events carry.
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("incident"), incidentId);
    o.insert(QStringLiteral("kind"), toName(kind));
    o.insert(QStringLiteral("payload"), payload);
    o.insert(QStringLiteral("actor"), actor);
    o.insert(QStringLiteral("origin"), originNode);
    o.insert(QStringLiteral("hlc"), hlc.toString());
    o.insert(QStringLiteral("occurred_at"), QString::number(occurredAt));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray Event::computeContentHash() const
{
    return QCryptographicHash::hash(canonicalForm(), QCryptographicHash::Sha256).toHex();
}

QByteArray chainHash(const QByteArray &previousChainHash, const QByteArray &contentHash)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previousChainHash);
    h.addData(QByteArrayView("|"));
    h.addData(contentHash);
    return h.result().toHex();
}

} // namespace nocturne::core
