#pragma once

#include "support/serverprocess.h"

#include "core/domain/clock.h"
#include "core/domain/command.h"
#include "core/sync/syncengine.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QTemporaryDir>
#include <QVariantList>

#include <memory>
#include <ostream>

void PrintTo(const QString &text, std::ostream *os);

namespace nocturne::sync::test {

// A nocturne-server process over a fresh store (an SQLite file in its own folder, or a
// PostgreSQL URL) with a supervisor ("sup"), an operator ("ana") and their tokens, made
// through the store before the server starts.
class ServerFixture
{
public:
    // `spec`: empty for an SQLite file in a temporary folder.
    explicit ServerFixture(const QString &spec = {});
    bool start(QString *error, const QStringList &extraArguments = {});
    // The same store on the same port after a crash (falls back on a new port).
    bool restart(QString *error);
    void kill() { m_process.kill(); }

    QUrl url() const { return m_process.url(); }
    const QString &spec() const { return m_spec; }
    bool isSqlite() const { return !m_spec.startsWith(QLatin1StringView("postgres")); }
    const QString &supervisorToken() const { return m_supervisor; }
    const QString &operatorToken() const { return m_operator; }
    core::SyncSettings settings(const QString &token = {}) const;
    tests::ServerProcess &process() { return m_process; }

private:
    QTemporaryDir m_dir;
    QString m_spec;
    QString m_supervisor;
    QString m_operator;
    tests::ServerProcess m_process;
};

// A replica: a real SQLite file driven by an in-process SyncEngine on the test's thread.
class Replica
{
public:
    Replica(const QString &path, const core::SyncSettings &settings);
    ~Replica();

    bool ok() const { return !m_openError.isError(); }
    const QString &openError() const { return m_openError.message; }
    core::SyncEngine &engine() { return *m_engine; }
    const QString &path() const { return m_path; }

    // One cycle, waited for with an event loop (generous timeout for a loaded machine).
    core::SyncCycleReport sync(int timeoutMs = 60'000);
    core::CommandResult run(const core::IncidentCommand &command);
    QString open(const QString &title, const QString &actor = QStringLiteral("ana"));
    // Ids of the events this replica created itself through run().
    const QStringList &created() const { return m_created; }

private:
    core::SystemClock m_clock;
    QString m_path;
    std::unique_ptr<core::SyncEngine> m_engine;
    core::DatabaseError m_openError;
    QStringList m_created;
};

// What a database holds, read with a connection of its own (the server's file too).
struct Contents
{
    QMap<QString, QByteArray> hashes; // event id -> content hash
    QMap<QString, qint64> revisions; // event id -> server revision (0: none)
    qint64 rows = 0;
    qint64 distinctIds = 0;
    QList<QVariantList> incidents; // every column, ordered by id
    QStringList incidentColumns;
    QString error;
};
Contents readContents(const QString &sqlitePath);
// The server's events through the API (any backend): ids, hashes and revisions.
Contents readServerEvents(const ServerFixture &server, const QString &token);

// The first difference between two incident tables, or empty when they are equal.
QString firstIncidentDifference(const Contents &a, const Contents &b);

} // namespace nocturne::sync::test
