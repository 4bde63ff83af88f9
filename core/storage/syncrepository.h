#pragma once

#include "databaseerror.h"
#include "../domain/event.h"
#include "../sync/syncstatus.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlQuery;

namespace nocturne::core {

class EventStore;

// An event of this replica the server would not take, as the replica records it.
struct SyncRefusal
{
    QString eventId;
    int httpStatus = 0;
    QString code;
    QString reason;
};

// The replica's side of sync, in SQL, on the caller's connection: the outbox (local
// events without a server revision, oldest first, minus the ones the server refused),
// the revisions and refusals the server answered, the position of the pull, and the
// conflicts an operator has to look at. Events themselves are appended through the
// EventStore, never here: this class only records what the server said about them.
class SyncRepository final
{
public:
    explicit SyncRepository(QSqlDatabase db, QString path = {});
    DatabaseError lastError() const { return m_error; }

    // The next events to push, in local append order (through the events_unsynced index).
    std::optional<QList<Event>> outbox(int limit);
    std::optional<qint64> pendingCount();

    // What the server answered to one push, in one transaction: revisions of the events it
    // accepted (or already had), and the events it refused.
    DatabaseError recordPushResults(const QHash<QString, qint64> &revisions, const QList<SyncRefusal> &refusals,
                                    qint64 atMs);

    // Refused events nobody dismissed, then local events a merge made invalid (flagged by
    // the fold), with their incident's number.
    std::optional<QList<SyncConflict>> conflicts();
    std::optional<qint64> conflictCount();
    // Takes a conflict off the list; the event stays in the history (and out of the outbox
    // when the server refused it). `found`: whether there was such a conflict.
    DatabaseError dismiss(const QString &eventId, qint64 atMs, bool *found);
    // Puts a refused event back into the outbox, dismissed or not, with the events of its
    // incident that were refused because the server did not know the incident.
    DatabaseError retry(const QString &eventId, bool *found);

    // The server revision everything up to which has been pulled (meta
    // "sync_pulled_revision") and the server it counts on (meta "sync_server").
    std::optional<qint64> pulledRevision();
    DatabaseError setPulledRevision(qint64 revision);
    std::optional<QString> server();
    // Records the server this replica syncs with; another server's revisions mean
    // nothing here, so the pull starts again from 0 (appending is idempotent).
    DatabaseError useServer(const QString &serverUrl);

    // Makes the file a replica: what it opens from now on gets provisional numbers.
    static DatabaseError markReplica(EventStore &store);

private:
    bool fail(const QSqlQuery &q);
    std::optional<QString> metaValue(const QString &key);
    DatabaseError setMetaValue(const QString &key, const QString &value);

    QSqlDatabase m_db;
    QString m_path;
    DatabaseError m_error;
};

} // namespace nocturne::core
