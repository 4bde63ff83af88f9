#include "importwriter.h"

#include "../domain/canonicaljson.h"
#include "../domain/incidentfold.h"
#include "../domain/sha256.h"
#include "../storage/database.h"
#include "../storage/eventstore.h"
#include "../storage/importlookup.h"
#include "importids.h"
#include "jiraimporter.h"
#include "servicenowimporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ImportWriter)
};

// Events that bring a stored incident's opened values up to date with a newer export.
QList<Event> reconcile(const ImportedIncident &incident, const QString &source,
    const QJsonObject &stored, const Event &opened, QString *note)
{
    QList<Event> events;
    const QJsonObject &now = opened.payload;
    const auto changed = [&](const char *key) {
        return stored.value(QLatin1StringView(key)) != now.value(QLatin1StringView(key));
    };
    // After everything this export rebuilds, in the same order on every re-import.
    const Incident folded = foldEvents(incident.events);
    HlcTimestamp hlc;
    qint64 at = 0;
    for (const Event &e : incident.events) {
        hlc = std::max(hlc, e.hlc);
        at = std::max(at, e.occurredAt);
    }
    const QString digest = QString::fromLatin1(sha256Hex(canonicalJson(now)).left(16));
    const auto add = [&](EventKind kind, const QJsonObject &payload) {
        Event e;
        e.kind = kind;
        e.incidentId = incident.id;
        e.payload = payload;
        e.actor = opened.actor;
        e.originNode = opened.originNode;
        e.occurredAt = at;
        e.hlc = HlcTimestamp { hlc.wallMs, hlc.counter + quint32(events.size()) + 1, hlc.node };
        // Named by the new values and the incident's opening, not by `at`, which moves
        // with every later export.
        e.id = importEventId(source, incident.number,
            QStringLiteral("reconcile.%1.%2").arg(digest).arg(events.size()), opened.occurredAt);
        events << e;
    };
    bool fieldsChanged = false;
    if (folded.isOpen()) {
        if (changed("assignment_group") || changed("assignee")) {
            const QString group = now.value(QStringLiteral("assignment_group")).toString();
            const QString assignee = now.value(QStringLiteral("assignee")).toString();
            if (!group.isEmpty() || !assignee.isEmpty())
                add(EventKind::Assigned,
                    { { QStringLiteral("group"), group },
                        { QStringLiteral("assignee"), assignee } });
        }
        if (changed("impact") || changed("urgency") || changed("priority"))
            add(EventKind::Prioritized,
                { { QStringLiteral("impact"), now.value(QStringLiteral("impact")) },
                    { QStringLiteral("urgency"), now.value(QStringLiteral("urgency")) },
                    { QStringLiteral("priority"), now.value(QStringLiteral("priority")) } });
        QJsonObject fields;
        for (const char *key : { "title", "description", "category", "subcategory", "service", "ci",
                 "site", "reporter", "channel", "tags" }) {
            if (changed(key))
                fields.insert(QLatin1StringView(key),
                    now.value(QLatin1StringView(key)).isUndefined()
                        ? QJsonValue(QString())
                        : now.value(QLatin1StringView(key)));
        }
        if (!fields.isEmpty())
            add(EventKind::Updated, fields);
    } else {
        for (const char *key : { "assignment_group", "assignee", "impact", "urgency", "priority",
                 "title", "description", "category", "subcategory", "service", "ci", "site",
                 "reporter", "channel", "tags" })
            fieldsChanged = fieldsChanged || changed(key);
    }
    // Satisfaction and source fields may change in any state.
    QJsonObject record;
    if (changed("csat") && now.value(QStringLiteral("csat")).isDouble())
        record.insert(QStringLiteral("csat"), now.value(QStringLiteral("csat")));
    QJsonObject custom;
    const QJsonObject oldCustom = stored.value(QStringLiteral("custom")).toObject();
    const QJsonObject newCustom = now.value(QStringLiteral("custom")).toObject();
    for (auto it = newCustom.begin(); it != newCustom.end(); ++it) {
        if (oldCustom.value(it.key()) != it.value())
            custom.insert(it.key(), it.value());
    }
    for (auto it = oldCustom.begin(); it != oldCustom.end(); ++it) {
        if (!newCustom.contains(it.key()))
            custom.insert(it.key(), QJsonValue::Null);
    }
    if (!custom.isEmpty())
        record.insert(QStringLiteral("custom"), custom);
    if (!record.isEmpty())
        add(EventKind::Updated, record);
    if (fieldsChanged)
        *note = Text::tr("%1: fields changed after it was resolved were not applied")
                    .arg(incident.number);
    return events;
}

} // namespace

ImportWriter::ImportWriter(Database &database, EventStore &store)
    : m_database(database)
    , m_store(store)
{ }

QString ImportWriter::numberPrefix(const QString &source)
{
    if (source == u"servicenow")
        return QStringLiteral("SN-");
    return source.toUpper() + QLatin1Char('-');
}

ImportResult ImportWriter::write(ImportPlan plan, const ImportOptions &options,
    const ImportProgress &progress, const CancelFlag *cancel)
{
    QElapsedTimer timer;
    timer.start();
    ImportResult result;
    result.rowsRead = plan.rowsRead;
    result.skipped = plan.skipped;
    result.dryRun = options.dryRun;
    result.fatal = plan.fatal;
    if (!result.fatal.isEmpty())
        return result;

    ImportLookup lookup(m_database.connection(), m_database.path());
    qint64 totalRows = 0;
    for (const ImportedIncident &incident : std::as_const(plan.incidents))
        totalRows += incident.rows;
    qint64 rowsDone = 0;
    const int perBatch = std::max(1, options.incidentsPerBatch);
    const QString prefix = numberPrefix(plan.source);

    for (qsizetype start = 0; start < plan.incidents.size(); start += perBatch) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        const qsizetype end = std::min(plan.incidents.size(), start + perBatch);
        QList<Event> batch;
        struct Outcome
        {
            bool existed = false;
            int events = 0;
        };
        QList<Outcome> outcomes;
        for (qsizetype i = start; i < end; ++i) {
            ImportedIncident &incident = plan.incidents[i];
            rowsDone += incident.rows;
            Outcome outcome;
            QString holder;
            if (!lookup.find(incident.id, incident.number, &outcome.existed, &holder)) {
                result.error = lookup.lastError().message;
                break;
            }
            Event &opened = incident.events.first();
            if (!holder.isEmpty() && holder != incident.id) {
                const QString renumbered = prefix + incident.number;
                bool unused = false;
                QString otherHolder;
                if (!lookup.find(incident.id, renumbered, &unused, &otherHolder)) {
                    result.error = lookup.lastError().message;
                    break;
                }
                if (!otherHolder.isEmpty() && otherHolder != incident.id) {
                    result.skipped << SkippedRow { incident.firstRow, 0,
                        Text::tr("%1: both %1 and %2 belong to other incidents")
                            .arg(incident.number, renumbered) };
                    outcomes << Outcome { true, 0 };
                    continue;
                }
                QJsonObject custom = opened.payload.value(QStringLiteral("custom")).toObject();
                custom.insert(QStringLiteral("number"), incident.number);
                opened.payload.insert(QStringLiteral("custom"), custom);
                opened.payload.insert(QStringLiteral("number"), renumbered);
                result.renumbered << QStringLiteral("%1 → %2").arg(incident.number, renumbered);
            }
            QList<Event> fresh;
            if (outcome.existed) {
                QHash<QString, QByteArray> stored;
                if (!lookup.storedHashes(incident.id, &stored)) {
                    result.error = lookup.lastError().message;
                    break;
                }
                for (const Event &e : std::as_const(incident.events)) {
                    const auto it = stored.constFind(e.id);
                    if (it == stored.cend()) {
                        fresh << e;
                    } else if (*it != e.computeContentHash()) {
                        if (e.kind == EventKind::Opened) {
                            QJsonObject before;
                            if (!lookup.storedPayload(e.id, &before)) {
                                result.error = lookup.lastError().message;
                                break;
                            }
                            // The stored number stands (it may have been prefixed).
                            Event now = e;
                            now.payload.insert(
                                QStringLiteral("number"), before.value(QStringLiteral("number")));
                            QString note;
                            for (const Event &r :
                                reconcile(incident, plan.source, before, now, &note)) {
                                if (!stored.contains(r.id))
                                    fresh << r;
                            }
                            if (!note.isEmpty())
                                result.conflicts << note;
                        } else {
                            // A time the export can only approximate (Jira's
                            // acknowledgement from Updated) keeps its first import.
                            QJsonObject before;
                            if (!lookup.storedPayload(e.id, &before)) {
                                result.error = lookup.lastError().message;
                                break;
                            }
                            if (before != e.payload)
                                result.conflicts
                                    << Text::tr("%1: its %2 event from row %3 differs from the one "
                                                "imported before; the stored one is kept")
                                           .arg(incident.number, toName(e.kind))
                                           .arg(incident.firstRow);
                        }
                    }
                }
                if (!result.error.isEmpty())
                    break;
            } else {
                fresh = incident.events;
            }
            outcome.events = int(fresh.size());
            batch << fresh;
            outcomes << outcome;
        }
        if (!result.error.isEmpty())
            break;
        if (!options.dryRun && !batch.isEmpty()) {
            const AppendResult appended = m_store.append(batch);
            if (appended.error) {
                result.error = appended.error.message;
                break;
            }
            result.eventsAppended += appended.appended;
        } else if (options.dryRun) {
            result.eventsAppended += batch.size();
        }
        for (const Outcome &o : std::as_const(outcomes)) {
            if (!o.existed)
                ++result.incidentsCreated;
            else if (o.events > 0)
                ++result.incidentsUpdated;
            else
                ++result.incidentsUnchanged;
        }
        if (progress)
            progress(ImportPhase::Writing, rowsDone, totalRows);
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace nocturne::core

namespace nocturne::core {

QString importOptionsError(const ImportOptions &options)
{
    for (const QString &format : options.dateFormats) {
        if (const QString error = ImportDates::formatError(format); !error.isEmpty())
            return error;
    }
    if (!options.timeZone.isEmpty() && !QTimeZone(options.timeZone.toUtf8()).isValid())
        return QCoreApplication::translate(
            "ImportWriter", "unknown time zone \"%1\" (an IANA name such as Europe/Berlin)")
            .arg(options.timeZone);
    return {};
}

ImportPlan parseExport(const QString &source, QIODevice *device, const ImportOptions &options,
    const ImportProgress &progress, const CancelFlag *cancel)
{
    if (source == QLatin1StringView(ServiceNowImporter::Source))
        return ServiceNowImporter(options).parse(device, progress, cancel);
    if (source == QLatin1StringView(JiraImporter::Source))
        return JiraImporter(options).parse(device, progress, cancel);
    ImportPlan plan;
    plan.fatal = Text::tr("unknown source \"%1\" (servicenow or jira)").arg(source);
    return plan;
}

ImportResult importFile(const QString &source, const QString &path, const ImportOptions &options,
    Database &database, EventStore &store, const ImportProgress &progress, const CancelFlag *cancel)
{
    ImportResult result;
    result.dryRun = options.dryRun;
    if (const QString error = importOptionsError(options); !error.isEmpty()) {
        result.fatal = error;
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.fatal = Text::tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    ImportPlan plan = parseExport(source, &file, options, progress, cancel);
    if (cancel && cancel->load()) {
        result.cancelled = true;
        result.rowsRead = plan.rowsRead;
        return result;
    }
    if (!plan.fatal.isEmpty())
        plan.fatal = QStringLiteral("%1: %2").arg(path, plan.fatal);
    result = ImportWriter(database, store).write(std::move(plan), options, progress, cancel);
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace nocturne::core
