#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace nocturne::ui {

// What a credential request came to. The token is only set by a successful read.
struct CredentialResult
{
    enum class ErrorKind { None, NotFound, NoKeychain, Denied, Other };
    bool ok = false;
    QString token;
    ErrorKind errorKind = ErrorKind::None;
    QString message; // why it failed, for the operator (never contains the token)
};

// Where the console keeps the server token: a secret that never goes to QSettings, the
// database or a log. Requests are asynchronous (a keychain may ask the user, or talk to
// a daemon over D-Bus): each answers once through `done`, on the GUI thread, unless
// `context` was destroyed first. Accounts are "<server host>/<user>".
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)
public:
    using Callback = std::function<void(const CredentialResult &)>;

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    virtual void readToken(const QString &account, QObject *context, Callback done) = 0;
    virtual void writeToken(const QString &account, const QString &token, QObject *context, Callback done) = 0;
    virtual void deleteToken(const QString &account, QObject *context, Callback done) = 0;
    // Whether tokens outlive the process (a keychain) or only this session.
    virtual bool isPersistent() const = 0;

    static QString accountFor(const QString &serverHost, const QString &user);
};

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows), under the service name "Nocturne". QtKeychain's
// insecure fallback (a plain-text QSettings file) stays off.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainCredentialStore)
public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);
    ~KeychainCredentialStore() override;

    void readToken(const QString &account, QObject *context, Callback done) override;
    void writeToken(const QString &account, const QString &token, QObject *context, Callback done) override;
    void deleteToken(const QString &account, QObject *context, Callback done) override;
    bool isPersistent() const override { return true; }

    static const QString ServiceName;
};

// Tokens in memory for this session only: where no keychain is available, and in tests.
// Answers are still delivered asynchronously, as the keychain's are.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryCredentialStore)
public:
    explicit MemoryCredentialStore(QObject *parent = nullptr);
    ~MemoryCredentialStore() override;

    void readToken(const QString &account, QObject *context, Callback done) override;
    void writeToken(const QString &account, const QString &token, QObject *context, Callback done) override;
    void deleteToken(const QString &account, QObject *context, Callback done) override;
    bool isPersistent() const override { return false; }

    bool contains(const QString &account) const { return m_tokens.contains(account); }

private:
    QHash<QString, QString> m_tokens;
};

} // namespace nocturne::ui
