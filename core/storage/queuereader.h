#pragma once

#include "database.h"
#include "incidentrepository.h"
#include "queueentry.h"
#include "referencesnapshot.h"

#include <QObject>
#include <QSqlQuery>
#include <QStringList>

#include <memory>

class QTimer;

namespace nocturne::core {

class Clock;

// Reads the queue for a live view on its own thread and connection: a snapshot on
// open, then deltas whenever any process (this console's writer, nocturnectl in a
// terminal, a sync) commits to the file. Change detection polls PRAGMA data_version,
// which SQLite bumps on every commit by another connection, and reloads only the
// incidents whose events were appended since the last poll.
// Public methods may be called from any thread.
class QueueReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueReader)
public:
    explicit QueueReader(const Clock &clock, QObject *parent = nullptr);
    ~QueueReader() override;

    void open(const QString &path, int pollIntervalMs = 500);
    void loadIncident(quint64 requestId, const QString &incidentId);
    // The queue entries of these incidents whatever their state (a KPI drill-down shows
    // incidents resolved long ago); ids not in the file are left out.
    void readIncidents(quint64 requestId, const QStringList &incidentIds);

Q_SIGNALS:
    void opened(const QString &path);
    void failed(const nocturne::core::DatabaseError &error);
    void snapshotReady(const nocturne::core::QueueEntriesPtr &entries);
    void entriesChanged(const nocturne::core::QueueEntriesPtr &changed);
    void referenceDataReady(const nocturne::core::ReferenceSnapshot &reference);
    void incidentLoaded(quint64 requestId, const nocturne::core::Incident &incident,
                        const QList<nocturne::core::StoredEvent> &events);
    void incidentsRead(quint64 requestId, const nocturne::core::QueueEntriesPtr &entries);

private:
    void openHere(const QString &path, int pollIntervalMs);
    void loadIncidentHere(quint64 requestId, const QString &incidentId);
    void readIncidentsHere(quint64 requestId, const QStringList &incidentIds);
    void poll();
    bool readDataVersion(qint64 *version, DatabaseError *error);
    bool readEntries(const QStringList &ids, QueueEntries *out, DatabaseError *error);
    bool readSnapshot(const QByteArray &sql, qint64 since, QueueEntries *out, DatabaseError *error);
    void noteFailure(const DatabaseError &error);
    QueueEntry readEntry(const QSqlQuery &q);
    template<typename Row>
    QueueEntry readEntryFrom(const Row &row);
    const QString &intern(const QString &value);

    const Clock &m_clock;
    Database m_database;
    std::unique_ptr<IncidentRepository> m_repository;
    QTimer *m_pollTimer = nullptr;
    qint64 m_lastSequence = 0;
    qint64 m_dataVersion = -1;
    int m_consecutiveFailures = 0;
    // Services, sites, groups and people repeat across thousands of rows: one shared
    // copy each keeps a 100k-row queue small.
    QHash<QString, QString> m_strings;
};

} // namespace nocturne::core
