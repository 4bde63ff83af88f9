#include "kpitargets.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KpiTargets)
};

// The JSON keys, shared by toJson and fromJson so the two can never disagree.
constexpr char mttaKey[] = "mtta_critical_minutes";
constexpr char mttrKey[] = "mttr_critical_minutes";
constexpr char fcrKey[] = "first_contact_resolution_percent";
constexpr char responseKey[] = "response_compliance_percent";
constexpr char resolutionKey[] = "resolution_compliance_percent";
constexpr char reopenKey[] = "reopen_rate_percent";
constexpr char csatKey[] = "csat_minimum";
constexpr char equipmentKey[] = "equipment_uptime_percent";
constexpr char websiteKey[] = "website_uptime_percent";
constexpr char servicesKey[] = "service_uptime_percent";

constexpr qint64 MinuteMs = 60 * 1000;

// Reads a number in [low, high] if the key is present; false with the key named otherwise.
bool readNumber(const QJsonObject &json, const char *key, double low, double high, double *value, QString *error)
{
    const QJsonValue v = json.value(QLatin1StringView(key));
    if (v.isUndefined())
        return true;
    if (!v.isDouble()) {
        *error = Text::tr("\"%1\" must be a number").arg(QLatin1StringView(key));
        return false;
    }
    const double d = v.toDouble();
    if (d < low || d > high) {
        *error = Text::tr("\"%1\" must be between %2 and %3, not %4")
                     .arg(QLatin1StringView(key))
                     .arg(low)
                     .arg(high)
                     .arg(d);
        return false;
    }
    *value = d;
    return true;
}

} // namespace

double KpiTargets::uptimeTargetFor(const QString &service, Domain domain) const
{
    const auto it = serviceUptimePercent.constFind(service);
    if (it != serviceUptimePercent.constEnd())
        return it.value();
    return domain == Domain::Warehouse || domain == Domain::Retail ? equipmentUptimePercent : websiteUptimePercent;
}

QJsonObject KpiTargets::toJson() const
{
    QJsonObject services;
    for (auto it = serviceUptimePercent.constBegin(); it != serviceUptimePercent.constEnd(); ++it)
        services.insert(it.key(), it.value());
    return {
        { QLatin1StringView(mttaKey), double(mttaCriticalMs) / MinuteMs },
        { QLatin1StringView(mttrKey), double(mttrCriticalMs) / MinuteMs },
        { QLatin1StringView(fcrKey), firstContactResolutionPercent },
        { QLatin1StringView(responseKey), responseCompliancePercent },
        { QLatin1StringView(resolutionKey), resolutionCompliancePercent },
        { QLatin1StringView(reopenKey), reopenRatePercent },
        { QLatin1StringView(csatKey), csatMinimum },
        { QLatin1StringView(equipmentKey), equipmentUptimePercent },
        { QLatin1StringView(websiteKey), websiteUptimePercent },
        { QLatin1StringView(servicesKey), services },
    };
}

bool KpiTargets::fromJson(const QJsonObject &json, KpiTargets *targets, QString *error)
{
    static const QStringList known = {
        QLatin1StringView(mttaKey), QLatin1StringView(mttrKey), QLatin1StringView(fcrKey),
        QLatin1StringView(responseKey), QLatin1StringView(resolutionKey), QLatin1StringView(reopenKey),
        QLatin1StringView(csatKey), QLatin1StringView(equipmentKey), QLatin1StringView(websiteKey),
        QLatin1StringView(servicesKey),
    };
    QString ignored;
    if (!error)
        error = &ignored;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            *error = Text::tr("unknown key \"%1\"").arg(it.key());
            return false;
        }
    }
    KpiTargets t = *targets;
    double mtta = double(t.mttaCriticalMs) / MinuteMs;
    double mttr = double(t.mttrCriticalMs) / MinuteMs;
    constexpr double week = 7 * 24 * 60;
    if (!readNumber(json, mttaKey, 0, week, &mtta, error) || !readNumber(json, mttrKey, 0, week, &mttr, error)
        || !readNumber(json, fcrKey, 0, 100, &t.firstContactResolutionPercent, error)
        || !readNumber(json, responseKey, 0, 100, &t.responseCompliancePercent, error)
        || !readNumber(json, resolutionKey, 0, 100, &t.resolutionCompliancePercent, error)
        || !readNumber(json, reopenKey, 0, 100, &t.reopenRatePercent, error)
        || !readNumber(json, csatKey, 1, 5, &t.csatMinimum, error)
        || !readNumber(json, equipmentKey, 0, 100, &t.equipmentUptimePercent, error)
        || !readNumber(json, websiteKey, 0, 100, &t.websiteUptimePercent, error))
        return false;
    t.mttaCriticalMs = qint64(mtta * MinuteMs + 0.5);
    t.mttrCriticalMs = qint64(mttr * MinuteMs + 0.5);
    const QJsonValue services = json.value(QLatin1StringView(servicesKey));
    if (!services.isUndefined()) {
        if (!services.isObject()) {
            *error = Text::tr("\"%1\" must be an object of service names and percentages")
                         .arg(QLatin1StringView(servicesKey));
            return false;
        }
        t.serviceUptimePercent.clear();
        const QJsonObject perService = services.toObject();
        for (auto it = perService.constBegin(); it != perService.constEnd(); ++it) {
            const QString key = QLatin1StringView(servicesKey) + QLatin1Char('.') + it.key();
            if (!it.value().isDouble() || it.value().toDouble() < 0 || it.value().toDouble() > 100) {
                *error = Text::tr("\"%1\" must be a number between 0 and 100").arg(key);
                return false;
            }
            t.serviceUptimePercent.insert(it.key(), it.value().toDouble());
        }
    }
    *targets = t;
    return true;
}

} // namespace nocturne::core
