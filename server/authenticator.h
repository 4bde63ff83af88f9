#pragma once

#include "requestcontext.h"

#include "core/storage/serverstore.h"

#include <QByteArray>
#include <QHash>
#include <QHttpServerRequest>

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

// Bearer token → Principal. Hashing the token and asking the store costs more than
// serving a cached list page, so a known token's principal is kept for a few seconds.
// The server forgets the cache whenever it changes accounts itself; a revocation made
// elsewhere (nocturnectl, another instance) takes effect within the TTL. The cache lives
// in this process's memory only and is never written anywhere.
class Authenticator final
{
    Q_DISABLE_COPY_MOVE(Authenticator)
public:
    static constexpr qint64 DefaultTtlMs = 5000;

    Authenticator(core::ServerStore &store, const core::Clock &clock, qint64 ttlMs = DefaultTtlMs);

    // 401 when the header is missing, not a bearer token, or the token is unknown or
    // revoked; 503 when the store does not answer.
    Expected<core::Principal> authenticate(const QHttpServerRequest &request);
    void forgetAll() { m_cache.clear(); }

    // The value of WWW-Authenticate on a 401.
    static QByteArray challenge() { return QByteArrayLiteral("Bearer realm=\"nocturne\""); }

private:
    struct Cached
    {
        core::Principal principal;
        qint64 expiresAtMs = 0;
    };
    static constexpr int MaxCached = 4096;

    core::ServerStore &m_store;
    const core::Clock &m_clock;
    qint64 m_ttlMs;
    QHash<QByteArray, Cached> m_cache; // by token
};

} // namespace nocturne::server
