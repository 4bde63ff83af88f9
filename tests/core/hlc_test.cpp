#include "testsupport.h"

#include "core/domain/hlc.h"
#include "core/domain/uuid7.h"

#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

#include <random>

namespace nocturne::core::test {
namespace {

TEST(HybridLogicalClock, FollowsTheWallClockWhenItMovesForward)
{
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("n1"));
    EXPECT_EQ(hlc.now(), (HlcTimestamp { T0, 0, QStringLiteral("n1") }));
    clock.advanceMs(5);
    EXPECT_EQ(hlc.now(), (HlcTimestamp { T0 + 5, 0, QStringLiteral("n1") }));
}

TEST(HybridLogicalClock, CountsWithinTheSameMillisecond)
{
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("n1"));
    const HlcTimestamp a = hlc.now(), b = hlc.now(), c = hlc.now();
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_EQ(c.wallMs, T0);
    EXPECT_EQ(c.counter, 2u);
}

TEST(HybridLogicalClock, StaysMonotonicWhenTheWallClockGoesBackwards)
{
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("n1"));
    HlcTimestamp last = hlc.now();
    std::mt19937_64 rng(3);
    for (int i = 0; i < 10'000; ++i) {
        // Steps of up to 50 ms either way: NTP corrections, VM pauses.
        clock.advanceMs(qint64(rng() % 101) - 50);
        const HlcTimestamp next = hlc.now();
        ASSERT_LT(last, next) << "step " << i;
        ASSERT_GE(next.wallMs, clock.nowMs());
        last = next;
    }
    clock.setNowMs(T0 - Hour); // a big step back
    const HlcTimestamp afterStep = hlc.now();
    EXPECT_LT(last, afterStep);
    EXPECT_EQ(afterStep.wallMs, last.wallMs); // holds its wall time, counts instead
}

TEST(HybridLogicalClock, ACounterFullerThanItsSixDigitsCarriesIntoTheNextMillisecond)
{
    // A clock held back for a million events (a peer an hour ahead, a busy server):
    // the text form has six counter digits, and must still round-trip and sort.
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("n1"));
    HlcTimestamp last = hlc.now();
    for (int i = 0; i < 1'000'050; ++i) {
        const HlcTimestamp next = hlc.now();
        ASSERT_LT(last, next);
        ASSERT_LE(next.counter, 999'999u) << "after " << i << " events";
        last = next;
    }
    EXPECT_GT(last.wallMs, T0);
    EXPECT_EQ(HlcTimestamp::fromString(last.toString()), last);

    const HlcTimestamp remote { T0 + Hour, 999'999, QStringLiteral("n2") };
    hlc.observe(remote);
    const HlcTimestamp after = hlc.now();
    EXPECT_LT(remote, after);
    EXPECT_LE(after.counter, 999'999u);
    EXPECT_EQ(HlcTimestamp::fromString(after.toString()), after);
    EXPECT_LT(remote.toString(), after.toString());
}

TEST(HybridLogicalClock, ObserveMovesPastARemoteTimestampAhead)
{
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("n1"));
    const HlcTimestamp remote { T0 + 10 * Minute, 7, QStringLiteral("n2") }; // a peer whose clock runs fast
    hlc.observe(remote);
    const HlcTimestamp local = hlc.now();
    EXPECT_LT(remote, local);
    EXPECT_EQ(local.wallMs, remote.wallMs);
    EXPECT_EQ(local.node, QStringLiteral("n1"));
}

TEST(HybridLogicalClock, ObserveMovesPastARemoteTimestampInTheSameMillisecond)
{
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("a"));
    hlc.now();
    const HlcTimestamp remote { T0, 40, QStringLiteral("z") }; // "z" sorts after "a" on a counter tie
    hlc.observe(remote);
    EXPECT_LT(remote, hlc.now());
}

TEST(HybridLogicalClock, ObservingAnOlderTimestampKeepsLocalTime)
{
    FakeClock clock(T0);
    HybridLogicalClock hlc(clock, QStringLiteral("n1"));
    const HlcTimestamp before = hlc.now();
    hlc.observe(HlcTimestamp { T0 - Hour, 99, QStringLiteral("n2") });
    const HlcTimestamp after = hlc.now();
    EXPECT_LT(before, after);
    EXPECT_EQ(after.wallMs, T0);
}

TEST(HybridLogicalClock, RandomExchangesBetweenNodesPreserveCausality)
{
    std::mt19937_64 rng(11);
    std::vector<std::unique_ptr<FakeClock>> clocks;
    std::vector<std::unique_ptr<HybridLogicalClock>> nodes;
    std::vector<HlcTimestamp> last(4);
    for (int n = 0; n < 4; ++n) {
        clocks.push_back(std::make_unique<FakeClock>(T0 + qint64(rng() % 20'000) - 10'000));
        nodes.push_back(std::make_unique<HybridLogicalClock>(*clocks.back(), QStringLiteral("n%1").arg(n)));
    }
    for (int step = 0; step < 5'000; ++step) {
        const size_t from = rng() % 4, to = rng() % 4;
        clocks[from]->advanceMs(qint64(rng() % 30) - 10);
        const HlcTimestamp sent = nodes[from]->now();
        ASSERT_LT(last[from], sent);
        last[from] = sent;
        // The receiver's next event happens after the message it received.
        nodes[to]->observe(sent);
        const HlcTimestamp received = nodes[to]->now();
        ASSERT_LT(sent, received);
        ASSERT_LT(last[to], received);
        last[to] = received;
    }
}

TEST(HlcTimestamp, StringRoundTrips)
{
    for (const HlcTimestamp &ts : { HlcTimestamp { T0, 0, QStringLiteral("n0123456789ab") }, HlcTimestamp { 1, 999'999, QStringLiteral("x") },
                                    HlcTimestamp { 9'999'999'999'999, 12, QStringLiteral("node.with.dots") }, HlcTimestamp {} }) {
        EXPECT_EQ(HlcTimestamp::fromString(ts.toString()), ts) << ts.toString().toStdString();
    }
}

TEST(HlcTimestamp, StringOrderIsTimestampOrder)
{
    std::mt19937_64 rng(5);
    QList<HlcTimestamp> stamps;
    static const QString nodes[] = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("n1f"), QStringLiteral("n20") };
    for (int i = 0; i < 2'000; ++i) {
        // Near-equal values on purpose: the interesting comparisons are the close ones.
        stamps << HlcTimestamp { T0 + qint64(rng() % 5) * (i % 3 == 0 ? 1 : 100'000), quint32(rng() % (i % 2 ? 3 : 999'999)),
                                 nodes[rng() % 4] };
    }
    stamps << HlcTimestamp { 999, 0, QStringLiteral("a") }; // fewer digits
    for (int i = 0; i + 1 < stamps.size(); ++i) {
        for (int j = i + 1; j < std::min<qsizetype>(stamps.size(), i + 20); ++j) {
            const HlcTimestamp &a = stamps.at(i), &b = stamps.at(j);
            const int textOrder = a.toString().compare(b.toString());
            const auto order = a <=> b;
            ASSERT_EQ(textOrder < 0, order < 0) << a.toString().toStdString() << " vs " << b.toString().toStdString();
            ASSERT_EQ(textOrder == 0, order == 0) << a.toString().toStdString() << " vs " << b.toString().toStdString();
        }
    }
}

TEST(HlcTimestamp, NullIsTheSmallest)
{
    EXPECT_TRUE(HlcTimestamp {}.isNull());
    EXPECT_FALSE((HlcTimestamp { T0, 0, QStringLiteral("n") }).isNull());
    EXPECT_LT(HlcTimestamp {}, (HlcTimestamp { 1, 0, QString() }));
}

TEST(UuidV7, HasTheRfc9562Layout)
{
    static const QRegularExpression layout(QStringLiteral(
        "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    for (int i = 0; i < 1'000; ++i) {
        const QString id = createUuidV7(T0 + i);
        ASSERT_TRUE(layout.match(id).hasMatch()) << id.toStdString();
        ASSERT_TRUE(isUuidV7(id));
    }
}

TEST(UuidV7, CarriesTheTimestampInItsFirst48Bits)
{
    const QString id = createUuidV7(T0);
    const QString hex = id.left(8) + id.mid(9, 4);
    EXPECT_EQ(hex.toLongLong(nullptr, 16), T0);
    EXPECT_TRUE(id.startsWith(QStringLiteral("018bcfe5-6800"))) << id.toStdString();
}

TEST(UuidV7, SortsByCreationTime)
{
    QString previous;
    for (qint64 ms = T0; ms < T0 + 5'000; ms += 7) {
        const QString id = createUuidV7(ms);
        ASSERT_LT(previous, id);
        previous = id;
    }
}

TEST(UuidV7, IdsAreUnique)
{
    QSet<QString> seen;
    for (int i = 0; i < 10'000; ++i)
        seen.insert(createUuidV7(T0));
    EXPECT_EQ(seen.size(), 10'000);
}

TEST(UuidV7, TheDeterministicVariantDependsOnlyOnItsInputs)
{
    const QString a = createUuidV7(T0, 0x0123456789abcdefULL, 0xfedcba9876543210ULL);
    EXPECT_EQ(a, createUuidV7(T0, 0x0123456789abcdefULL, 0xfedcba9876543210ULL));
    EXPECT_TRUE(isUuidV7(a)) << a.toStdString();
    EXPECT_NE(a, createUuidV7(T0, 0x0123456789abcdefULL, 0xfedcba9876543211ULL));
    EXPECT_NE(a, createUuidV7(T0, 0x0123456789abcdeeULL, 0xfedcba9876543210ULL));
    EXPECT_NE(a, createUuidV7(T0 + 1, 0x0123456789abcdefULL, 0xfedcba9876543210ULL));
    // Version and variant bits hold whatever the random bits are.
    for (quint64 bits : { 0ULL, ~0ULL })
        EXPECT_TRUE(isUuidV7(createUuidV7(T0, bits, bits)));
}

TEST(UuidV7, RecognisesOtherUuidsAsNotVersion7)
{
    EXPECT_FALSE(isUuidV7(QStringLiteral("550e8400-e29b-41d4-a716-446655440000"))); // v4
    EXPECT_FALSE(isUuidV7(QStringLiteral("018bcfe5-6800-7000-c000-000000000000"))); // wrong variant
    EXPECT_FALSE(isUuidV7(QStringLiteral("018BCFE5-6800-7000-8000-000000000000"))); // not canonical
    EXPECT_FALSE(isUuidV7(QString()));
}

} // namespace
} // namespace nocturne::core::test
