#include "apitoken.h"

#include "sha256.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace nocturne::core {

namespace {

constexpr QLatin1StringView SecretPrefix("noc_");
constexpr QLatin1StringView IdPrefix("tok_");
constexpr qsizetype SecretBytes = 32;
constexpr qsizetype EncodedLength = 43; // 32 bytes in unpadded base64url

bool isBase64UrlCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
        || u == u'-' || u == u'_';
}

} // namespace

ApiToken generateApiToken()
{
    // The operating system's generator: the secret is the whole credential.
    std::array<quint32, SecretBytes / 4> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray random(reinterpret_cast<const char *>(words.data()), SecretBytes);

    ApiToken token;
    token.secret = SecretPrefix
        + QString::fromLatin1(
            random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    token.id = IdPrefix
        + QStringLiteral("%1").arg(
            QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
    token.sha256Hex = hashApiToken(token.secret);
    return token;
}

QByteArray hashApiToken(const QString &secret)
{
    return sha256Hex(secret.toUtf8());
}

bool looksLikeApiToken(QStringView text)
{
    if (text.size() != SecretPrefix.size() + EncodedLength || !text.startsWith(SecretPrefix))
        return false;
    const QStringView encoded = text.mid(SecretPrefix.size());
    return std::all_of(encoded.begin(), encoded.end(), isBase64UrlCharacter);
}

} // namespace nocturne::core
