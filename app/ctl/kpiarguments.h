#pragma once

#include <core/engine/kpiquery.h>

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

// The period, filter and time-zone options that `kpi` and `report kpi` share, and the
// zone-aware date parsing `report handover` uses too, so every command reads
// "--from 2026-11-01 --tz Europe/Berlin" the same way.
namespace nocturne::ctl {

class CtlContext;

// --tz ZONE: an IANA id; default the system's. Prints a usage error when unknown.
bool readTimeZone(CtlContext &ctx, const QString &text, QByteArray *zone);

// A date ("2026-11-27": midnight starting that day in `zone`) or an ISO 8601 time (in
// `zone` unless it carries Z or an offset). `endOfDay`: a bare date means the midnight
// ending that day (an inclusive --to). Prints a usage error naming the option.
bool parseDateIn(CtlContext &ctx, const QString &option, const QString &text, const QByteArray &zone, bool endOfDay,
                 qint64 *ms);

class KpiArguments final
{
public:
    KpiArguments();
    void addTo(QCommandLineParser &parser) const;
    // Fills the query: period (default the 30 days up to `now`), filters, zone. Prints a
    // usage error and returns false on a bad value.
    bool read(CtlContext &ctx, const QCommandLineParser &parser, qint64 now, core::KpiQuery *query) const;

private:
    QCommandLineOption m_from;
    QCommandLineOption m_to;
    QCommandLineOption m_priority;
    QCommandLineOption m_domain;
    QCommandLineOption m_service;
    QCommandLineOption m_site;
    QCommandLineOption m_group;
    QCommandLineOption m_timeZone;
};

} // namespace nocturne::ctl
