#include "uuid7.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace nocturne::core {

QString createUuidV7(qint64 unixMs)
{
    QRandomGenerator *random = QRandomGenerator::global();
    return createUuidV7(unixMs, random->generate64(), random->generate64());
}

QString createUuidV7(qint64 unixMs, quint64 randomHigh, quint64 randomLow)
{
    std::array<quint8, 16> bytes {};
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8((quint64(unixMs) >> (8 * (5 - i))) & 0xff);
    for (int i = 0; i < 2; ++i)
        bytes[6 + i] = quint8(randomHigh >> (8 * i));
    for (int i = 0; i < 8; ++i)
        bytes[8 + i] = quint8(randomLow >> (8 * i));
    bytes[6] = quint8((bytes[6] & 0x0f) | 0x70); // version 7
    bytes[8] = quint8((bytes[8] & 0x3f) | 0x80); // RFC 9562 variant

    static constexpr char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += QLatin1Char('-');
        out += QLatin1Char(hex[bytes[i] >> 4]);
        out += QLatin1Char(hex[bytes[i] & 0x0f]);
    }
    return out;
}

bool isUuidV7(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return pattern.match(text).hasMatch();
}

} // namespace nocturne::core
