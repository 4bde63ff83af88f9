// sla_gui_stall_bench: the longest the GUI thread stops answering while the SLA engine runs
// with a large open queue — the console offscreen, queue sorted by the resolution SLA, the
// engine's snapshot arriving, then live ticks and countdown repaints for a while. A 1 ms
// precise timer on the GUI thread measures how late each timeout fires; the idle event loop
// before the database is opened is the baseline of the same run (the machine's own noise).
#include "benchdatabase.h"

#include <core/domain/clock.h>
#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <ui/consolesession.h>
#include <ui/mainwindow.h>
#include <ui/queueview.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace nocturne;

namespace {

// Lateness of a 1 ms timer, collected per phase.
class StallProbe final : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_gaps.push_back(double(now - m_last) / 1e6 - 1.0);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    // The stalls since the previous call: {longest, 99th percentile} in ms.
    std::pair<double, double> take()
    {
        std::vector<double> gaps;
        gaps.swap(m_gaps);
        if (gaps.empty())
            return { 0, 0 };
        std::sort(gaps.begin(), gaps.end());
        return { gaps.back(), gaps.at(gaps.size() * 99 / 100) };
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void report(const char *phase, std::pair<double, double> stall)
{
    std::printf("  %-44s longest %7.1f ms, p99 %6.2f ms\n", phase, stall.first, stall.second);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nocturne"));
    QCoreApplication::setApplicationName(QStringLiteral("nocturne-bench"));
    QStandardPaths::setTestModeEnabled(true); // never read or write an operator's layout

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures GUI-thread stalls while the SLA engine runs."));
    parser.addHelpOption();
    const bench::DatabaseOptions database(QStringLiteral("0.5"));
    database.addTo(parser);
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("How long to watch the ticking engine (default 20)."),
                                           QStringLiteral("s"), QStringLiteral("20"));
    parser.addOption(secondsOption);
    parser.process(app);

    QTemporaryDir temporary;
    const QString path = database.resolve(parser, temporary);
    if (path.isEmpty())
        return 2;
    if (!bench::ensureSlaConfiguration(path))
        return 2;

    StallProbe probe;
    runFor(2000);
    std::printf("GUI-thread stalls (lateness of a 1 ms timer), %s\n", qPrintable(path));
    report("baseline: idle event loop", probe.take());

    const core::SystemClock clock;
    ui::ConsoleSession session(clock, QStringLiteral("bench"));
    ui::MainWindow window(session);
    window.resize(1600, 900);
    window.show();
    QEventLoop loaded;
    bool slaArrived = false;
    QObject::connect(&session, &ui::ConsoleSession::queueChanged, &loaded, [&] {
        if (session.hasSla()) {
            slaArrived = true;
            loaded.quit();
        }
    });
    std::pair<double, double> queueStall;
    // Taken a moment later, so that the stall of applying the snapshot itself is in it.
    QObject::connect(&session, &ui::ConsoleSession::queueLoaded, &loaded,
                     [&] { QTimer::singleShot(20, &loaded, [&] { queueStall = probe.take(); }); });
    QObject::connect(&session, &ui::ConsoleSession::failed, &loaded, [&](const core::DatabaseError &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        loaded.exit(2);
    });
    QElapsedTimer opening;
    opening.start();
    session.open(path);
    QTimer::singleShot(120'000, &loaded, &QEventLoop::quit);
    if (loaded.exec() != 0 || !slaArrived) {
        std::fprintf(stderr, "the SLA snapshot did not arrive\n");
        return 2;
    }
    const qint64 openedMs = opening.elapsed();
    report("open: until the queue snapshot is shown", queueStall);
    report("open: until the SLA snapshot is applied", probe.take());
    // Sorted by the resolution SLA, so every delta also moves rows in the sorted proxy.
    window.queueView()->table()->sortByColumn(models::QueueColumn::ResolutionSla, Qt::AscendingOrder);
    runFor(500);
    probe.take();
    runFor(parser.value(secondsOption).toInt() * 1000);
    const auto ticking = probe.take();
    std::printf("  %d incidents in the queue; SLA snapshot after %lld ms\n", session.queueModel()->rowCount(),
                qlonglong(openedMs));
    report("engine ticking, countdowns repainting", ticking);
    std::printf("  target: longest stall while the engine runs < 16 ms\n");
    return 0;
}
