#pragma once

#include "database.h"
#include "databaseerror.h"
#include "sqlitestatement.h"
#include "../domain/command.h"
#include "../domain/event.h"
#include "../domain/hlc.h"
#include "../domain/prioritymatrix.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>

#include <memory>

namespace nocturne::core {

class Clock;

struct AppendResult
{
    int appended = 0; // new events stored
    int duplicates = 0; // events already present (same id): skipped, not an error
    DatabaseError error;
    QList<Incident> incidents; // projections after the append, one per touched incident
    // Server authority only: the revision of every offered event (new or already stored)
    // by event id, and the events the store wrote itself (the numbers it assigned).
    QHash<QString, qint64> revisions;
    QList<Event> authored;
};

// Who gives incidents their human numbers and events their revisions.
// - Standalone: this database numbers what it opens (INC0000001, …); no revisions.
// - Replica: a database that syncs with a server. What it opens gets a provisional number
//   (P-<node>-<n>) until the server's number event arrives; revisions come from the server
//   and are recorded on the events it sent or confirmed.
// - Server: the central store. Every event it accepts gets the next revision, and every
//   incident opened elsewhere gets a number event (`updated` with {"number"} by `system`):
//   the number the client proposed when it is a real number still free, else the next one.
enum class NumberingAuthority { Standalone, Replica, Server };

// The one writer of a database: appends events, chains their hashes and updates the
// incident projection in the same transaction. It also turns operator commands into
// events after checking them against the lifecycle. Lives on the thread that owns the
// Database connection.
class EventStore final
{
    Q_DISABLE_COPY_MOVE(EventStore)
public:
    EventStore(Database &database, const Clock &clock);
    ~EventStore();

    // Reads or creates this database's node id and settings. Call once after opening.
    DatabaseError initialise();

    const QString &nodeId() const { return m_nodeId; }
    const PriorityMatrix &priorityMatrix() const { return m_matrix; }
    NumberingAuthority authority() const { return m_authority; }
    // Kept in the file (meta "numbering_authority") so every program that opens it agrees.
    DatabaseError setAuthority(NumberingAuthority authority);
    // Whether a number was given by an authority (INC0001234) rather than provisional.
    static bool isAuthoritativeNumber(const QString &number);
    DatabaseError setPriorityMatrix(const PriorityMatrix &matrix);

    CommandResult execute(const IncidentCommand &command);
    // Appends already-formed events (demo data, imports, sync). Idempotent by event id.
    AppendResult append(const QList<Event> &events);

private:
    // The tail of the log as recorded in `meta`, read and written inside each write
    // transaction because other processes may append to the same file.
    struct Tail
    {
        QByteArray chainHash;
        HlcTimestamp hlc; // the highest HLC stored
        qint64 nextNumber = 1;
        qint64 revision = 0; // the highest revision given (server authority)
    };

    bool begin(DatabaseError *error);
    bool commit(DatabaseError *error);
    void rollback();
    bool readTail(Tail *tail, DatabaseError *error);
    bool writeTail(const Tail &before, const Tail &after, DatabaseError *error);
    bool appendInTransaction(const QList<Event> &events, AppendResult *result);
    // Server authority: the number event for an incident just opened here.
    bool numberEvent(const Event &opened, Tail *tail, QSet<QString> *claimed, Event *out, DatabaseError *error);
    // Records a revision the server gave an event this replica already stores.
    bool recordRevision(const QString &eventId, qint64 revision, DatabaseError *error);
    bool project(const QString &incidentId, const QList<Event> &newEvents, Incident *out,
                 DatabaseError *error);
    Event makeEvent(const IncidentCommand &command, const Incident &current, qint64 occurredAt);
    QString validateTime(const IncidentCommand &command, const Incident &current, qint64 occurredAt) const;
    // Whether the incident's history already holds an event with this payload rule.
    bool ruleRecorded(const QString &incidentId, const QString &rule, bool *recorded, DatabaseError *error);
    DatabaseError fail(const QSqlQuery &q) const;
    DatabaseError fail(const SqliteStatement &statement) const;

    Database &m_database;
    const Clock &m_clock;
    std::unique_ptr<HybridLogicalClock> m_hlc;
    QString m_nodeId;
    PriorityMatrix m_matrix;
    NumberingAuthority m_authority = NumberingAuthority::Standalone;

    // Prepared once, reused for every append; the hot ones bind through the C API.
    std::unique_ptr<SqliteStatement> m_insertEvent;
    std::unique_ptr<SqliteStatement> m_selectIncident;
    std::unique_ptr<SqliteStatement> m_upsertIncident;
    std::unique_ptr<SqliteStatement> m_selectContentHash;
    std::unique_ptr<SqliteStatement> m_selectRule;
    std::unique_ptr<SqliteStatement> m_selectRevision;
    std::unique_ptr<SqliteStatement> m_recordRevision;
    std::unique_ptr<SqliteStatement> m_numberTaken;
    std::unique_ptr<QSqlQuery> m_selectEvents;
};

} // namespace nocturne::core
