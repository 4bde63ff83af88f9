// The audit trail's SHA-256 must equal the standard one bit for bit, whichever
// implementation (hardware SHA extensions or Qt's) this processor runs.
#include "core/domain/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <gtest/gtest.h>

namespace nocturne::core {
namespace {

TEST(Sha256, KnownAnswers)
{
    EXPECT_EQ(sha256Hex(""), QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(sha256Hex("abc"), QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              QByteArrayLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

TEST(Sha256, EqualsTheStandardOnEveryLengthAroundTheBlockBoundaries)
{
    QRandomGenerator random(20261127);
    for (int length = 0; length <= 600; ++length) {
        for (int repeat = 0; repeat < 3; ++repeat) {
            QByteArray data(length, Qt::Uninitialized);
            for (char &c : data)
                c = char(random.bounded(256));
            ASSERT_EQ(sha256(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256))
                << "length " << length << (sha256UsesHardware() ? " (hardware)" : " (Qt)");
        }
    }
}

TEST(Sha256, LongInputsOverManyBlocks)
{
    const QByteArray data(1 << 20, 'n');
    EXPECT_EQ(sha256(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
}

} // namespace
} // namespace nocturne::core
