#include "uitestsupport.h"

#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>
#include <models/timelinemodel.h>
#include <ui/detailpane.h>
#include <ui/queueview.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { database = std::make_unique<DemoDatabase>(); }
    static void TearDownTestSuite() { database.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(database->ok()) << database->error().toStdString();
        resetSettings();
        console = std::make_unique<ConsoleFixture>(database->path());
        ASSERT_TRUE(console->waitUntilLoaded());
    }

    void TearDown() override { console.reset(); }

    QAction *action(IncidentActions::Id id) const { return console->window->actions()->action(id); }
    models::IncidentQueueModel *model() const { return console->session->queueModel(); }

    // New incidents in the queue other than the shared fresh one, so tests do not collide.
    QStringList newIncidents(int count) const
    {
        QStringList ids;
        for (int row = 0; row < model()->rowCount() && ids.size() < count; ++row) {
            const core::QueueEntry &e = model()->entry(row);
            if (e.state == core::IncidentState::New && e.id != database->freshIncidentId())
                ids << e.id;
        }
        return ids;
    }

    static std::unique_ptr<DemoDatabase> database;
    std::unique_ptr<ConsoleFixture> console;
};

std::unique_ptr<DemoDatabase> MainWindowTest::database;

bool hasEvent(const QList<core::StoredEvent> &events, core::EventKind kind, const QString &actor)
{
    return std::any_of(events.begin(), events.end(), [&](const core::StoredEvent &s) {
        return s.event.kind == kind && s.event.actor == actor;
    });
}

} // namespace

TEST_F(MainWindowTest, TitleSaysWhatTheToolIs)
{
    EXPECT_EQ(console->window->windowTitle(), QStringLiteral("Nocturne — incident operations console"));
}

TEST_F(MainWindowTest, AcknowledgeActionRecordsTheEventInTheDatabase)
{
    const QString id = database->freshIncidentId();
    ASSERT_TRUE(console->window->queueView()->selectIncident(id));
    ASSERT_TRUE(waitFor([&] { return console->window->detailPane()->incident().id == id; }));
    ASSERT_TRUE(action(IncidentActions::Acknowledge)->isEnabled());

    QSignalSpy finished(console->session.get(), &ConsoleSession::commandsFinished);
    action(IncidentActions::Acknowledge)->trigger();
    ASSERT_TRUE(finished.wait(5000));
    const auto results = finished.at(0).at(1).value<QList<core::CommandResult>>();
    ASSERT_EQ(results.size(), 1);
    EXPECT_TRUE(results.first().ok()) << results.first().error.toStdString();

    // The file itself, read on a connection of its own.
    EXPECT_TRUE(hasEvent(database->events(id), core::EventKind::Acknowledged, QString::fromLatin1(TestUser)));
    const auto stored = database->incident(id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->state, core::IncidentState::InProgress);
    EXPECT_GT(stored->acknowledgedAt, 0);

    // The window shows it: the queue row, the detail pane and the timeline.
    const int row = model()->rowOfIncident(id);
    EXPECT_EQ(model()->entry(row).state, core::IncidentState::InProgress);
    ASSERT_TRUE(waitFor([&] { return console->window->detailPane()->incident().state == core::IncidentState::InProgress; }));
    auto *timeline = console->session->timelineModel();
    ASSERT_TRUE(waitFor([&] { return timeline->rowCount() == 2; }));
    EXPECT_EQ(timeline->event(1).kind, core::EventKind::Acknowledged);
    EXPECT_EQ(timeline->event(1).actor, QString::fromLatin1(TestUser));
    // Acknowledged now, the action no longer applies to the selection.
    EXPECT_FALSE(action(IncidentActions::Acknowledge)->isEnabled());
}

TEST_F(MainWindowTest, BulkAcknowledgeActsOnEverySelectedIncident)
{
    const QStringList ids = newIncidents(3);
    ASSERT_EQ(ids.size(), 3) << "the demo database needs three new incidents";
    QTableView *table = console->window->queueView()->table();
    auto *proxy = console->session->queueProxy();
    table->clearSelection();
    for (const QString &id : ids) {
        const QModelIndex index = proxy->index(proxy->rowOfIncident(id), 0);
        ASSERT_TRUE(index.isValid());
        table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    ASSERT_EQ(console->window->queueView()->selectedEntries().size(), 3);

    QSignalSpy finished(console->session.get(), &ConsoleSession::commandsFinished);
    action(IncidentActions::Acknowledge)->trigger();
    ASSERT_TRUE(finished.wait(5000));
    const auto results = finished.at(0).at(1).value<QList<core::CommandResult>>();
    ASSERT_EQ(results.size(), 3);
    for (const QString &id : ids) {
        EXPECT_TRUE(hasEvent(database->events(id), core::EventKind::Acknowledged, QString::fromLatin1(TestUser)));
        EXPECT_EQ(model()->entry(model()->rowOfIncident(id)).state, core::IncidentState::InProgress);
    }
}

TEST_F(MainWindowTest, AssignToMeMovesTheIncidentIntoMyQueue)
{
    const QStringList ids = newIncidents(1);
    ASSERT_EQ(ids.size(), 1);
    ASSERT_TRUE(console->window->queueView()->selectIncident(ids.first()));
    QSignalSpy finished(console->session.get(), &ConsoleSession::commandsFinished);
    action(IncidentActions::AssignToMe)->trigger();
    ASSERT_TRUE(finished.wait(5000));

    const auto stored = database->incident(ids.first());
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->assignee, QString::fromLatin1(TestUser));
    console->session->queueProxy()->setQueue(models::SavedQueue::AssignedToMe);
    EXPECT_GE(console->session->queueProxy()->rowOfIncident(ids.first()), 0);
}

TEST_F(MainWindowTest, TypingInTheFilterNarrowsTheQueue)
{
    auto *proxy = console->session->queueProxy();
    const int all = proxy->rowCount();
    const auto stored = database->incident(database->freshIncidentId());
    ASSERT_TRUE(stored.has_value());
    QTest::keyClicks(console->window->queueView()->filterEdit(), stored->number.toLower());
    ASSERT_EQ(proxy->rowCount(), 1);
    EXPECT_EQ(proxy->entryAt(0).id, database->freshIncidentId());
    console->window->queueView()->filterEdit()->clear();
    EXPECT_EQ(proxy->rowCount(), all);
}

TEST_F(MainWindowTest, EveryActionHasAShortcutShownInItsTooltip)
{
    for (int id = 0; id < IncidentActions::IdCount; ++id) {
        QAction *a = action(IncidentActions::Id(id));
        ASSERT_NE(a, nullptr);
        ASSERT_FALSE(a->shortcut().isEmpty()) << a->text().toStdString();
        EXPECT_TRUE(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText))) << a->toolTip().toStdString();
    }
}

TEST_F(MainWindowTest, ShortcutTriggersTheActionForTheSelection)
{
    const QStringList ids = newIncidents(1);
    ASSERT_EQ(ids.size(), 1);
    ASSERT_TRUE(console->window->queueView()->selectIncident(ids.first()));
    console->window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(console->window.get()));
    console->window->queueView()->table()->setFocus();
    QSignalSpy finished(console->session.get(), &ConsoleSession::commandsFinished);
    QTest::keyClick(console->window->queueView()->table(), Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_TRUE(hasEvent(database->events(ids.first()), core::EventKind::Acknowledged, QString::fromLatin1(TestUser)));
}

TEST_F(MainWindowTest, DetailPaneShowsFieldsAndTimelineOfTheSelection)
{
    const QString id = database->freshIncidentId();
    ASSERT_TRUE(console->window->queueView()->selectIncident(id));
    ASSERT_TRUE(waitFor([&] { return console->window->detailPane()->incident().id == id; }));
    auto *heading = console->window->detailPane()->findChild<QLabel *>(QStringLiteral("detailHeading"));
    ASSERT_NE(heading, nullptr);
    EXPECT_TRUE(heading->text().contains(QStringLiteral("Sorter S2 jam")));
    auto *site = console->window->detailPane()->findChild<QLabel *>(QStringLiteral("site"));
    ASSERT_NE(site, nullptr);
    EXPECT_EQ(site->text(), QStringLiteral("DC Rotterdam"));
    auto *timeline = console->session->timelineModel();
    ASSERT_GE(timeline->rowCount(), 1);
    EXPECT_EQ(timeline->event(0).kind, core::EventKind::Opened);
    EXPECT_EQ(timeline->index(0, models::TimelineColumn::Actor).data().toString(), QStringLiteral("alertmanager"));
}

TEST_F(MainWindowTest, SidebarCountsMatchTheQueue)
{
    auto *proxy = console->session->queueProxy();
    int open = 0;
    for (int row = 0; row < model()->rowCount(); ++row)
        open += core::isOpen(model()->entry(row).state) ? 1 : 0;
    EXPECT_EQ(proxy->rowCount(), open);
    auto *status = console->window->findChild<QLabel *>(QStringLiteral("statusCounts"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QLocale().toString(open))) << status->text().toStdString();
}
