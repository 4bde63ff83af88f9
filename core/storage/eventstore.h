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
};

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
    };

    bool begin(DatabaseError *error);
    bool commit(DatabaseError *error);
    void rollback();
    bool readTail(Tail *tail, DatabaseError *error);
    bool writeTail(const Tail &before, const Tail &after, DatabaseError *error);
    bool appendInTransaction(const QList<Event> &events, AppendResult *result);
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

    // Prepared once, reused for every append; the hot ones bind through the C API.
    std::unique_ptr<SqliteStatement> m_insertEvent;
    std::unique_ptr<SqliteStatement> m_selectIncident;
    std::unique_ptr<SqliteStatement> m_upsertIncident;
    std::unique_ptr<SqliteStatement> m_selectContentHash;
    std::unique_ptr<SqliteStatement> m_selectRule;
    std::unique_ptr<QSqlQuery> m_selectEvents;
};

} // namespace nocturne::core
