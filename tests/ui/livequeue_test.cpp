#include "uitestsupport.h"

#include <models/incidentqueuemodel.h>
#include <models/queuefilterproxy.h>
#include <models/timelinemodel.h>
#include <ui/detailpane.h>
#include <ui/queueview.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

class LiveQueueTest : public LoadedConsoleTest
{
protected:

    const core::QueueEntry *entryOf(const QString &id) const
    {
        const int row = console->session->queueModel()->rowOfIncident(id);
        return row < 0 ? nullptr : &console->session->queueModel()->entry(row);
    }

    QString anotherNewIncident(const QString &except) const
    {
        auto *model = console->session->queueModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const core::QueueEntry &e = model->entry(row);
            if (e.state == core::IncidentState::New && e.id != except)
                return e.id;
        }
        return {};
    }

};

core::IncidentCommand command(core::IncidentAction action, const QString &incident, QJsonObject payload = {})
{
    core::IncidentCommand c;
    c.action = action;
    c.incident = incident;
    c.actor = QStringLiteral("terminal.user");
    c.payload = std::move(payload);
    return c;
}

} // namespace

TEST_F(LiveQueueTest, AnotherProcessesWriteShowsWithinTwoSecondsKeepingTheSelection)
{
    const QString selected = database.freshIncidentId();
    const QString other = anotherNewIncident(selected);
    ASSERT_FALSE(other.isEmpty());
    QueueView *view = console->window->queueView();
    ASSERT_TRUE(view->selectIncident(selected));
    // Scroll away from the top, so keeping the scroll position means something.
    view->table()->verticalScrollBar()->setValue(std::min(40, view->table()->verticalScrollBar()->maximum()));
    const int scrollBefore = view->table()->verticalScrollBar()->value();
    const QString topBefore = console->session->queueProxy()->incidentIdAt(scrollBefore);

    QElapsedTimer elapsed;
    elapsed.start();
    const core::CommandResult result = database.executeExternally(command(core::IncidentAction::Acknowledge, other));
    ASSERT_TRUE(result.ok()) << result.error.toStdString();

    ASSERT_TRUE(waitFor([&] {
        const core::QueueEntry *e = entryOf(other);
        return e && e->state == core::IncidentState::InProgress;
    }, 2000)) << "the change did not reach the open console within 2 s";
    EXPECT_LT(elapsed.elapsed(), 2000);

    EXPECT_EQ(view->currentIncidentId(), selected);
    const auto selection = view->selectedEntries();
    ASSERT_EQ(selection.size(), 1);
    EXPECT_EQ(selection.first().id, selected);
    const int top = view->table()->verticalScrollBar()->value();
    EXPECT_EQ(console->session->queueProxy()->incidentIdAt(top), topBefore);
}

TEST_F(LiveQueueTest, TheSelectedIncidentsDetailFollowsAnExternalChange)
{
    const QString selected = database.freshIncidentId();
    ASSERT_TRUE(console->window->queueView()->selectIncident(selected));
    DetailPane *detail = console->window->detailPane();
    ASSERT_TRUE(waitFor([&] { return detail->incident().id == selected; }));

    const auto result = database.executeExternally(
        command(core::IncidentAction::Comment, selected, { { QStringLiteral("text"), QStringLiteral("Vendor on site") } }));
    ASSERT_TRUE(result.ok()) << result.error.toStdString();

    auto *timeline = console->session->timelineModel();
    ASSERT_TRUE(waitFor([&] { return timeline->rowCount() == 2; }, 2000));
    EXPECT_EQ(timeline->event(1).kind, core::EventKind::Commented);
    EXPECT_EQ(timeline->event(1).actor, QStringLiteral("terminal.user"));
    EXPECT_EQ(console->window->queueView()->currentIncidentId(), selected);
}

TEST_F(LiveQueueTest, AnIncidentOpenedElsewhereJoinsTheQueue)
{
    const int before = console->session->queueModel()->rowCount();
    core::IncidentCommand open = command(core::IncidentAction::Open, {},
                                         { { QStringLiteral("title"), QStringLiteral("Payment gateway timeouts") },
                                           { QStringLiteral("impact"), 2 },
                                           { QStringLiteral("urgency"), 1 } });
    const auto result = database.executeExternally(open);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    ASSERT_TRUE(waitFor([&] { return entryOf(result.incident.id) != nullptr; }, 2000));
    EXPECT_EQ(console->session->queueModel()->rowCount(), before + 1);
    EXPECT_EQ(entryOf(result.incident.id)->priority, 2);
}

TEST_F(LiveQueueTest, NocturnectlInATerminalShowsInTheOpenConsoleWithinTwoSeconds)
{
    const QString selected = database.freshIncidentId();
    const QString other = anotherNewIncident(selected);
    ASSERT_FALSE(other.isEmpty());
    ASSERT_TRUE(console->window->queueView()->selectIncident(selected));
    const QString number = entryOf(other)->number;

    // The real command-line tool, as an operator would run it in a terminal.
    QProcess ctl;
    ctl.start(QStringLiteral(NOCTURNECTL_PATH),
              { QStringLiteral("--db"), database.path(), QStringLiteral("--actor"), QStringLiteral("terminal.user"),
                QStringLiteral("ack"), number });
    ASSERT_TRUE(waitFor([&] { return ctl.state() == QProcess::NotRunning; }, 10000));
    ASSERT_EQ(ctl.exitCode(), 0) << ctl.readAllStandardError().toStdString();
    QElapsedTimer sinceWrite;
    sinceWrite.start();

    ASSERT_TRUE(waitFor([&] {
        const core::QueueEntry *e = entryOf(other);
        return e && e->state == core::IncidentState::InProgress && e->acknowledgedAt > 0;
    }, 2000)) << "nocturnectl's acknowledgement did not reach the open console within 2 s";
    EXPECT_LT(sinceWrite.elapsed(), 2000);
    EXPECT_EQ(console->window->queueView()->currentIncidentId(), selected);
}
