#pragma once

#include "core/domain/clock.h"
#include "core/domain/event.h"
#include "core/domain/hlc.h"
#include "core/domain/incident.h"
#include "core/domain/lifecycle.h"
#include "core/storage/database.h"
#include "core/storage/eventstore.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <ostream>
#include <random>

struct sqlite3;

// Readable failure output for Qt strings in gtest assertions.
void PrintTo(const QString &text, std::ostream *os);
void PrintTo(const QByteArray &bytes, std::ostream *os);
void PrintTo(const QStringList &list, std::ostream *os);

namespace nocturne::core {
void PrintTo(const HlcTimestamp &ts, std::ostream *os);
void PrintTo(const Incident &incident, std::ostream *os);
void PrintTo(IncidentState state, std::ostream *os);
void PrintTo(IncidentAction action, std::ostream *os);
void PrintTo(DatabaseError::Kind kind, std::ostream *os);
} // namespace nocturne::core

namespace nocturne::core::test {

// 2023-11-14T22:13:20Z: every test's "now" unless it says otherwise.
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;


// A well-formed event for `action`, with the payload fields that action names.
Event makeEvent(IncidentAction action, const QString &incidentId, const HlcTimestamp &hlc,
                qint64 occurredAt, QJsonObject payload = {}, const QString &actor = QStringLiteral("ana"));
QJsonObject openPayload(const QString &title = QStringLiteral("Sorter jam at DC1"), int impact = 2,
                        int urgency = 2);

// One random multi-node history of a single incident: 3-5 nodes, each with its own
// HLC over its own (skewed, sometimes backwards) fake clock, acting concurrently on
// what each has seen and exchanging events at random.
QList<Event> randomHistory(std::mt19937_64 &rng, const QString &incidentId);

QByteArray sha256OfFile(const QString &path);
QStringList directoryEntries(const QString &dir);

// A raw sqlite3 C-API connection, for tampering and for holding locks.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path);
    ~RawSqlite();
    RawSqlite(const RawSqlite &) = delete;
    RawSqlite &operator=(const RawSqlite &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    // Returns the SQLite result code; errorMessage() tells what went wrong.
    int exec(const QString &sql);
    // The first column of the first row, as text (empty when none).
    QString scalar(const QString &sql);
    QString errorMessage() const { return m_error; }

private:
    sqlite3 *m_db = nullptr;
    QString m_error;
};

// A fresh database in a temporary folder, opened the way the console opens it, with
// an EventStore on a fake clock.
class StoreHarness
{
public:
    StoreHarness();
    ~StoreHarness();

    bool ok() const { return m_openError.kind == DatabaseError::Kind::None; }
    const DatabaseError &openError() const { return m_openError; }
    QString path() const { return m_path; }
    QString dirPath() const { return m_dir.path(); }
    FakeClock &clock() { return m_clock; }
    Database &database() { return m_database; }
    EventStore &store() { return *m_store; }

    CommandResult run(IncidentAction action, const QString &incident, const QJsonObject &payload = {},
                      qint64 occurredAt = 0, const QString &actor = QStringLiteral("ana"));
    // Opens an incident and returns its number (empty on failure).
    QString openIncident(const QString &title = QStringLiteral("Sorter jam at DC1"), int impact = 2,
                         int urgency = 2);
    // Every stored event of an incident, read back from the events table.
    QList<Event> storedEvents(const QString &incidentId);
    std::optional<Incident> projected(const QString &idOrNumber);

private:
    QTemporaryDir m_dir;
    QString m_path;
    FakeClock m_clock { T0 };
    Database m_database;
    std::unique_ptr<EventStore> m_store;
    DatabaseError m_openError;
};

} // namespace nocturne::core::test
