#include "handoverreport.h"

#include "reportformat.h"

#include "../domain/eventsummary.h"
#include "../domain/labels.h"
#include "../engine/breachforecast.h"
#include "../engine/slaengine.h"
#include "../storage/handoverrepository.h"
#include "../storage/slarepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <map>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HandoverReport)
};

namespace fmt = reportformat;
using Align = ReportTable::Align;

// How far back resolutions feed the breach forecast, as in the console's SLA worker.
constexpr qint64 ForecastHistoryMs = 180LL * 24 * 60 * 60 * 1000;

// Fills policy, percentages and risk reasons from the clocks at the shift end.
void judgeRisk(HandoverOpenIncident &item, const QList<SlaClockStatus> &clocks, const SlaPolicy &policy,
               const SlaSubject &subject, const BreachForecaster *forecaster)
{
    item.policyName = policy.name;
    const SlaClockStatus *response = nullptr;
    const SlaClockStatus *resolution = nullptr;
    for (const SlaClockStatus &c : clocks) {
        if (c.kind == SlaKind::Response)
            response = &c;
        else
            resolution = &c; // the latest cycle
    }
    auto judge = [&item](const SlaClockStatus *c, const QString &name, double *percent) {
        if (!c || !c->isActive())
            return;
        *percent = c->percentUsed();
        if (c->state == ClockState::Breached || c->breachedAt != 0) {
            item.riskReasons << Text::tr("%1 breached").arg(name);
            return;
        }
        const bool thresholdReached = c->reachedThreshold >= 0
            && c->thresholdPercent[size_t(c->reachedThreshold)] >= AtRiskPercent;
        if (thresholdReached || *percent >= AtRiskPercent)
            item.riskReasons << Text::tr("%1 at %2").arg(name, fmt::percent(*percent, 0));
    };
    judge(response, Text::tr("Response"), &item.responsePercent);
    judge(resolution, Text::tr("Resolution"), &item.resolutionPercent);
    if (resolution && resolution->isActive()) {
        item.resolutionDeadline = resolution->deadlineAt;
        if (forecaster) {
            if (const auto estimate = forecaster->estimate(subject.priority, subject.category, subject.service,
                                                           subject.assignmentGroup, resolution->elapsedMs,
                                                           resolution->targetMs)) {
                item.breachProbability = estimate->probability;
                if (estimate->probability >= AtRiskProbability && resolution->breachedAt == 0)
                    item.riskReasons << Text::tr("Breach risk %1")
                                            .arg(fmt::percent(100.0 * estimate->probability, 0));
            }
        }
    }
}

bool evaluateSla(QSqlDatabase db, const HandoverQuery &query, QList<HandoverOpenIncident> &open, DatabaseError *error)
{
    SlaRepository sla(db);
    const auto configuration = sla.loadConfiguration();
    const QHash<QString, QString> zones = sla.siteZones();
    QSet<QString> ids;
    for (const HandoverOpenIncident &i : open)
        ids.insert(i.id);
    const auto subjects = ids.isEmpty() ? std::optional<QList<SlaSubject>>(QList<SlaSubject>()) : sla.subjects(ids);
    const auto resolved = sla.resolvedSince(query.toUtcMs - ForecastHistoryMs);
    if (!configuration || !subjects || !resolved || sla.lastError()) {
        *error = sla.lastError();
        return false;
    }
    SlaEngine engine;
    engine.setConfiguration(*configuration, zones);
    QList<ResolutionSample> samples;
    for (const SlaRepository::ResolvedRow &row : *resolved) {
        if (row.resolvedAt >= query.toUtcMs)
            continue; // the forecast knows only what was known at the shift end
        const SlaPolicy *policy = configuration->policyFor(row.priority, row.service, row.domain, row.site);
        if (const BusinessCalendar *calendar = policy ? engine.calendarFor(*policy, row.site) : nullptr)
            samples.append({ row.priority, row.category, row.service, row.group,
                             calendar->businessMsBetween(row.openedAt, row.resolvedAt) });
    }
    const BreachForecaster forecaster(samples);
    QHash<QString, const SlaSubject *> byId;
    for (const SlaSubject &s : *subjects)
        byId.insert(s.incidentId, &s);
    for (HandoverOpenIncident &item : open) {
        const SlaSubject *subject = byId.value(item.id);
        if (!subject)
            continue;
        const SlaPolicy *policy = nullptr;
        const QList<SlaClockStatus> clocks = engine.describe(*subject, query.toUtcMs, &policy);
        if (policy)
            judgeRisk(item, clocks, *policy, *subject, &forecaster);
    }
    return true;
}

} // namespace

bool isHandoverChange(IncidentAction a)
{
    switch (a) {
    case IncidentAction::Open: case IncidentAction::Acknowledge: case IncidentAction::Assign:
    case IncidentAction::Prioritize: case IncidentAction::Hold: case IncidentAction::Resume:
    case IncidentAction::Resolve: case IncidentAction::Close: case IncidentAction::Reopen:
    case IncidentAction::Cancel: case IncidentAction::Escalate: return true;
    default: return false;
    }
}

QString handoverChangeLabel(IncidentAction a)
{
    switch (a) {
    case IncidentAction::Open: return Text::tr("Opened");
    case IncidentAction::Acknowledge: return Text::tr("Acknowledged");
    case IncidentAction::Assign: return Text::tr("Reassigned");
    case IncidentAction::Prioritize: return Text::tr("Priority changed");
    case IncidentAction::Hold: return Text::tr("Put on hold");
    case IncidentAction::Resume: return Text::tr("Resumed");
    case IncidentAction::Resolve: return Text::tr("Resolved");
    case IncidentAction::Close: return Text::tr("Closed");
    case IncidentAction::Reopen: return Text::tr("Reopened");
    case IncidentAction::Cancel: return Text::tr("Cancelled");
    case IncidentAction::Escalate: return Text::tr("Escalated");
    default: break;
    }
    return actionLabel(a);
}

std::optional<HandoverData> loadHandover(QSqlDatabase db, const QString &path, const HandoverQuery &query,
                                         qint64 now, DatabaseError *error)
{
    HandoverData data;
    data.query = query;
    data.generatedAt = now;
    HandoverRepository repository(db, path);
    const auto open = repository.openAt(query.toUtcMs, query.site, query.group);
    const auto events = open ? repository.eventsBetween(query.fromUtcMs, query.toUtcMs, query.site, query.group)
                             : std::nullopt;
    if (!open || !events) {
        *error = repository.lastError();
        return std::nullopt;
    }
    for (const Incident &i : *open) {
        HandoverOpenIncident item;
        item.id = i.id;
        item.number = i.number;
        item.title = i.title;
        item.priority = i.priority;
        item.state = i.state;
        item.holdReason = i.holdReason;
        item.group = i.assignmentGroup;
        item.assignee = i.assignee;
        item.openedAt = i.openedAt;
        data.open << item;
    }
    if (!evaluateSla(db, query, data.open, error))
        return std::nullopt;
    for (const ShiftEvent &s : *events) {
        const IncidentAction action = actionOf(s.event);
        if (action == IncidentAction::Escalate) {
            const QJsonObject &p = s.event.payload;
            data.escalations << HandoverEscalation { s.event.occurredAt, s.number, s.title,
                                                     p.value(QStringLiteral("level")).toInt(),
                                                     p.value(QStringLiteral("target")).toString(),
                                                     p.value(QStringLiteral("rule")).toString(),
                                                     p.value(QStringLiteral("reason")).toString(), s.event.actor };
        }
        if (isHandoverChange(action))
            data.changes << HandoverChange { s.event.occurredAt, s.event.incidentId, s.number, s.title, s.priority,
                                             action, eventSummary(s.event), s.event.actor };
    }
    return data;
}

ReportDocument handoverDocument(const HandoverData &data, const QString &notes)
{
    const HandoverQuery &q = data.query;
    const QByteArray zone = fmt::validZone(q.timeZone);
    ReportDocument doc;
    doc.title = Text::tr("Shift handover");
    doc.subtitle
        = Text::tr("%1 – %2").arg(fmt::dateTime(q.fromUtcMs, zone), fmt::dateTime(q.toUtcMs, zone));
    doc.meta << Text::tr("Shift: %1 – %2 (end exclusive)")
                    .arg(fmt::dateTime(q.fromUtcMs, zone), fmt::dateTime(q.toUtcMs, zone));
    QStringList scope;
    if (!q.site.isEmpty())
        scope << Text::tr("site %1").arg(q.site);
    if (!q.group.isEmpty())
        scope << Text::tr("group %1").arg(q.group);
    doc.meta << Text::tr("Scope: %1")
                    .arg(scope.isEmpty() ? Text::tr("all incidents")
                                         : scope.join(QStringLiteral(", ")))
             << Text::tr("Time zone: %1").arg(QString::fromUtf8(zone))
             << Text::tr("Generated at: %1").arg(fmt::dateTime(data.generatedAt, zone));

    int atRisk = 0;
    for (const HandoverOpenIncident &i : data.open)
        atRisk += i.atRisk() ? 1 : 0;
    std::map<int, int> counts; // by IncidentAction, in the enum's order
    for (const HandoverChange &c : data.changes)
        ++counts[int(c.action)];
    auto countOf = [&counts](IncidentAction a) {
        const auto it = counts.find(int(a));
        return it == counts.end() ? 0 : it->second;
    };
    doc.addSection(Text::tr("Summary"))
        .keyValues({ { Text::tr("Open at the shift end"), QString::number(data.open.size()) },
            { Text::tr("At risk"), QString::number(atRisk) },
            { Text::tr("Opened during the shift"), QString::number(countOf(IncidentAction::Open)) },
            { Text::tr("Resolved during the shift"),
                QString::number(countOf(IncidentAction::Resolve)) },
            { Text::tr("Escalations"), QString::number(data.escalations.size()) } });

    ReportTable open;
    open.header = { Text::tr("Incident"), Text::tr("Priority"), Text::tr("State"),
        Text::tr("Title"), Text::tr("Assigned to"), Text::tr("Age"), Text::tr("SLA") };
    open.alignment = { Align::Left, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Left };
    open.emptyText = Text::tr("No incidents were open at the shift end.");
    auto slaText = [](const HandoverOpenIncident &i) {
        if (i.policyName.isEmpty())
            return Text::tr("no policy");
        QStringList parts;
        // Past the target the percentage says little; "breached" says what matters.
        if (i.responsePercent >= 100)
            parts << Text::tr("response breached");
        else if (i.responsePercent >= 0)
            parts << Text::tr("response %1").arg(fmt::percent(i.responsePercent, 0));
        if (i.resolutionPercent >= 100)
            parts << Text::tr("resolution breached");
        else if (i.resolutionPercent >= 0)
            parts << Text::tr("resolution %1").arg(fmt::percent(i.resolutionPercent, 0));
        return parts.isEmpty() ? Text::tr("stopped") : parts.join(QStringLiteral(", "));
    };
    auto assigned = [](const HandoverOpenIncident &i) {
        if (i.assignee.isEmpty())
            return i.group.isEmpty() ? Text::tr("unassigned") : i.group;
        return i.group.isEmpty() ? i.assignee : QStringLiteral("%1 / %2").arg(i.group, i.assignee);
    };
    ReportTable risky = open;
    risky.header = { Text::tr("Incident"), Text::tr("Priority"), Text::tr("Title"), Text::tr("Why"),
        Text::tr("Resolution due") };
    risky.alignment = { Align::Left, Align::Left, Align::Left, Align::Left, Align::Left };
    risky.emptyText = Text::tr("No open incident is at risk.");
    for (const HandoverOpenIncident &i : data.open) {
        open.rows << QStringList { i.number, priorityLabel(i.priority), stateWithReasonLabel(i.state, i.holdReason),
                                   i.title, assigned(i), fmt::duration(double(q.toUtcMs - i.openedAt)), slaText(i) };
        if (i.atRisk())
            risky.rows << QStringList { i.number, priorityLabel(i.priority), i.title,
                                        i.riskReasons.join(QStringLiteral("; ")),
                                        fmt::dateTime(i.resolutionDeadline, zone) };
    }
    doc.addSection(Text::tr("Open incidents")).table(open);
    doc.addSection(Text::tr("At risk"))
        .paragraph(Text::tr(
            "Clocks evaluated at the shift end: breached, %1 or more of a target used, or a breach "
            "forecast of %2 or more.")
                       .arg(fmt::percent(AtRiskPercent, 0),
                           fmt::percent(100 * AtRiskProbability, 0)))
        .table(risky);

    ReportTable perKind;
    perKind.header = { Text::tr("Change"), Text::tr("Count") };
    perKind.alignment = { Align::Left, Align::Right };
    perKind.emptyText = Text::tr("Nothing changed during the shift.");
    for (const auto &[action, n] : counts)
        perKind.rows << QStringList { handoverChangeLabel(IncidentAction(action)), QString::number(n) };
    ReportTable perIncident;
    perIncident.header
        = { Text::tr("Incident"), Text::tr("Priority"), Text::tr("Title"), Text::tr("Changes") };
    QStringList order;
    QHash<QString, QStringList> lines;
    QHash<QString, HandoverChange> first;
    for (const HandoverChange &c : data.changes) {
        if (!lines.contains(c.incidentId)) {
            order << c.incidentId;
            first.insert(c.incidentId, c);
        }
        lines[c.incidentId]
            << Text::tr("%1 %2 (%3)").arg(fmt::timeOfDay(c.at, zone), c.summary, c.actor);
    }
    for (const QString &id : order) {
        const HandoverChange &c = first.value(id);
        perIncident.rows << QStringList { c.number, priorityLabel(c.priority), c.title, lines.value(id).join(QLatin1Char('\n')) };
    }
    ReportSection &changed
        = doc.addSection(Text::tr("What changed during the shift")).table(perKind);
    if (!perIncident.rows.isEmpty())
        changed.table(perIncident);

    ReportTable escalations;
    escalations.header = { Text::tr("Time"), Text::tr("Incident"), Text::tr("Level"),
        Text::tr("Target"), Text::tr("Rule"), Text::tr("By") };
    escalations.alignment = { Align::Left, Align::Left, Align::Right, Align::Left, Align::Left, Align::Left };
    escalations.emptyText = Text::tr("No escalations during the shift.");
    for (const HandoverEscalation &e : data.escalations)
        escalations.rows << QStringList { fmt::dateTime(e.at, zone), e.number, QString::number(e.level), e.target,
                                          e.rule.isEmpty() ? fmt::noValue() : e.rule, e.actor };
    doc.addSection(Text::tr("Escalations")).table(escalations);

    ReportSection &notesSection = doc.addSection(Text::tr("Supervisor's notes"));
    if (notes.trimmed().isEmpty())
        notesSection.paragraph(Text::tr("No notes."));
    else
        notesSection.verbatim(notes);
    return doc;
}

} // namespace nocturne::core
