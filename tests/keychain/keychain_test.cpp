// KeychainCredentialStore against a real Secret Service (gnome-keyring in a private D-Bus
// session, see run-in-keyring-session.sh): tokens written are read back, by this process
// and by another one, overwritten and deleted; with no session bus at all the store says
// that no keychain is available, and why.

#include <ui/credentialstore.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <optional>

using nocturne::ui::CredentialResult;
using nocturne::ui::CredentialStore;
using nocturne::ui::KeychainCredentialStore;
using ErrorKind = CredentialResult::ErrorKind;

namespace {

const QString ChildReadOption = QStringLiteral("--read-token");

QString kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return QStringLiteral("None");
    case ErrorKind::NotFound: return QStringLiteral("NotFound");
    case ErrorKind::NoKeychain: return QStringLiteral("NoKeychain");
    case ErrorKind::Denied: return QStringLiteral("Denied");
    case ErrorKind::Other: return QStringLiteral("Other");
    }
    return {};
}

// Runs one asynchronous request to its answer (a test may wait; the console never does).
std::optional<CredentialResult> await(const std::function<void(QObject *, CredentialStore::Callback)> &request,
                                      int timeoutMs = 30'000)
{
    QObject context;
    QEventLoop loop;
    std::optional<CredentialResult> answer;
    request(&context, [&](const CredentialResult &result) {
        answer = result;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    return answer;
}

std::optional<CredentialResult> readToken(CredentialStore &store, const QString &account)
{
    return await([&](QObject *context, CredentialStore::Callback done) { store.readToken(account, context, std::move(done)); });
}

std::optional<CredentialResult> writeToken(CredentialStore &store, const QString &account, const QString &token)
{
    return await(
        [&](QObject *context, CredentialStore::Callback done) { store.writeToken(account, token, context, std::move(done)); });
}

std::optional<CredentialResult> deleteToken(CredentialStore &store, const QString &account)
{
    return await([&](QObject *context, CredentialStore::Callback done) { store.deleteToken(account, context, std::move(done)); });
}

QString freshAccount()
{
    return CredentialStore::accountFor(QStringLiteral("noc.keychain-test.invalid"),
                                       QStringLiteral("op-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// This executable reading one token in a process of its own: "ok TOKEN" or "KIND MESSAGE".
QString readInAnotherProcess(const QString &account, const QProcessEnvironment &environment)
{
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), { ChildReadOption, account });
    if (!child.waitForFinished(60'000)) {
        child.kill();
        child.waitForFinished();
        return QStringLiteral("timeout");
    }
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

int childRead(const QString &account)
{
    KeychainCredentialStore store;
    const auto result = readToken(store, account);
    if (!result)
        std::printf("timeout\n");
    else if (result->ok)
        std::printf("ok %s\n", qPrintable(result->token));
    else
        std::printf("%s %s\n", qPrintable(kindName(result->errorKind)), qPrintable(result->message));
    std::fflush(stdout);
    return 0;
}

} // namespace

TEST(KeychainCredentialStoreTest, WritesReadsOverwritesAndDeletesAToken)
{
    KeychainCredentialStore store;
    const QString account = freshAccount();
    const QString token = QStringLiteral("noc_AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjjKKK");

    auto result = readToken(store, account);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->errorKind, ErrorKind::NotFound) << result->message.toStdString();

    result = writeToken(store, account, token);
    ASSERT_TRUE(result);
    ASSERT_TRUE(result->ok) << kindName(result->errorKind).toStdString() << ": " << result->message.toStdString();
    result = readToken(store, account);
    ASSERT_TRUE(result);
    ASSERT_TRUE(result->ok) << result->message.toStdString();
    EXPECT_EQ(result->token, token);

    const QString second = QStringLiteral("noc_ZZZZyyyyXXXXwwwwVVVVuuuuTTTTssssRRRRqqqqPPP");
    result = writeToken(store, account, second);
    ASSERT_TRUE(result && result->ok);
    result = readToken(store, account);
    ASSERT_TRUE(result && result->ok);
    EXPECT_EQ(result->token, second);

    result = deleteToken(store, account);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->message.toStdString();
    result = readToken(store, account);
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok);
    EXPECT_EQ(result->errorKind, ErrorKind::NotFound) << result->message.toStdString();
    EXPECT_TRUE(result->token.isEmpty());
}

TEST(KeychainCredentialStoreTest, AFreshStoreAndAnotherProcessReadTheSameToken)
{
    const QString account = freshAccount();
    const QString token = QStringLiteral("noc_sharedSHAREDshared0123456789_-abcdefghijk");
    {
        KeychainCredentialStore writer;
        const auto written = writeToken(writer, account, token);
        ASSERT_TRUE(written && written->ok) << (written ? written->message.toStdString() : "timeout");
    }
    KeychainCredentialStore fresh;
    const auto read = readToken(fresh, account);
    ASSERT_TRUE(read && read->ok);
    EXPECT_EQ(read->token, token);

    EXPECT_EQ(readInAnotherProcess(account, QProcessEnvironment::systemEnvironment()), QStringLiteral("ok ") + token);

    // Accounts are apart: the same user on another server has no token.
    const QString other = CredentialStore::accountFor(QStringLiteral("elsewhere.invalid"), account.section(QLatin1Char('/'), 1));
    const auto missing = readToken(fresh, other);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->errorKind, ErrorKind::NotFound);
    ASSERT_TRUE(deleteToken(fresh, account));
}

TEST(KeychainCredentialStoreTest, WithoutASessionBusSaysNoKeychainIsAvailableAndWhy)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus")));
    const QString answer = readInAnotherProcess(freshAccount(), environment);
    EXPECT_TRUE(answer.startsWith(QStringLiteral("NoKeychain "))) << answer.toStdString();
    EXPECT_GT(answer.size(), QStringLiteral("NoKeychain ").size() + 5) << "no reason given: " << answer.toStdString();
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == ChildReadOption)
        return childRead(arguments.at(2));
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        std::fprintf(stderr, "keychain_tests: run through run-in-keyring-session.sh (no D-Bus session)\n");
        return 1;
    }
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
