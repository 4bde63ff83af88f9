#pragma once

#include "../domain/incident.h"
#include "databaseerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

// The PostgreSQL dialect of the server store: schema migrations, error mapping and the
// array literals that carry a whole batch in one bound value. Internal to core/storage.
namespace nocturne::core::postgres {

// Keys of the advisory locks that serialise appends (so revisions commit in order) and
// migrations (so two server instances starting at once do not both create the schema).
constexpr qint64 AppendLockKey = 0x4e6f6374'75726e65; // "Nocturne"
constexpr qint64 MigrationLockKey = AppendLockKey + 1;

int latestVersion();
// Creates or upgrades the schema in one transaction. Without createIfMissing an empty
// database is NotInitialised; a schema newer than this program is NewerSchema.
DatabaseError migrate(QSqlDatabase &db, const QString &server, bool createIfMissing);

// A failed statement as a DatabaseError naming the server ("user@host:port/db").
DatabaseError classify(const QString &server, const QSqlError &error);
// Whether the error means the connection is gone (a restarted server, a dropped link).
bool isConnectionLost(const QSqlError &error);

// Columns in rows::readEvent order; PostgreSQL names the revision column `revision`.
QString eventColumns();

// A PostgreSQL array literal ({"a","b",NULL}) built element by element and bound as one
// text value, then cast in SQL (`?::text[]`). Values are quoted and escaped, never
// interpreted as SQL.
class ArrayLiteral
{
public:
    void add(const QString &text);
    void add(qint64 number);
    void addNull();
    QString text() const { return m_text + QLatin1Char('}'); }
    bool isEmpty() const { return m_count == 0; }

private:
    void separate();

    QString m_text = QStringLiteral("{");
    qsizetype m_count = 0;
};

QString textArray(const QStringList &values);

// The incident projection's columns as parallel arrays, in rows::incidentColumns() order,
// for one `INSERT … SELECT * FROM unnest(…)` upsert of a whole batch.
class IncidentArrays
{
public:
    IncidentArrays();
    void add(const Incident &incident);
    // `unnest($1::text[], $2::text[], $3::bigint[], …)` matching the columns.
    static QString unnestSql();
    QStringList values() const;

private:
    QList<ArrayLiteral> m_columns;
};

} // namespace nocturne::core::postgres
