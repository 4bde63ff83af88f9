#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace nocturne::core {

// Where a replica syncs to. The token is a secret: it comes from the keychain (console)
// or the environment (nocturnectl) and is never written to settings, the database or logs.
struct SyncSettings
{
    QUrl serverUrl; // e.g. https://noc.example:8443; empty = standalone
    QString user;
    QString token;
    QString caCertificatePath; // extra CA for a server with its own certificate; empty = system
    int pollIntervalMs = 5000; // how often to pull when nothing happens locally

    bool isConfigured() const { return serverUrl.isValid() && !serverUrl.isEmpty(); }
};

// What the status bar shows: Online / Offline since … / Syncing n / n waiting.
struct SyncStatus
{
    enum class State { Standalone, Connecting, Online, Syncing, Offline, Unauthorized };
    State state = State::Standalone;
    qint64 offlineSinceMs = 0; // first failed attempt of the current outage
    qint64 lastSyncedAtMs = 0; // last complete push + pull
    int pending = 0; // local events not yet accepted by the server (the outbox)
    int inFlight = 0; // events in the push under way
    int conflicts = 0; // refused events nobody has dismissed, plus flagged local events
    qint64 pulledRevision = 0;
    qint64 serverRevision = 0; // the server's head when last seen, for the lag
    QString lastError; // why offline or unauthorized, for the tooltip
    qint64 nextAttemptMs = 0; // when the next retry is due while offline

    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

// An event of this replica the server refused, or a local event that a merge made invalid
// (kept in the history and flagged by the fold). Never dropped silently: the conflicts
// view lists each with its reason until someone dismisses it.
struct SyncConflict
{
    enum class Source { Refused, Flagged };
    Source source = Source::Refused;
    QString eventId;
    QString incidentId;
    QString incidentNumber;
    QString kind; // event kind name
    QString actor;
    qint64 occurredAtMs = 0;
    int httpStatus = 0; // refused
    QString code; // refused: forbidden, unknown_incident, conflict, invalid
    QString reason;
    qint64 recordedAtMs = 0; // when refused (or flagged, the event's own time)
};

} // namespace nocturne::core

Q_DECLARE_METATYPE(nocturne::core::SyncSettings)
Q_DECLARE_METATYPE(nocturne::core::SyncStatus)
Q_DECLARE_METATYPE(nocturne::core::SyncConflict)
