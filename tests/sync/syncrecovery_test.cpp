// The server dies in the middle of a long push and comes back: nothing is lost, nothing
// is stored twice.
#include "synctestsupport.h"

#include "core/domain/hlc.h"
#include "core/domain/uuid7.h"
#include "core/storage/eventstore.h"
#include "core/storage/syncrepository.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

namespace nocturne::sync::test {
namespace {

constexpr int Incidents = 50;
constexpr int Events = 5000;

// Opens the incidents through commands, then appends comments on them in pages (as an
// import would), so the outbox holds `Events` events.
void fillOutbox(Replica &replica)
{
    QStringList ids;
    for (int i = 0; i < Incidents; ++i) {
        const core::CommandResult r = replica.run({ core::IncidentAction::Open,
                                                    {},
                                                    { { QStringLiteral("title"), QStringLiteral("Scanner %1 offline").arg(i) },
                                                      { QStringLiteral("impact"), 3 },
                                                      { QStringLiteral("urgency"), 2 } },
                                                    QStringLiteral("ana"),
                                                    0 });
        ASSERT_TRUE(r.ok()) << r.error.toStdString();
        ids << r.incident.id;
    }
    core::SystemClock clock;
    core::EventStore &store = replica.engine().store();
    core::HybridLogicalClock hlc(clock, store.nodeId());
    QList<core::Event> page;
    for (int n = Incidents; n < Events; ++n) {
        core::Event e;
        e.id = core::createUuidV7(clock.nowMs());
        e.incidentId = ids.at(n % Incidents);
        e.kind = core::EventKind::Commented;
        e.payload = { { QStringLiteral("text"), QStringLiteral("Shift note %1").arg(n) } };
        e.actor = QStringLiteral("ana");
        e.originNode = store.nodeId();
        e.hlc = hlc.now();
        e.occurredAt = clock.nowMs();
        page << e;
        if (page.size() == 1000 || n == Events - 1) {
            const core::AppendResult appended = store.append(page);
            ASSERT_FALSE(appended.error) << appended.error.message.toStdString();
            ASSERT_EQ(appended.appended, page.size());
            page.clear();
        }
    }
}

TEST(SyncRecovery, AServerKilledMidPushAndRestartedHoldsEveryEventExactlyOnce)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    Replica replica(dir.filePath(QStringLiteral("site.db")), server.settings());
    ASSERT_TRUE(replica.ok()) << replica.openError().toStdString();
    ASSERT_NO_FATAL_FAILURE(fillOutbox(replica));
    ASSERT_EQ(replica.engine().repository().pendingCount(), Events);

    // Killed while the second batch is on its way: the first is accepted and recorded.
    bool killed = false;
    QObject::connect(&replica.engine(), &core::SyncEngine::statusChanged, &replica.engine(),
                     [&](const core::SyncStatus &status) {
                         if (killed || status.inFlight == 0 || status.pending >= Events)
                             return;
                         killed = true;
                         QTimer::singleShot(int(QRandomGenerator::global()->bounded(30)), [&server] { server.kill(); });
                     });
    const core::SyncCycleReport interrupted = replica.sync();
    ASSERT_TRUE(killed);
    EXPECT_FALSE(interrupted.ok);
    EXPECT_EQ(interrupted.state, core::SyncStatus::State::Offline);
    EXPECT_FALSE(interrupted.error.isEmpty());
    EXPECT_GE(interrupted.pushed, core::SyncEngine::PushBatch);
    EXPECT_GT(replica.engine().status().pending, 0);

    ASSERT_TRUE(server.restart(&error)) << error.toStdString();
    if (server.url() != replica.engine().settings().serverUrl) {
        ASSERT_FALSE(replica.engine().setSettings(server.settings()));
    }
    core::SyncCycleReport resumed;
    int offered = interrupted.pushed;
    for (int attempt = 0; attempt < 3 && !resumed.ok; ++attempt) {
        resumed = replica.sync();
        offered += resumed.pushed + resumed.duplicates;
    }
    ASSERT_TRUE(resumed.ok) << resumed.error.toStdString();

    const Contents atServer = readContents(server.spec());
    const Contents here = readContents(replica.path());
    ASSERT_TRUE(atServer.error.isEmpty()) << atServer.error.toStdString();
    EXPECT_EQ(atServer.rows, atServer.distinctIds);
    // Every replica event, plus the server's number event for each incident.
    EXPECT_EQ(atServer.rows, Events + Incidents);
    EXPECT_EQ(here.hashes, atServer.hashes);
    EXPECT_EQ(here.revisions, atServer.revisions);
    EXPECT_EQ(replica.engine().repository().pendingCount(), 0);
    EXPECT_EQ(replica.engine().status().pending, 0);
    EXPECT_EQ(offered, Events)
        << "what the kill cut off was offered again; what was stored before it came back as duplicates";
    EXPECT_EQ(firstIncidentDifference(here, atServer), QString());
}

} // namespace
} // namespace nocturne::sync::test
