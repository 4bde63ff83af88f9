#include "accountcontroller.h"

#include "authenticator.h"
#include "serverlog.h"

#include "core/domain/apitoken.h"
#include "core/domain/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>



namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("AccountController", text); }

QJsonObject userJson(const core::UserAccount &user)
{
    return { { QStringLiteral("name"), user.name },
             { QStringLiteral("display_name"), user.displayName },
             { QStringLiteral("role"), core::toName(user.role) } };
}

} // namespace

AccountController::AccountController(core::ServerStore &store, Authenticator &authenticator, const core::Clock &clock)
    : m_store(store), m_authenticator(authenticator), m_clock(clock)
{
}

ApiResponse AccountController::whoami(const RequestContext &context)
{
    return ApiResponse::json({ { QStringLiteral("user"), context.principal.user },
                               { QStringLiteral("role"), core::toName(context.principal.role) } });
}

Expected<core::UserAccount> AccountController::user(const QString &name)
{
    core::DatabaseError error;
    const std::optional<QList<core::UserAccount>> users = m_store.users(&error);
    if (!users)
        return ApiError::fromDatabase(error);
    for (const core::UserAccount &account : *users) {
        if (account.name == name)
            return account;
    }
    return ApiError(ApiErrorCode::NotFound, tr("No user \"%1\"").arg(name));
}

ApiResponse AccountController::listUsers(const RequestContext &)
{
    core::DatabaseError error;
    const std::optional<QList<core::UserAccount>> users = m_store.users(&error);
    if (!users)
        return ApiResponse::error(ApiError::fromDatabase(error));
    QJsonArray list;
    for (const core::UserAccount &account : *users)
        list.append(userJson(account));
    return ApiResponse::json({ { QStringLiteral("users"), list } });
}

ApiResponse AccountController::addUser(const RequestContext &context)
{
    const Expected<QJsonObject> body = jsonBody(context);
    if (!body.ok())
        return ApiResponse::error(body.error());
    JsonReader reader(body.value());
    reader.allowOnly({ "name", "role", "display_name" });
    core::UserAccount account;
    account.name = reader.string("name");
    const QString role = reader.string("role");
    account.displayName = reader.string("display_name", false);
    if (!reader.ok())
        return ApiResponse::error(reader.error());
    static const QRegularExpression validName(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$)"));
    if (!validName.match(account.name).hasMatch() || account.name == QLatin1StringView("system"))
        return ApiResponse::error(ApiError(ApiErrorCode::Unprocessable,
                                           tr("name \"%1\" is not usable: 1 to 64 letters, digits, '.', '_', '@' or '-', "
                                              "and not \"system\"")
                                               .arg(account.name)));
    const std::optional<core::Role> parsed = core::roleFromName(role);
    if (!parsed)
        return ApiResponse::error(ApiError(ApiErrorCode::Unprocessable,
                                           tr("role must be one of %1, not \"%2\"").arg(core::allRoleNames(), role)));
    account.role = *parsed;
    if (account.displayName.isEmpty())
        account.displayName = account.name;
    if (const Expected<core::UserAccount> existing = user(account.name); existing.ok())
        return ApiResponse::error(ApiError(ApiErrorCode::Conflict, tr("A user \"%1\" already exists").arg(account.name)));
    else if (existing.error().code() != ApiErrorCode::NotFound)
        return ApiResponse::error(existing.error());
    if (const core::DatabaseError error = m_store.addUser(account))
        return ApiResponse::error(ApiError::fromDatabase(error));
    qCInfo(lcServer) << "user added:" << account.name << core::toName(account.role) << "by" << context.principal.user;
    return ApiResponse::json(userJson(account), 201);
}

ApiResponse AccountController::createToken(const RequestContext &context)
{
    const QString name = context.pathArguments.value(0);
    const Expected<QJsonObject> body = jsonBody(context);
    if (!body.ok())
        return ApiResponse::error(body.error());
    JsonReader reader(body.value());
    reader.allowOnly({ "label" });
    const QString label = reader.string("label", false);
    if (!reader.ok())
        return ApiResponse::error(reader.error());
    const Expected<core::UserAccount> account = user(name);
    if (!account.ok())
        return ApiResponse::error(account.error());

    const core::ApiToken token = core::generateApiToken();
    core::TokenInfo info;
    info.id = token.id;
    info.user = name;
    info.label = label.isNull() ? QStringLiteral("") : label.left(200); // never NULL in the store
    info.createdAtMs = m_clock.nowMs();
    if (const core::DatabaseError error = m_store.addToken(info, token.sha256Hex))
        return ApiResponse::error(ApiError::fromDatabase(error));
    qCInfo(lcServer) << "token created:" << info.id << "for" << name << "by" << context.principal.user;
    return ApiResponse::json({ { QStringLiteral("id"), token.id },
                               { QStringLiteral("user"), name },
                               { QStringLiteral("label"), info.label },
                               { QStringLiteral("token"), token.secret } },
                             201);
}

ApiResponse AccountController::revokeToken(const RequestContext &context)
{
    const QString id = context.pathArguments.value(0);
    core::DatabaseError error;
    // An empty (not null) user name lists every token.
    const std::optional<QList<core::TokenInfo>> tokens = m_store.tokens(QStringLiteral(""), &error);
    if (!tokens)
        return ApiResponse::error(ApiError::fromDatabase(error));
    const auto found = std::find_if(tokens->cbegin(), tokens->cend(), [&](const core::TokenInfo &t) { return t.id == id; });
    if (found == tokens->cend())
        return ApiResponse::error(ApiError(ApiErrorCode::NotFound, tr("No token \"%1\"").arg(id)));
    if (found->revokedAtMs == 0) {
        if (const core::DatabaseError failed = m_store.revokeToken(id, m_clock.nowMs()))
            return ApiResponse::error(ApiError::fromDatabase(failed));
    }
    m_authenticator.forgetAll();
    qCInfo(lcServer) << "token revoked:" << id << "by" << context.principal.user;
    return ApiResponse::noContent();
}

} // namespace nocturne::server
