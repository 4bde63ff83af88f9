// The SLA engine in the real console: a demo database with the default SLA
// configuration, the engine on its own thread, the columns and the detail pane.
#include "uitestsupport.h"

#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/savedqueuesmodel.h>
#include <models/queuefilterproxy.h>
#include <ui/detailpane.h>
#include <ui/escalationbanner.h>
#include <ui/mainwindow.h>
#include <ui/queuesidebar.h>
#include <ui/queueview.h>
#include <ui/slapanel.h>

#include <QDateTime>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

class SlaConsoleTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(database.ok()) << database.error().toStdString();
        resetSettings();
        console = std::make_unique<ConsoleFixture>(database.path());
        ASSERT_TRUE(console->waitUntilLoaded());
        ASSERT_TRUE(waitFor([&] { return console->session->hasSla(); }, 10'000)) << "no SLA snapshot";
    }

    QString cell(const QString &incidentId, int column) const
    {
        auto *model = console->session->queueModel();
        return model->index(model->rowOfIncident(incidentId), column).data().toString();
    }

    DemoDatabase database { 120, 42, true };
    std::unique_ptr<ConsoleFixture> console;
};

} // namespace

TEST_F(SlaConsoleTest, TheSlaColumnsFillFromTheEngine)
{
    auto *model = console->session->queueModel();
    int withClock = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        withClock += model->index(row, models::QueueColumn::ResolutionSla).data().toString().isEmpty() ? 0 : 1;
    EXPECT_GT(withClock, model->rowCount() / 2);

    // A fresh, unacknowledged incident: both clocks count down.
    const QString fresh = database.freshIncidentId();
    const QString response = cell(fresh, models::QueueColumn::ResponseSla);
    EXPECT_TRUE(response.endsWith(QStringLiteral(" left"))) << response.toStdString();
    EXPECT_TRUE(cell(fresh, models::QueueColumn::ResolutionSla).endsWith(QStringLiteral(" left")));
    // The demo history leaves stalled incidents behind: some are due or overdue.
    EXPECT_GT(console->session->savedQueuesModel()->count(models::SavedQueue::BreachingSoon), 0);
}

TEST_F(SlaConsoleTest, AnAcknowledgementByAnotherProgramMeetsTheResponseClock)
{
    const QString fresh = database.freshIncidentId();
    core::IncidentCommand acknowledge;
    acknowledge.action = core::IncidentAction::Acknowledge;
    acknowledge.incident = fresh;
    acknowledge.actor = QStringLiteral("terminal.user");
    ASSERT_TRUE(database.executeExternally(acknowledge).ok());
    EXPECT_TRUE(waitFor([&] { return cell(fresh, models::QueueColumn::ResponseSla) == QStringLiteral("Met"); }, 5000))
        << cell(fresh, models::QueueColumn::ResponseSla).toStdString();
}

TEST_F(SlaConsoleTest, TheDetailPaneListsTheClocksOfTheSelectedIncident)
{
    const QString fresh = database.freshIncidentId();
    ASSERT_TRUE(console->window->queueView()->selectIncident(fresh));
    SlaPanel *panel = console->window->detailPane()->slaPanel();
    ASSERT_TRUE(waitFor([&] { return panel->incidentId() == fresh && !panel->isLoading(); }, 5000));
    const QString text = panel->plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Policy: "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Response"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Resolution"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Running"))) << text.toStdString();
}

TEST_F(SlaConsoleTest, TheBannersShowButFindsTheIncidentWhereverTheOperatorIs)
{
    const QString fresh = database.freshIncidentId();
    console->window->sidebar()->setCurrentQueue(models::SavedQueue::OnHold); // hides it
    ASSERT_LT(console->session->queueProxy()->rowOfIncident(fresh), 0);
    core::SlaAlert alert;
    alert.kind = core::SlaAlert::Kind::Breach;
    alert.incidentId = fresh;
    alert.number = console->session->queueModel()->entry(console->session->queueModel()->rowOfIncident(fresh)).number;
    alert.priority = 2;
    alert.clock = core::SlaKind::Response;
    // The live engine may already have raised alerts for the demo's stalled incidents
    // (which ones depends on the time of day): start from an empty banner. Nothing can
    // arrive in between, since the engine's alerts come through the event loop.
    console->window->escalationBanner()->dismissAll();
    console->window->escalationBanner()->addAlerts({ alert });
    ASSERT_TRUE(console->window->escalationBanner()->isVisible());

    console->window->escalationBanner()->findChild<QPushButton *>(QStringLiteral("escalationBannerShow"))->click();
    EXPECT_EQ(console->window->queueView()->currentIncidentId(), fresh);
    EXPECT_EQ(console->window->sidebar()->currentQueue(), models::SavedQueue::AllOpen);
}

// A P1 nobody acknowledged, opened 15 minutes ago: the default "unacknowledged-critical"
// escalation (10 minutes) is due as soon as an engine runs, whatever the time of day the demo
// history happens to end at.
void openUnacknowledgedCritical(const DemoDatabase &database)
{
    core::IncidentCommand open;
    open.action = core::IncidentAction::Open;
    open.payload = { { QStringLiteral("title"), QStringLiteral("Payment gateway down") },
                     { QStringLiteral("impact"), 1 },
                     { QStringLiteral("urgency"), 1 } };
    open.actor = QStringLiteral("ana");
    open.occurredAt = QDateTime::currentMSecsSinceEpoch() - 15 * 60 * 1000;
    const core::CommandResult opened = database.executeExternally(open);
    ASSERT_TRUE(opened.ok()) << opened.error.toStdString();
}

TEST(SlaConsoleActions, TheEnginesEscalationsAreRecordedAsTheSystemAndNotReportedToTheOperator)
{
    resetSettings();
    DemoDatabase database(120, 42, true);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    openUnacknowledgedCritical(database);
    ConsoleFixture console(database.path());
    QSignalSpy finished(console.session.get(), &ConsoleSession::commandsFinished);
    ASSERT_TRUE(console.waitUntilLoaded());
    ASSERT_TRUE(waitFor([&] { return console.session->hasSla(); }, 10'000));

    // An engine action is an event by `system` whose payload names the rule that fired.
    const auto engineEvents = [&] {
        int n = 0;
        auto *model = console.session->queueModel();
        for (int row = 0; row < model->rowCount() && n == 0; ++row) {
            if (model->entry(row).priority > 2)
                continue;
            for (const core::StoredEvent &e : database.events(model->entry(row).id)) {
                n += e.event.actor == QStringLiteral("system") && e.event.payload.contains(QStringLiteral("rule"))
                    ? 1
                    : 0;
            }
        }
        return n;
    };
    ASSERT_TRUE(waitFor([&] { return engineEvents() > 0; }, 5000)) << "the engine recorded no action";
    // The writer's answer follows its commit: give it time to arrive before asserting.
    QTest::qWait(500);
    EXPECT_EQ(finished.count(), 0) << "the engine's actions reached the operator's reports";
}

TEST(SlaConsoleActions, TwoConsolesOnOneDatabaseRecordEachEscalationOnce)
{
    resetSettings();
    DemoDatabase database(120, 42, true);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    openUnacknowledgedCritical(database);
    // Both engines find the same actions due at the same moment; the store refuses the
    // second copy of each as already recorded and that console's engine lets it go.
    ConsoleFixture first(database.path());
    ConsoleFixture second(database.path());
    ASSERT_TRUE(first.waitUntilLoaded());
    ASSERT_TRUE(second.waitUntilLoaded());
    ASSERT_TRUE(waitFor([&] { return first.session->hasSla() && second.session->hasSla(); }, 10'000));
    QTest::qWait(1500); // a few engine ticks and polls on both sides

    auto *model = first.session->queueModel();
    int actions = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        QHash<QString, int> rules;
        for (const core::StoredEvent &e : database.events(model->entry(row).id)) {
            const QString rule = e.event.payload.value(QStringLiteral("rule")).toString();
            if (!rule.isEmpty())
                ++rules[rule];
        }
        for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
            ++actions;
            EXPECT_EQ(it.value(), 1) << model->entry(row).number.toStdString() << " " << it.key().toStdString();
        }
    }
    EXPECT_GT(actions, 0);
}
