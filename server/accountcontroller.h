#pragma once

#include "requestcontext.h"

namespace nocturne::core {
class Clock;
}

namespace nocturne::server {

class Authenticator;

// Who am I, and the administrator's users and tokens. A token's secret is in the answer
// to its creation and nowhere else: the store keeps its hash.
class AccountController final
{
    Q_DISABLE_COPY_MOVE(AccountController)
public:
    AccountController(core::ServerStore &store, Authenticator &authenticator, const core::Clock &clock);

    ApiResponse whoami(const RequestContext &context);
    ApiResponse listUsers(const RequestContext &context);
    ApiResponse addUser(const RequestContext &context);
    ApiResponse createToken(const RequestContext &context);
    ApiResponse revokeToken(const RequestContext &context);

private:
    // The account, or 404; 503 when the store fails.
    Expected<core::UserAccount> user(const QString &name);

    core::ServerStore &m_store;
    Authenticator &m_authenticator;
    const core::Clock &m_clock;
};

} // namespace nocturne::server
