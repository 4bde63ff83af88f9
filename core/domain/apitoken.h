#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace nocturne::core {

// A bearer token for the server's API. The secret is shown to its owner once and never
// stored: the server keeps only its SHA-256 (hex), and lists the token by its id, which
// is public and cannot authenticate.
struct ApiToken
{
    QString secret; // "noc_" + 43 characters of base64url (32 random bytes)
    QString id; // "tok_" + 12 hex digits
    QByteArray sha256Hex; // of the whole secret, as stored
};

ApiToken generateApiToken();
QByteArray hashApiToken(const QString &secret);
// Whether the text has the shape of a token (prefix, length, alphabet): a cheap screen
// before a hash and a lookup, and a guard against pasting the id instead of the secret.
bool looksLikeApiToken(QStringView text);

} // namespace nocturne::core
