#include "database.h"

#include "migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// SQLite's primary result codes, as QSqlError::nativeErrorCode() reports them.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADatabase = 26;

DatabaseError error(DatabaseError::Kind kind, const QString &message) { return { kind, message }; }

} // namespace

Database::~Database() { close(); }

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

DatabaseError Database::classify(const QString &path, const QSqlError &e)
{
    return classify(path, e.nativeErrorCode().toInt(), e.databaseText().isEmpty() ? e.text() : e.databaseText());
}

DatabaseError Database::classify(const QString &path, int sqliteCode, const QString &detail)
{
    switch (sqliteCode & 0xff) { // extended codes keep the primary code in the low byte
    case SqliteBusy:
    case SqliteLocked:
        return error(DatabaseError::Kind::Locked,
            Text::tr("%1 is locked by another program (%2). Close the other program or try again.")
                .arg(path, detail));
    case SqliteReadOnly:
        return error(DatabaseError::Kind::ReadOnly,
            Text::tr("%1 is read-only (%2). Check the file's permissions.").arg(path, detail));
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return error(DatabaseError::Kind::Corrupt,
            Text::tr("%1 is damaged or is not a Nocturne database (%2). Restore it from a backup.")
                .arg(path, detail));
    case SqliteCantOpen:
        return error(DatabaseError::Kind::Io, Text::tr("Cannot open %1 (%2).").arg(path, detail));
    default:
        return error(
            DatabaseError::Kind::Io, Text::tr("Database error in %1: %2").arg(path, detail));
    }
}

DatabaseError Database::checkFile(const QString &path, const DatabaseOptions &options) const
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (options.mode != DatabaseOptions::Mode::CreateIfMissing)
            return error(DatabaseError::Kind::Missing,
                Text::tr("%1 does not exist. Create it with \"nocturnectl --db %1 init\".")
                    .arg(path));
        if (!QFileInfo(info.absolutePath()).isWritable())
            return error(DatabaseError::Kind::ReadOnly,
                Text::tr("Cannot create %1: the folder %2 is not writable.")
                    .arg(path, info.absolutePath()));
        return {};
    }
    if (info.isDir())
        return error(
            DatabaseError::Kind::Io, Text::tr("%1 is a folder, not a database file.").arg(path));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return error(
            DatabaseError::Kind::Io, Text::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    // An empty file is what some tools leave behind on "touch"; SQLite treats it as new.
    if (!header.isEmpty() && header.left(16) != QByteArrayView("SQLite format 3\0", 16))
        return error(DatabaseError::Kind::Corrupt,
            Text::tr("%1 is not an SQLite database (its header is wrong): the file is damaged "
                     "or is something else. It was not changed.")
                .arg(path));
    // A database is whole pages. SQLite reads a file cut short (a full disk, an
    // interrupted copy) as if the missing bytes were zeros, or as a new empty database,
    // and would write over what is left.
    if (!header.isEmpty()) {
        const int pageField = header.size() == 100 ? (quint8(header[16]) << 8) | quint8(header[17]) : 0;
        const qint64 pageSize = pageField == 1 ? 65536 : pageField;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0 || info.size() % pageSize != 0)
            return error(DatabaseError::Kind::Corrupt,
                Text::tr("%1 is damaged: it is not a whole number of database pages, so it was cut "
                         "short or overwritten. Restore it from a backup. It was not changed.")
                    .arg(path));
    }
    if (options.mode == DatabaseOptions::Mode::ReadOnly)
        return {};
    // WAL mode needs to write the file and create -wal/-shm files next to it.
    if (!info.isWritable())
        return error(DatabaseError::Kind::ReadOnly,
            Text::tr(
                "%1 is read-only. Nocturne needs to write to it; check the file's permissions.")
                .arg(path));
    if (!QFileInfo(info.absolutePath()).isWritable())
        return error(DatabaseError::Kind::ReadOnly,
            Text::tr(
                "The folder of %1 is read-only; SQLite needs to create its journal files there.")
                .arg(path));
    return {};
}

DatabaseError Database::openRaw(const QString &path, const DatabaseOptions &options)
{
    close();
    if (auto e = checkFile(path, options))
        return e;
    m_path = path;
    m_connectionName = QStringLiteral("nocturne-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (options.mode == DatabaseOptions::Mode::ReadOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(connectOptions);
    if (!m_db.open()) {
        const DatabaseError e = classify(path, m_db.lastError());
        close();
        return e;
    }
    return {};
}

DatabaseError Database::open(const QString &path, const DatabaseOptions &options)
{
    const bool existed = QFileInfo::exists(path);
    if (auto e = openRaw(path, options))
        return e;

    QSqlQuery q(m_db);
    // The first read: fails on garbage, on an exclusive lock, and tells the version.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        const DatabaseError e = classify(path, q.lastError());
        close();
        return e;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > migrations::latestVersion()) {
        close();
        return error(DatabaseError::Kind::NewerSchema,
            Text::tr("%1 was written by a newer Nocturne (schema version %2; this program knows "
                     "up to %3). Update Nocturne to open it.")
                .arg(path)
                .arg(version)
                .arg(migrations::latestVersion()));
    }
    if (version == 0 && existed && options.mode != DatabaseOptions::Mode::CreateIfMissing) {
        close();
        return error(DatabaseError::Kind::NotInitialised,
            Text::tr("%1 is not a Nocturne database yet. Initialise it with \"nocturnectl --db %1 "
                     "init\".")
                .arg(path));
    }
    if (version == 0) {
        // An SQLite file that holds someone else's tables must not be adopted.
        QSqlQuery tables(m_db);
        if (tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && tables.next()
            && tables.value(0).toInt() > 0) {
            close();
            return error(DatabaseError::Kind::Corrupt,
                Text::tr("%1 is an SQLite database of another program, not a Nocturne database. "
                         "It was not changed.")
                    .arg(path));
        }
    }
    if (options.mode == DatabaseOptions::Mode::ReadOnly) {
        // Nothing else reads the schema before the first query: do it now, so that a
        // damaged file is reported as such and not as a failing statement later.
        QSqlQuery schema(m_db);
        if (!schema.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !schema.next()) {
            const DatabaseError e = classify(path, schema.lastError());
            close();
            return e;
        }
        return {};
    }
    return configure();
}

DatabaseError Database::configure()
{
    QSqlQuery q(m_db);
    for (const char *pragma : { "PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                                "PRAGMA synchronous=NORMAL", "PRAGMA temp_store=MEMORY",
                                "PRAGMA cache_size=-65536" }) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            const DatabaseError e = classify(m_path, q.lastError());
            close();
            return e;
        }
    }
    q.finish();
    const QString failure = migrations::migrate(m_db);
    if (!failure.isEmpty()) {
        // migrate() reports SQLite's text; try to classify a lock or read-only file.
        QSqlQuery probe(m_db);
        DatabaseError e;
        if (!probe.exec(QStringLiteral("BEGIN IMMEDIATE")))
            e = classify(m_path, probe.lastError());
        else {
            probe.exec(QStringLiteral("ROLLBACK"));
            e = error(
                DatabaseError::Kind::Io, Text::tr("Cannot upgrade %1: %2").arg(m_path, failure));
        }
        close();
        return e;
    }
    return {};
}

} // namespace nocturne::core
