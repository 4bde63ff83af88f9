// `sla simulate`: what-if. Replays the incidents opened in a period under the stored
// configuration and under a candidate file, and compares SLA compliance side by side.
// Both sides see exactly the same events, evaluated as of the same instant, so every
// difference comes from the configuration.
#include "commands.h"
#include "ctlcontext.h"
#include "slacommands.h"
#include "slasupport.h"

#include <core/engine/slaengine.h>
#include <core/storage/slarepository.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cmath>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

struct Counts
{
    int met = 0;
    int breached = 0;
    int running = 0; // running or paused, not breached yet
    int cancelled = 0;

    int decided() const { return met + breached; }
    double percentMet() const { return decided() ? std::round(1000.0 * met / decided()) / 10.0 : -1.0; }
    QJsonObject toJson() const
    {
        return { { QStringLiteral("met"), met },
                 { QStringLiteral("breached"), breached },
                 { QStringLiteral("running"), running },
                 { QStringLiteral("cancelled"), cancelled },
                 { QStringLiteral("percent_met"), decided() ? QJsonValue(percentMet()) : QJsonValue(QJsonValue::Null) } };
    }
};

// Index 0 is every priority, 1..5 are P1..P5.
using ByPriority = std::array<Counts, 6>;

struct Compliance
{
    int withoutPolicy = 0;
    ByPriority response;
    ByPriority resolution;

    QJsonObject toJson() const
    {
        auto table = [](const ByPriority &rows) {
            QJsonObject o { { QStringLiteral("all"), rows[0].toJson() } };
            for (int p = 1; p <= 5; ++p)
                o.insert(QStringLiteral("P%1").arg(p), rows[size_t(p)].toJson());
            return o;
        };
        return { { QStringLiteral("without_policy"), withoutPolicy },
                 { QStringLiteral("response"), table(response) },
                 { QStringLiteral("resolution"), table(resolution) } };
    }
};

// Evaluates every subject under one configuration; returns one outcome key per subject
// ("response:1:met resolution:1:breached", or "-" without a policy) for the comparison.
QStringList evaluate(const core::SlaConfiguration &configuration, const QHash<QString, QString> &zones,
                     const QList<core::SlaSubject> &subjects, qint64 at, Compliance *compliance)
{
    core::SlaEngine engine;
    engine.setConfiguration(configuration, zones);
    QStringList outcomes;
    outcomes.reserve(subjects.size());
    for (const core::SlaSubject &subject : subjects) {
        const core::SlaPolicy *policy = nullptr;
        const QList<core::SlaClockStatus> clocks = engine.describe(subject, at, &policy);
        if (!policy) {
            ++compliance->withoutPolicy;
            outcomes << QStringLiteral("-");
            continue;
        }
        QStringList keys;
        for (const core::SlaClockStatus &c : clocks) {
            keys << core::toName(c.kind) + QLatin1Char(':') + QString::number(c.cycle) + QLatin1Char(':') + core::toName(c.state);
            ByPriority &rows = c.kind == core::SlaKind::Response ? compliance->response : compliance->resolution;
            const size_t priority = size_t(std::clamp(subject.priority, 1, 5));
            for (Counts *counts : { &rows[0], &rows[priority] }) {
                switch (c.state) {
                case core::ClockState::Met: ++counts->met; break;
                case core::ClockState::Breached: ++counts->breached; break;
                case core::ClockState::Running:
                case core::ClockState::Paused: ++counts->running; break;
                case core::ClockState::Cancelled: ++counts->cancelled; break;
                }
            }
        }
        // The policy id is left out: a renamed but otherwise identical policy is no difference.
        outcomes << keys.join(QLatin1Char(' '));
    }
    return outcomes;
}

QString cell(const Counts &c)
{
    const QString percent = c.decided() ? QStringLiteral("%1 %").arg(c.percentMet(), 0, 'f', 1) : QStringLiteral("-");
    return QStringLiteral("%1 %2 %3 %4").arg(c.met, 6).arg(c.breached, 8).arg(c.running, 7).arg(percent, 7);
}

} // namespace

int runSlaSimulate(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption policyFile(QStringLiteral("policy"), tr("The candidate SLA configuration (JSON, the import format)."), tr("FILE"));
    const QCommandLineOption from(QStringLiteral("from"), tr("First day (or time) of the period: incidents opened from then."), tr("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), tr("End of the period (exclusive)."), tr("DATE"));
    const QCommandLineOption at(QStringLiteral("at"), tr("Evaluate the clocks as of TIME (default: now)."), tr("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the comparison as JSON."));
    parser.addOptions({ policyFile, from, to, at, json });
    if (const int code = ctx.parse(parser, QStringLiteral("sla simulate"), arguments,
                                   tr("Replay the incidents opened in [--from, --to) under the stored SLA configuration "
                                      "and under --policy FILE, and compare compliance.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("sla simulate takes no positional arguments"));
    for (const QCommandLineOption *required : { &policyFile, &from, &to }) {
        if (!parser.isSet(*required))
            return ctx.usage(tr("sla simulate needs --%1").arg(required->names().constFirst()));
    }
    qint64 fromMs = 0, toMs = 0, atMs = ctx.clock().nowMs();
    if (!sla::parseDateOrTime(ctx, parser.value(from), &fromMs) || !sla::parseDateOrTime(ctx, parser.value(to), &toMs))
        return Usage;
    if (parser.isSet(at) && !ctx.parseTime(parser.value(at), &atMs))
        return Usage;
    if (toMs <= fromMs)
        return ctx.usage(tr("--to must be after --from"));

    QByteArray bytes;
    if (!sla::readFile(ctx, parser.value(policyFile), &bytes))
        return Usage;
    const core::ParsedConfiguration candidate = core::parseSlaConfiguration(bytes, parser.value(policyFile));
    if (candidate.error.isError()) {
        ctx.err() << tr("error: %1").arg(candidate.error.toString()) << Qt::endl;
        return Refused;
    }
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    const auto stored = sla::loadConfiguration(ctx);
    if (!stored)
        return Usage;
    core::SlaRepository repository(ctx.database().connection());
    const QHash<QString, QString> zones = repository.siteZones();
    const auto subjects = repository.subjectsOpenedBetween(fromMs, toMs);
    if (!subjects || repository.lastError())
        return ctx.fail(repository.lastError());

    Compliance before, after;
    const QStringList storedOutcomes = evaluate(*stored, zones, *subjects, atMs, &before);
    const QStringList candidateOutcomes = evaluate(candidate.configuration, zones, *subjects, atMs, &after);
    int differing = 0;
    for (qsizetype i = 0; i < storedOutcomes.size(); ++i)
        differing += storedOutcomes.at(i) != candidateOutcomes.at(i) ? 1 : 0;

    if (parser.isSet(json)) {
        QJsonObject o { { QStringLiteral("incidents"), int(subjects->size()) },
                        { QStringLiteral("differing"), differing },
                        { QStringLiteral("stored"), before.toJson() },
                        { QStringLiteral("candidate"), after.toJson() } };
        sla::insertTime(o, QStringLiteral("from"), fromMs);
        sla::insertTime(o, QStringLiteral("to"), toMs);
        sla::insertTime(o, QStringLiteral("at"), atMs);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    QTextStream &out = ctx.out();
    out << tr("%1 incident(s) opened from %2 to %3, evaluated at %4.")
               .arg(subjects->size())
               .arg(sla::localTime(fromMs), sla::localTime(toMs), sla::localTime(atMs))
        << "\n\n";
    const QString half = QStringLiteral("%1 %2 %3 %4").arg(tr("MET"), 6).arg(tr("BREACHED"), 8).arg(tr("RUNNING"), 7).arg(tr("% MET"), 7);
    out << QStringLiteral("%1 %2 | %3 | %4").arg(QString(), -10).arg(QString(), -4).arg(tr("stored"), -30).arg(parser.value(policyFile)) << '\n';
    out << QStringLiteral("%1 %2 | %3 | %4").arg(tr("CLOCK"), -10).arg(tr("PRI"), -4).arg(half).arg(half) << '\n';
    for (const auto &[name, rowsBefore, rowsAfter] :
         { std::tuple { tr("response"), &before.response, &after.response },
           std::tuple { tr("resolution"), &before.resolution, &after.resolution } }) {
        for (int p = 0; p <= 5; ++p) {
            const Counts &b = (*rowsBefore)[size_t(p)];
            const Counts &a = (*rowsAfter)[size_t(p)];
            if (p > 0 && b.decided() + b.running + a.decided() + a.running == 0)
                continue;
            out << QStringLiteral("%1 %2 | %3 | %4")
                       .arg(name, -10)
                       .arg(p == 0 ? tr("all") : QStringLiteral("P%1").arg(p), -4)
                       .arg(cell(b), cell(a))
                << '\n';
        }
    }
    out << '\n'
        << tr("Without a policy: %1 stored, %2 in the file.").arg(before.withoutPolicy).arg(after.withoutPolicy) << '\n'
        << tr("Incidents whose outcome differs: %1").arg(differing) << Qt::endl;
    return Ok;
}

} // namespace nocturne::ctl
