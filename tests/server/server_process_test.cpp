// nocturne-server as a process: its options and exit codes, TLS, the loopback default,
// and a graceful stop that finishes the batch in flight.
#include "serverfixture.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QTimer>

#include <csignal>

using namespace nocturne;
using namespace nocturne::tests;

namespace {

struct ServerRun
{
    int exitCode = -1;
    QString errors;
};

ServerRun runServer(const QStringList &arguments)
{
    QProcess process;
    process.start(binaryPath(QStringLiteral("nocturne-server")), arguments);
    ServerRun run;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.errors = QString::fromUtf8(process.readAllStandardError());
    return run;
}

TEST(ServerExecutable, BadArgumentsExitWithTwoAndSayWhy)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("args.db"));
    const QList<std::pair<QStringList, const char *>> cases = {
        { { QStringLiteral("--listen"), QStringLiteral("nowhere") }, "--listen" },
        { { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999") }, "--listen" },
        { { QStringLiteral("--tls-cert"), dir.filePath(QStringLiteral("c.pem")) }, "--tls-key" },
        { { QStringLiteral("--max-body"), QStringLiteral("lots") }, "--max-body" },
        { { QStringLiteral("--frobnicate") }, "--frobnicate" },
        { { QStringLiteral("--db") }, "--db" },
        { { QStringLiteral("--tls-cert"), dir.filePath(QStringLiteral("missing-cert.pem")), QStringLiteral("--tls-key"),
            dir.filePath(QStringLiteral("missing-key.pem")), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") },
          "missing-cert.pem" },
    };
    for (const auto &[arguments, mentions] : cases) {
        SCOPED_TRACE(arguments.join(u' ').toStdString());
        const ServerRun run = runServer(QStringList { QStringLiteral("--db"), db, QStringLiteral("--create") } + arguments);
        EXPECT_EQ(run.exitCode, 2);
        EXPECT_TRUE(run.errors.contains(QLatin1StringView(mentions))) << run.errors.toStdString();
    }
}

TEST(ServerExecutable, AStoreThatCannotOpenExitsWithOneAndTheReason)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("absent.db"));
    const ServerRun run = runServer({ QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errors.contains(QLatin1StringView("absent.db"))) << run.errors.toStdString();
    EXPECT_FALSE(QFile::exists(db)) << "without --create nothing is created";
}

TEST(ServerExecutable, ListensOnLoopbackPort8470ByDefault)
{
    QTemporaryDir dir;
    ServerProcess server;
    QString error;
    if (!server.start(dir.filePath(QStringLiteral("default.db")), { QStringLiteral("--no-listen-default") }, &error)) {
        if (error.contains(QLatin1StringView("cannot listen")))
            GTEST_SKIP() << "port 8470 is taken on this machine";
        FAIL() << error.toStdString();
    }
    EXPECT_EQ(server.port(), 8470);
    EXPECT_TRUE(server.output().contains("listening on http://127.0.0.1:8470")) << server.output().toStdString();
    EXPECT_EQ(httpRequest("GET", server.url(QStringLiteral("/healthz"))).status, 200);
}

TEST(ServerExecutable, ServesHttpsWithTheGivenCertificate)
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
    if (!openssl.waitForStarted(10000))
        GTEST_SKIP() << "no openssl command";
    ASSERT_TRUE(openssl.waitForFinished(60000));
    ASSERT_EQ(openssl.exitCode(), 0) << openssl.readAllStandardError().toStdString();

    ServerProcess server;
    QString error;
    ASSERT_TRUE(server.start(dir.filePath(QStringLiteral("tls.db")),
                             { QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key }, &error))
        << error.toStdString();
    EXPECT_EQ(server.scheme(), QStringLiteral("https"));

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(cert));
    const HttpReply reply = httpRequest("GET", server.url(QStringLiteral("/healthz")), {}, {}, {}, 15000, ssl);
    ASSERT_EQ(reply.status, 200) << reply.networkError.toStdString();
    EXPECT_EQ(reply.json()[QStringLiteral("status")].toString(), QStringLiteral("ok"));

    // A client that does not trust the certificate gets no answer.
    const HttpReply untrusted = httpRequest("GET", server.url(QStringLiteral("/healthz")));
    EXPECT_EQ(untrusted.status, 0);
}

TEST(ServerExecutable, SigtermFinishesTheBatchInFlightThenExitsWithZero)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("drain.db"));
    ServerProcess server;
    QString error;
    ASSERT_TRUE(server.start(db, {}, &error)) << error.toStdString();
    const QByteArray token = addUserWithToken(db, QStringLiteral("drainer"), QStringLiteral("operator"), &error);
    ASSERT_FALSE(token.isEmpty()) << error.toStdString();

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<core::Event> batch;
    for (int i = 0; i < 100; ++i) {
        const core::Event opened = openedEvent(QStringLiteral("drainer"), QStringLiteral("Drain %1").arg(i), now, i * 10);
        batch << opened;
        for (int c = 1; c < 10; ++c)
            batch << commentEvent(opened.incidentId, QStringLiteral("drainer"), QStringLiteral("note %1").arg(c), now, i * 10 + c);
    }
    ASSERT_EQ(batch.size(), 1000);

    QNetworkAccessManager manager;
    QNetworkRequest request(server.url(QStringLiteral("/api/v1/events")));
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = manager.post(request, eventsBody(batch));
    bool signalled = false;
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [&](qint64 sent, qint64) {
        if (sent > 0 && !signalled) {
            signalled = true;
            ::kill(pid_t(server.processId()), SIGTERM);
        }
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(reply->isFinished());
    EXPECT_TRUE(signalled);
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200) << reply->errorString().toStdString();
    const QJsonArray results = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("results")).toArray();
    EXPECT_EQ(results.size(), 1000);
    delete reply;

    server.terminate(); // waits for the exit the signal started
    EXPECT_EQ(server.exitCode(), 0);
    EXPECT_TRUE(server.output().contains("nocturne-server stopped")) << server.output().toStdString();

    ServerProcess again;
    ASSERT_TRUE(again.start(db, {}, &error)) << error.toStdString();
    const HttpReply stored = httpRequest("GET", again.url(QStringLiteral("/api/v1/events?since=0&limit=5000")), token);
    ASSERT_EQ(stored.status, 200);
    int mine = 0;
    for (const QJsonValue &e : stored.json()[QStringLiteral("events")].toArray())
        mine += e[QStringLiteral("actor")].toString() == QLatin1StringView("drainer");
    EXPECT_EQ(mine, 1000);
}

} // namespace
