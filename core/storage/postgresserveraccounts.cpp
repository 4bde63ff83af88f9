// PostgresServerStore: the API accounts (users and token hashes), with the same answers
// and messages as the SQLite store's.
#include "../domain/clock.h"
#include "postgresserverstore.h"

#include <QCoreApplication>
#include <QSqlError>

namespace nocturne::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostgresServerStore", text);
}

// A token is looked up on every request; writing its last use once a minute is enough
// for "when was this token last used" and keeps reads from becoming writes.
constexpr qint64 LastUsedResolutionMs = 60 * 1000;

// A null QString binds as SQL NULL; the text columns hold '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

DatabaseError PostgresServerStore::addUser(const UserAccount &user)
{
    DatabaseError error;
    if (!ensureConnected(&error))
        return error;
    QSqlQuery *q
        = prepared(QStringLiteral("INSERT INTO users (name, display_name, role) VALUES (?, ?, ?) "
                                  "ON CONFLICT (name) DO NOTHING"),
            &error);
    if (!q || !run(q, { user.name, text(user.displayName), toName(user.role) }, &error))
        return error;
    if (q->numRowsAffected() == 0)
        return { DatabaseError::Kind::InvalidData,
            tr("The user %1 already exists").arg(user.name) };
    return {};
}

std::optional<QList<UserAccount>> PostgresServerStore::users(DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QSqlQuery *q = prepared(
        QStringLiteral("SELECT name, display_name, role FROM users ORDER BY name COLLATE \"C\""),
        error);
    if (!q || !run(q, {}, error))
        return std::nullopt;
    QList<UserAccount> out;
    while (q->next()) {
        UserAccount user;
        user.name = q->value(0).toString();
        user.displayName = q->value(1).toString();
        user.role = roleFromName(q->value(2).toString()).value_or(Role::Operator);
        out << user;
    }
    q->finish();
    return out;
}

DatabaseError PostgresServerStore::addToken(
    const TokenInfo &token, const QByteArray &secretSha256Hex)
{
    DatabaseError error;
    if (!ensureConnected(&error))
        return error;
    // One statement: the user's existence and the insert cannot drift apart.
    QSqlQuery *q = prepared(
        QStringLiteral("INSERT INTO api_tokens (id, user_name, token_hash, label, created_at) "
                       "SELECT ?, name, ?, ?, ? FROM users WHERE name = ?"),
        &error);
    const qint64 created = token.createdAtMs ? token.createdAtMs : m_clock.nowMs();
    if (!q
        || !run(q,
            { token.id, QString::fromLatin1(secretSha256Hex), text(token.label), created,
                token.user },
            &error))
        return error;
    if (q->numRowsAffected() == 0)
        return { DatabaseError::Kind::InvalidData, tr("There is no user %1").arg(token.user) };
    return {};
}

std::optional<QList<TokenInfo>> PostgresServerStore::tokens(
    const QString &user, DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QSqlQuery *q = prepared(
        QStringLiteral("SELECT id, user_name, label, created_at, last_used_at, revoked_at "
                       "FROM api_tokens WHERE ?::text = '' OR user_name = ? "
                       "ORDER BY created_at, id COLLATE \"C\""),
        error);
    if (!q || !run(q, { text(user), user }, error))
        return std::nullopt;
    QList<TokenInfo> out;
    while (q->next()) {
        TokenInfo token;
        token.id = q->value(0).toString();
        token.user = q->value(1).toString();
        token.label = q->value(2).toString();
        token.createdAtMs = q->value(3).toLongLong();
        token.lastUsedAtMs = q->value(4).toLongLong();
        token.revokedAtMs = q->value(5).toLongLong();
        out << token;
    }
    q->finish();
    return out;
}

DatabaseError PostgresServerStore::revokeToken(const QString &tokenId, qint64 atMs)
{
    DatabaseError error;
    if (!ensureConnected(&error))
        return error;
    QSqlQuery *q = prepared(
        QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = 0"),
        &error);
    if (!q || !run(q, { atMs, tokenId }, &error))
        return error;
    if (q->numRowsAffected() == 0)
        return { DatabaseError::Kind::InvalidData, tr("There is no active token %1").arg(tokenId) };
    return {};
}

std::optional<Principal> PostgresServerStore::principalFor(
    const QByteArray &secretSha256Hex, DatabaseError *error)
{
    if (!ensureConnected(error))
        return std::nullopt;
    QSqlQuery *q
        = prepared(QStringLiteral("SELECT t.id, u.name, u.role, t.last_used_at FROM api_tokens t "
                                  "JOIN users u ON u.name = t.user_name "
                                  "WHERE t.token_hash = ? AND t.revoked_at = 0"),
            error);
    if (!q || !run(q, { QString::fromLatin1(secretSha256Hex) }, error))
        return std::nullopt;
    if (!q->next()) {
        q->finish();
        return std::nullopt;
    }
    const auto role = roleFromName(q->value(2).toString());
    Principal principal { q->value(1).toString(), role.value_or(Role::Auditor),
        q->value(0).toString() };
    const qint64 lastUsed = q->value(3).toLongLong();
    q->finish();
    if (!role)
        return std::nullopt; // a user without a valid role is no account
    const qint64 now = m_clock.nowMs();
    if (now - lastUsed >= LastUsedResolutionMs) {
        DatabaseError ignored; // best effort: a failed timestamp must not refuse a valid token
        if (QSqlQuery *touch = prepared(
                QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"), &ignored))
            run(touch, { now, principal.tokenId }, &ignored);
    }
    return principal;
}

} // namespace nocturne::core
