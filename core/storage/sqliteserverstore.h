#pragma once

#include "database.h"
#include "eventstore.h"
#include "serverstore.h"

#include <memory>

namespace nocturne::core {

// The central store on one SQLite file: a Nocturne database whose EventStore runs with
// server authority (revisions, numbers) and durable commits (synchronous=FULL), plus the
// API accounts. Lives on the thread that opened it.
class SqliteServerStore final : public ServerStore
{
    Q_DISABLE_COPY_MOVE(SqliteServerStore)
public:
    SqliteServerStore(const Clock &clock);
    ~SqliteServerStore() override;

    DatabaseError open(const QString &path, bool createIfMissing);

    QString backend() const override { return QStringLiteral("sqlite"); }
    QString nodeId() const override { return m_store->nodeId(); }
    bool isHealthy() override;

    DatabaseError addUser(const UserAccount &user) override;
    std::optional<QList<UserAccount>> users(DatabaseError *error) override;
    DatabaseError addToken(const TokenInfo &token, const QByteArray &secretSha256Hex) override;
    std::optional<QList<TokenInfo>> tokens(const QString &user, DatabaseError *error) override;
    DatabaseError revokeToken(const QString &tokenId, qint64 atMs) override;
    std::optional<Principal> principalFor(const QByteArray &secretSha256Hex, DatabaseError *error) override;

    BatchResult appendEvents(const QList<Event> &events, const Principal &by) override;
    std::optional<EventPage> eventsSince(qint64 since, int limit, DatabaseError *error) override;
    std::optional<qint64> headRevision(DatabaseError *error) override;

    std::optional<IncidentPage> incidents(const IncidentQuery &query, DatabaseError *error) override;
    std::optional<Incident> incident(const QString &idOrNumber, DatabaseError *error) override;
    std::optional<QList<Event>> incidentEvents(const QString &incidentId, DatabaseError *error) override;
    std::optional<qint64> eventCount(DatabaseError *error) override;

    bool hasKpis() const override { return true; }
    std::optional<KpiReport> kpis(const KpiQuery &query, qint64 nowMs, DatabaseError *error) override;

private:
    // The file becomes a server database on first use of the event side, not on open:
    // `nocturnectl user add` on a file must not change how it numbers incidents.
    DatabaseError becomeServer();
    // Events stored before this file became a server (a standalone console's history)
    // get revisions in their append order, once.
    DatabaseError assignMissingRevisions();
    DatabaseError fail(const QSqlQuery &q) const;

    const Clock &m_clock;
    Database m_database;
    std::unique_ptr<EventStore> m_store;
    bool m_isServer = false;
};

} // namespace nocturne::core
