#include "kpiarguments.h"

#include "ctlcontext.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace nocturne::ctl {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }
} // namespace

bool readTimeZone(CtlContext &ctx, const QString &text, QByteArray *zone)
{
    if (text.isEmpty()) {
        *zone = QTimeZone::systemTimeZoneId();
        if (zone->isEmpty() || !QTimeZone::isTimeZoneIdAvailable(*zone))
            *zone = QByteArrayLiteral("UTC");
        return true;
    }
    if (!QTimeZone::isTimeZoneIdAvailable(text.toUtf8())) {
        ctx.usage(tr("--tz: \"%1\" is not a known IANA time zone (e.g. Europe/Berlin, UTC)").arg(text));
        return false;
    }
    *zone = text.toUtf8();
    return true;
}

bool parseDateIn(CtlContext &ctx, const QString &option, const QString &text, const QByteArray &zone, bool endOfDay,
                 qint64 *ms)
{
    const std::optional<qint64> at = core::kpiBoundaryFromText(text, zone, endOfDay);
    if (!at) {
        ctx.usage(tr("%1: \"%2\" is not a date or an ISO 8601 time (e.g. 2026-11-27, 2026-11-27T14:05 or "
                     "2026-11-27T13:05:00Z)")
                      .arg(option, text));
        return false;
    }
    *ms = *at;
    return true;
}

KpiArguments::KpiArguments()
    : m_from(QStringLiteral("from"), tr("Start of the period: a date (midnight in --tz) or an ISO 8601 time. Default: 30 days before --to."), tr("DATE"))
    , m_to(QStringLiteral("to"), tr("End of the period: a date (included: the period ends at the end of that day) or an ISO 8601 time (excluded). Default: now."), tr("DATE"))
    , m_priority(QStringLiteral("priority"), tr("Only these priorities, e.g. 1,2 or P1 (repeatable)."), tr("P"))
    , m_domain(QStringLiteral("domain"), tr("Only these domains: warehouse, retail, finance, it (repeatable)."), tr("DOMAIN"))
    , m_service(QStringLiteral("service"), tr("Only this service (repeatable)."), tr("SERVICE"))
    , m_site(QStringLiteral("site"), tr("Only this site (repeatable)."), tr("SITE"))
    , m_group(QStringLiteral("group"), tr("Only this assignment group (repeatable)."), tr("GROUP"))
    , m_timeZone(QStringLiteral("tz"), tr("Time zone of dates and weeks (IANA id). Default: the system's."), tr("ZONE"))
{
}

void KpiArguments::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ m_from, m_to, m_priority, m_domain, m_service, m_site, m_group, m_timeZone });
}

bool KpiArguments::read(CtlContext &ctx, const QCommandLineParser &parser, qint64 now, core::KpiQuery *query) const
{
    if (!readTimeZone(ctx, parser.value(m_timeZone), &query->timeZone))
        return false;
    query->toUtcMs = now;
    if (parser.isSet(m_to) && !parseDateIn(ctx, QStringLiteral("--to"), parser.value(m_to), query->timeZone, true, &query->toUtcMs))
        return false;
    query->fromUtcMs = core::defaultKpiPeriodStart(query->toUtcMs, query->timeZone);
    if (parser.isSet(m_from)
        && !parseDateIn(ctx, QStringLiteral("--from"), parser.value(m_from), query->timeZone, false, &query->fromUtcMs))
        return false;
    if (query->fromUtcMs >= query->toUtcMs) {
        ctx.usage(tr("--from must be before --to"));
        return false;
    }
    core::KpiFilter &filter = query->filter;
    for (const QString &value : parser.values(m_priority)) {
        for (const QString &p : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::optional<int> priority = core::kpiPriorityFromText(p);
            if (!priority) {
                ctx.usage(tr("--priority: \"%1\" is not a priority 1-5 (or P1-P5)").arg(value));
                return false;
            }
            if (!filter.priorities.contains(*priority))
                filter.priorities << *priority;
        }
    }
    for (const QString &value : parser.values(m_domain)) {
        for (const QString &d : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto domain = core::domainFromName(d.trimmed().toLower());
            if (!domain) {
                ctx.usage(tr("--domain: \"%1\" is not one of warehouse, retail, finance, it").arg(d));
                return false;
            }
            if (!filter.domains.contains(*domain))
                filter.domains << *domain;
        }
    }
    filter.services = parser.values(m_service);
    filter.sites = parser.values(m_site);
    filter.groups = parser.values(m_group);
    return true;
}

} // namespace nocturne::ctl
