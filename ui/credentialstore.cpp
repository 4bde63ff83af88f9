#include "credentialstore.h"

#include <qt6keychain/keychain.h>


namespace nocturne::ui {

namespace {

CredentialResult::ErrorKind errorKindOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError: return CredentialResult::ErrorKind::None;
    case QKeychain::EntryNotFound: return CredentialResult::ErrorKind::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: return CredentialResult::ErrorKind::Denied;
    // QtKeychain reports a missing or broken Secret Service / KWallet as one of these.
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: return CredentialResult::ErrorKind::NoKeychain;
    case QKeychain::CouldNotDeleteEntry: return CredentialResult::ErrorKind::Other;
    }
    return CredentialResult::ErrorKind::Other;
}

// Starts a job and answers `done` once it finished, unless `context` went away. The job
// deletes itself afterwards (QtKeychain's auto-delete).
void run(QKeychain::Job *job, const QString &account, QObject *context, CredentialStore::Callback done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        CredentialResult result;
        result.errorKind = errorKindOf(finished->error());
        result.ok = result.errorKind == CredentialResult::ErrorKind::None;
        if (result.ok) {
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.token = read->textData();
        } else {
            result.message = finished->errorString();
        }
        done(result);
    });
    job->start();
}

void deliverLater(QObject *context, CredentialStore::Callback done, CredentialResult result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::accountFor(const QString &serverHost, const QString &user)
{
    return serverHost + QLatin1Char('/') + user;
}

const QString KeychainCredentialStore::ServiceName = QStringLiteral("Nocturne");

KeychainCredentialStore::KeychainCredentialStore(QObject *parent)
    : CredentialStore(parent)
{
}

KeychainCredentialStore::~KeychainCredentialStore() = default;

void KeychainCredentialStore::readToken(const QString &account, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(ServiceName, this), account, context, std::move(done));
}

void KeychainCredentialStore::writeToken(const QString &account, const QString &token, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(ServiceName, this);
    job->setTextData(token);
    run(job, account, context, std::move(done));
}

void KeychainCredentialStore::deleteToken(const QString &account, QObject *context, Callback done)
{
    run(new QKeychain::DeletePasswordJob(ServiceName, this), account, context, std::move(done));
}

MemoryCredentialStore::MemoryCredentialStore(QObject *parent)
    : CredentialStore(parent)
{
}

MemoryCredentialStore::~MemoryCredentialStore() = default;

void MemoryCredentialStore::readToken(const QString &account, QObject *context, Callback done)
{
    CredentialResult result;
    if (const auto it = m_tokens.constFind(account); it != m_tokens.cend()) {
        result.ok = true;
        result.token = *it;
    } else {
        result.errorKind = CredentialResult::ErrorKind::NotFound;
        result.message = tr("No token is kept for %1 in this session.").arg(account);
    }
    deliverLater(context, std::move(done), result);
}

void MemoryCredentialStore::writeToken(const QString &account, const QString &token, QObject *context, Callback done)
{
    m_tokens.insert(account, token);
    CredentialResult result;
    result.ok = true;
    deliverLater(context, std::move(done), result);
}

void MemoryCredentialStore::deleteToken(const QString &account, QObject *context, Callback done)
{
    CredentialResult result;
    result.ok = m_tokens.remove(account) > 0;
    if (!result.ok) {
        result.errorKind = CredentialResult::ErrorKind::NotFound;
        result.message = tr("No token is kept for %1 in this session.").arg(account);
    }
    deliverLater(context, std::move(done), result);
}

} // namespace nocturne::ui
