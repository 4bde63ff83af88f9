// `nocturnectl user …` and `token …` as a real process, on a SQLite file and on a
// PostgreSQL database: the token is printed once and only its hash is stored.
#include "ctlrunner.h"
#include "support/postgrescluster.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

using nocturne::tests::PostgresCluster;

namespace {

class CtlAccountsTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        if (GetParam() == "sqlite") {
            m_db = m_dir.filePath(QStringLiteral("server.nocturne"));
            return;
        }
        QString error;
        PostgresCluster *cluster = PostgresCluster::shared(&error);
        ASSERT_NE(cluster, nullptr) << "PostgreSQL cluster: " << error.toStdString();
        static int counter = 0;
        m_db = cluster->createDatabase(
            QStringLiteral("ctl_%1_%2")
                .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'))
                .arg(++counter),
            &error);
        ASSERT_FALSE(m_db.isEmpty()) << error.toStdString();
    }

    CtlRun ctl(const QStringList &arguments) { return runCtl(m_db, arguments); }

    // The stored token hashes, read straight from the tables.
    QStringList storedHashes()
    {
        QStringList hashes;
        const QString name = QStringLiteral("accounts-check");
        {
            QSqlDatabase db;
            if (GetParam() == "sqlite") {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(m_db);
            } else {
                const QUrl url(m_db);
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                db.setHostName(url.host());
                db.setPort(url.port());
                db.setUserName(url.userName());
                db.setDatabaseName(url.path().mid(1));
            }
            EXPECT_TRUE(db.open());
            QSqlQuery q(db);
            EXPECT_TRUE(
                q.exec(QStringLiteral("SELECT token_hash FROM api_tokens ORDER BY created_at")));
            while (q.next())
                hashes << q.value(0).toString();
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return hashes;
    }

    QTemporaryDir m_dir;
    QString m_db;
};

const QRegularExpression TokenShape(QStringLiteral("^noc_[A-Za-z0-9_-]{43}$"));

TEST_P(CtlAccountsTest, ATokenIsPrintedOnceAndOnlyItsHashIsStored)
{
    const CtlRun added = ctl({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ana"),
        QStringLiteral("--role"), QStringLiteral("operator"), QStringLiteral("--display-name"),
        QStringLiteral("Ana Lima") });
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();

    const CtlRun created = ctl({ QStringLiteral("token"), QStringLiteral("create"),
        QStringLiteral("ana"), QStringLiteral("--label"), QStringLiteral("laptop") });
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    // Nothing but the token on stdout, so scripts can capture it.
    const QString token = created.out.trimmed();
    EXPECT_EQ(created.out, token + QLatin1Char('\n'));
    EXPECT_TRUE(TokenShape.match(token).hasMatch()) << token.toStdString();
    EXPECT_TRUE(created.err.contains(QStringLiteral("cannot be shown again")))
        << created.err.toStdString();

    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(storedHashes(), QStringList { hash });
    if (GetParam() == "sqlite") {
        // Neither the file nor anything next to it (a WAL) holds the secret.
        const QByteArray secret = token.toUtf8();
        for (const QString &entry : QDir(m_dir.path()).entryList(QDir::Files)) {
            QFile file(m_dir.filePath(entry));
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            EXPECT_FALSE(bytes.contains(secret)) << entry.toStdString();
            EXPECT_FALSE(bytes.contains(secret.mid(4))) << entry.toStdString();
        }
    }

    // Lists show the id, never the secret.
    const CtlRun listed
        = ctl({ QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json") });
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_FALSE(listed.out.contains(token));
    const QJsonArray tokens = QJsonDocument::fromJson(listed.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("tokens"))
                                  .toArray();
    ASSERT_EQ(tokens.size(), 1);
    const QJsonObject listedToken = tokens.first().toObject();
    EXPECT_EQ(listedToken.value(QStringLiteral("user")).toString(), QStringLiteral("ana"));
    EXPECT_EQ(listedToken.value(QStringLiteral("label")).toString(), QStringLiteral("laptop"));
    EXPECT_FALSE(listedToken.value(QStringLiteral("revoked")).toBool());
    EXPECT_TRUE(
        listedToken.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("tok_")));

    const CtlRun users = ctl({ QStringLiteral("user"), QStringLiteral("list") });
    ASSERT_EQ(users.exitCode, 0) << users.err.toStdString();
    EXPECT_TRUE(users.out.contains(QStringLiteral("ana")));
    EXPECT_TRUE(users.out.contains(QStringLiteral("operator")));
    EXPECT_TRUE(users.out.contains(QStringLiteral("Ana Lima")));
}

TEST_P(CtlAccountsTest, ARevokedTokenIsListedAsRevokedAndCannotBeRevokedTwice)
{
    ASSERT_EQ(ctl({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("sam"),
                      QStringLiteral("--role"), QStringLiteral("supervisor") })
                  .exitCode,
        0);
    const CtlRun created = ctl({ QStringLiteral("token"), QStringLiteral("create"),
        QStringLiteral("sam"), QStringLiteral("--json") });
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(created.out.toUtf8()).object();
    const QString id = json.value(QStringLiteral("id")).toString();
    EXPECT_TRUE(TokenShape.match(json.value(QStringLiteral("token")).toString()).hasMatch());

    const CtlRun revoked = ctl({ QStringLiteral("token"), QStringLiteral("revoke"), id });
    ASSERT_EQ(revoked.exitCode, 0) << revoked.err.toStdString();
    EXPECT_TRUE(revoked.out.contains(id));

    const CtlRun listed
        = ctl({ QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("sam") });
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_TRUE(listed.out.contains(id));
    EXPECT_TRUE(listed.out.contains(QStringLiteral("revoked")));

    const CtlRun again = ctl({ QStringLiteral("token"), QStringLiteral("revoke"), id });
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(id)) << again.err.toStdString();
}

TEST_P(CtlAccountsTest, AnUnknownRoleIsRefusedWithTheRolesThatExist)
{
    const CtlRun run = ctl({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ana"),
        QStringLiteral("--role"), QStringLiteral("superuser") });
    EXPECT_EQ(run.exitCode, 2);
    for (const char *role : { "operator", "supervisor", "admin", "auditor", "integration" })
        EXPECT_TRUE(run.err.contains(QLatin1StringView(role))) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty());
}

TEST_P(CtlAccountsTest, ATokenForAnUnknownUserIsRefusedAndNothingIsStored)
{
    ASSERT_EQ(ctl({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ana"),
                      QStringLiteral("--role"), QStringLiteral("admin") })
                  .exitCode,
        0);
    const CtlRun run
        = ctl({ QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("nobody") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("nobody"))) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty()) << run.out.toStdString();
    EXPECT_TRUE(storedHashes().isEmpty());

    const CtlRun twice = ctl({ QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ana"),
        QStringLiteral("--role"), QStringLiteral("operator") });
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("already exists"))) << twice.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, CtlAccountsTest, ::testing::Values("sqlite", "postgresql"),
    [](const auto &info) { return info.param; });

} // namespace
