// A database that cannot be used gives a clear message, exit code 2, and is left
// exactly as it was.
#include "ctlrunner.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <unistd.h>

namespace {

class CtlDatabaseErrors : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ops.db"));
    }

    void initialiseWithOneIncident()
    {
        ASSERT_EQ(runCtl(m_db, { QStringLiteral("init") }).exitCode, 0);
        ASSERT_EQ(runCtl(m_db, { QStringLiteral("create"), QStringLiteral("--title"), QStringLiteral("WMS outage") }).exitCode, 0);
    }

    // Expects every command to fail with exit 2, a message naming the file and
    // containing `reason`, and the file's bytes unchanged.
    void expectUnusable(const QString &reason)
    {
        const QByteArray before = fileDigest(m_db);
        for (const QStringList &command : { QStringList { QStringLiteral("list") },
                                            QStringList { QStringLiteral("ack"), QStringLiteral("INC0000001") },
                                            QStringList { QStringLiteral("audit"), QStringLiteral("verify") } }) {
            const CtlRun run = runCtl(m_db, command);
            EXPECT_EQ(run.exitCode, 2) << command.join(u' ').toStdString() << ": " << run.err.toStdString();
            EXPECT_TRUE(run.err.contains(m_db)) << run.err.toStdString();
            EXPECT_TRUE(run.err.contains(reason, Qt::CaseInsensitive)) << run.err.toStdString();
        }
        EXPECT_EQ(fileDigest(m_db), before);
        EXPECT_FALSE(QFile::exists(m_db + QStringLiteral("-wal")) && QFile(m_db + QStringLiteral("-wal")).size() > 0 && m_expectNoWal);
    }

    // Root ignores permission bits; the immutable attribute binds root too.
    bool makeReadOnly()
    {
        if (geteuid() != 0)
            return QFile::setPermissions(m_db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        m_immutable = QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("+i"), m_db }) == 0;
        return m_immutable;
    }

    void undoReadOnly()
    {
        if (m_immutable) // else the temporary folder could not be removed
            QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("-i"), m_db });
        m_immutable = false;
    }

    void TearDown() override { undoReadOnly(); }

    QTemporaryDir m_dir;
    QString m_db;
    bool m_expectNoWal = true;
    bool m_immutable = false;
};

TEST_F(CtlDatabaseErrors, MissingDatabaseSaysHowToCreateIt)
{
    const CtlRun run = runCtl(m_db, { QStringLiteral("list") });
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("does not exist")));
    EXPECT_TRUE(run.err.contains(QStringLiteral("init")));
    EXPECT_FALSE(QFile::exists(m_db)) << "a read must not create the file";
}

TEST_F(CtlDatabaseErrors, GarbageFileIsReportedAsNotADatabase)
{
    QFile file(m_db);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QByteArray garbage(64 * 1024, '\0');
    QRandomGenerator generator(1234);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    file.write(garbage);
    file.close();
    expectUnusable(QStringLiteral("not an SQLite database"));
    EXPECT_FALSE(QFile::exists(m_db + QStringLiteral("-wal")));
}

TEST_F(CtlDatabaseErrors, ValidHeaderWithGarbagePagesIsReportedAsDamaged)
{
    initialiseWithOneIncident();
    {
        // Keep SQLite's header, overwrite the schema page with noise.
        QFile file(m_db);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        ASSERT_GT(bytes.size(), 4096);
        for (int i = 100; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) & 0xff);
        file.seek(0);
        file.write(bytes);
    }
    QFile::remove(m_db + QStringLiteral("-wal"));
    QFile::remove(m_db + QStringLiteral("-shm"));
    const QByteArray before = fileDigest(m_db);
    const CtlRun run = runCtl(m_db, { QStringLiteral("list") });
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(m_db));
    EXPECT_TRUE(run.err.contains(QStringLiteral("damaged")) || run.err.contains(QStringLiteral("malformed"))) << run.err.toStdString();
    EXPECT_EQ(fileDigest(m_db), before);
}

TEST_F(CtlDatabaseErrors, NewerSchemaAsksToUpdateNocturne)
{
    initialiseWithOneIncident();
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(m_db);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    m_expectNoWal = false;
    expectUnusable(QStringLiteral("newer Nocturne"));
}

TEST_F(CtlDatabaseErrors, LockedDatabaseRefusesWritesAndKeepsData)
{
    initialiseWithOneIncident();
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
    db.setDatabaseName(m_db);
    ASSERT_TRUE(db.open());
    {
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NOCTURNE_BUSY_TIMEOUT_MS"), QStringLiteral("200"));
    const CtlRun run = runCtl(m_db, { QStringLiteral("ack"), QStringLiteral("INC0000001") }, env);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("locked"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(m_db));
    {
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("ROLLBACK")));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));

    const CtlRun after = runCtl(m_db, { QStringLiteral("show"), QStringLiteral("INC0000001") });
    EXPECT_EQ(after.exitCode, 0);
    EXPECT_TRUE(after.out.contains(QStringLiteral("New"))) << "the refused ack must not have been written";
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("ack"), QStringLiteral("INC0000001") }).exitCode, 0) << "works once the lock is gone";
}

TEST_F(CtlDatabaseErrors, ReadOnlyDatabaseIsReported)
{
    initialiseWithOneIncident();
    QFile::remove(m_db + QStringLiteral("-wal"));
    QFile::remove(m_db + QStringLiteral("-shm"));
    if (!makeReadOnly())
        GTEST_SKIP() << "running as root and chattr +i is not supported on this file system";
    const QByteArray before = fileDigest(m_db);
    const CtlRun run = runCtl(m_db, { QStringLiteral("ack"), QStringLiteral("INC0000001") });
    undoReadOnly();
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("read-only"))) << run.err.toStdString();
    EXPECT_EQ(fileDigest(m_db), before);
}

TEST_F(CtlDatabaseErrors, ReportsAndAuditsReadAReadOnlyCopyWithoutChangingIt)
{
    initialiseWithOneIncident();
    ASSERT_EQ(runCtl(m_db, { QStringLiteral("ack"), QStringLiteral("INC0000001") }).exitCode, 0);
    QFile::remove(m_db + QStringLiteral("-wal"));
    QFile::remove(m_db + QStringLiteral("-shm"));
    if (!makeReadOnly())
        GTEST_SKIP() << "running as root and chattr +i is not supported on this file system";
    const QByteArray before = fileDigest(m_db);
    const CtlRun list = runCtl(m_db, { QStringLiteral("list"), QStringLiteral("--json") });
    const CtlRun show = runCtl(m_db, { QStringLiteral("show"), QStringLiteral("INC0000001") });
    const CtlRun audit = runCtl(m_db, { QStringLiteral("audit"), QStringLiteral("verify") });
    const CtlRun write = runCtl(m_db, { QStringLiteral("comment"), QStringLiteral("INC0000001"), QStringLiteral("--text"), QStringLiteral("x") });
    undoReadOnly();
    EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("INC0000001")));
    EXPECT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_EQ(audit.exitCode, 0) << audit.err.toStdString() << audit.out.toStdString();
    EXPECT_EQ(write.exitCode, 2);
    EXPECT_EQ(fileDigest(m_db), before);
}

TEST_F(CtlDatabaseErrors, AnotherProgramsDatabaseIsNotAdopted)
{
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(m_db);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE songs (title TEXT)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = fileDigest(m_db);
    const CtlRun run = runCtl(m_db, { QStringLiteral("init") });
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("another program"))) << run.err.toStdString();
    EXPECT_EQ(fileDigest(m_db), before);
}

} // namespace
