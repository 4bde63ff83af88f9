// queue_bench: the live queue's hot paths with 100k open incidents in memory —
// one text-filter keystroke, a sort by priority then age, one incoming change to the
// sorted and filtered queue — and the resident memory of the loaded queue. Prints
// medians; targets from issue 2 are printed next to them, not asserted.
#include "queue_entryfactory.h"
#include "benchtiming.h"

#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>
#include <models/savedqueuesmodel.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace nocturne;

using nocturne::bench::medianMs;
using nocturne::bench::timeMs;

namespace {

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

void report(const char *what, double value, const char *unit, const char *target)
{
    std::printf("%-52s %10.3f %-3s (target %s)\n", what, value, unit, target);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks the incident queue models."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Open incidents (default 100000)."),
                                        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions (default 7)."),
                                        QStringLiteral("n"), QStringLiteral("7"));
    parser.addOptions({ rowsOption, runsOption });
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    const double rssBefore = residentMb();
    models::IncidentQueueModel model;
    model.setNow(now);
    models::SavedQueuesModel saved(&model);
    models::QueueFilterProxy proxy;
    double resetMs = 0;
    double attachMs = 0;
    {
        const core::QueueEntriesPtr snapshot = bench::makeQueueEntries(rows, now);
        resetMs = timeMs([&] { model.resetEntries(snapshot); });
        attachMs = timeMs([&] { proxy.setSourceModel(&model); }); // filters, sorts by priority then age
    } // the reader's snapshot is released once the model holds the rows
    const double rssLoaded = residentMb();
    std::printf("nocturne queue_bench: %d open incidents, %d runs\n", rows, runs);
    report("first snapshot: model reset (incl. sidebar counts)", resetMs, "ms", "-");
    report("first snapshot: filter + sort in the proxy", attachMs, "ms", "-");

    QList<double> sorts;
    for (int i = 0; i < runs; ++i) {
        proxy.sort(models::QueueColumn::Number, Qt::DescendingOrder);
        sorts << timeMs([&] { proxy.sort(models::QueueColumn::Priority, Qt::AscendingOrder); });
    }
    report("sort by priority then age", medianMs(sorts), "ms", "< 100 ms");

    // An operator typing "sorter 1" and deleting it again: narrowing and widening.
    const QString typed = QStringLiteral("sorter 1");
    QList<double> keystrokes;
    for (int i = 0; i < runs; ++i) {
        for (qsizetype n = 1; n <= typed.size(); ++n)
            keystrokes << timeMs([&] { proxy.setText(typed.left(n)); });
        for (qsizetype n = typed.size() - 1; n >= 0; --n)
            keystrokes << timeMs([&] { proxy.setText(typed.left(n)); });
    }
    report("text-filter keystroke (median of narrowing+widening)", medianMs(keystrokes), "ms", "< 50 ms");

    // One incoming change to the open queue, sorted by priority and filtered.
    proxy.setText(QStringLiteral("a"));
    proxy.setQueue(models::SavedQueue::AllOpen);
    QList<double> changes;
    for (int i = 0; i < runs * 40; ++i) {
        const int row = int((quint32(i) * 2654435761u) % quint32(model.rowCount()));
        const auto change = std::make_shared<core::QueueEntries>(
            core::QueueEntries { bench::changedEntry(model.entry(row), quint32(i), now + i) });
        changes << timeMs([&] { model.applyChanges(change); });
    }
    report("apply one incoming change (sorted + filtered)", medianMs(changes), "ms", "< 5 ms");
    std::sort(changes.begin(), changes.end());
    std::printf("  change: min %.4f ms, median %.4f ms, max %.4f ms\n", changes.first(), medianMs(changes), changes.last());
    // Sanity: a change must really reach the sorted view, not just the model.
    core::QueueEntry raised = model.entry(7);
    raised.priority = 1;
    raised.openedAt = 1;
    model.applyChanges(std::make_shared<core::QueueEntries>(core::QueueEntries { raised }));
    if (proxy.rowOfIncident(raised.id) != 0)
        std::printf("  WARNING: the changed incident is not at the top of the sorted queue\n");
    report("resident memory with the queue loaded (VmRSS)", rssLoaded, "MB", "< 300 MB");
    report("  of which the queue (VmRSS after - before)", rssLoaded - rssBefore, "MB", "-");
    std::printf("shown %d of %d; P1-P2 %d, unassigned %d\n", proxy.rowCount(), model.rowCount(),
                saved.count(models::SavedQueue::HighPriority), saved.count(models::SavedQueue::Unassigned));
    return 0;
}
