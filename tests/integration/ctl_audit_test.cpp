// `audit verify` against real tampering with raw SQL.
#include "ctlrunner.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

namespace {

class CtlAudit : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("audit.db"));
        ASSERT_EQ(runCtl(m_db, { QStringLiteral("demo"), QStringLiteral("--incidents"), QStringLiteral("50"), QStringLiteral("--days"),
                                 QStringLiteral("5") }).exitCode, 0);
    }

    void execute(const QString &sql, const QVariantList &values = {})
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(m_db);
        ASSERT_TRUE(db.open());
        {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &v : values)
                q.addBindValue(v);
            ASSERT_TRUE(q.exec()) << sql.toStdString();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }

    QTemporaryDir m_dir;
    QString m_db;
};

TEST_F(CtlAudit, IntactHistoryVerifies)
{
    const CtlRun run = runCtl(m_db, { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json") });
    EXPECT_EQ(run.exitCode, 0) << run.out.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_TRUE(report.value(QStringLiteral("intact")).toBool());
    EXPECT_GT(report.value(QStringLiteral("events_checked")).toInt(), 50);
}

TEST_F(CtlAudit, EditedEventIsNamedWithItsIncident)
{
    execute(QStringLiteral("UPDATE events SET payload = replace(payload, 'Restarted', 'Nothing happened') "
                           "WHERE seq = (SELECT min(seq) FROM events WHERE kind = 'resolved')"));
    QString eventId, number;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
        db.setDatabaseName(m_db);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT e.id, i.number FROM events e JOIN incidents i ON i.id = e.incident_id "
                                          "WHERE e.seq = (SELECT min(seq) FROM events WHERE kind = 'resolved')")));
        ASSERT_TRUE(q.next());
        eventId = q.value(0).toString();
        number = q.value(1).toString();
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("read"));
    }
    // The replace() may not have matched this event's resolution code; make sure it changed.
    execute(QStringLiteral("UPDATE events SET actor = 'mallory' WHERE id = ?"), { eventId });

    const CtlRun run = runCtl(m_db, { QStringLiteral("audit"), QStringLiteral("verify") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.out.contains(eventId)) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(number)) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("edited"))) << run.out.toStdString();
}

TEST_F(CtlAudit, DeletedEventBreaksTheChain)
{
    execute(QStringLiteral("DELETE FROM events WHERE seq = 10"));
    const CtlRun run = runCtl(m_db, { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json") });
    EXPECT_EQ(run.exitCode, 1);
    const QJsonObject first = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("first_broken")).toObject();
    EXPECT_EQ(first.value(QStringLiteral("seq")).toInt(), 11);
}

TEST_F(CtlAudit, DeletedNewestEventIsDetected)
{
    execute(QStringLiteral("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"));
    EXPECT_EQ(runCtl(m_db, { QStringLiteral("audit"), QStringLiteral("verify") }).exitCode, 1);
}

} // namespace
