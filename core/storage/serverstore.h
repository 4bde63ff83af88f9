#pragma once

#include "databaseerror.h"
#include "../domain/event.h"
#include "../domain/incident.h"
#include "../domain/role.h"
#include "../engine/kpicalculator.h"
#include "../engine/kpiquery.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace nocturne::core {

class Clock;

// Who is calling: the account behind a bearer token.
struct Principal
{
    QString user;
    Role role = Role::Auditor;
    QString tokenId; // the public part of the token, for logs and metrics; never the secret
};

struct UserAccount
{
    QString name;
    QString displayName;
    Role role = Role::Operator;
};

struct TokenInfo
{
    QString id; // "tok_…": shown in lists, not usable to authenticate
    QString user;
    QString label;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    qint64 revokedAtMs = 0;
};

// What the server did with one offered event.
struct EventOutcome
{
    enum class Status { Accepted, Duplicate, Rejected };
    QString eventId;
    Status status = Status::Rejected;
    qint64 revision = 0; // accepted or duplicate
    QString code; // rejected: "forbidden", "unknown_incident", "conflict", "invalid"
    QString reason; // rejected: for people, names the event and why
};

struct BatchResult
{
    DatabaseError error; // the store failed: nothing was written
    QList<EventOutcome> outcomes; // one per offered event, in the offered order
    qint64 headRevision = 0; // the newest revision after the batch
};

struct EventPage
{
    QList<Event> events; // ascending server revision, each with serverRevision set
    qint64 nextSince = 0; // the `since` that continues after this page
    bool more = false;
};

// The incident list's filters. Empty fields do not filter.
struct IncidentQuery
{
    enum class Scope { Open, All, Resolved };
    Scope scope = Scope::Open;
    QString state; // one state name, overrides scope
    int priority = 0;
    QString site;
    QString service;
    QString group;
    QString assignee;
    qint64 updatedSinceMs = 0;
    int limit = 50; // 1..500
    int offset = 0;
};

struct IncidentPage
{
    QList<Incident> incidents; // by priority, then opened_at, then id
    qint64 total = 0; // matching incidents, ignoring limit and offset
    qint64 headRevision = 0; // the store's revision when read
};

// The central store behind nocturne-server: SQLite (a Nocturne database in server
// authority) or PostgreSQL. Both keep the same event log, chain and projection; which one
// is an implementation detail of core/storage. Not thread-safe: one instance per thread.
class ServerStore
{
public:
    virtual ~ServerStore() = default;

    // `spec` is a file path or a postgresql://user[:password]@host[:port]/name URL.
    // CreateIfMissing makes the SQLite file or the PostgreSQL schema.
    static std::unique_ptr<ServerStore> open(const QString &spec, const Clock &clock, bool createIfMissing,
                                             DatabaseError *error);
    static bool isPostgresUrl(const QString &spec);

    virtual QString backend() const = 0; // "sqlite" or "postgresql"
    virtual QString nodeId() const = 0;
    virtual bool isHealthy() = 0; // a cheap round trip, for /healthz

    // Accounts. Tokens are random secrets the caller generated; only their SHA-256 is kept.
    virtual DatabaseError addUser(const UserAccount &user) = 0;
    virtual std::optional<QList<UserAccount>> users(DatabaseError *error) = 0;
    virtual DatabaseError addToken(const TokenInfo &token, const QByteArray &secretSha256Hex) = 0;
    virtual std::optional<QList<TokenInfo>> tokens(const QString &user, DatabaseError *error) = 0;
    virtual DatabaseError revokeToken(const QString &tokenId, qint64 atMs) = 0;
    // The account behind a token hash; nullopt (and no error) when unknown or revoked.
    virtual std::optional<Principal> principalFor(const QByteArray &secretSha256Hex, DatabaseError *error) = 0;

    // Appends in one transaction what the caller may write. Per event: an id already
    // stored is a duplicate (with its revision); a refused event (role, unknown incident,
    // a number only the server may give, the same id with other content) is Rejected with
    // a reason and not written; the rest are accepted with new revisions, and every
    // incident opened elsewhere gets the server's number event. A store failure writes
    // nothing (BatchResult::error).
    virtual BatchResult appendEvents(const QList<Event> &events, const Principal &by) = 0;
    virtual std::optional<EventPage> eventsSince(qint64 since, int limit, DatabaseError *error) = 0;
    virtual std::optional<qint64> headRevision(DatabaseError *error) = 0;

    virtual std::optional<IncidentPage> incidents(const IncidentQuery &query, DatabaseError *error) = 0;
    // By id or number; nullopt with no error when there is none.
    virtual std::optional<Incident> incident(const QString &idOrNumber, DatabaseError *error) = 0;
    virtual std::optional<QList<Event>> incidentEvents(const QString &incidentId, DatabaseError *error) = 0;

    virtual std::optional<qint64> eventCount(DatabaseError *error) = 0; // for /metrics

    // Every KPI of docs/kpi.md for the period and filters, judged against the stored
    // targets. They need the SLA configuration, which only an SQLite store holds so far.
    virtual bool hasKpis() const { return false; }
    virtual std::optional<KpiReport> kpis(const KpiQuery &query, qint64 nowMs, DatabaseError *error);
};

} // namespace nocturne::core
