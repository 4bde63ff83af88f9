#include "servicenowimporter.h"

#include "../domain/canonicaljson.h"
#include "../domain/prioritymatrix.h"
#include "../domain/sha256.h"
#include "csvreader.h"
#include "historybuilder.h"
#include "importids.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <algorithm>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ServiceNowImporter)
};

// Column positions, -1 when the export lacks one.
struct Columns
{
    int number, state, modCount, madeSla, reassignmentCount, reopenCount, caller, openedBy,
        openedAt, createdBy, createdAt, updatedBy, updatedAt, contactType, location, category,
        subcategory, symptom, ci, impact, urgency, priority, group, assignedTo, closedCode,
        resolvedBy, resolvedAt, closedAt, shortDescription, description;
    QList<int> custom; // every column we have no field for
};

// The columns that map onto Nocturne fields or steer the rebuild; all others are custom.
const char *const MappedColumns[] = {
    "number",
    "incident_state",
    "active",
    "sys_mod_count",
    "made_sla",
    "reassignment_count",
    "reopen_count",
    "caller_id",
    "opened_by",
    "opened_at",
    "sys_created_by",
    "sys_created_at",
    "sys_updated_by",
    "sys_updated_at",
    "contact_type",
    "location",
    "category",
    "subcategory",
    "cmdb_ci",
    "impact",
    "urgency",
    "priority",
    "assignment_group",
    "assigned_to",
    "closed_code",
    "resolved_by",
    "resolved_at",
    "closed_at",
    "short_description",
    "description",
};

struct StateMapping
{
    bool known = true;
    bool hasState = false; // "-100" and empty cells say nothing about the state
    IncidentState target = IncidentState::New;
    HoldReason reason = HoldReason::None;
};

StateMapping mapState(const QString &value)
{
    const QString v = value.trimmed().toLower();
    using S = IncidentState;
    using H = HoldReason;
    if (v.isEmpty() || v == u"-100")
        return {};
    static const QHash<QString, std::pair<S, H>> states = {
        { QStringLiteral("new"), { S::New, H::None } },
        { QStringLiteral("active"), { S::InProgress, H::None } },
        { QStringLiteral("in progress"), { S::InProgress, H::None } },
        { QStringLiteral("awaiting user info"), { S::OnHold, H::AwaitingCaller } },
        { QStringLiteral("awaiting evidence"), { S::OnHold, H::AwaitingCaller } },
        { QStringLiteral("awaiting vendor"), { S::OnHold, H::AwaitingVendor } },
        { QStringLiteral("awaiting problem"), { S::OnHold, H::AwaitingProblem } },
        { QStringLiteral("awaiting change"), { S::OnHold, H::AwaitingChange } },
        { QStringLiteral("on hold"), { S::OnHold, H::AwaitingCaller } },
        { QStringLiteral("resolved"), { S::Resolved, H::None } },
        { QStringLiteral("closed"), { S::Closed, H::None } },
        { QStringLiteral("canceled"), { S::Cancelled, H::None } },
        { QStringLiteral("cancelled"), { S::Cancelled, H::None } },
    };
    const auto it = states.constFind(v);
    if (it == states.cend())
        return { false, false, S::New, H::None };
    return { true, true, it->first, it->second };
}

// "2 - Medium" → 2; an empty cell → 0.
bool readLevel(const QString &value, int maximum, int *level)
{
    *level = 0;
    if (value.isEmpty())
        return true;
    const qsizetype dash = value.indexOf(QLatin1Char('-'));
    bool ok = false;
    const int n = QStringView(value).left(dash < 0 ? value.size() : dash).trimmed().toInt(&ok);
    if (!ok || n < 1 || n > maximum)
        return false;
    *level = n;
    return true;
}

std::optional<Channel> mapChannel(const QString &contactType)
{
    const QString v = contactType.toLower();
    if (v == u"phone" || v == u"ivr" || v == u"walk-in")
        return Channel::Phone;
    if (v == u"email" || v == u"e-mail")
        return Channel::Email;
    if (v == u"self service" || v == u"self-service" || v == u"portal" || v == u"web"
        || v == u"direct opening")
        return Channel::Portal;
    if (v == u"chat" || v == u"virtual agent")
        return Channel::Chat;
    if (v == u"monitoring" || v == u"event" || v == u"alert")
        return Channel::Monitoring;
    return std::nullopt;
}

struct Row
{
    qint64 row = 0;
    qint64 line = 0;
    int modCount = -1;
    qint64 openedAt = 0, createdAt = 0, updatedAt = 0, resolvedAt = 0, closedAt = 0;
    int impact = 0, urgency = 0, priority = 0;
    StateMapping state;
    QStringList fields;
};

// The values of the fields a later row may change, as last written to the history.
struct Applied
{
    QString group, assignee;
    int impact = 3, urgency = 3, priority = 5;
    QHash<QString, QString> fields; // `updated` payload key → value
    QJsonObject custom;
};

class Builder
{
public:
    Builder(const Columns &c, const ColumnMap &map)
        : m_c(c)
        , m_map(map)
    { }

    void build(QList<Row> rows, ImportPlan *plan) const;

private:
    QJsonObject customOf(const Row &r) const
    {
        QJsonObject custom;
        for (int col : m_c.custom) {
            if (const QString v = cell(r.fields, col); !v.isEmpty())
                custom.insert(m_map.name(col), v);
        }
        if (const QString contact = cell(r.fields, m_c.contactType);
            !contact.isEmpty() && !mapChannel(contact))
            custom.insert(QStringLiteral("contact_type"), contact);
        return custom;
    }
    QHash<QString, QString> updatableOf(const Row &r) const
    {
        QHash<QString, QString> f;
        f.insert(QStringLiteral("category"), cell(r.fields, m_c.category));
        f.insert(QStringLiteral("subcategory"), cell(r.fields, m_c.subcategory));
        f.insert(QStringLiteral("ci"), cell(r.fields, m_c.ci));
        f.insert(QStringLiteral("site"), cell(r.fields, m_c.location));
        f.insert(QStringLiteral("reporter"), cell(r.fields, m_c.caller));
        if (const auto channel = mapChannel(cell(r.fields, m_c.contactType)))
            f.insert(QStringLiteral("channel"), toName(*channel));
        if (m_c.shortDescription >= 0)
            f.insert(QStringLiteral("title"), cell(r.fields, m_c.shortDescription));
        if (m_c.description >= 0)
            f.insert(QStringLiteral("description"), cell(r.fields, m_c.description));
        return f;
    }
    void emitFields(HistoryBuilder &b, const Row &r, qint64 at, const QString &actor,
        const QString &prefix, Applied &applied) const;

    const Columns &m_c;
    const ColumnMap &m_map;
};

void Builder::emitFields(HistoryBuilder &b, const Row &r, qint64 at, const QString &actor,
    const QString &prefix, Applied &applied) const
{
    // Our lifecycle freezes a resolved incident: changes wait until it is reopened.
    if (!b.current().isOpen())
        return;
    const QString group = cell(r.fields, m_c.group);
    const QString assignee = cell(r.fields, m_c.assignedTo);
    if ((group != applied.group || assignee != applied.assignee)
        && !(group.isEmpty() && assignee.isEmpty())) {
        if (b.add(EventKind::Assigned, at, actor,
                { { QStringLiteral("group"), group }, { QStringLiteral("assignee"), assignee } },
                prefix + u'a')) {
            applied.group = group;
            applied.assignee = assignee;
        }
    }
    const int impact = r.impact ? r.impact : applied.impact;
    const int urgency = r.urgency ? r.urgency : applied.urgency;
    const int priority = r.priority ? r.priority : applied.priority;
    if (impact != applied.impact || urgency != applied.urgency || priority != applied.priority) {
        if (b.add(EventKind::Prioritized, at, actor,
                { { QStringLiteral("impact"), impact }, { QStringLiteral("urgency"), urgency },
                    { QStringLiteral("priority"), priority } },
                prefix + u'p')) {
            applied.impact = impact;
            applied.urgency = urgency;
            applied.priority = priority;
        }
    }
    QJsonObject changes;
    const QHash<QString, QString> now = updatableOf(r);
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        // An update to an empty title would be refused; a vanished value is kept.
        if (it.value() != applied.fields.value(it.key())
            && !(it.key() == u"title" && it.value().isEmpty()))
            changes.insert(it.key(), it.value());
    }
    if (!changes.isEmpty() && b.add(EventKind::Updated, at, actor, changes, prefix + u'u')) {
        for (auto it = changes.begin(); it != changes.end(); ++it)
            applied.fields.insert(it.key(), it.value().toString());
    }
}

void Builder::build(QList<Row> rows, ImportPlan *plan) const
{
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.modCount != b.modCount)
            return a.modCount < b.modCount;
        if (a.updatedAt != b.updatedAt)
            return a.updatedAt < b.updatedAt;
        return a.row < b.row;
    });
    const Row &first = rows.first();
    const QString number = cell(first.fields, m_c.number);
    const qint64 openedAt
        = first.openedAt ? first.openedAt : (first.createdAt ? first.createdAt : first.updatedAt);
    if (openedAt <= 0) {
        for (const Row &r : std::as_const(rows))
            plan->skipped << SkippedRow { r.row, r.line,
                Text::tr("%1 has no opened_at (nor sys_created_at or sys_updated_at) on its first "
                         "update")
                    .arg(number) };
        return;
    }

    ImportedIncident incident;
    incident.number = number;
    incident.id
        = importIncidentId(QString::fromLatin1(ServiceNowImporter::Source), number, openedAt);
    incident.rows = int(rows.size());
    incident.firstRow = first.row;
    for (const Row &r : std::as_const(rows))
        incident.firstRow = std::min(incident.firstRow, r.row);
    HistoryBuilder b(QString::fromLatin1(ServiceNowImporter::Source), number, incident.id);

    Applied applied;
    applied.group = cell(first.fields, m_c.group);
    applied.assignee = cell(first.fields, m_c.assignedTo);
    applied.impact = first.impact ? first.impact : 3;
    applied.urgency = first.urgency ? first.urgency : 3;
    applied.priority = first.priority
        ? first.priority
        : PriorityMatrix().priorityFor(applied.impact, applied.urgency);
    applied.fields = updatableOf(first);
    applied.custom = customOf(first);

    const QString category = cell(first.fields, m_c.category);
    QString title = applied.fields.value(QStringLiteral("title"));
    if (title.isEmpty())
        title = cell(first.fields, m_c.symptom);
    if (title.isEmpty())
        title = category.isEmpty() ? number : category + QStringLiteral(" — ") + number;
    applied.fields.insert(QStringLiteral("title"), title);

    QJsonObject opened { { QStringLiteral("number"), number }, { QStringLiteral("title"), title },
        { QStringLiteral("impact"), applied.impact },
        { QStringLiteral("urgency"), applied.urgency },
        { QStringLiteral("priority"), applied.priority },
        { QStringLiteral("source"), QLatin1StringView(ServiceNowImporter::Source) } };
    const auto put = [&opened](const char *key, const QString &value) {
        if (!value.isEmpty())
            opened.insert(QLatin1StringView(key), value);
    };
    put("description", applied.fields.value(QStringLiteral("description")));
    put("category", category);
    put("subcategory", applied.fields.value(QStringLiteral("subcategory")));
    put("ci", applied.fields.value(QStringLiteral("ci")));
    put("site", applied.fields.value(QStringLiteral("site")));
    put("assignment_group", applied.group);
    put("assignee", applied.assignee);
    put("reporter", applied.fields.value(QStringLiteral("reporter")));
    put("channel", applied.fields.value(QStringLiteral("channel")));
    if (!applied.custom.isEmpty())
        opened.insert(QStringLiteral("custom"), applied.custom);
    QString opener = cell(first.fields, m_c.openedBy);
    if (opener.isEmpty())
        opener = cell(first.fields, m_c.createdBy);
    if (opener.isEmpty())
        opener = cell(first.fields, m_c.updatedBy);
    b.add(EventKind::Opened, openedAt, opener, opened, QStringLiteral("opened"));

    QHash<int, int> seenModCounts;
    qint64 at = openedAt;
    QJsonObject customChanges;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        const int dup = seenModCounts[r.modCount]++;
        const QString prefix = r.modCount >= 0 ? QStringLiteral("m%1.%2.").arg(r.modCount).arg(dup)
                                               : QStringLiteral("r%1.").arg(i);
        at = std::max(at, r.updatedAt ? r.updatedAt : at);
        QString actor = cell(r.fields, m_c.updatedBy);
        HistoryBuilder::Transition t;
        t.at = at;
        t.actor = actor;
        t.target = r.state.target;
        t.reason = r.state.reason;
        t.resolutionCode = cell(r.fields, m_c.closedCode);
        t.resolvedAt = r.resolvedAt;
        t.resolvedBy = cell(r.fields, m_c.resolvedBy);
        t.closedAt = r.closedAt;
        const bool wasOpen = b.current().isOpen();
        if (i > 0 && wasOpen)
            emitFields(b, r, at, actor, prefix, applied);
        if (r.state.hasState)
            b.moveTo(t, prefix);
        if (i > 0 && !wasOpen)
            emitFields(b, r, at, actor, prefix, applied);
        if (i > 0) {
            const QJsonObject custom = customOf(r);
            for (auto it = custom.begin(); it != custom.end(); ++it) {
                if (applied.custom.value(it.key()) != it.value()) {
                    customChanges.insert(it.key(), it.value());
                    applied.custom.insert(it.key(), it.value());
                }
            }
            for (auto it = applied.custom.begin(); it != applied.custom.end(); ++it) {
                if (!custom.contains(it.key()) && !it.value().isNull()) {
                    customChanges.insert(it.key(), QJsonValue::Null);
                    it.value() = QJsonValue::Null;
                }
            }
        }
    }

    // The source's own counts and SLA verdict, as of its last row.
    const Row &last = rows.last();
    QJsonObject summary;
    bool ok = false;
    if (const int n = cell(last.fields, m_c.reassignmentCount).toInt(&ok); ok)
        summary.insert(QStringLiteral("reassignment_count"), n);
    if (const int n = cell(last.fields, m_c.reopenCount).toInt(&ok); ok)
        summary.insert(QStringLiteral("reopen_count"), n);
    const QString madeSla = cell(last.fields, m_c.madeSla).toLower();
    if (madeSla == u"true" || madeSla == u"false")
        summary.insert(QStringLiteral("made_sla"), madeSla == u"true");
    if (!customChanges.isEmpty())
        summary.insert(QStringLiteral("custom"), customChanges);
    if (!summary.isEmpty()) {
        // Named by its content: a longer export gives other counts, hence a new event.
        const QString step = QStringLiteral("summary.")
            + QString::fromLatin1(sha256Hex(canonicalJson(summary)).left(16));
        b.setIdTime(openedAt);
        b.add(EventKind::Updated, b.lastTime(), cell(last.fields, m_c.updatedBy), summary, step);
    }
    incident.events = b.takeEvents();
    plan->incidents << std::move(incident);
}

} // namespace

QStringList ServiceNowImporter::defaultDateFormats()
{
    return { QStringLiteral("d/M/yyyy H:mm"), QStringLiteral("d/M/yyyy H:mm:ss"),
        QStringLiteral("yyyy-MM-dd H:mm:ss"), QStringLiteral("yyyy-MM-dd H:mm"),
        QStringLiteral("ISO") };
}

ServiceNowImporter::ServiceNowImporter(const ImportOptions &options)
    : m_dates(options.dateFormats.isEmpty() ? defaultDateFormats() : options.dateFormats,
        options.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(options.timeZone.toUtf8()))
{ }

ImportPlan ServiceNowImporter::parse(
    QIODevice *device, const ImportProgress &progress, const CancelFlag *cancel) const
{
    ImportPlan plan;
    plan.source = QLatin1StringView(Source);
    std::unique_ptr<ColumnMap> map;
    Columns c {};
    QHash<QString, int> groupOf;
    QList<QList<Row>> groups;

    const auto onHeader = [&](const QStringList &header) {
        map = std::make_unique<ColumnMap>(header);
        if (!map->has(u"number")) {
            plan.fatal
                = Text::tr("line 1: the header has no \"number\" column; is this a ServiceNow "
                           "incident export?");
            plan.fatalLine = 1;
            return false;
        }
        const auto col = [&](const char *name) { return map->indexOf(QString::fromLatin1(name)); };
        c = Columns { col("number"), col("incident_state"), col("sys_mod_count"), col("made_sla"),
            col("reassignment_count"), col("reopen_count"), col("caller_id"), col("opened_by"),
            col("opened_at"), col("sys_created_by"), col("sys_created_at"), col("sys_updated_by"),
            col("sys_updated_at"), col("contact_type"), col("location"), col("category"),
            col("subcategory"), col("u_symptom"), col("cmdb_ci"), col("impact"), col("urgency"),
            col("priority"), col("assignment_group"), col("assigned_to"), col("closed_code"),
            col("resolved_by"), col("resolved_at"), col("closed_at"), col("short_description"),
            col("description"), {} };
        QSet<QString> mapped;
        for (const char *name : MappedColumns)
            mapped.insert(QString::fromLatin1(name));
        for (int i = 0; i < map->size(); ++i) {
            if (!mapped.contains(map->name(i).toLower()) && !map->name(i).isEmpty())
                c.custom << i;
        }
        return true;
    };

    const auto onRow = [&](const CsvRecord &record, qint64 rowNumber) {
        Row r;
        r.row = rowNumber;
        r.line = record.line;
        const QString number = cell(record.fields, c.number);
        if (number.isEmpty()) {
            plan.skipped << SkippedRow { r.row, r.line, Text::tr("no number") };
            return;
        }
        const std::pair<int, qint64 *> dates[] = { { c.openedAt, &r.openedAt },
            { c.createdAt, &r.createdAt }, { c.updatedAt, &r.updatedAt },
            { c.resolvedAt, &r.resolvedAt }, { c.closedAt, &r.closedAt } };
        for (const auto &[column, target] : dates) {
            if (column < 0)
                continue;
            const QString &text = record.fields.at(column);
            if (m_dates.parse(text, target) == ImportDates::Result::Invalid || *target < 0) {
                plan.skipped << SkippedRow { r.row, r.line,
                    Text::tr("%1: cannot read the date \"%2\" in %3 (formats tried: %4)")
                        .arg(number, text.trimmed(), map->name(column),
                            m_dates.formats().join(QStringLiteral("; "))) };
                return;
            }
        }
        const std::tuple<int, int *, int, const char *> levels[]
            = { { c.impact, &r.impact, 3, "1-3" }, { c.urgency, &r.urgency, 3, "1-3" },
                  { c.priority, &r.priority, 5, "1-5" } };
        for (const auto &[column, target, maximum, range] : levels) {
            if (column >= 0 && !readLevel(cell(record.fields, column), maximum, target)) {
                plan.skipped << SkippedRow { r.row, r.line,
                    Text::tr("%1: %2 \"%3\" is not a level %4")
                        .arg(number, map->name(column), record.fields.at(column).trimmed(),
                            QLatin1StringView(range)) };
                return;
            }
        }
        r.state = mapState(cell(record.fields, c.state));
        if (!r.state.known) {
            plan.skipped << SkippedRow { r.row, r.line,
                Text::tr("%1: unknown incident_state \"%2\"")
                    .arg(number, cell(record.fields, c.state)) };
            return;
        }
        if (const QString mods = cell(record.fields, c.modCount); !mods.isEmpty()) {
            bool ok = false;
            r.modCount = mods.toInt(&ok);
            if (!ok || r.modCount < 0) {
                plan.skipped << SkippedRow { r.row, r.line,
                    Text::tr("%1: sys_mod_count \"%2\" is not a count").arg(number, mods) };
                return;
            }
        }
        r.fields = record.fields;
        auto it = groupOf.constFind(number);
        if (it == groupOf.cend()) {
            it = groupOf.insert(number, int(groups.size()));
            groups.append(QList<Row> {});
        }
        groups[*it] << std::move(r);
    };

    if (!readExport(device, &plan, onHeader, onRow, progress, cancel))
        return plan;
    const Builder builder(c, *map);
    for (QList<Row> &rows : groups)
        builder.build(std::move(rows), &plan);
    std::sort(plan.skipped.begin(), plan.skipped.end(),
        [](const SkippedRow &a, const SkippedRow &b) { return a.row < b.row; });
    return plan;
}

} // namespace nocturne::core
