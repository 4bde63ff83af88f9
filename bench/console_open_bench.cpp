// console_open_bench: how long an operator waits from starting the console until the
// queue is on screen — from constructing the window to the first paint of the queue
// table after the reader's snapshot arrived. Runs offscreen. With --db it reuses (or
// first creates) a database, so a 1M-incident file is generated only once.
#include "benchdatabase.h"

#include <core/domain/clock.h>
#include <models/incidentqueuemodel.h>
#include <models/queuefilterproxy.h>
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

using namespace nocturne;

namespace {

// Records the first paint of the table's viewport once the queue holds the snapshot.
class FirstPaintProbe final : public QObject
{
public:
    FirstPaintProbe(ui::ConsoleSession &session, QElapsedTimer &clock, QEventLoop &loop)
        : m_session(session), m_clock(clock), m_loop(loop) { }

    double snapshotMs = -1;
    double paintedMs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paintedMs < 0 && m_session.isLoaded()
            && m_session.queueProxy()->rowCount() > 0) {
            // Stamp after this paint has been handled and flushed.
            QTimer::singleShot(0, &m_loop, [this] {
                paintedMs = double(m_clock.nsecsElapsed()) / 1e6;
                m_loop.quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    ui::ConsoleSession &m_session;
    QElapsedTimer &m_clock;
    QEventLoop &m_loop;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nocturne"));
    QCoreApplication::setApplicationName(QStringLiteral("nocturne-bench"));
    QStandardPaths::setTestModeEnabled(true); // never read or write an operator's layout
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures opening the console until the queue is painted."));
    parser.addHelpOption();
    const bench::DatabaseOptions database(QStringLiteral("0.1"));
    database.addTo(parser);
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions (default 3)."),
                                        QStringLiteral("n"), QStringLiteral("3"));
    parser.addOption(runsOption);
    parser.process(app);

    QTemporaryDir temporary;
    const QString path = database.resolve(parser, temporary);
    if (path.isEmpty())
        return 2;

    QList<double> painted;
    QList<double> snapshots;
    int rows = 0;
    for (int run = 0; run < std::max(1, parser.value(runsOption).toInt()); ++run) {
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        const core::SystemClock systemClock;
        ui::ConsoleSession session(systemClock, QStringLiteral("bench"));
        ui::MainWindow window(session);
        FirstPaintProbe probe(session, clock, loop);
        window.queueView()->table()->viewport()->installEventFilter(&probe);
        QObject::connect(&session, &ui::ConsoleSession::queueLoaded, &probe,
                         [&] { probe.snapshotMs = double(clock.nsecsElapsed()) / 1e6; });
        QObject::connect(&session, &ui::ConsoleSession::failed, &loop, [&](const core::DatabaseError &error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            loop.exit(2);
        });
        session.open(path);
        window.show();
        if (loop.exec() != 0)
            return 2;
        rows = session.queueModel()->rowCount();
        snapshots << probe.snapshotMs;
        painted << probe.paintedMs;
        std::printf("run %d: snapshot in model %.0f ms, queue painted %.0f ms\n", run + 1, probe.snapshotMs,
                    probe.paintedMs);
    }
    std::sort(painted.begin(), painted.end());
    std::sort(snapshots.begin(), snapshots.end());
    std::printf("%s: %d incidents in the queue\n", qPrintable(path), rows);
    std::printf("open until the queue is painted: median %.0f ms (snapshot %.0f ms); target < 1500 ms\n",
                painted.at(painted.size() / 2), snapshots.at(snapshots.size() / 2));
    return 0;
}
