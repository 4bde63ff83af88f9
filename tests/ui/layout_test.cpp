#include "uitestsupport.h"

#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>
#include <ui/queuesidebar.h>
#include <ui/queueview.h>

#include <QHeaderView>
#include <QSplitter>
#include <QTableView>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

TEST(LayoutTest, ColumnsSplitterAndQueueSurviveARestart)
{
    resetSettings();
    DemoDatabase database(60);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    namespace Col = models::QueueColumn;
    QList<int> splitterSizes;
    {
        ConsoleFixture console(database.path());
        ASSERT_TRUE(console.waitUntilLoaded());
        QHeaderView *header = console.window->queueView()->table()->horizontalHeader();
        header->setSectionHidden(Col::Site, true);
        header->setSectionHidden(Col::Updated, false);
        header->moveSection(header->visualIndex(Col::Assignee), 0);
        header->resizeSection(Col::Title, 411);
        header->setSortIndicator(Col::Opened, Qt::DescendingOrder);
        auto *splitter = console.window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        splitter->setSizes({ 240, 900, 460 });
        splitterSizes = splitter->sizes();
        console.window->sidebar()->setCurrentQueue(models::SavedQueue::OnHold);
        console.window->close();
    }
    ConsoleFixture console(database.path());
    ASSERT_TRUE(console.waitUntilLoaded());
    QHeaderView *header = console.window->queueView()->table()->horizontalHeader();
    EXPECT_TRUE(header->isSectionHidden(Col::Site));
    EXPECT_FALSE(header->isSectionHidden(Col::Updated));
    EXPECT_EQ(header->visualIndex(Col::Assignee), 0);
    EXPECT_EQ(header->sectionSize(Col::Title), 411);
    EXPECT_EQ(header->sortIndicatorSection(), Col::Opened);
    EXPECT_EQ(console.session->queueProxy()->sortColumn(), Col::Opened);
    EXPECT_EQ(console.session->queueProxy()->sortOrder(), Qt::DescendingOrder);
    EXPECT_EQ(console.window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), splitterSizes);
    EXPECT_EQ(console.window->sidebar()->currentQueue(), models::SavedQueue::OnHold);
    EXPECT_EQ(console.session->queueProxy()->queue(), models::SavedQueue::OnHold);
}
