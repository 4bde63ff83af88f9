#include "jiraimporter.h"

#include "csvreader.h"
#include "historybuilder.h"
#include "importids.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JiraImporter)
};

constexpr qint64 MinuteMs = 60'000;

struct Level
{
    int impact, urgency, priority;
};

// Jira's five priorities onto impact × urgency, giving the default matrix's priority.
std::optional<Level> mapPriority(const QString &value)
{
    const QString v = value.toLower();
    if (v == u"highest" || v == u"blocker" || v == u"critical")
        return Level { 1, 1, 1 };
    if (v == u"high" || v == u"major")
        return Level { 1, 2, 2 };
    if (v == u"medium" || v.isEmpty())
        return Level { 2, 2, 3 };
    if (v == u"low" || v == u"minor")
        return Level { 2, 3, 4 };
    if (v == u"lowest" || v == u"trivial")
        return Level { 3, 3, 5 };
    return std::nullopt;
}

struct Status
{
    IncidentState state = IncidentState::InProgress;
    HoldReason reason = HoldReason::None;
};

Status mapStatus(const QString &value)
{
    const QString v = value.toLower();
    using S = IncidentState;
    if (v.isEmpty() || v == u"open" || v == u"to do" || v == u"new" || v == u"backlog"
        || v == u"waiting for support")
        return { S::New };
    if (v == u"waiting for customer" || v == u"pending" || v == u"waiting for reporter")
        return { S::OnHold, HoldReason::AwaitingCaller };
    if (v == u"waiting for vendor" || v == u"escalated to vendor")
        return { S::OnHold, HoldReason::AwaitingVendor };
    if (v == u"resolved" || v == u"done" || v == u"completed")
        return { S::Resolved };
    if (v == u"closed")
        return { S::Closed };
    if (v == u"canceled" || v == u"cancelled" || v == u"declined" || v == u"won't do")
        return { S::Cancelled };
    return { S::InProgress }; // In Progress, Work in progress, Escalated, Reopened, ...
}

// "1h 30m", "2d 4h", "45m", "90" (minutes): Jira's duration notation. 0 when not one.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("^\\s*(\\d+)\\s*([wdhm]?)\\s*"));
    QStringView rest(text);
    qint64 total = 0;
    bool any = false;
    while (!rest.isEmpty()) {
        const auto m = part.match(rest.toString());
        if (!m.hasMatch())
            return 0;
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        total += n
            * (unit == u"w"        ? 5 * 8 * 60
                    : unit == u"d" ? 8 * 60
                    : unit == u"h" ? 60
                                   : 1)
            * MinuteMs;
        rest = rest.mid(m.capturedLength());
        any = true;
    }
    return any ? total : 0;
}

const char *const SatisfactionColumns[] = { "Custom field (Satisfaction rating)",
    "Custom field (Satisfaction)", "Satisfaction rating", "Satisfaction" };
const char *const FirstResponseColumns[] = { "Custom field (Time to first response)",
    "Time to first response", "Custom field (First response)", "First response" };
const char *const MappedColumns[]
    = { "Issue key", "Summary", "Issue Type", "Status", "Priority", "Assignee", "Reporter",
          "Created", "Updated", "Resolved", "Resolution", "Component/s", "Labels", "Description" };

} // namespace

QStringList JiraImporter::defaultDateFormats()
{
    return { QStringLiteral("dd/MMM/yy h:mm AP"), QStringLiteral("ISO"),
        QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss") };
}

JiraImporter::JiraImporter(const ImportOptions &options)
    : m_dates(options.dateFormats.isEmpty() ? defaultDateFormats() : options.dateFormats,
        options.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(options.timeZone.toUtf8()))
{ }

ImportPlan JiraImporter::parse(
    QIODevice *device, const ImportProgress &progress, const CancelFlag *cancel) const
{
    ImportPlan plan;
    plan.source = QLatin1StringView(Source);
    std::unique_ptr<ColumnMap> map;
    int key = -1, summary = -1, type = -1, status = -1, priority = -1, assignee = -1, reporter = -1,
        created = -1, updated = -1, resolved = -1, resolution = -1, description = -1,
        satisfaction = -1, firstResponse = -1;
    QList<int> components, labels;
    QList<QString> customNames; // unmapped names, in header order
    QSet<QString> seenKeys;

    const auto onHeader = [&](const QStringList &header) {
        map = std::make_unique<ColumnMap>(header);
        const auto col = [&](const char *name) { return map->indexOf(QString::fromLatin1(name)); };
        key = col("Issue key");
        if (key < 0) {
            plan.fatal = Text::tr(
                "line 1: the header has no \"Issue key\" column; is this a Jira CSV export?");
            plan.fatalLine = 1;
            return false;
        }
        summary = col("Summary"), type = col("Issue Type"), status = col("Status"),
        priority = col("Priority");
        assignee = col("Assignee"), reporter = col("Reporter"), created = col("Created"),
        updated = col("Updated");
        resolved = col("Resolved"), resolution = col("Resolution"),
        description = col("Description");
        components = map->indexesOf(u"Component/s");
        labels = map->indexesOf(u"Labels");
        QSet<QString> mapped;
        for (const char *name : MappedColumns)
            mapped.insert(QString::fromLatin1(name).toLower());
        for (const char *name : SatisfactionColumns) {
            if (satisfaction < 0)
                satisfaction = col(name);
            mapped.insert(QString::fromLatin1(name).toLower());
        }
        for (const char *name : FirstResponseColumns) {
            if (firstResponse < 0)
                firstResponse = col(name);
            mapped.insert(QString::fromLatin1(name).toLower());
        }
        for (int i = 0; i < map->size(); ++i) {
            const QString &name = map->name(i);
            if (!name.isEmpty() && !mapped.contains(name.toLower()) && !customNames.contains(name))
                customNames << name;
        }
        return true;
    };

    const auto onRow = [&](const CsvRecord &record, qint64 row) {
        const QStringList &f = record.fields;
        const auto skip = [&](const QString &reason) {
            plan.skipped << SkippedRow { row, record.line, reason };
        };
        const QString number = cell(f, key);
        if (number.isEmpty())
            return skip(Text::tr("no Issue key"));
        if (seenKeys.contains(number))
            return skip(Text::tr("%1 appears twice; the first row was imported").arg(number));
        qint64 createdAt = 0, updatedAt = 0, resolvedAt = 0;
        const std::pair<int, qint64 *> dates[]
            = { { created, &createdAt }, { updated, &updatedAt }, { resolved, &resolvedAt } };
        for (const auto &[column, target] : dates) {
            if (column >= 0
                && (m_dates.parse(f.at(column), target) == ImportDates::Result::Invalid
                    || *target < 0))
                return skip(Text::tr("%1: cannot read the date \"%2\" in %3 (formats tried: %4)")
                                .arg(number, f.at(column).trimmed(), map->name(column),
                                    m_dates.formats().join(QStringLiteral("; "))));
        }
        if (createdAt <= 0)
            return skip(Text::tr("%1: no Created date").arg(number));
        const auto level = mapPriority(cell(f, priority));
        if (!level)
            return skip(
                Text::tr("%1: unknown Priority \"%2\" (Highest, High, Medium, Low or Lowest)")
                    .arg(number, cell(f, priority)));
        int csat = 0;
        if (const QString v = cell(f, satisfaction); !v.isEmpty()) {
            bool ok = false;
            csat = int(v.section(QLatin1Char(' '), 0, 0).toDouble(&ok));
            if (!ok || csat < 1 || csat > 5)
                return skip(Text::tr("%1: satisfaction \"%2\" is not 1 to 5").arg(number, v));
        }
        qint64 respondedAt = 0;
        if (const QString v = cell(f, firstResponse); !v.isEmpty()) {
            if (m_dates.parse(v, &respondedAt) != ImportDates::Result::Ok) {
                const qint64 duration = parseDuration(v);
                respondedAt = duration > 0 ? createdAt + duration : 0;
            }
        }
        seenKeys.insert(number);

        ImportedIncident incident;
        incident.number = number;
        incident.id = importIncidentId(QLatin1StringView(Source), number, createdAt);
        incident.firstRow = row;
        incident.rows = 1;
        HistoryBuilder b(QString::fromLatin1(Source), number, incident.id);
        b.setIdTime(createdAt);

        QString title = cell(f, summary);
        if (title.isEmpty())
            title
                = cell(f, type).isEmpty() ? number : cell(f, type) + QStringLiteral(" — ") + number;
        QJsonObject opened { { QStringLiteral("number"), number },
            { QStringLiteral("title"), title }, { QStringLiteral("impact"), level->impact },
            { QStringLiteral("urgency"), level->urgency },
            { QStringLiteral("priority"), level->priority },
            { QStringLiteral("source"), QLatin1StringView(Source) } };
        const auto put = [&opened](const char *k, const QString &v) {
            if (!v.isEmpty())
                opened.insert(QLatin1StringView(k), v);
        };
        put("description", cell(f, description));
        put("category", cell(f, type));
        put("assignee", cell(f, assignee));
        put("reporter", cell(f, reporter));
        QStringList componentValues;
        for (int c : std::as_const(components))
            if (const QString v = cell(f, c); !v.isEmpty())
                componentValues << v;
        if (!componentValues.isEmpty())
            put("service", componentValues.first());
        QJsonArray tags;
        for (int c : std::as_const(labels))
            if (const QString v = cell(f, c); !v.isEmpty())
                tags << v;
        if (!tags.isEmpty())
            opened.insert(QStringLiteral("tags"), tags);
        if (csat)
            opened.insert(QStringLiteral("csat"), csat);
        QJsonObject custom;
        if (componentValues.size() > 1)
            custom.insert(
                QStringLiteral("Component/s"), QJsonArray::fromStringList(componentValues));
        for (const QString &name : std::as_const(customNames)) {
            const QList<int> columns = map->indexesOf(name);
            QStringList values;
            for (int c : columns)
                if (const QString v = cell(f, c); !v.isEmpty())
                    values << v;
            if (values.isEmpty())
                continue;
            if (columns.size() > 1)
                custom.insert(name, QJsonArray::fromStringList(values));
            else
                custom.insert(name, values.first());
        }
        if (!custom.isEmpty())
            opened.insert(QStringLiteral("custom"), custom);
        const QString opener = cell(f, reporter);
        b.add(EventKind::Opened, createdAt, opener, opened, QStringLiteral("opened"));

        const Status st = mapStatus(cell(f, status));
        const QString worker = cell(f, assignee);
        const qint64 lastChange = std::max(createdAt, updatedAt);
        const bool finished
            = st.state == IncidentState::Resolved || st.state == IncidentState::Closed;
        if (respondedAt > 0) {
            b.add(EventKind::Acknowledged, std::max(respondedAt, createdAt), worker, {},
                QStringLiteral("ack"));
        } else if (st.state != IncidentState::New && st.state != IncidentState::Cancelled) {
            // No first-response time: the earliest evidence of work the export holds.
            b.add(EventKind::Acknowledged, finished && resolvedAt ? resolvedAt : lastChange, worker,
                {}, QStringLiteral("ack"));
        }
        HistoryBuilder::Transition t;
        t.at = lastChange;
        t.actor = worker;
        t.target = st.state;
        t.reason = st.reason;
        t.resolutionCode = cell(f, resolution);
        if (t.resolutionCode.isEmpty())
            t.resolutionCode = QStringLiteral("Done");
        t.resolvedAt = resolvedAt;
        t.closedAt = std::max(lastChange, resolvedAt);
        b.moveTo(t, QStringLiteral("status.") + toName(st.state) + QLatin1Char('.'));
        incident.events = b.takeEvents();
        plan.incidents << std::move(incident);
    };

    readExport(device, &plan, onHeader, onRow, progress, cancel);
    return plan;
}

} // namespace nocturne::core
