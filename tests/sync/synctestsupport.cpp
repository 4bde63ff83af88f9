#include "synctestsupport.h"

#include "core/domain/apitoken.h"
#include "core/storage/eventstore.h"
#include "core/storage/serverstore.h"
#include "core/sync/eventwire.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimer>
#include <QUuid>

void PrintTo(const QString &text, std::ostream *os) { *os << '"' << text.toStdString() << '"'; }

namespace nocturne::sync::test {

ServerFixture::ServerFixture(const QString &spec)
    : m_spec(spec.isEmpty() ? m_dir.filePath(QStringLiteral("server.db")) : spec)
{
}

bool ServerFixture::start(QString *error, const QStringList &extraArguments)
{
    core::SystemClock clock;
    core::DatabaseError failure;
    {
        auto store = core::ServerStore::open(m_spec, clock, true, &failure);
        if (!store) {
            *error = QStringLiteral("cannot create the server store %1: %2").arg(m_spec, failure.message);
            return false;
        }
        auto account = [&](const QString &name, core::Role role, QString *secret) {
            if (auto e = store->addUser({ name, name, role })) {
                *error = e.message;
                return false;
            }
            const core::ApiToken token = core::generateApiToken();
            if (auto e = store->addToken({ token.id, name, QStringLiteral("sync tests"), clock.nowMs(), 0, 0 },
                                         token.sha256Hex)) {
                *error = e.message;
                return false;
            }
            *secret = token.secret;
            return true;
        };
        if (!account(QStringLiteral("sup"), core::Role::Supervisor, &m_supervisor)
            || !account(QStringLiteral("ana"), core::Role::Operator, &m_operator))
            return false;
    }
    return m_process.start(m_spec, extraArguments, error);
}

bool ServerFixture::restart(QString *error)
{
    const int port = m_process.port();
    if (m_process.start(m_spec, { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port) }, error))
        return true;
    return m_process.start(m_spec, {}, error);
}

core::SyncSettings ServerFixture::settings(const QString &token) const
{
    core::SyncSettings s;
    s.serverUrl = url();
    s.user = QStringLiteral("sup");
    s.token = token.isEmpty() ? m_supervisor : token;
    return s;
}

Replica::Replica(const QString &path, const core::SyncSettings &settings)
    : m_path(path)
    , m_engine(std::make_unique<core::SyncEngine>(m_clock))
{
    m_openError = m_engine->open(path, settings, core::DatabaseOptions::Mode::CreateIfMissing);
}

Replica::~Replica() = default;

core::SyncCycleReport Replica::sync(int timeoutMs)
{
    core::SyncCycleReport report;
    report.error = QStringLiteral("the cycle did not finish within %1 ms").arg(timeoutMs);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(m_engine.get(), &core::SyncEngine::cycleFinished, &loop, [&](const core::SyncCycleReport &r) {
        report = r;
        loop.quit();
    });
    timeout.start(timeoutMs);
    m_engine->syncNow();
    loop.exec();
    return report;
}

core::CommandResult Replica::run(const core::IncidentCommand &command)
{
    core::CommandResult result = m_engine->store().execute(command);
    if (result.ok())
        m_created << result.event.id;
    return result;
}

QString Replica::open(const QString &title, const QString &actor)
{
    const core::CommandResult result = run({ core::IncidentAction::Open,
                                             {},
                                             { { QStringLiteral("title"), title },
                                               { QStringLiteral("impact"), 2 },
                                               { QStringLiteral("urgency"), 2 } },
                                             actor,
                                             0 });
    return result.ok() ? result.incident.number : QString();
}

Contents readContents(const QString &sqlitePath)
{
    Contents c;
    const QString name = QStringLiteral("contents-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            c.error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT id, content_hash, ifnull(server_revision, 0) FROM events"))) {
                while (q.next()) {
                    c.hashes.insert(q.value(0).toString(), q.value(1).toByteArray());
                    c.revisions.insert(q.value(0).toString(), q.value(2).toLongLong());
                }
            } else {
                c.error = q.lastError().text();
            }
            if (q.exec(QStringLiteral("SELECT count(id), count(DISTINCT id) FROM events")) && q.next()) {
                c.rows = q.value(0).toLongLong();
                c.distinctIds = q.value(1).toLongLong();
            }
            if (q.exec(QStringLiteral("SELECT * FROM incidents ORDER BY id"))) {
                const QSqlRecord record = q.record();
                for (int i = 0; i < record.count(); ++i)
                    c.incidentColumns << record.fieldName(i);
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < record.count(); ++i)
                        row << q.value(i);
                    c.incidents << row;
                }
            } else {
                c.error = q.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return c;
}

Contents readServerEvents(const ServerFixture &server, const QString &token)
{
    Contents c;
    qint64 since = 0;
    for (;;) {
        QUrl url = server.url();
        url.setPath(QStringLiteral("/api/v1/events"));
        url.setQuery(QStringLiteral("since=%1&limit=5000").arg(since));
        const tests::HttpReply reply = tests::httpRequest("GET", url, token.toUtf8());
        if (reply.status != 200) {
            c.error = QStringLiteral("GET events: HTTP %1 %2 %3")
                          .arg(reply.status)
                          .arg(reply.networkError, QString::fromUtf8(reply.body));
            return c;
        }
        const QJsonObject body = reply.json().object();
        const QJsonArray events = body.value(QStringLiteral("events")).toArray();
        for (qsizetype i = 0; i < events.size(); ++i) {
            QString problem;
            const auto event = core::eventFromWire(events.at(i).toObject(), QStringLiteral("events[%1]").arg(i), true,
                                                   &problem);
            if (!event) {
                c.error = problem;
                return c;
            }
            ++c.rows;
            c.hashes.insert(event->id, event->computeContentHash());
            c.revisions.insert(event->id, event->serverRevision);
        }
        c.distinctIds = c.hashes.size();
        const qint64 next = body.value(QStringLiteral("next_since")).toInteger();
        if (!body.value(QStringLiteral("more")).toBool() || next <= since)
            return c;
        since = next;
    }
}

QString firstIncidentDifference(const Contents &a, const Contents &b)
{
    if (a.incidentColumns != b.incidentColumns)
        return QStringLiteral("columns differ");
    if (a.incidents.size() != b.incidents.size())
        return QStringLiteral("%1 incidents against %2").arg(a.incidents.size()).arg(b.incidents.size());
    for (qsizetype row = 0; row < a.incidents.size(); ++row) {
        for (qsizetype column = 0; column < a.incidentColumns.size(); ++column) {
            const QVariant &x = a.incidents.at(row).at(column);
            const QVariant &y = b.incidents.at(row).at(column);
            if (x.toString() != y.toString())
                return QStringLiteral("incident %1, %2: \"%3\" against \"%4\"")
                    .arg(a.incidents.at(row).at(0).toString(), a.incidentColumns.at(column), x.toString(), y.toString());
        }
    }
    return {};
}

} // namespace nocturne::sync::test
