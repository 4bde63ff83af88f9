// SqliteServerStore: the API accounts (users and token hashes). Kept apart from the event
// side so each file reads as one job.
#include "sqliteserverstore.h"

#include "../domain/clock.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace nocturne::core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SqliteServerStore", text); }

// A token is looked up on every request; writing its last use once a minute is enough
// for "when was this token last used" and keeps reads from becoming writes.
constexpr qint64 LastUsedResolutionMs = 60 * 1000;

// Qt binds a null QString as SQL NULL; the columns hold '' for "none".
QString text(const QString &value) { return value.isNull() ? QStringLiteral("") : value; }

} // namespace

DatabaseError SqliteServerStore::addUser(const UserAccount &user)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT role FROM users WHERE name = ?"));
    q.addBindValue(user.name);
    if (!q.exec())
        return fail(q);
    if (q.next())
        return { DatabaseError::Kind::InvalidData, tr("The user %1 already exists").arg(user.name) };
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO users (name, display_name, role) VALUES (?, ?, ?)"));
    q.addBindValue(user.name);
    q.addBindValue(text(user.displayName));
    q.addBindValue(toName(user.role));
    if (!q.exec())
        return fail(q);
    return {};
}

std::optional<QList<UserAccount>> SqliteServerStore::users(DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT name, display_name, role FROM users ORDER BY name"))) {
        *error = fail(q);
        return std::nullopt;
    }
    QList<UserAccount> out;
    while (q.next()) {
        UserAccount user;
        user.name = q.value(0).toString();
        user.displayName = q.value(1).toString();
        user.role = roleFromName(q.value(2).toString()).value_or(Role::Operator);
        out << user;
    }
    return out;
}

DatabaseError SqliteServerStore::addToken(const TokenInfo &token, const QByteArray &secretSha256Hex)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM users WHERE name = ?"));
    q.addBindValue(token.user);
    if (!q.exec())
        return fail(q);
    if (!q.next())
        return { DatabaseError::Kind::InvalidData, tr("There is no user %1").arg(token.user) };
    q.finish();
    q.prepare(QStringLiteral(
        "INSERT INTO api_tokens (id, user_name, token_hash, label, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(token.id);
    q.addBindValue(token.user);
    q.addBindValue(QString::fromLatin1(secretSha256Hex));
    q.addBindValue(text(token.label));
    q.addBindValue(token.createdAtMs ? token.createdAtMs : m_clock.nowMs());
    if (!q.exec())
        return fail(q);
    return {};
}

std::optional<QList<TokenInfo>> SqliteServerStore::tokens(const QString &user, DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, user_name, label, created_at, last_used_at, revoked_at FROM api_tokens "
                             "WHERE ? = '' OR user_name = ? ORDER BY created_at, id"));
    q.addBindValue(text(user));
    q.addBindValue(text(user));
    if (!q.exec()) {
        *error = fail(q);
        return std::nullopt;
    }
    QList<TokenInfo> out;
    while (q.next()) {
        TokenInfo token;
        token.id = q.value(0).toString();
        token.user = q.value(1).toString();
        token.label = q.value(2).toString();
        token.createdAtMs = q.value(3).toLongLong();
        token.lastUsedAtMs = q.value(4).toLongLong();
        token.revokedAtMs = q.value(5).toLongLong();
        out << token;
    }
    return out;
}

DatabaseError SqliteServerStore::revokeToken(const QString &tokenId, qint64 atMs)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = 0"));
    q.addBindValue(atMs);
    q.addBindValue(tokenId);
    if (!q.exec())
        return fail(q);
    if (q.numRowsAffected() == 0)
        return { DatabaseError::Kind::InvalidData, tr("There is no active token %1").arg(tokenId) };
    return {};
}

std::optional<Principal> SqliteServerStore::principalFor(const QByteArray &secretSha256Hex, DatabaseError *error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT t.id, u.name, u.role, t.last_used_at FROM api_tokens t "
                             "JOIN users u ON u.name = t.user_name WHERE t.token_hash = ? AND t.revoked_at = 0"));
    q.addBindValue(QString::fromLatin1(secretSha256Hex));
    if (!q.exec()) {
        *error = fail(q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const auto role = roleFromName(q.value(2).toString());
    if (!role)
        return std::nullopt; // a reference-data user without a valid role is no account
    Principal principal { q.value(1).toString(), *role, q.value(0).toString() };
    const qint64 lastUsed = q.value(3).toLongLong();
    q.finish();
    const qint64 now = m_clock.nowMs();
    if (now - lastUsed >= LastUsedResolutionMs) {
        QSqlQuery touch(m_database.connection());
        touch.prepare(QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
        touch.addBindValue(now);
        touch.addBindValue(principal.tokenId);
        touch.exec(); // best effort: a failed timestamp must not refuse a valid token
    }
    return principal;
}

} // namespace nocturne::core
