#include "slasupport.h"

#include "ctlcontext.h"

#include <core/domain/labels.h>
#include <core/storage/slarepository.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>

#include <cmath>

namespace nocturne::ctl::sla {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }
} // namespace

std::optional<core::SlaConfiguration> loadConfiguration(CtlContext &ctx)
{
    core::SlaRepository repository(ctx.database().connection());
    auto configuration = repository.loadConfiguration();
    if (!configuration)
        ctx.fail(repository.lastError());
    return configuration;
}

bool storeDefaultsIfNone(CtlContext &ctx, bool announce)
{
    core::SlaRepository repository(ctx.database().connection());
    const qint64 revision = repository.configurationRevision();
    if (revision < 0) {
        ctx.fail(repository.lastError());
        return false;
    }
    // Revision 0: never saved. An admin who removed everything on purpose keeps nothing.
    if (revision > 0)
        return true;
    const core::ConfigurationSaveResult saved =
        repository.saveConfiguration(core::defaultSlaConfiguration(), QStringLiteral("system"), ctx.clock().nowMs());
    if (saved.error) {
        ctx.fail(saved.error);
        return false;
    }
    if (announce)
        ctx.out() << tr("Stored the default SLA configuration (%1 items); see \"nocturnectl sla policy export\".")
                         .arg(saved.added)
                  << Qt::endl;
    return true;
}

bool readFile(CtlContext &ctx, const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.err() << tr("error: cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
        return false;
    }
    *bytes = file.readAll();
    return true;
}

bool parseDateOrTime(CtlContext &ctx, const QString &text, qint64 *ms)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10) {
        *ms = date.startOfDay().toMSecsSinceEpoch();
        return true;
    }
    return ctx.parseTime(text, ms);
}

QJsonValue isoUtc(qint64 ms)
{
    if (ms == 0)
        return QJsonValue::Null;
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

void insertTime(QJsonObject &object, const QString &key, qint64 ms)
{
    object.insert(key, isoUtc(ms));
    object.insert(key + QStringLiteral("_ms"), ms == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ms));
}

QString formatDuration(qint64 ms)
{
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    const qint64 abs = ms < 0 ? -ms : ms;
    const qint64 minutes = abs / 60'000;
    if (minutes == 0)
        return sign + tr("%1s").arg(abs / 1000);
    if (minutes < 60 * 24)
        return sign + tr("%1h %2m").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return sign + tr("%1d %2h %3m").arg(minutes / (60 * 24)).arg(minutes / 60 % 24).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString localTime(qint64 ms) { return ms ? core::formatLocalTime(ms) : QStringLiteral("-"); }

QJsonObject clockToJson(const core::SlaClockStatus &c, const core::SlaPolicy &policy)
{
    QJsonObject o { { QStringLiteral("kind"), core::toName(c.kind) },
                    { QStringLiteral("cycle"), c.cycle },
                    { QStringLiteral("state"), core::toName(c.state) },
                    { QStringLiteral("target_ms"), c.targetMs },
                    { QStringLiteral("elapsed_ms"), c.elapsedMs },
                    { QStringLiteral("paused_ms"), c.pausedMs },
                    { QStringLiteral("remaining_ms"), c.remainingMs },
                    { QStringLiteral("percent_used"), std::round(c.percentUsed() * 100.0) / 100.0 },
                    { QStringLiteral("counting"), c.counting } };
    insertTime(o, QStringLiteral("started_at"), c.startedAt);
    insertTime(o, QStringLiteral("stopped_at"), c.stoppedAt);
    insertTime(o, QStringLiteral("breached_at"), c.breachedAt);
    insertTime(o, QStringLiteral("deadline_at"), c.deadlineAt);
    QJsonArray thresholds;
    for (int i = 0; i < c.thresholdCount && i < policy.thresholds.size(); ++i) {
        const core::SlaThreshold &t = policy.thresholds.at(i);
        if (!(c.kind == core::SlaKind::Response ? t.onResponse : t.onResolution))
            continue;
        QJsonObject threshold { { QStringLiteral("percent"), t.percent },
                                { QStringLiteral("action"), core::toName(t.action) },
                                { QStringLiteral("reached"), i <= c.reachedThreshold } };
        if (!t.escalationPolicy.isEmpty())
            threshold.insert(QStringLiteral("escalation"), t.escalationPolicy);
        insertTime(threshold, QStringLiteral("at"), c.thresholdAt[size_t(i)]);
        thresholds.append(threshold);
    }
    o.insert(QStringLiteral("thresholds"), thresholds);
    QJsonArray segments;
    for (const core::ClockSegment &s : c.segments) {
        QJsonObject segment { { QStringLiteral("running"), s.running }, { QStringLiteral("business_ms"), s.businessMs } };
        insertTime(segment, QStringLiteral("from"), s.fromUtcMs);
        insertTime(segment, QStringLiteral("to"), s.toUtcMs);
        if (!s.running)
            segment.insert(QStringLiteral("reason"), core::toName(s.reason));
        segments.append(segment);
    }
    o.insert(QStringLiteral("segments"), segments);
    return o;
}

} // namespace nocturne::ctl::sla
