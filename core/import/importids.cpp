#include "importids.h"

#include "../domain/uuid7.h"

#include <QCryptographicHash>

namespace nocturne::core {

namespace {

QString derivedId(
    QStringView kind, QStringView source, QStringView number, QStringView step, qint64 atMs)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // A unit separator keeps ("ab", "c") and ("a", "bc") apart.
    const QByteArray key = kind.toUtf8() + '\x1f' + source.toUtf8() + '\x1f' + number.toUtf8()
        + '\x1f' + step.toUtf8();
    hash.addData(key);
    const QByteArray digest = hash.result();
    quint64 high = 0, low = 0;
    for (int i = 0; i < 8; ++i) {
        high = (high << 8) | quint8(digest.at(i));
        low = (low << 8) | quint8(digest.at(8 + i));
    }
    return createUuidV7(atMs, high, low);
}

} // namespace

QString importIncidentId(const QString &source, const QString &number, qint64 openedAtMs)
{
    return derivedId(u"incident", source, number, {}, openedAtMs);
}

QString importEventId(
    const QString &source, const QString &number, const QString &step, qint64 occurredAtMs)
{
    return derivedId(u"event", source, number, step, occurredAtMs);
}

} // namespace nocturne::core
