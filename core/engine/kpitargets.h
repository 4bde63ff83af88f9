#pragma once

#include "../domain/vocabulary.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace nocturne::core {

// The targets each KPI is judged against. Defaults are the field's usual ones (DESIGN.md):
// MTTR < 4 h for critical (P1), FCR > 70 %, equipment uptime > 99.5 %, website uptime
// > 99.9 %. A service's uptime target is its own entry if set, else the equipment target
// for warehouse and retail services, else the website (digital) target.
// Stored in the database (meta key "kpi_targets") so every console, the CLI and the server
// judge alike; the JSON form is documented in docs/kpi.md.
struct KpiTargets
{
    qint64 mttaCriticalMs = 15 * 60 * 1000; // P1 acknowledged within 15 min on average
    qint64 mttrCriticalMs = 4 * 3600 * 1000; // P1 resolved within 4 h on average
    double firstContactResolutionPercent = 70.0; // at least
    double responseCompliancePercent = 95.0; // at least
    double resolutionCompliancePercent = 90.0; // at least
    double reopenRatePercent = 5.0; // at most
    double csatMinimum = 4.0; // mean score, at least
    double equipmentUptimePercent = 99.5;
    double websiteUptimePercent = 99.9;
    QHash<QString, double> serviceUptimePercent; // per service, overrides the two above

    double uptimeTargetFor(const QString &service, Domain domain) const;

    QJsonObject toJson() const;
    // Parses the JSON form; missing keys keep their defaults. On a wrong type or an out
    // of range value returns false and says which key in *error.
    static bool fromJson(const QJsonObject &json, KpiTargets *targets, QString *error);
    friend bool operator==(const KpiTargets &, const KpiTargets &) = default;
};

} // namespace nocturne::core
