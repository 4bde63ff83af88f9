// sla_bench: the SLA engine with 100k open incidents on business-hours calendars in
// their sites' zones — the full evaluation, and one-second ticks when nothing crosses —
// against baselines measured in the same run: the same evaluation on 24×7 calendars, and
// a tick that re-evaluates everything (what an engine without a due-heap would do).
// Prints medians; targets from issue 3 are printed next to them, not asserted.
#include "benchtiming.h"

#include <core/engine/slaengine.h>

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

using namespace nocturne::core;

using nocturne::bench::medianMs;
using nocturne::bench::timeMs;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
// 2026-11-25T10:00:00Z, a Wednesday.
constexpr qint64 Now = 1'795'600'800'000;

const QStringList &sites()
{
    static const QStringList all = { QStringLiteral("DC Rotterdam"), QStringLiteral("DC Leipzig"),
                                     QStringLiteral("DC Memphis"), QStringLiteral("DC Reno"),
                                     QStringLiteral("Store London"), QStringLiteral("Store New York"),
                                     QStringLiteral("Store Singapore") };
    return all;
}

QHash<QString, QString> siteZones()
{
    const QStringList zones = { QStringLiteral("Europe/Amsterdam"), QStringLiteral("Europe/Berlin"),
                                QStringLiteral("America/Chicago"), QStringLiteral("America/Los_Angeles"),
                                QStringLiteral("Europe/London"), QStringLiteral("America/New_York"),
                                QStringLiteral("Asia/Singapore") };
    QHash<QString, QString> out;
    for (int i = 0; i < sites().size(); ++i)
        out.insert(sites().at(i), zones.at(i));
    return out;
}

// One policy per priority on weekday business hours (two intervals a day, holidays) read in
// each site's zone — the expensive case; `twentyFourSeven` gives the baseline. Escalations
// as in the default configuration: unacknowledged P1/P2, and P1/P2 at 90 %.
SlaConfiguration configuration(bool twentyFourSeven)
{
    SlaConfiguration c;
    CalendarDefinition hours;
    hours.id = QStringLiteral("business");
    hours.name = QStringLiteral("Business hours");
    hours.timeZone = QStringLiteral("Europe/Amsterdam");
    for (int day = 0; day < 5; ++day)
        hours.week[size_t(day)] = { { 8 * 60, 12 * 60 }, { 13 * 60, 18 * 60 } };
    for (const QDate &date : { QDate(2026, 12, 25), QDate(2026, 12, 26), QDate(2027, 1, 1) })
        hours.holidays << Holiday { QStringLiteral("Holiday"), date, date.addDays(1), 0, 0 };
    c.calendars = { hours };
    const qint64 response[] = { 15 * Minute, 30 * Minute, 4 * Hour, 8 * Hour, 16 * Hour };
    const qint64 resolution[] = { 4 * Hour, 8 * Hour, 20 * Hour, 40 * Hour, 80 * Hour };
    for (int p = 1; p <= 5; ++p) {
        SlaPolicy policy;
        policy.id = QStringLiteral("p%1").arg(p);
        policy.name = policy.id;
        policy.priorities = { p };
        policy.responseTargetMs = response[p - 1];
        policy.resolutionTargetMs = resolution[p - 1];
        policy.calendar = twentyFourSeven ? twentyFourSevenCalendarId() : QStringLiteral("business");
        policy.calendarZone = CalendarZone::Site;
        policy.pausingReasons = defaultPausingReasons();
        if (p <= 2) // like the default configuration: P1/P2 escalate at 90 %
            policy.thresholds[2] = { 90, ThresholdAction::Escalate, QStringLiteral("sla-at-risk"), true, true };
        c.policies << policy;
    }
    EscalationPolicy unacknowledged;
    unacknowledged.id = QStringLiteral("unacknowledged-critical");
    unacknowledged.name = unacknowledged.id;
    unacknowledged.trigger = EscalationTrigger::Unacknowledged;
    unacknowledged.unacknowledgedMs = 10 * Minute;
    unacknowledged.priorities = { 1, 2 };
    unacknowledged.levels = { { 0, EscalationTargetKind::Group, QStringLiteral("NOC") },
                              { 15 * Minute, EscalationTargetKind::Group, QStringLiteral("Service Desk") } };
    unacknowledged.repeat = 1;
    unacknowledged.repeatIntervalMs = 30 * Minute;
    EscalationPolicy atRisk = unacknowledged;
    atRisk.id = QStringLiteral("sla-at-risk");
    atRisk.trigger = EscalationTrigger::SlaThreshold;
    atRisk.priorities = {};
    atRisk.repeat = 0;
    c.escalations = { unacknowledged, atRisk };
    return c;
}

// Open incidents like a busy centre's: opened over the last two weeks, most acknowledged,
// some on hold, a few reopened.
QList<SlaSubject> subjects(int count)
{
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<qint64> opened(Now - 14 * Day, Now - Minute);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<int> siteIndex(0, int(sites().size()) - 1);
    const int priorities[] = { 1, 2, 2, 3, 3, 3, 4, 4, 4, 5 };
    QList<SlaSubject> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        SlaSubject s;
        s.incidentId = QStringLiteral("incident-%1").arg(i);
        s.number = QStringLiteral("INC%1").arg(i, 7, 10, QLatin1Char('0'));
        s.priority = priorities[percent(rng) % 10];
        s.site = sites().at(siteIndex(rng));
        s.service = QStringLiteral("WMS");
        s.category = QStringLiteral("Software");
        s.assignmentGroup = QStringLiteral("WMS Support");
        s.openedAt = opened(rng);
        s.state = IncidentState::New;
        qint64 t = s.openedAt;
        const auto later = [&](qint64 span) {
            t = std::min(Now - 1, t + std::uniform_int_distribution<qint64>(1, span)(rng));
            return t;
        };
        if (percent(rng) < 80) {
            s.transitions << SlaTransition { SlaTransition::Kind::Acknowledged, later(2 * Hour), HoldReason::None };
            s.state = IncidentState::InProgress;
            if (percent(rng) < 15) {
                s.transitions << SlaTransition { SlaTransition::Kind::Hold, later(Day), HoldReason::AwaitingVendor };
                s.state = IncidentState::OnHold;
                if (percent(rng) < 50) {
                    s.transitions << SlaTransition { SlaTransition::Kind::Resume, later(Day), HoldReason::None };
                    s.state = IncidentState::InProgress;
                }
            }
        }
        out << s;
    }
    return out;
}

struct Figures
{
    double resetMs = 0;
    double fullMs = 0;
    double tickMedianMs = 0;
    double tickMaxMs = 0;
    double naiveTickMs = 0;
    int quietTicks = 0;
    int busyTicks = 0;
};

Figures measure(const QList<SlaSubject> &all, bool twentyFourSeven, int runs)
{
    Figures f;
    SlaEngine engine;
    engine.setConfiguration(configuration(twentyFourSeven), siteZones());
    // The first evaluation materialises each calendar's years; the engine keeps them.
    engine.reset(all, Now);
    QList<double> full;
    QList<double> reset;
    for (int i = 0; i < runs; ++i) {
        reset << timeMs([&] { engine.reset(all, Now); });
        full << timeMs([&] { engine.evaluateAll(Now); });
    }
    f.resetMs = medianMs(reset);
    f.fullMs = medianMs(full);

    // Ticks a second apart, the console's rhythm; "quiet" ones have nothing due.
    QList<double> quiet;
    for (int s = 1; s <= 600; ++s) {
        const qint64 now = Now + s * 1000;
        const bool due = engine.nextDueAt() != 0 && engine.nextDueAt() <= now;
        const double ms = timeMs([&] { engine.tick(now); });
        if (due) {
            ++f.busyTicks;
        } else {
            ++f.quietTicks;
            quiet << ms;
            f.tickMaxMs = std::max(f.tickMaxMs, ms);
        }
    }
    f.tickMedianMs = medianMs(quiet);
    // Without a due-heap every tick would be a full evaluation.
    f.naiveTickMs = f.fullMs;
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SLA engine benchmark"));
    parser.addHelpOption();
    QCommandLineOption countOption(QStringLiteral("incidents"), QStringLiteral("Open incidents (default 100000)."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Full evaluations to time (default 7)."),
                                  QStringLiteral("N"), QStringLiteral("7"));
    parser.addOptions({ countOption, runsOption });
    parser.process(app);
    const int count = std::max(1, parser.value(countOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    const QList<SlaSubject> all = subjects(count);
    const Figures business = measure(all, false, runs);
    const Figures always = measure(all, true, runs);
    std::printf("SLA engine, %d open incidents, one core\n", count);
    std::printf("  full evaluation, business calendars in site zones: %8.1f ms median (target < 100 ms)\n",
                business.fullMs);
    std::printf("  full evaluation, 24x7 baseline, same run:          %8.1f ms median (business/24x7 = %.2fx)\n",
                always.fullMs, always.fullMs > 0 ? business.fullMs / always.fullMs : 0.0);
    std::printf("  load + evaluate (reset: subjects copied, indexed): %8.1f ms median\n", business.resetMs);
    std::printf("  1-second tick, nothing crossing:                   %8.4f ms median, %.4f ms max over %d ticks "
                "(target < 1 ms)\n",
                business.tickMedianMs, business.tickMaxMs, business.quietTicks);
    std::printf("  ticks with something due:                          %d of 600\n", business.busyTicks);
    std::printf("  baseline: a tick re-evaluating everything:         %8.1f ms (heap tick is %.0fx faster)\n",
                business.naiveTickMs,
                business.tickMedianMs > 0 ? business.naiveTickMs / business.tickMedianMs : 0.0);
    return 0;
}
