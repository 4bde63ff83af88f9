#include "serverfixture.h"

#include "support/postgrescluster.h"

#include "core/domain/uuid7.h"
#include "core/sync/eventwire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <map>

namespace nocturne::tests {

namespace {

constexpr int CtlTimeoutMs = 60000;

// Destroyed at exit: each server gets its SIGTERM before the cluster goes away.
struct Backends
{
    std::map<QString, std::unique_ptr<ServerBackend>> started;
    std::map<QString, QString> failures;
    std::unique_ptr<QTemporaryDir> dir;
};

Backends &backends()
{
    static Backends instance;
    return instance;
}

} // namespace

void stopSharedBackends()
{
    backends().started.clear();
}

qint64 ServerBackend::revision() const
{
    const HttpReply reply = httpRequest("GET", server.url(QStringLiteral("/healthz")));
    return reply.status == 200 ? reply.json().object().value(QStringLiteral("revision")).toInteger(-1) : -1;
}

int runCtl(const QStringList &arguments, QByteArray *output, QByteArray *errors)
{
    QProcess process;
    process.start(binaryPath(QStringLiteral("nocturnectl")), arguments);
    if (!process.waitForFinished(CtlTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (output)
        *output = process.readAllStandardOutput();
    if (errors)
        *errors = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QByteArray addUserWithToken(const QString &database, const QString &user, const QString &role, QString *error)
{
    QByteArray out, err;
    if (runCtl({ QStringLiteral("--db"), database, QStringLiteral("user"), QStringLiteral("add"), user, QStringLiteral("--role"), role,
                 QStringLiteral("--display-name"), user },
               &out, &err)
        != 0) {
        *error = QStringLiteral("user add %1: %2").arg(user, QString::fromUtf8(err));
        return {};
    }
    if (runCtl({ QStringLiteral("--db"), database, QStringLiteral("token"), QStringLiteral("create"), user, QStringLiteral("--label"),
                 QStringLiteral("tests") },
               &out, &err)
        != 0) {
        *error = QStringLiteral("token create %1: %2").arg(user, QString::fromUtf8(err));
        return {};
    }
    return out.trimmed();
}

QString freshDatabase(const QString &backend, const QString &tag, QTemporaryDir &dir, QString *error)
{
    if (backend == QLatin1StringView("sqlite"))
        return dir.filePath(tag + QStringLiteral(".db"));
    PostgresCluster *cluster = PostgresCluster::shared(error);
    if (!cluster)
        return {};
    static int counter = 0;
    return cluster->createDatabase(QStringLiteral("server_%1_%2").arg(tag).arg(++counter), error);
}

ServerBackend *sharedBackend(const QString &name, QString *error)
{
    Backends &all = backends();
    if (const auto it = all.started.find(name); it != all.started.end())
        return it->second.get();
    if (const auto it = all.failures.find(name); it != all.failures.end()) {
        *error = it->second;
        return nullptr;
    }
    if (!all.dir)
        all.dir = std::make_unique<QTemporaryDir>();
    auto backend = std::make_unique<ServerBackend>();
    backend->name = name;
    QString problem;
    backend->database = freshDatabase(name, QStringLiteral("shared"), *all.dir, &problem);
    // Create the schema first (the server with --create), then the accounts through the
    // real nocturnectl while the server runs: both programs share the store.
    if (!backend->database.isEmpty() && backend->server.start(backend->database, {}, &problem)) {
        for (const char *role : { "admin", "operator", "supervisor", "auditor", "integration" }) {
            const QByteArray token = addUserWithToken(backend->database, backend->user(role), QLatin1StringView(role), &problem);
            if (token.isEmpty())
                break;
            backend->tokens.insert(QLatin1StringView(role), token);
        }
    }
    if (backend->tokens.size() != 5) {
        all.failures[name] = problem;
        *error = problem;
        return nullptr;
    }
    return (all.started[name] = std::move(backend)).get();
}

core::Event openedEvent(const QString &actor, const QString &title, qint64 atMs, int counter)
{
    core::Event e;
    e.id = core::createUuidV7(atMs);
    e.incidentId = core::createUuidV7(atMs);
    e.kind = core::EventKind::Opened;
    e.payload = { { QStringLiteral("title"), title },
                  { QStringLiteral("impact"), 2 },
                  { QStringLiteral("urgency"), 2 },
                  { QStringLiteral("priority"), 3 },
                  { QStringLiteral("channel"), QStringLiteral("phone") },
                  // As a replica sends it: a provisional number until the server gives one.
                  { QStringLiteral("number"), QStringLiteral("P-TEST-%1").arg(counter + 1, 4, 10, QLatin1Char('0')) } };
    e.actor = actor;
    e.originNode = QStringLiteral("test-replica");
    e.hlc = core::HlcTimestamp { atMs, quint32(counter), e.originNode };
    e.occurredAt = atMs;
    return e;
}

core::Event commentEvent(const QString &incidentId, const QString &actor, const QString &text, qint64 atMs, int counter)
{
    core::Event e;
    e.id = core::createUuidV7(atMs);
    e.incidentId = incidentId;
    e.kind = core::EventKind::Commented;
    e.payload = { { QStringLiteral("text"), text } };
    e.actor = actor;
    e.originNode = QStringLiteral("test-replica");
    e.hlc = core::HlcTimestamp { atMs, quint32(counter), e.originNode };
    e.occurredAt = atMs;
    return e;
}

QByteArray eventsBody(const QList<core::Event> &events)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("events"), core::eventsToWire(events) } }).toJson(QJsonDocument::Compact);
}

} // namespace nocturne::tests
