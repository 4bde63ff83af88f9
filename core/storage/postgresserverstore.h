#pragma once

#include "../domain/hlc.h"
#include "serverstore.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace nocturne::core {

// The central store on PostgreSQL, for several stateless server instances on one database.
// It keeps what the SQLite store keeps (event log with revisions and a per-database chain,
// the incident projection, users and token hashes) with the same answers. Appends take a
// transaction-scoped advisory lock, so revisions are given and committed in order and a
// reader following `since` never skips one. One connection per instance, used only on the
// thread that opened it.
class PostgresServerStore final : public ServerStore
{
    Q_DISABLE_COPY_MOVE(PostgresServerStore)
public:
    // `url`: postgresql://user[:password]@host[:port]/name[?connect options]. With
    // createIfMissing the database and the schema are created when absent.
    static std::unique_ptr<ServerStore> open(
        const QString &url, const Clock &clock, bool createIfMissing, DatabaseError *error);
    ~PostgresServerStore() override;

    QString backend() const override { return QStringLiteral("postgresql"); }
    QString nodeId() const override { return m_nodeId; }
    bool isHealthy() override;

    DatabaseError addUser(const UserAccount &user) override;
    std::optional<QList<UserAccount>> users(DatabaseError *error) override;
    DatabaseError addToken(const TokenInfo &token, const QByteArray &secretSha256Hex) override;
    std::optional<QList<TokenInfo>> tokens(const QString &user, DatabaseError *error) override;
    DatabaseError revokeToken(const QString &tokenId, qint64 atMs) override;
    std::optional<Principal> principalFor(
        const QByteArray &secretSha256Hex, DatabaseError *error) override;

    BatchResult appendEvents(const QList<Event> &events, const Principal &by) override;
    std::optional<EventPage> eventsSince(qint64 since, int limit, DatabaseError *error) override;
    std::optional<qint64> headRevision(DatabaseError *error) override;

    std::optional<IncidentPage> incidents(
        const IncidentQuery &query, DatabaseError *error) override;
    std::optional<Incident> incident(const QString &idOrNumber, DatabaseError *error) override;
    std::optional<QList<Event>> incidentEvents(
        const QString &incidentId, DatabaseError *error) override;
    std::optional<qint64> eventCount(DatabaseError *error) override;

private:
    // The end of the log as kept in `meta`, read and written under the append lock.
    struct Tail
    {
        QByteArray chainHash;
        HlcTimestamp hlc;
        qint64 nextNumber = 1;
        qint64 revision = 0;
    };
    struct Batch; // appendEvents' working state (postgresappend.cpp)

    PostgresServerStore(const Clock &clock);
    DatabaseError connect(bool createIfMissing);
    DatabaseError createDatabase();
    DatabaseError initialise();
    // Reconnects after the server dropped the connection (a restart, a failover), so a
    // long-running server recovers without a restart of its own.
    bool ensureConnected(DatabaseError *error);
    // A statement prepared once per connection and reused; nullptr with `error` set.
    QSqlQuery *prepared(const QString &sql, DatabaseError *error);
    // Runs a prepared statement with positional values; false with `error` set.
    bool run(QSqlQuery *q, const QVariantList &values, DatabaseError *error);
    DatabaseError fail(const QSqlError &sqlError);
    DatabaseError fail(const QSqlQuery &q) { return fail(q.lastError()); }

    bool readTail(Tail *tail, DatabaseError *error);
    bool writeTail(const Tail &tail, DatabaseError *error);
    bool appendInTransaction(Batch &batch, BatchResult *result);
    bool screen(Batch &batch, DatabaseError *error);
    bool takenNumbers(Batch &batch, DatabaseError *error);
    QString numberFor(const Event &opened, Batch &batch, DatabaseError *error);
    bool insertEvents(const QList<Event> &events, Batch &batch, DatabaseError *error);
    bool project(Batch &batch, DatabaseError *error);

    const Clock &m_clock;
    QString m_connectionName;
    QString m_url;
    QString m_server; // user@host:port/name, for messages: never the password
    QSqlDatabase m_db;
    bool m_connectionLost = false;
    QString m_nodeId;
    std::unique_ptr<HybridLogicalClock> m_hlc;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace nocturne::core
