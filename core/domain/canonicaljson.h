#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace nocturne::core {

// Canonical compact JSON: object keys sorted, no whitespace, strings escaped only where
// RFC 8259 requires (quote, backslash, control characters as \u00XX), integers without
// exponent. The same value always gives the same bytes, on every replica, which is
// what the audit hashes need; it is also much cheaper than QJsonDocument::toJson.
QByteArray canonicalJson(const QJsonObject &object);
void appendCanonicalJson(QByteArray &out, const QJsonValue &value);
void appendJsonString(QByteArray &out, const QString &value);

} // namespace nocturne::core
