#include "auditverifier.h"

#include "../domain/event.h"
#include "../storage/database.h"
#include "../storage/rowmapping.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace nocturne::core {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("AuditVerifier", text); }
} // namespace

AuditVerifier::AuditVerifier(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(path.isEmpty() ? m_db.databaseName() : std::move(path))
{
}

QString AuditVerifier::incidentNumber(const QString &incidentId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT number FROM incidents WHERE id = ?"));
    q.addBindValue(incidentId);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

AuditReport AuditVerifier::verify(const std::function<void(qint64)> &progress)
{
    AuditReport report;
    // One read transaction over the rows and the recorded chain head: a writer that
    // appends meanwhile must not make an intact history look truncated.
    QSqlQuery transaction(m_db);
    if (!transaction.exec(QStringLiteral("BEGIN"))) {
        report.error = Database::classify(m_path, transaction.lastError());
        return report;
    }
    struct EndTransaction
    {
        QSqlQuery &q;
        ~EndTransaction() { q.exec(QStringLiteral("COMMIT")); }
    } endTransaction { transaction };
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT seq, content_hash, chain_hash, ") + rows::eventColumns()
                + QStringLiteral(" FROM events ORDER BY seq"))) {
        report.error = Database::classify(m_path, q.lastError());
        return report;
    }
    QByteArray previousChain;
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        const QByteArray storedContent = q.value(1).toByteArray();
        const QByteArray storedChain = q.value(2).toByteArray();
        const Event event = rows::readEvent(q, 3);
        const QByteArray content = event.computeContentHash();
        const QByteArray expectedChain = chainHash(previousChain, content);

        QString reason;
        if (content != storedContent)
            reason = tr("the event's content does not match its hash (the row was edited)");
        else if (storedChain != expectedChain)
            reason = tr("the chain link does not follow from the previous event (an event before it "
                        "was deleted, inserted or reordered, or the link was edited)");
        if (!reason.isEmpty()) {
            if (report.brokenLinks == 0) {
                report.firstBrokenSeq = seq;
                report.firstBrokenEventId = event.id;
                report.firstBrokenIncidentId = event.incidentId;
                report.firstBrokenReason = reason;
            }
            ++report.brokenLinks;
        }
        // Continue from what is stored so one tampered row is reported once, not as a
        // cascade through every later link.
        previousChain = storedChain;
        ++report.eventsChecked;
        if (progress && report.eventsChecked % 10000 == 0)
            progress(report.eventsChecked);
    }
    if (q.lastError().isValid()) {
        report.error = Database::classify(m_path, q.lastError());
        return report;
    }
    QSqlQuery head(m_db);
    if (head.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'chain_head'"))) {
        const QByteArray recorded = head.next() ? head.value(0).toByteArray() : QByteArray();
        if (recorded != previousChain) {
            if (report.brokenLinks == 0) {
                report.firstBrokenSeq = -1;
                report.firstBrokenReason = tr("the newest events are missing: the chain ends before "
                                              "the head the database recorded");
            }
            ++report.brokenLinks;
        }
    }
    if (report.brokenLinks && !report.firstBrokenIncidentId.isEmpty())
        report.firstBrokenIncidentNumber = incidentNumber(report.firstBrokenIncidentId);
    return report;
}

} // namespace nocturne::core
