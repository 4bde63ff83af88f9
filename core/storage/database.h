#pragma once

#include "databaseerror.h"

#include <QSqlDatabase>
#include <QString>

namespace nocturne::core {

struct DatabaseOptions
{
    // ReadOnly: for reports and audits. Nothing is written, not even the journal mode
    // or a migration, so an auditor's copy stays exactly as it was handed over.
    enum class Mode { MustExist, CreateIfMissing, ReadOnly };
    Mode mode = Mode::MustExist;
    int busyTimeoutMs = 5000;
};

// One SQLite connection owned by the thread that opened it. Opening checks, before
// anything is written, that the file exists, is an SQLite file, is writable, is not
// locked and is not from a newer Nocturne; only then are WAL and migrations applied.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)
public:
    Database() = default;
    ~Database();

    DatabaseError open(const QString &path, const DatabaseOptions &options = {});
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }
    int schemaVersion() const;

    // Maps an SQLite failure during use to the same vocabulary as opening.
    static DatabaseError classify(const QString &path, const QSqlError &error);
    static DatabaseError classify(const QString &path, int sqliteCode, const QString &detail);

    // Opens without migrating (tests use it to build an old schema). Internal.
    DatabaseError openRaw(const QString &path, const DatabaseOptions &options);

private:
    DatabaseError checkFile(const QString &path, const DatabaseOptions &options) const;
    DatabaseError configure();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

} // namespace nocturne::core
