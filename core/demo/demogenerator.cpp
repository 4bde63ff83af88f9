#include "demogenerator.h"

#include "../domain/clock.h"
#include "../domain/uuid7.h"
#include "../domain/vocabulary.h"
#include "../storage/eventstore.h"
#include "../storage/referencerepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <random>

namespace nocturne::core::demo {

namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
const QString DemoNode = QStringLiteral("demo");

// Portable distributions: the standard library's are implementation-defined, and the
// same seed must give the same history with any compiler.
class Random
{
public:
    explicit Random(quint64 seed) : m_engine(seed) { }
    quint64 bits() { return m_engine(); }
    double uniform() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return n <= 0 ? 0 : int(uniform() * n); }
    bool chance(double p) { return uniform() < p; }
    qint64 exponential(double mean) { return qint64(-mean * std::log(1.0 - uniform())); }
    qint64 logNormal(double median, double sigma)
    {
        const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
        return qint64(median * std::exp(sigma * z));
    }
    template<typename T>
    const T &pick(const QList<T> &list) { return list.at(below(int(list.size()))); }

private:
    std::mt19937_64 m_engine;
};

// Arrivals by local hour: quiet nights, a morning ramp, busy working hours.
constexpr double HourWeight[24] = { 0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.55, 0.8, 0.95, 1.0, 1.0, 1.0,
                                    0.95, 1.0, 1.0, 0.95, 0.9, 0.8, 0.65, 0.55, 0.45, 0.4, 0.35, 0.3 };
// Medians by priority P1..P5.
constexpr double AckMeanMs[5] = { 4 * Minute, 12 * Minute, 40 * Minute, 2 * Hour, 6 * Hour };
constexpr double ResolveMedianMs[5] = { 2 * Hour, 6 * Hour, 18 * Hour, 48 * Hour, 96 * Hour };

const char *const HoldReasons[] = { "awaiting_caller", "awaiting_vendor", "awaiting_change", "awaiting_problem" };

std::pair<int, int> impactUrgencyFor(int priority, Random &r)
{
    switch (priority) {
    case 1: return { 1, 1 };
    case 2: return r.chance(0.5) ? std::pair { 1, 2 } : std::pair { 2, 1 };
    case 3: {
        const int k = r.below(3);
        return k == 0 ? std::pair { 2, 2 } : (k == 1 ? std::pair { 1, 3 } : std::pair { 3, 1 });
    }
    case 4: return r.chance(0.5) ? std::pair { 2, 3 } : std::pair { 3, 2 };
    default: return { 3, 3 };
    }
}

struct Arrival
{
    qint64 openedAt;
    quint64 seed;
    int domain;
    int site;
};

// Builds one incident's events in time order, cut at the end of the period.
class IncidentSimulator
{
public:
    IncidentSimulator(const DemoCatalogue &catalogue, const DemoOptions &options, qint64 endMs)
        : m_catalogue(catalogue)
        , m_options(options)
        , m_end(endMs)
    {
    }

    QList<Event> simulate(const Arrival &arrival)
    {
        Random r(arrival.seed);
        m_events.clear();
        m_last = 0;
        const DemoDomain &domain = m_catalogue.domains.at(arrival.domain);
        const DemoSite &site = m_catalogue.sites.at(arrival.site);
        const DemoTemplate &tpl = pickTemplate(domain, r);
        m_incidentId = createUuidV7(arrival.openedAt, r.bits(), r.bits());

        const QString ci = pickCi(domain, tpl, site, r);
        const int priority = std::clamp(tpl.severity + pickDelta(r), 1, 5);
        const auto [impact, urgency] = impactUrgencyFor(priority, r);
        const QStringList staff = m_catalogue.usersOf(tpl.group);
        const QString owner = staff.isEmpty() ? QString() : r.pick(staff);
        const bool monitoring = tpl.channel == QLatin1StringView("monitoring");
        const QString reporter = monitoring ? QStringLiteral("alertmanager") : r.pick(m_catalogue.users).name;

        qint64 t = arrival.openedAt;
        const qint64 detected = monitoring ? t - r.below(3) * Minute : t - r.exponential(20 * Minute);
        const qint64 started = detected - r.exponential(monitoring ? 3 * Minute : 30 * Minute);
        QString title = tpl.title;
        title.replace(QLatin1StringView("{ci}"), ci).replace(QLatin1StringView("{site}"), site.site.name);
        const bool routed = monitoring || r.chance(0.6);
        QJsonObject opened {
            { QStringLiteral("title"), title },
            { QStringLiteral("description"),
              QStringLiteral("%1 at %2 (%3). Reported through %4.").arg(tpl.subcategory, site.site.name, ci, tpl.channel) },
            { QStringLiteral("category"), tpl.category },
            { QStringLiteral("subcategory"), tpl.subcategory },
            { QStringLiteral("domain"), domain.domain },
            { QStringLiteral("service"), tpl.service },
            { QStringLiteral("ci"), ci },
            { QStringLiteral("site"), site.site.name },
            { QStringLiteral("impact"), impact },
            { QStringLiteral("urgency"), urgency },
            { QStringLiteral("priority"), priority },
            { QStringLiteral("assignment_group"), routed ? tpl.group : QString() },
            { QStringLiteral("reporter"), reporter },
            { QStringLiteral("channel"), tpl.channel },
            { QStringLiteral("started_at"), started },
            { QStringLiteral("detected_at"), detected },
            { QStringLiteral("tags"), QJsonArray { domain.domain, tpl.subcategory.toLower() } },
        };
        record(EventKind::Opened, t, reporter, opened, r);

        if (r.chance(0.02)) { // duplicates and false alarms
            record(EventKind::StateChanged, t + r.exponential(20 * Minute), owner,
                 { { QStringLiteral("state"), QStringLiteral("cancelled") },
                   { QStringLiteral("reason"), QStringLiteral("Duplicate of an open incident") } }, r);
            return m_events;
        }

        const int p = priority - 1;
        t += std::max<qint64>(Minute / 2, r.exponential(AckMeanMs[p]));
        if (!routed)
            record(EventKind::Assigned, t, owner, { { QStringLiteral("group"), tpl.group }, { QStringLiteral("assignee"), owner } }, r);
        else
            record(EventKind::Assigned, t, owner, { { QStringLiteral("assignee"), owner } }, r);
        record(EventKind::Acknowledged, t, owner, {}, r);
        const qint64 acknowledged = t;

        const qint64 work = std::max<qint64>(10 * Minute, r.logNormal(ResolveMedianMs[p], 0.9));
        qint64 resolveAt = acknowledged + work;

        if (priority <= 2 && r.chance(priority == 1 ? 0.4 : 0.15)) {
            record(EventKind::Escalated, acknowledged + work / 4, QStringLiteral("system"),
                 { { QStringLiteral("level"), 1 }, { QStringLiteral("target"), QStringLiteral("Duty manager") },
                   { QStringLiteral("reason"), QStringLiteral("Resolution target at risk") } }, r);
        }
        const int reassignments = r.chance(0.18) ? (r.chance(0.25) ? 2 : 1) : 0;
        for (int i = 0; i < reassignments; ++i) {
            const Group &group = r.pick(m_catalogue.groups);
            const QStringList people = m_catalogue.usersOf(group.name);
            record(EventKind::Assigned, acknowledged + work * (i + 1) / 5, owner,
                 { { QStringLiteral("group"), group.name },
                   { QStringLiteral("assignee"), people.isEmpty() ? QString() : r.pick(people) } }, r);
        }
        const int comments = r.below(4);
        for (int i = 0; i < comments && !m_catalogue.comments.isEmpty(); ++i)
            record(EventKind::Commented, acknowledged + work * (2 * i + 1) / 8, owner,
                 { { QStringLiteral("text"), r.pick(m_catalogue.comments) } }, r);

        if (priority >= 2 && r.chance(priority == 2 ? 0.05 : 0.15)) {
            const qint64 holdAt = acknowledged + work / 2;
            const qint64 held = std::max<qint64>(30 * Minute, r.logNormal(6 * Hour, 1.0));
            record(EventKind::StateChanged, holdAt, owner,
                 { { QStringLiteral("state"), QStringLiteral("on_hold") },
                   { QStringLiteral("hold_reason"), QString::fromLatin1(HoldReasons[r.below(4)]) } }, r);
            record(EventKind::StateChanged, holdAt + held, owner, { { QStringLiteral("state"), QStringLiteral("in_progress") } }, r);
            resolveAt += held;
        }
        if (r.chance(m_options.stalledShare))
            return cut();

        record(EventKind::Resolved, resolveAt, owner,
             { { QStringLiteral("code"), r.pick(tpl.resolutionCodes) },
               { QStringLiteral("notes"), QStringLiteral("Service restored and verified with the site.") } }, r);
        if (r.chance(0.04)) {
            const qint64 reopenAt = resolveAt + r.exponential(12 * Hour);
            record(EventKind::Reopened, reopenAt, reporter, { { QStringLiteral("reason"), QStringLiteral("The problem came back") } }, r);
            resolveAt = reopenAt + std::max<qint64>(15 * Minute, r.logNormal(4 * Hour, 0.8));
            record(EventKind::Resolved, resolveAt, owner,
                 { { QStringLiteral("code"), r.pick(tpl.resolutionCodes) },
                   { QStringLiteral("notes"), QStringLiteral("Root cause fixed after reopen.") } }, r);
        }
        // A third of callers answer the satisfaction survey shortly after the resolution;
        // long waits and reopens earn the low scores. Its own generator, so the rest of the
        // history is the same with or without the survey.
        Random survey(arrival.seed ^ 0x5a71'5fac'7105ULL);
        if (survey.chance(1.0 / 3)) {
            const bool slow = resolveAt - arrival.openedAt > 2 * ResolveMedianMs[p] || resolveAt > acknowledged + work;
            record(EventKind::Updated, resolveAt + std::max<qint64>(5 * Minute, survey.exponential(3 * Hour)), QStringLiteral("survey"),
                   { { QStringLiteral("csat"), satisfaction(slow, survey) } }, survey);
        }
        record(EventKind::Closed, resolveAt + 3 * Day, QStringLiteral("system"), {}, r);
        return cut();
    }

private:
    // Mostly 4–5; slow or reopened incidents mostly 1–3.
    static int satisfaction(bool slow, Random &r)
    {
        static constexpr double Happy[5] = { 0.01, 0.03, 0.08, 0.33, 0.55 };
        static constexpr double Unhappy[5] = { 0.2, 0.3, 0.3, 0.15, 0.05 };
        const double *weights = slow ? Unhappy : Happy;
        double u = r.uniform();
        for (int score = 1; score <= 5; ++score) {
            u -= weights[score - 1];
            if (u < 0)
                return score;
        }
        return 5;
    }

    int pickDelta(Random &r)
    {
        const double u = r.uniform();
        return u < 0.05 ? -1 : (u < 0.65 ? 0 : (u < 0.93 ? 1 : 2));
    }

    // Scenarios that stop a site happen less often than degradations: weighting the
    // templates by their typical priority keeps P1 the rarest priority, as in the field.
    static const DemoTemplate &pickTemplate(const DemoDomain &domain, Random &r)
    {
        static constexpr double SeverityWeight[5] = { 0.12, 0.6, 1.0, 1.0, 0.6 };
        auto weight = [](const DemoTemplate &t) { return SeverityWeight[std::clamp(t.severity, 1, 5) - 1]; };
        double total = 0;
        for (const DemoTemplate &t : domain.templates)
            total += weight(t);
        double pick = r.uniform() * total;
        for (const DemoTemplate &t : domain.templates) {
            pick -= weight(t);
            if (pick < 0)
                return t;
        }
        return domain.templates.last();
    }

    QString pickCi(const DemoDomain &domain, const DemoTemplate &tpl, const DemoSite &site, Random &r)
    {
        for (const DemoService &s : domain.services) {
            if (s.name == tpl.service && !s.ciPatterns.isEmpty()) {
                QString ci = r.pick(s.ciPatterns);
                return ci.replace(QLatin1StringView("{site}"), site.code);
            }
        }
        return tpl.service;
    }

    void record(EventKind kind, qint64 at, const QString &actor, const QJsonObject &payload, Random &r)
    {
        at = std::max(at, m_last + 1); // strictly increasing: the HLC order is the story's order
        m_last = at;
        Event e;
        e.id = createUuidV7(at, r.bits(), r.bits());
        e.incidentId = m_incidentId;
        e.kind = kind;
        e.payload = payload;
        e.actor = actor.isEmpty() ? QStringLiteral("system") : actor;
        e.originNode = DemoNode;
        e.hlc = HlcTimestamp { at, 0, DemoNode };
        e.occurredAt = at;
        m_events << e;
    }

    QList<Event> cut()
    {
        QList<Event> kept;
        for (const Event &e : std::as_const(m_events)) {
            if (e.occurredAt <= m_end)
                kept << e;
        }
        return kept;
    }

    const DemoCatalogue &m_catalogue;
    const DemoOptions &m_options;
    qint64 m_end;
    QString m_incidentId;
    QList<Event> m_events;
    qint64 m_last = 0;
};

QList<Arrival> drawArrivals(const DemoCatalogue &c, const DemoOptions &o, qint64 end)
{
    Random r(o.seed);
    double totalWeight = 0;
    for (const DemoDomain &d : c.domains)
        totalWeight += d.weight;
    QList<QTimeZone> zones;
    for (const DemoSite &s : c.sites)
        zones << QTimeZone(s.site.timeZone.toUtf8());

    const qint64 span = qint64(o.days) * Day;
    QList<Arrival> arrivals;
    arrivals.reserve(o.incidents);
    while (arrivals.size() < o.incidents) {
        double pick = r.uniform() * totalWeight;
        int domain = 0;
        while (domain < c.domains.size() - 1 && pick >= c.domains.at(domain).weight) {
            pick -= c.domains.at(domain).weight;
            ++domain;
        }
        const DemoDomain &d = c.domains.at(domain);
        const int site = d.siteIndexes.at(r.below(int(d.siteIndexes.size())));
        const qint64 at = end - qint64(r.uniform() * double(span));
        // Thin the uniform draw by local hour and weekday (rejection sampling).
        const QTimeZone &zone = zones.at(site);
        const qint64 local = at + qint64(zone.isValid() ? zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC)) : 0) * 1000;
        const int hour = int((local / Hour) % 24);
        const int weekday = int(((local / Day) + 3) % 7); // 0 = Monday (1970-01-01 was a Thursday)
        const double weekend = weekday >= 5 ? d.weekendFactor : 1.0;
        if (r.uniform() * 1.3 > HourWeight[hour] * weekend)
            continue;
        arrivals << Arrival { at, r.bits(), domain, site };
    }
    std::sort(arrivals.begin(), arrivals.end(), [](const Arrival &a, const Arrival &b) { return a.openedAt < b.openedAt; });
    return arrivals;
}

} // namespace

DemoGenerator::DemoGenerator(EventStore &store, ReferenceRepository &reference, const Clock &clock)
    : m_store(store)
    , m_reference(reference)
    , m_clock(clock)
{
}

DemoResult DemoGenerator::generate(const DemoOptions &options, const std::function<void(qint64, qint64)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    DemoResult result;
    QString catalogueError;
    const DemoCatalogue catalogue = DemoCatalogue::builtIn(&catalogueError);
    if (!catalogueError.isEmpty()) {
        result.error = { DatabaseError::Kind::Io, catalogueError };
        return result;
    }

    for (const DemoSite &s : catalogue.sites)
        m_reference.save(s.site);
    for (const Group &g : catalogue.groups)
        m_reference.save(g);
    for (const User &u : catalogue.users)
        m_reference.save(u);
    for (const DemoDomain &d : catalogue.domains) {
        for (const DemoService &s : d.services) {
            m_reference.save(Service { s.name, d.domain, {} });
            for (const QString &pattern : s.ciPatterns) {
                for (int siteIndex : d.siteIndexes) {
                    QString name = pattern;
                    name.replace(QLatin1StringView("{site}"), catalogue.sites.at(siteIndex).code);
                    m_reference.save(ConfigurationItem { name, s.name, pattern.contains(QLatin1StringView("{site}")) ? catalogue.sites.at(siteIndex).site.name : QString(), 2 });
                }
            }
        }
    }
    if (m_reference.lastError()) {
        result.error = m_reference.lastError();
        return result;
    }

    const qint64 end = options.endMs ? options.endMs : m_clock.nowMs();
    const QList<Arrival> arrivals = drawArrivals(catalogue, options, end);
    IncidentSimulator simulator(catalogue, options, end);
    QList<Event> batch;
    for (qsizetype i = 0; i < arrivals.size(); ++i) {
        batch << simulator.simulate(arrivals.at(i));
        const bool last = i + 1 == arrivals.size();
        if ((i + 1) % std::max(1, options.batchIncidents) == 0 || last) {
            const AppendResult appended = m_store.append(batch);
            if (appended.error) {
                result.error = appended.error;
                return result;
            }
            result.events += appended.appended;
            result.incidents = i + 1;
            batch.clear();
            if (progress)
                progress(result.incidents, arrivals.size());
        }
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace nocturne::core::demo
