// An incident opened offline on one replica reaches the server and another replica with
// the server's number, on SQLite and on PostgreSQL; refused events become conflicts.
#include "synctestsupport.h"

#include "support/postgrescluster.h"

#include "core/storage/eventstore.h"
#include "core/storage/incidentrepository.h"
#include "core/storage/syncrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace nocturne::sync::test {
namespace {

std::optional<core::Incident> incident(Replica &replica, const QString &idOrNumber)
{
    return core::IncidentRepository(replica.engine().database().connection()).find(idOrNumber);
}

void offlineCreationRoundTrip(ServerFixture &server)
{
    QTemporaryDir dir;
    core::SyncSettings unreachable = server.settings();
    unreachable.serverUrl.setPort(1);
    Replica site(dir.filePath(QStringLiteral("site.db")), unreachable);
    ASSERT_TRUE(site.ok()) << site.openError().toStdString();

    const QString provisional = site.open(QStringLiteral("Dock door sensor stuck"));
    EXPECT_TRUE(provisional.startsWith(QLatin1StringView("P-"))) << provisional.toStdString();
    const QString id = incident(site, provisional)->id;
    const core::SyncCycleReport offline = site.sync();
    EXPECT_FALSE(offline.ok);
    EXPECT_EQ(offline.httpStatus, 0);
    EXPECT_TRUE(offline.error.contains(QLatin1StringView("127.0.0.1:1"))) << offline.error.toStdString();
    EXPECT_EQ(site.engine().status().state, core::SyncStatus::State::Offline);
    EXPECT_GT(site.engine().status().offlineSinceMs, 0);
    EXPECT_EQ(site.engine().status().pending, 1);
    EXPECT_EQ(incident(site, id)->number, provisional) << "still provisional while offline";

    ASSERT_FALSE(site.engine().setSettings(server.settings()));
    const core::SyncCycleReport online = site.sync();
    ASSERT_TRUE(online.ok) << online.error.toStdString() << "\nserver output:\n"
                           << server.process().output().toStdString();
    EXPECT_EQ(online.pushed, 1);
    EXPECT_EQ(online.pulled, 1) << "the server's number event";
    EXPECT_TRUE(online.incidentIds.contains(id));
    EXPECT_EQ(site.engine().status().state, core::SyncStatus::State::Online);
    EXPECT_EQ(site.engine().status().pending, 0);
    const QString number = incident(site, id)->number;
    EXPECT_TRUE(core::EventStore::isAuthoritativeNumber(number)) << number.toStdString();

    Replica office(dir.filePath(QStringLiteral("office.db")), server.settings());
    ASSERT_TRUE(office.ok()) << office.openError().toStdString();
    const core::SyncCycleReport pulled = office.sync();
    ASSERT_TRUE(pulled.ok) << pulled.error.toStdString();
    EXPECT_EQ(pulled.pulled, 2);
    ASSERT_TRUE(incident(office, id).has_value());
    EXPECT_EQ(incident(office, id)->number, number);
    EXPECT_EQ(firstIncidentDifference(readContents(site.path()), readContents(office.path())), QString());

    const Contents atServer = readServerEvents(server, server.supervisorToken());
    ASSERT_TRUE(atServer.error.isEmpty()) << atServer.error.toStdString();
    EXPECT_EQ(readContents(site.path()).hashes, atServer.hashes);
    EXPECT_EQ(readContents(office.path()).revisions, atServer.revisions);
}

TEST(SyncRoundTrip, AnIncidentOpenedOfflineGetsTheServersNumberOnEveryReplica)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    offlineCreationRoundTrip(server);
}

TEST(SyncRoundTrip, AnIncidentOpenedOfflineGetsTheServersNumberWithPostgreSql)
{
    QString error;
    tests::PostgresCluster *cluster = tests::PostgresCluster::shared(&error);
    ASSERT_NE(cluster, nullptr) << error.toStdString();
    const QString url = cluster->createDatabase(QStringLiteral("sync_round_trip"), &error);
    ASSERT_FALSE(url.isEmpty()) << error.toStdString();
    ServerFixture server(url);
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    offlineCreationRoundTrip(server);
}

TEST(SyncConflicts, ABatchTheServerRefusesWholeIsSplitAndOnlyTheEventAtFaultIsRefused)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error, { QStringLiteral("--max-body"), QStringLiteral("16384") })) << error.toStdString();
    QTemporaryDir dir;
    Replica replica(dir.filePath(QStringLiteral("site.db")), server.settings());
    ASSERT_TRUE(replica.ok()) << replica.openError().toStdString();
    const QString number = replica.open(QStringLiteral("Sorter jam at DC3"));
    QString tooLarge;
    for (int i = 0; i < 99; ++i) {
        // One comment alone is larger than anything the server takes.
        const QString text = i == 50 ? QString(20'000, QLatin1Char('x')) : QStringLiteral("Belt %1 restarted, jam cleared").arg(i);
        const core::CommandResult r = replica.run({ core::IncidentAction::Comment, number, { { QStringLiteral("text"), text } }, QStringLiteral("ana"), 0 });
        ASSERT_TRUE(r.ok()) << r.error.toStdString();
        if (i == 50)
            tooLarge = r.event.id;
    }

    const core::SyncCycleReport report = replica.sync();
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_EQ(report.pushed, 99);
    EXPECT_EQ(report.refused, 1);
    EXPECT_EQ(replica.engine().status().pending, 0);
    const auto conflicts = replica.engine().repository().conflicts();
    ASSERT_TRUE(conflicts.has_value());
    ASSERT_EQ(conflicts->size(), 1);
    EXPECT_EQ(conflicts->first().eventId, tooLarge);
    EXPECT_EQ(conflicts->first().httpStatus, 413);
    EXPECT_FALSE(conflicts->first().reason.isEmpty());
    const Contents atServer = readContents(server.spec());
    EXPECT_EQ(atServer.rows, 100) << "the 99 events that fit and the number";
    EXPECT_FALSE(atServer.hashes.contains(tooLarge));

    const core::SyncCycleReport again = replica.sync();
    ASSERT_TRUE(again.ok) << again.error.toStdString();
    EXPECT_EQ(again.pushed + again.refused + again.duplicates, 0) << "not offered again";
}

TEST(SyncRoundTrip, AServerWithItsOwnCertificateIsTrustedThroughTheGivenCa)
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1") });
    ASSERT_TRUE(openssl.waitForStarted(10'000)) << "the openssl command is part of the test set-up";
    ASSERT_TRUE(openssl.waitForFinished(60'000));
    ASSERT_EQ(openssl.exitCode(), 0) << openssl.readAllStandardError().toStdString();
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error, { QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key }))
        << error.toStdString();
    ASSERT_EQ(server.url().scheme(), QStringLiteral("https"));

    Replica replica(dir.filePath(QStringLiteral("site.db")), server.settings());
    ASSERT_TRUE(replica.ok()) << replica.openError().toStdString();
    replica.open(QStringLiteral("Handheld scanners cannot log in"));
    const core::SyncCycleReport untrusted = replica.sync();
    EXPECT_FALSE(untrusted.ok);
    EXPECT_EQ(untrusted.state, core::SyncStatus::State::Offline);
    EXPECT_EQ(replica.engine().status().pending, 1);

    core::SyncSettings trusted = server.settings();
    trusted.caCertificatePath = cert;
    ASSERT_FALSE(replica.engine().setSettings(trusted));
    const core::SyncCycleReport report = replica.sync();
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_EQ(report.pushed, 1);
    EXPECT_EQ(report.pulled, 1);

    trusted.caCertificatePath = dir.filePath(QStringLiteral("missing.pem"));
    ASSERT_FALSE(replica.engine().setSettings(trusted));
    const core::SyncCycleReport missing = replica.sync();
    EXPECT_FALSE(missing.ok);
    EXPECT_TRUE(missing.error.contains(QLatin1StringView("missing.pem"))) << missing.error.toStdString();
}

struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CtlRun ctl(const QString &db, const QString &token, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NOCTURNE_SERVER"));
    env.insert(QStringLiteral("NOCTURNE_TOKEN"), token);
    process.setProcessEnvironment(env);
    process.start(tests::binaryPath(QStringLiteral("nocturnectl")), QStringList { QStringLiteral("--db"), db } + arguments);
    CtlRun run;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

TEST(SyncConflicts, AnEventTheServerRefusesIsAConflictWithItsReasonUntilRetried)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("ana.db"));
    const QString url = server.url().toString();
    const QString operatorToken = server.operatorToken();
    ASSERT_EQ(ctl(db, {}, { QStringLiteral("init") }).exitCode, 0);

    // ana's own action syncs right after it is written.
    CtlRun run = ctl(db, operatorToken,
                     { QStringLiteral("--server"), url, QStringLiteral("--actor"), QStringLiteral("ana"), QStringLiteral("create"),
                       QStringLiteral("--title"), QStringLiteral("Label printer down"), QStringLiteral("--impact"),
                       QStringLiteral("3"), QStringLiteral("--urgency"), QStringLiteral("2") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.startsWith(QLatin1StringView("P-"))) << run.out.toStdString();
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    run = ctl(db, {}, { QStringLiteral("list"), QStringLiteral("--json") });
    const QString number = QJsonDocument::fromJson(run.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("number")).toString();
    ASSERT_TRUE(core::EventStore::isAuthoritativeNumber(number)) << run.out.toStdString();

    // An operator's token cannot record an event in someone else's name.
    run = ctl(db, operatorToken,
              { QStringLiteral("--server"), url, QStringLiteral("--actor"), QStringLiteral("ben"), QStringLiteral("comment"),
                number, QStringLiteral("--text"), QStringLiteral("Paper jam cleared") });
    EXPECT_EQ(run.exitCode, 0) << "written locally all the same";
    EXPECT_TRUE(run.err.contains(QLatin1StringView("refused"))) << run.err.toStdString();

    run = ctl(db, {}, { QStringLiteral("sync"), QStringLiteral("conflicts"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonArray conflicts = QJsonDocument::fromJson(run.out.toUtf8()).array();
    ASSERT_EQ(conflicts.size(), 1) << run.out.toStdString();
    const QJsonObject conflict = conflicts.at(0).toObject();
    EXPECT_EQ(conflict.value(QStringLiteral("source")).toString(), QStringLiteral("refused"));
    EXPECT_EQ(conflict.value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
    EXPECT_EQ(conflict.value(QStringLiteral("actor")).toString(), QStringLiteral("ben"));
    EXPECT_EQ(conflict.value(QStringLiteral("kind")).toString(), QStringLiteral("commented"));
    EXPECT_EQ(conflict.value(QStringLiteral("incident")).toString(), number);
    EXPECT_FALSE(conflict.value(QStringLiteral("reason")).toString().isEmpty());
    const QString eventId = conflict.value(QStringLiteral("event_id")).toString();

    // Not offered again by the next sync.
    run = ctl(db, operatorToken, { QStringLiteral("--server"), url, QStringLiteral("sync"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject counts = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(counts.value(QStringLiteral("pushed")).toInt(), 0);
    EXPECT_EQ(counts.value(QStringLiteral("refused")).toInt(), 0);
    EXPECT_EQ(counts.value(QStringLiteral("pending")).toInt(), 0);
    EXPECT_EQ(counts.value(QStringLiteral("conflicts")).toInt(), 1);
    EXPECT_FALSE(readContents(server.spec()).hashes.contains(eventId));

    // With a supervisor's token, retrying puts it back and it goes through.
    run = ctl(db, server.supervisorToken(),
              { QStringLiteral("--server"), url, QStringLiteral("sync"), QStringLiteral("retry"), eventId });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
    run = ctl(db, {}, { QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json") });
    const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(status.value(QStringLiteral("pending")).toInt(), 0);
    EXPECT_EQ(status.value(QStringLiteral("conflicts")).toInt(), 0);
    EXPECT_EQ(status.value(QStringLiteral("server")).toString(), url);
    EXPECT_TRUE(readContents(server.spec()).hashes.contains(eventId));
}

TEST(SyncCommand, SaysWhyWhenTheServerIsUnreachableOrRefusesTheToken)
{
    ServerFixture server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("site.db"));
    ASSERT_EQ(ctl(db, {}, { QStringLiteral("init") }).exitCode, 0);

    // A write with the server down: saved, and said so.
    CtlRun run = ctl(db, server.supervisorToken(),
                     { QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("create"),
                       QStringLiteral("--title"), QStringLiteral("Forklift charger fault"), QStringLiteral("--impact"),
                       QStringLiteral("3"), QStringLiteral("--urgency"), QStringLiteral("3") });
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QLatin1StringView("saved locally; 1 event"))) << run.err.toStdString();

    run = ctl(db, server.supervisorToken(), { QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("sync") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1StringView("http://127.0.0.1:1"))) << run.err.toStdString();

    run = ctl(db, QStringLiteral("noc_") + QString(43, QLatin1Char('A')),
              { QStringLiteral("--server"), server.url().toString(), QStringLiteral("sync") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1StringView("refused the token"))) << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(QLatin1StringView("noc_AAAA"))) << "the token is never printed";

    run = ctl(db, server.supervisorToken(), { QStringLiteral("--server"), server.url().toString(), QStringLiteral("sync") });
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QLatin1StringView("pushed      1"))) << run.out.toStdString();
}

} // namespace
} // namespace nocturne::sync::test
