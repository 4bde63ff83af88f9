#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace nocturne::core {

// A prepared statement on the SQLite handle underneath a QSqlDatabase connection.
// The event store's append path binds a dozen values per event and thirty-six per
// incident; QtSql's per-bind overhead (a QVariant and a placeholder name each) costs
// more than SQLite itself there, so that path binds through the C API directly, on
// the same connection and inside the same transactions.
class SqliteStatement final
{
    Q_DISABLE_COPY_MOVE(SqliteStatement)
public:
    SqliteStatement(QSqlDatabase &db, const char *sql);
    ~SqliteStatement();

    bool isValid() const { return m_statement != nullptr; }
    QString errorText() const;
    int errorCode() const; // SQLite's extended result code of the last failure

    void bind(int index, const QString &value); // 1-based, as in SQLite
    void bind(int index, const QByteArray &utf8);
    void bind(int index, qint64 value);
    void bindNull(int index);

    // SQLITE_ROW → true with a row; SQLITE_DONE → false; errors → false and ok=false.
    bool step(bool *ok);
    void reset();
    int changes() const;

    QString text(int column) const; // 0-based
    QByteArray utf8(int column) const; // the stored UTF-8 bytes, without a detour through UTF-16
    qint64 int64(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_lastError = 0;
};

} // namespace nocturne::core
