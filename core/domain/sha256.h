#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace nocturne::core {

// SHA-256 for the audit trail's hashes. Every appended event is hashed twice, and the
// portable implementation in QCryptographicHash costs more than the SQLite insert; on
// processors with the SHA extensions (most x86-64 since 2017) the rounds run in
// hardware. Elsewhere it falls back to QCryptographicHash. Both give identical digests
// (the tests compare them on random inputs).
QByteArray sha256(QByteArrayView data); // 32 raw bytes
QByteArray sha256Hex(QByteArrayView data); // 64 lowercase hex characters
bool sha256UsesHardware();

} // namespace nocturne::core
