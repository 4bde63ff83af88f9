#include "authenticator.h"

#include "core/domain/apitoken.h"
#include "core/domain/clock.h"

#include <QCoreApplication>

namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Authenticator", text); }

} // namespace

Authenticator::Authenticator(core::ServerStore &store, const core::Clock &clock, qint64 ttlMs)
    : m_store(store), m_clock(clock), m_ttlMs(ttlMs)
{
}

Expected<core::Principal> Authenticator::authenticate(const QHttpServerRequest &request)
{
    QByteArray authorization;
    for (const auto &header : request.headers()) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0)
            authorization = header.second.trimmed();
    }
    if (authorization.isEmpty())
        return ApiError(ApiErrorCode::Unauthorized, tr("This route needs a token: Authorization: Bearer <token>"));
    if (authorization.size() < 8 || authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return ApiError(ApiErrorCode::Unauthorized, tr("The Authorization header must be \"Bearer <token>\""));
    const QByteArray token = authorization.mid(7).trimmed();

    if (!core::looksLikeApiToken(QString::fromLatin1(token)))
        return ApiError(ApiErrorCode::Unauthorized, tr("The token is unknown or revoked"));

    const qint64 now = m_clock.nowMs();
    if (const auto it = m_cache.constFind(token); it != m_cache.cend() && it->expiresAtMs > now)
        return it->principal;

    core::DatabaseError error;
    const std::optional<core::Principal> principal =
        m_store.principalFor(core::hashApiToken(QString::fromLatin1(token)), &error);
    if (error)
        return ApiError::fromDatabase(error);
    if (!principal)
        return ApiError(ApiErrorCode::Unauthorized, tr("The token is unknown or revoked"));
    if (m_cache.size() >= MaxCached)
        m_cache.clear();
    m_cache.insert(token, Cached { *principal, now + m_ttlMs });
    return *principal;
}

} // namespace nocturne::server
