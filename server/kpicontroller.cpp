#include "kpicontroller.h"

#include "core/domain/clock.h"
#include "core/engine/kpijson.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("KpiController", text); }

ApiError badParameter(const QString &message) { return ApiError(ApiErrorCode::BadRequest, message); }

// A filter value may repeat and may list several values separated by commas.
QStringList valuesOf(const QString &value)
{
    QStringList values;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty())
            values << trimmed;
    }
    return values;
}

} // namespace

Expected<core::KpiQuery> parseKpiQuery(const QList<QPair<QString, QString>> &items, qint64 nowMs)
{
    core::KpiQuery query;
    QString from, to;
    // The zone first: the dates are read in it, whatever the order of the parameters.
    for (const auto &[key, value] : items) {
        if (key != QLatin1StringView("tz"))
            continue;
        if (!QTimeZone::isTimeZoneIdAvailable(value.toUtf8()))
            return badParameter(tr("tz \"%1\" is not a known IANA time zone (e.g. Europe/Berlin, UTC)").arg(value));
        query.timeZone = value.toUtf8();
    }
    core::KpiFilter &filter = query.filter;
    for (const auto &[key, value] : items) {
        if (key == QLatin1StringView("tz")) {
            continue;
        } else if (key == QLatin1StringView("from") || key == QLatin1StringView("to")) {
            QString &boundary = key == QLatin1StringView("from") ? from : to;
            if (!boundary.isNull())
                return badParameter(tr("The query parameter \"%1\" appears more than once").arg(key));
            boundary = value;
        } else if (key == QLatin1StringView("priority")) {
            for (const QString &p : valuesOf(value)) {
                const std::optional<int> priority = core::kpiPriorityFromText(p);
                if (!priority)
                    return badParameter(tr("priority must be 1 to 5 (or P1 to P5), not \"%1\"").arg(p));
                if (!filter.priorities.contains(*priority))
                    filter.priorities << *priority;
            }
        } else if (key == QLatin1StringView("domain")) {
            for (const QString &d : valuesOf(value)) {
                const auto domain = core::domainFromName(d.toLower());
                if (!domain)
                    return badParameter(tr("domain must be warehouse, retail, finance or it, not \"%1\"").arg(d));
                if (!filter.domains.contains(*domain))
                    filter.domains << *domain;
            }
        } else if (key == QLatin1StringView("service")) {
            filter.services << valuesOf(value);
        } else if (key == QLatin1StringView("site")) {
            filter.sites << valuesOf(value);
        } else if (key == QLatin1StringView("group")) {
            filter.groups << valuesOf(value);
        } else {
            return badParameter(tr("Unknown query parameter \"%1\" (known: from, to, tz, priority, domain, service, "
                                   "site, group)")
                                    .arg(key));
        }
    }
    query.toUtcMs = nowMs;
    if (!to.isNull()) {
        const std::optional<qint64> at = core::kpiBoundaryFromText(to, query.timeZone, true);
        if (!at)
            return badParameter(tr("to must be a date (2026-11-27) or an ISO 8601 time, not \"%1\"").arg(to));
        query.toUtcMs = *at;
    }
    query.fromUtcMs = core::defaultKpiPeriodStart(query.toUtcMs, query.timeZone);
    if (!from.isNull()) {
        const std::optional<qint64> at = core::kpiBoundaryFromText(from, query.timeZone, false);
        if (!at)
            return badParameter(tr("from must be a date (2026-11-27) or an ISO 8601 time, not \"%1\"").arg(from));
        query.fromUtcMs = *at;
    }
    if (query.fromUtcMs >= query.toUtcMs)
        return badParameter(tr("from must be before to"));
    return query;
}

KpiController::KpiController(core::ServerStore &store, const core::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{
}

ApiResponse KpiController::report(const RequestContext &context)
{
    if (!m_store.hasKpis())
        return ApiResponse::error(ApiError(ApiErrorCode::NotImplemented,
                                           tr("This server's %1 store does not compute KPIs yet; a server on an "
                                              "SQLite store does")
                                               .arg(m_store.backend())));
    const qint64 now = m_clock.nowMs();
    const Expected<core::KpiQuery> query = parseKpiQuery(context.request.query().queryItems(QUrl::FullyDecoded), now);
    if (!query.ok())
        return ApiResponse::error(query.error());
    core::DatabaseError error;
    const std::optional<core::KpiReport> report = m_store.kpis(query.value(), now, &error);
    if (!report)
        return ApiResponse::error(ApiError::fromDatabase(error));
    return ApiResponse::json(core::kpiReportToJson(*report));
}

} // namespace nocturne::server
