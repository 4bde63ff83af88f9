#pragma once

#include "syncstatus.h"
#include "../storage/databaseerror.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace nocturne::core {

class Clock;
class SyncEngine;

// Keeps a replica in step with the central server, on its own thread ("nocturne-sync")
// with its own connection to the file: pushes the outbox, pulls what the server has since
// the last revision, retries with backoff while the network is down. Everything it learns
// goes out as queued signals carrying values. Public methods may be called from any
// thread; they re-post themselves.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)
public:
    explicit SyncWorker(const Clock &clock, QObject *parent = nullptr);
    ~SyncWorker() override;

    // Opens the file and starts syncing (settings with no server URL: stops, Standalone).
    void start(const QString &databasePath, const nocturne::core::SyncSettings &settings);
    void stop();
    // Something was written locally (or the user asked): sync now instead of at the next poll.
    void syncNow();
    void loadConflicts();
    // Dismissing keeps the event in the history; it only leaves the list.
    void dismissConflict(const QString &eventId);
    // Offers a refused event again (after a role change on the server, say).
    void retryConflict(const QString &eventId);

Q_SIGNALS:
    void statusChanged(const nocturne::core::SyncStatus &status);
    // Incidents whose projection changed because of pulled events.
    void incidentsChanged(const QStringList &incidentIds);
    void conflictsLoaded(const QList<nocturne::core::SyncConflict> &conflicts);
    void failed(const nocturne::core::DatabaseError &error);

private:
    void startHere(const QString &databasePath, const SyncSettings &settings);
    void stopHere();
    // Emits the current list, or the error that came first (a dismiss or retry that failed).
    void reloadConflictsAfter(DatabaseError error);

    const Clock &m_clock;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace nocturne::core
