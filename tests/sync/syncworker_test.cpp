// The sync worker on its own thread: syncs on its own, backs off while the server is
// gone, comes back when asked; a refused token is a state of its own.
#include "synctestsupport.h"

#include "core/storage/database.h"
#include "core/storage/eventstore.h"
#include "core/sync/syncworker.h"
#include "core/threading/ownedthread.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

namespace nocturne::sync::test {
namespace {

using State = core::SyncStatus::State;

// Runs the event loop until `done` holds (checked on every status) or the time is up.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 30'000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A local action written by another program on the file (the console's store thread).
void writeLocally(const QString &path, const QString &text)
{
    core::SystemClock clock;
    core::Database db;
    ASSERT_FALSE(db.open(path));
    core::EventStore store(db, clock);
    ASSERT_FALSE(store.initialise());
    const auto r = store.execute({ core::IncidentAction::Open,
                                   {},
                                   { { QStringLiteral("title"), text }, { QStringLiteral("impact"), 1 }, { QStringLiteral("urgency"), 2 } },
                                   QStringLiteral("ana"),
                                   0 });
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
}

TEST(SyncWorker, SyncsOnItsThreadAndBacksOffExponentiallyWhileTheServerIsGone)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("console.db"));
    {
        Replica create(path, {});
        ASSERT_TRUE(create.ok()) << create.openError().toStdString();
    }
    writeLocally(path, QStringLiteral("Website checkout errors"));

    core::SystemClock clock;
    core::OwnedThread<core::SyncWorker> thread(QStringLiteral("nocturne-sync"), std::make_unique<core::SyncWorker>(clock));
    QObject receiver;
    QList<std::pair<qint64, core::SyncStatus>> seen; // received at, status
    QObject::connect(thread.worker(), &core::SyncWorker::statusChanged, &receiver,
                     [&](const core::SyncStatus &s) { seen.append({ QDateTime::currentMSecsSinceEpoch(), s }); });
    QList<core::SyncConflict> conflicts { core::SyncConflict {} };
    QObject::connect(thread.worker(), &core::SyncWorker::conflictsLoaded, &receiver,
                     [&](const QList<core::SyncConflict> &list) { conflicts = list; });
    auto last = [&] { return seen.isEmpty() ? core::SyncStatus {} : seen.last().second; };

    core::SyncSettings settings = server.settings();
    settings.pollIntervalMs = 200;
    thread.worker()->start(path, settings);
    ASSERT_TRUE(waitFor([&] { return last().state == State::Online && last().pending == 0; }));
    EXPECT_GT(last().lastSyncedAtMs, 0);
    EXPECT_GE(last().serverRevision, 2) << "the open and its number";
    thread.worker()->loadConflicts();
    ASSERT_TRUE(waitFor([&] { return conflicts.isEmpty(); }));

    // The server goes away; a local write is kept and retried 1 s, then 2 s later (±20 %).
    server.kill();
    writeLocally(path, QStringLiteral("Payment terminal offline"));
    thread.worker()->syncNow();
    ASSERT_TRUE(waitFor([&] { return last().state == State::Offline; }));
    const core::SyncStatus first = last();
    EXPECT_EQ(first.pending, 1);
    EXPECT_GT(first.offlineSinceMs, 0);
    EXPECT_FALSE(first.lastError.isEmpty());
    EXPECT_GE(first.nextAttemptMs - first.offlineSinceMs, 800);
    EXPECT_LE(first.nextAttemptMs - first.offlineSinceMs, 1200);
    ASSERT_TRUE(waitFor([&] { return last().state == State::Offline && last().nextAttemptMs > first.nextAttemptMs; }));
    const auto [receivedAt, second] = seen.last();
    EXPECT_EQ(second.offlineSinceMs, first.offlineSinceMs) << "the same outage";
    EXPECT_GE(second.nextAttemptMs - receivedAt, 1600 - 250);
    EXPECT_LE(second.nextAttemptMs - receivedAt, 2400);

    // Back: asked to sync, it does not wait for the next attempt.
    ASSERT_TRUE(server.restart(&error)) << error.toStdString();
    if (server.url() != settings.serverUrl) {
        settings.serverUrl = server.url();
        thread.worker()->start(path, settings);
    }
    thread.worker()->syncNow();
    ASSERT_TRUE(waitFor([&] { return last().state == State::Online && last().pending == 0; }, 60'000));
    EXPECT_EQ(last().offlineSinceMs, 0);
    EXPECT_TRUE(last().lastError.isEmpty());
    EXPECT_EQ(readServerEvents(server, server.supervisorToken()).rows, 4);
}

TEST(SyncEngine, ARefusedTokenIsUnauthorizedAndKeepsTheOutbox)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    Replica replica(dir.filePath(QStringLiteral("site.db")),
                    server.settings(QStringLiteral("noc_") + QString(43, QLatin1Char('B'))));
    ASSERT_TRUE(replica.ok()) << replica.openError().toStdString();
    replica.open(QStringLiteral("Cold store temperature alarm"));

    const core::SyncCycleReport refused = replica.sync();
    EXPECT_FALSE(refused.ok);
    EXPECT_EQ(refused.httpStatus, 401);
    EXPECT_EQ(refused.state, State::Unauthorized);
    EXPECT_EQ(replica.engine().status().state, State::Unauthorized);
    EXPECT_EQ(replica.engine().status().pending, 1);
    EXPECT_FALSE(replica.engine().status().lastError.contains(QLatin1StringView("BBBB"))) << "never the token";

    ASSERT_FALSE(replica.engine().setSettings(server.settings()));
    const core::SyncCycleReport accepted = replica.sync();
    ASSERT_TRUE(accepted.ok) << accepted.error.toStdString();
    EXPECT_EQ(accepted.pushed, 1);
    EXPECT_EQ(replica.engine().status().state, State::Online);
}

} // namespace
} // namespace nocturne::sync::test
