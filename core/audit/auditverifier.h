#pragma once

#include "../storage/databaseerror.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace nocturne::core {

struct AuditReport
{
    qint64 eventsChecked = 0;
    qint64 brokenLinks = 0;
    // The first link that does not hold, in this database's append order.
    qint64 firstBrokenSeq = 0;
    QString firstBrokenEventId;
    QString firstBrokenIncidentId;
    QString firstBrokenIncidentNumber;
    QString firstBrokenReason;
    DatabaseError error;

    bool intact() const { return !error && brokenLinks == 0; }
};

// Recomputes every event's content hash from its stored fields, and the database's
// hash chain over its append order. Any edit, deletion or reordering of event rows
// breaks one or the other; the report names the first broken link.
class AuditVerifier final
{
public:
    explicit AuditVerifier(QSqlDatabase db, QString path = {});

    // `progress` (optional) is called every few thousand events with the count so far.
    AuditReport verify(const std::function<void(qint64)> &progress = {});

private:
    QString incidentNumber(const QString &incidentId);

    QSqlDatabase m_db;
    QString m_path;
};

} // namespace nocturne::core
