#pragma once

#include "syncstatus.h"
#include "../storage/database.h"
#include "../storage/databaseerror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

namespace nocturne::core {

class Clock;
class EventStore;
class SyncRepository;

// How one sync cycle went: what it pushed and pulled, and why it stopped early.
struct SyncCycleReport
{
    bool ok = false; // pushed the whole outbox and pulled until caught up
    int pushed = 0; // accepted as new by the server
    int duplicates = 0; // the server had them already (an answer lost on the way back)
    int refused = 0; // refused by the server, now conflicts
    int pulled = 0; // new events appended from the server
    qint64 headRevision = 0; // the server's head revision when last seen
    int httpStatus = 0; // of the failure; 0 when the server could not be reached
    QString error; // why the cycle stopped early, for people
    SyncStatus::State state = SyncStatus::State::Standalone; // after the cycle
    QStringList incidentIds; // incidents whose projection pulled events changed
};

// The replica side of sync on the thread it lives on (no thread of its own): owns the
// connection to the file, its EventStore and SyncRepository, and the HTTP client. A cycle
// pushes the outbox in batches and then pulls everything since the last pulled revision,
// page by page, each page appended in one transaction. Failures never lose anything: an
// unreachable server leaves the outbox as it is and is retried with exponential backoff
// (1 s doubling to 60 s, ±20 % jitter), a refused token waits for new settings (or five
// minutes), and an event the server refuses becomes a conflict instead of being retried
// forever. The SyncWorker runs one on the sync thread; nocturnectl and the tests run one
// on their main thread with an event loop. The token is never logged.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)
public:
    static constexpr int PushBatch = 500;
    static constexpr int PullPage = 1000;

    explicit SyncEngine(const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Opens the file, makes it a replica and binds it to the settings' server.
    DatabaseError open(const QString &databasePath, const SyncSettings &settings,
                       DatabaseOptions::Mode mode = DatabaseOptions::Mode::MustExist);
    // New settings end the backoff or the wait after a refused token; an in-flight
    // request is abandoned (its events stay in the outbox).
    DatabaseError setSettings(const SyncSettings &settings);
    const SyncSettings &settings() const { return m_settings; }

    // Automatic mode: a cycle now, then every poll interval, retrying while offline.
    void start();
    void stop();
    // A cycle as soon as possible: now when idle, right after the current one otherwise.
    void syncNow();
    bool isBusy() const { return m_busy; }

    const SyncStatus &status() const { return m_status; }
    // Re-reads the outbox and conflict counts (after a local write, a dismissal).
    void refreshStatus();
    std::optional<QList<SyncConflict>> conflicts(DatabaseError *error);
    DatabaseError dismissConflict(const QString &eventId, bool *found);
    DatabaseError retryConflict(const QString &eventId, bool *found);

    // The engine's own connection, for callers on its thread (the CLI, tests).
    Database &database() { return m_database; }
    EventStore &store() { return *m_store; }
    SyncRepository &repository() { return *m_repository; }

Q_SIGNALS:
    void statusChanged(const nocturne::core::SyncStatus &status);
    void incidentsChanged(const QStringList &incidentIds);
    void cycleFinished(const nocturne::core::SyncCycleReport &report);
    void failed(const nocturne::core::DatabaseError &error);

private:
    enum class Failure { Network, Unauthorized };

    void beginCycle();
    void pushNext();
    void onPushed(QNetworkReply *reply, const QStringList &sentIds);
    // From `since`, or from the pulled revision recorded in the file.
    void pullNext(std::optional<qint64> since = std::nullopt);
    void onPulled(QNetworkReply *reply, qint64 since);
    void finishCycle();
    void failCycle(Failure kind, int httpStatus, const QString &message);
    void failStorage(const DatabaseError &error);
    void schedule(qint64 delayMs);
    void refreshCounts(bool conflicts);
    void setState(SyncStatus::State state);
    void publish();
    bool isCurrent(QNetworkReply *reply) const;
    QNetworkRequest request(const QString &path, const QList<std::pair<QString, QString>> &query) const;
    // The reply's error message: the server's JSON error, else Qt's.
    QString describe(QNetworkReply *reply, int httpStatus) const;
    qint64 backoffMs();

    const Clock &m_clock;
    Database m_database;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<SyncRepository> m_repository;
    SyncSettings m_settings;
    QString m_settingsError; // a CA file that could not be read
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    QPointer<QNetworkReply> m_reply;

    SyncStatus m_status;
    std::optional<SyncStatus> m_published; // the last status signalled
    SyncCycleReport m_report;
    QSet<QString> m_touched;
    bool m_running = false; // automatic mode
    bool m_busy = false;
    bool m_again = false; // syncNow() during a cycle
    int m_batchLimit = PushBatch; // halved while the server refuses a whole batch
    int m_failures = 0; // consecutive, for the backoff
};

} // namespace nocturne::core

Q_DECLARE_METATYPE(nocturne::core::SyncCycleReport)
