#include "sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace nocturne::core {

SqliteStatement::SqliteStatement(QSqlDatabase &db, const char *sql)
{
    // The documented way to reach the driver's handle (QSqlDriver::handle()).
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    m_db = *static_cast<sqlite3 *const *>(handle.data());
    if (!m_db)
        return;
    m_lastError = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (m_lastError != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

QString SqliteStatement::errorText() const
{
    if (!m_db)
        return QStringLiteral("not an SQLite connection");
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int SqliteStatement::errorCode() const { return m_db ? sqlite3_extended_errcode(m_db) : m_lastError; }

void SqliteStatement::bind(int index, const QString &value)
{
    sqlite3_bind_text16(m_statement, index, value.utf16(), int(value.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }

void SqliteStatement::bindNull(int index) { sqlite3_bind_null(m_statement, index); }

bool SqliteStatement::step(bool *ok)
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) {
        *ok = true;
        return true;
    }
    *ok = rc == SQLITE_DONE;
    m_lastError = rc;
    return false;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

int SqliteStatement::changes() const { return sqlite3_changes(m_db); }

QString SqliteStatement::text(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return data ? QString(reinterpret_cast<const QChar *>(data), bytes / 2) : QString();
}

QByteArray SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_statement, column)) : QByteArray();
}

qint64 SqliteStatement::int64(int column) const { return sqlite3_column_int64(m_statement, column); }

} // namespace nocturne::core
