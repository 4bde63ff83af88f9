#pragma once

#include <core/domain/clock.h>
#include <core/storage/database.h>
#include <core/storage/eventstore.h>
#include <core/sync/syncstatus.h>

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace nocturne::ctl {

// Documented exit codes (docs/cli.md).
enum ExitCode { Ok = 0, Refused = 1, Usage = 2 };

// What every command gets: the global options, the database, and the output streams.
class CtlContext final
{
    Q_DISABLE_COPY_MOVE(CtlContext)
public:
    CtlContext(QString databasePath, QString actor);

    const QString &databasePath() const { return m_databasePath; }
    const QString &actor() const { return m_actor; }
    const core::Clock &clock() const { return m_clock; }

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    enum class Access { ReadWrite, Create, ReadOnly };
    // Opens the database (it must exist unless Create; ReadOnly changes nothing in the
    // file and offers no store); prints the reason and returns false when it cannot be used.
    bool openDatabase(Access access = Access::ReadWrite);
    core::Database &database() { return m_database; }
    core::EventStore &store() { return *m_store; }
    // Whether the command opened the database to write (and so may have appended events).
    bool opensForWriting() const { return m_store != nullptr; }

    // The server to sync with (--server, NOCTURNE_SERVER): a database opened to write
    // becomes a replica, and write commands sync after writing (synccommands.cpp).
    void setSyncSettings(const core::SyncSettings &settings) { m_sync = settings; }
    const core::SyncSettings &syncSettings() const { return m_sync; }

    // Parses a command's own arguments; prints help (exit 0) or a usage error (exit 2).
    // Returns -1 when the command should go on.
    int parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
              const QString &synopsis);

    // ISO 8601 with or without an offset (without one it is the user's local time).
    bool parseTime(const QString &text, qint64 *ms);
    // Prints a storage error and returns the exit code for it.
    int fail(const core::DatabaseError &error);
    int usage(const QString &message);

private:
    QString m_databasePath;
    QString m_actor;
    core::SystemClock m_clock;
    core::Database m_database;
    std::unique_ptr<core::EventStore> m_store;
    core::SyncSettings m_sync;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace nocturne::ctl
