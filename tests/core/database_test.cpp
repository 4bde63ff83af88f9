#include "testsupport.h"

#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nocturne::core::test {
namespace {

using Kind = DatabaseError::Kind;

// Every error case: the right kind, a message naming the file, and the file exactly as
// it was, with no journal files left next to it.
class DatabaseErrors : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const char *name = "nocturne.db") const { return m_dir.filePath(QLatin1StringView(name)); }

    // A real, current Nocturne database with one incident, left in rollback-journal
    // mode (no -wal/-shm files) unless `wal` is set.
    void createNocturneDatabase(const QString &file, bool wal = false)
    {
        {
            Database db;
            DatabaseOptions options;
            options.mode = DatabaseOptions::Mode::CreateIfMissing;
            ASSERT_FALSE(db.open(file, options).isError());
            FakeClock clock(T0);
            EventStore store(db, clock);
            ASSERT_FALSE(store.initialise().isError());
            IncidentCommand open;
            open.action = IncidentAction::Open;
            open.payload = openPayload();
            ASSERT_TRUE(store.execute(open).ok());
        }
        if (!wal) {
            RawSqlite raw(file);
            ASSERT_EQ(raw.exec(QStringLiteral("PRAGMA journal_mode=DELETE")), 0) << raw.errorMessage().toStdString();
        }
        ASSERT_EQ(directoryEntries(m_dir.path()), QStringList { QFileInfo(file).fileName() });
    }

    void writeFile(const QString &file, const QByteArray &bytes)
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_EQ(f.write(bytes), bytes.size());
    }

    // Opens `file` the way the console does and checks everything the error must hold.
    DatabaseError expectRefusedUnchanged(const QString &file, Kind kind, DatabaseOptions options = {})
    {
        const QStringList entriesBefore = directoryEntries(m_dir.path());
        const QByteArray hashBefore = sha256OfFile(file);
        Database db;
        const DatabaseError error = db.open(file, options);
        EXPECT_EQ(error.kind, kind) << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(file)) << error.message.toStdString();
        EXPECT_FALSE(db.isOpen());
        EXPECT_EQ(sha256OfFile(file), hashBefore) << "the file was modified";
        EXPECT_EQ(directoryEntries(m_dir.path()), entriesBefore) << "files appeared or vanished next to it";
        return error;
    }

    QTemporaryDir m_dir;
};

TEST_F(DatabaseErrors, AMissingFileIsReportedAndNotCreated)
{
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::Missing);
    EXPECT_TRUE(error.message.contains(QStringLiteral("init"))) << error.message.toStdString();
    EXPECT_FALSE(QFile::exists(path()));
}

TEST_F(DatabaseErrors, AMissingFileIsCreatedAtTheLatestSchemaWhenAsked)
{
    Database db;
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::CreateIfMissing;
    const DatabaseError error = db.open(path(), options);
    ASSERT_FALSE(error.isError()) << error.message.toStdString();
    EXPECT_EQ(db.schemaVersion(), migrations::latestVersion());
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("wal"));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
}

TEST_F(DatabaseErrors, AMissingFolderIsReportedWhenCreating)
{
    DatabaseOptions options;
    options.mode = DatabaseOptions::Mode::CreateIfMissing;
    Database db;
    const QString file = m_dir.filePath(QStringLiteral("no/such/folder/nocturne.db"));
    const DatabaseError error = db.open(file, options);
    EXPECT_TRUE(error.isError());
    EXPECT_TRUE(error.message.contains(file)) << error.message.toStdString();
    EXPECT_FALSE(QFile::exists(file));
}

TEST_F(DatabaseErrors, AnEmptyFileIsNotInitialised)
{
    writeFile(path(), {});
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::NotInitialised);
    EXPECT_TRUE(error.message.contains(QStringLiteral("init"))) << error.message.toStdString();
    EXPECT_EQ(QFileInfo(path()).size(), 0);
}

TEST_F(DatabaseErrors, AnSQLiteFileWithNoTablesIsNotInitialised)
{
    writeFile(path(), {}); // RawSqlite does not create files
    {
        RawSqlite raw(path());
        ASSERT_EQ(raw.exec(QStringLiteral("CREATE TABLE t (x); DROP TABLE t;")), 0) << raw.errorMessage().toStdString();
    }
    ASSERT_GT(QFileInfo(path()).size(), 0);
    expectRefusedUnchanged(path(), Kind::NotInitialised);
}

TEST_F(DatabaseErrors, AnotherProgramsSQLiteDatabaseIsNotAdopted)
{
    writeFile(path(), {});
    {
        RawSqlite raw(path());
        ASSERT_EQ(raw.exec(QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); "
                                          "INSERT INTO photos (name) VALUES ('holiday.jpg');")), 0);
    }
    expectRefusedUnchanged(path(), Kind::NotInitialised);
    DatabaseOptions create;
    create.mode = DatabaseOptions::Mode::CreateIfMissing; // even `init` must not take it over
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::Corrupt, create);
    EXPECT_TRUE(error.message.contains(QStringLiteral("another program"))) << error.message.toStdString();
}

TEST_F(DatabaseErrors, AFolderIsNotADatabase)
{
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("folder.db")));
    Database db;
    const DatabaseError error = db.open(path("folder.db"));
    EXPECT_EQ(error.kind, Kind::Io) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(path("folder.db")));
}

TEST_F(DatabaseErrors, AnExclusiveLockOnARollbackJournalDatabaseIsLocked)
{
    createNocturneDatabase(path());
    const QByteArray hash = sha256OfFile(path());
    RawSqlite other(path());
    ASSERT_EQ(other.exec(QStringLiteral("BEGIN EXCLUSIVE")), 0) << other.errorMessage().toStdString();

    DatabaseOptions options;
    options.busyTimeoutMs = 200;
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::Locked, options);
    EXPECT_TRUE(error.message.contains(QStringLiteral("locked"))) << error.message.toStdString();

    ASSERT_EQ(other.exec(QStringLiteral("ROLLBACK")), 0);
    EXPECT_EQ(sha256OfFile(path()), hash);
    Database db;
    EXPECT_FALSE(db.open(path(), options).isError()) << "usable again once the lock is gone";
}

TEST_F(DatabaseErrors, AWriterHoldingAWalDatabaseMakesAppendsFailAsLocked)
{
    StoreHarness h; // WAL, busy timeout 200 ms
    ASSERT_TRUE(h.ok());
    const QString number = h.openIncident();
    RawSqlite other(h.path());
    ASSERT_EQ(other.exec(QStringLiteral("BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('other', 'x');")), 0)
        << other.errorMessage().toStdString();

    // Readers still open it: WAL lets them in.
    {
        Database reader;
        DatabaseOptions options;
        options.busyTimeoutMs = 200;
        EXPECT_FALSE(reader.open(h.path(), options).isError());
    }

    const Event e = makeEvent(IncidentAction::Comment, h.projected(number)->id, HlcTimestamp { T0 + 1, 0, QStringLiteral("peer") },
                              T0 + 1, { { QStringLiteral("text"), QStringLiteral("hello") } });
    const AppendResult appended = h.store().append({ e });
    EXPECT_EQ(appended.error.kind, Kind::Locked) << appended.error.message.toStdString();
    EXPECT_TRUE(appended.error.message.contains(h.path())) << appended.error.message.toStdString();
    EXPECT_EQ(appended.appended, 0);

    const CommandResult command = h.run(IncidentAction::Acknowledge, number);
    EXPECT_EQ(command.status, CommandResult::Status::StorageError);
    EXPECT_TRUE(command.error.contains(h.path())) << command.error.toStdString();

    ASSERT_EQ(other.exec(QStringLiteral("ROLLBACK")), 0);
    EXPECT_EQ(h.store().append({ e }).appended, 1) << "usable again once the lock is gone";
    EXPECT_TRUE(h.run(IncidentAction::Acknowledge, number).ok());
}

// Makes a file immutable (chattr +i), the one way to make it unwritable for root on a
// normal file system; undone on destruction so the temporary folder can be removed.
class ImmutableFile
{
public:
    explicit ImmutableFile(const QString &path) : m_path(path.toLocal8Bit()) { m_ok = setImmutable(true); }
    ~ImmutableFile()
    {
        if (m_ok)
            setImmutable(false);
    }
    bool ok() const { return m_ok; }

private:
    bool setImmutable(bool on)
    {
        const int fd = ::open(m_path.constData(), O_RDONLY);
        if (fd < 0)
            return false;
        int flags = 0;
        bool done = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (done) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            done = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        ::close(fd);
        return done;
    }

    QByteArray m_path;
    bool m_ok = false;
};

TEST_F(DatabaseErrors, AReadOnlyFileIsReadOnly)
{
    createNocturneDatabase(path());
    std::unique_ptr<ImmutableFile> immutable;
    if (::geteuid() == 0) {
        // Root ignores permission bits; an immutable file is unwritable even for root.
        immutable = std::make_unique<ImmutableFile>(path());
        if (!immutable->ok())
            GTEST_SKIP() << "running as root, where chmod 0444 does not stop writes, and this file "
                            "system or container does not allow chattr +i";
    } else {
        ASSERT_EQ(::chmod(path().toLocal8Bit().constData(), 0444), 0);
    }
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::ReadOnly);
    EXPECT_TRUE(error.message.contains(QStringLiteral("read-only"))) << error.message.toStdString();
    ::chmod(path().toLocal8Bit().constData(), 0644);
}

TEST_F(DatabaseErrors, ANewerSchemaIsRefused)
{
    createNocturneDatabase(path());
    {
        RawSqlite raw(path());
        ASSERT_EQ(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(migrations::latestVersion() + 1)), 0);
    }
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::NewerSchema);
    EXPECT_TRUE(error.message.contains(QString::number(migrations::latestVersion() + 1))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("newer"))) << error.message.toStdString();
}

TEST_F(DatabaseErrors, ANewerSchemaInWalModeIsRefusedUnchanged)
{
    createNocturneDatabase(path(), /*wal=*/true);
    {
        RawSqlite raw(path());
        ASSERT_EQ(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(migrations::latestVersion() + 5)), 0);
    }
    ASSERT_EQ(directoryEntries(m_dir.path()), QStringList { QStringLiteral("nocturne.db") });
    expectRefusedUnchanged(path(), Kind::NewerSchema);
}

TEST_F(DatabaseErrors, RandomGarbageIsCorrupt)
{
    QByteArray garbage(64 * 1024, Qt::Uninitialized);
    QRandomGenerator random(1234);
    random.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
    writeFile(path(), garbage);
    const DatabaseError error = expectRefusedUnchanged(path(), Kind::Corrupt);
    EXPECT_TRUE(error.message.contains(QStringLiteral("not changed"))) << error.message.toStdString();
}

TEST_F(DatabaseErrors, ATextFileIsCorrupt)
{
    writeFile(path(), QByteArrayLiteral("id,title\n1,not a database\n"));
    expectRefusedUnchanged(path(), Kind::Corrupt);
}

TEST_F(DatabaseErrors, AnSQLiteMagicFollowedByGarbageIsCorrupt)
{
    for (quint32 seed : { 1u, 2u, 3u, 4u, 5u }) {
        QByteArray bytes(16 * 1024, Qt::Uninitialized);
        QRandomGenerator random(seed);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        bytes.replace(0, 16, QByteArray("SQLite format 3\0", 16));
        writeFile(path(), bytes);
        SCOPED_TRACE(seed);
        expectRefusedUnchanged(path(), Kind::Corrupt);
    }
}

TEST_F(DatabaseErrors, AValidHeaderFollowedByGarbageIsCorrupt)
{
    // The first 100 bytes of a real Nocturne database (page size, schema version and
    // all), then garbage where the schema and the data should be.
    createNocturneDatabase(path("good.db"));
    QFile good(path("good.db"));
    ASSERT_TRUE(good.open(QIODevice::ReadOnly));
    QByteArray bytes = good.readAll();
    good.close();
    ASSERT_GT(bytes.size(), 4096);
    QRandomGenerator random(77);
    for (qsizetype i = 100; i < bytes.size(); ++i)
        bytes[i] = char(random.bounded(256));
    writeFile(path(), bytes);
    QFile::remove(path("good.db"));
    expectRefusedUnchanged(path(), Kind::Corrupt);
}

class TruncatedDatabase : public DatabaseErrors, public ::testing::WithParamInterface<int>
{
};

// A copy cut short (a full disk, an interrupted transfer) is damaged, not "new": neither
// opening nor `init` may treat it as an empty database and write over it.
TEST_P(TruncatedDatabase, IsCorruptAndNotReinitialised)
{
    createNocturneDatabase(path("good.db"));
    QFile good(path("good.db"));
    ASSERT_TRUE(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    good.close();
    QFile::remove(path("good.db"));
    const int length = GetParam() > 0 ? GetParam() : int(bytes.size()) + GetParam();
    ASSERT_LT(length, bytes.size());
    writeFile(path(), bytes.left(length));
    expectRefusedUnchanged(path(), Kind::Corrupt);
    DatabaseOptions create;
    create.mode = DatabaseOptions::Mode::CreateIfMissing;
    expectRefusedUnchanged(path(), Kind::Corrupt, create);
}

INSTANTIATE_TEST_SUITE_P(Lengths, TruncatedDatabase, ::testing::Values(20, 50, 100, 300, 511, 1000, 4096 + 100, -4096, -100));

TEST(Database, ClassifiesSQLiteErrorCodes)
{
    const QString file = QStringLiteral("/data/nocturne.db");
    struct Case
    {
        const char *code;
        DatabaseError::Kind kind;
    };
    const Case cases[] = {
        { "5", Kind::Locked },   { "517", Kind::Locked },   { "6", Kind::Locked },  { "8", Kind::ReadOnly },
        { "1032", Kind::ReadOnly }, { "11", Kind::Corrupt }, { "26", Kind::Corrupt }, { "14", Kind::Io },
        { "1", Kind::Io },
    };
    for (const Case &c : cases) {
        const QSqlError sqlError(QStringLiteral("driver"), QStringLiteral("database says no"), QSqlError::StatementError,
                                 QString::fromLatin1(c.code));
        const DatabaseError error = Database::classify(file, sqlError);
        EXPECT_EQ(error.kind, c.kind) << c.code;
        EXPECT_TRUE(error.message.contains(file)) << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(QStringLiteral("database says no"))) << error.message.toStdString();
    }
}

} // namespace
} // namespace nocturne::core::test
