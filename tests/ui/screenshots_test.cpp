#include "uitestsupport.h"

#include <models/incidentqueuemodel.h>
#include <models/queuefilterproxy.h>
#include <models/slacountdown.h>
#include <models/timelinemodel.h>
#include <ui/actioncontroller.h>
#include <ui/detailpane.h>
#include <ui/escalationbanner.h>
#include <ui/newincidentdialog.h>
#include <ui/queueview.h>
#include <ui/slapanel.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QTest>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

// The incident with the richest history in the queue makes the most telling picture.
QString incidentWithLongestStory(const DemoDatabase &database, const models::IncidentQueueModel &model)
{
    QString best;
    qsizetype most = 0;
    for (int row = 0; row < model.rowCount() && row < 120; ++row) {
        const core::QueueEntry &e = model.entry(row);
        if (!core::isOpen(e.state))
            continue;
        const qsizetype n = database.events(e.id).size();
        if (n > most) {
            most = n;
            best = e.id;
        }
    }
    return best;
}

} // namespace

TEST(ScreenshotTest, MainWindowWithAnIncidentSelected)
{
    resetSettings();
    DemoDatabase database;
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    ConsoleFixture console(database.path());
    ASSERT_TRUE(console.waitUntilLoaded());
    console.window->resize(1600, 900);
    const QString id = incidentWithLongestStory(database, *console.session->queueModel());
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(console.window->queueView()->selectIncident(id));
    ASSERT_TRUE(waitFor([&] { return console.window->detailPane()->incident().id == id; }));
    ASSERT_GT(console.session->timelineModel()->rowCount(), 2);
    QTest::qWait(50); // let the views lay out their new rows

    const QPixmap shot = console.window->grab();
    EXPECT_EQ(shot.size(), QSize(1600, 900));
    EXPECT_TRUE(shot.save(screenshotPath(QStringLiteral("main-window.png"))));
}

TEST(ScreenshotTest, NewIncidentDialogShowsTheComputedPriority)
{
    resetSettings();
    DemoDatabase database(40);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    ConsoleFixture console(database.path());
    ASSERT_TRUE(console.waitUntilLoaded());
    auto *dialog = openNewIncidentDialog(console);
    ASSERT_NE(dialog, nullptr);
    dialog->findChild<QLineEdit *>(QStringLiteral("title"))->setText(QStringLiteral("Payment gateway: Adyen declines spiking at checkout"));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("description"))
        ->setPlainText(QStringLiteral("Decline rate 18 % since 21:40 on web and app; card-present unaffected."));
    auto *service = dialog->findChild<QComboBox *>(QStringLiteral("service"));
    service->setCurrentIndex(service->findData(QStringLiteral("Payment Gateway")));
    for (const char *name : { "impact", "urgency" }) {
        auto *box = dialog->findChild<QComboBox *>(QString::fromLatin1(name));
        box->setCurrentIndex(box->findData(name[0] == 'i' ? 1 : 2));
    }
    ASSERT_EQ(dialog->computedPriority(), 2);
    EXPECT_TRUE(dialog->findChild<QWidget *>(QStringLiteral("validationMessage"))->isHidden());
    dialog->adjustSize();
    QTest::qWait(20);
    EXPECT_TRUE(dialog->grab().save(screenshotPath(QStringLiteral("new-incident-dialog.png"))));
}

TEST(ScreenshotTest, NewIncidentDialogSaysWhatIsMissing)
{
    resetSettings();
    DemoDatabase database(40);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    ConsoleFixture console(database.path());
    ASSERT_TRUE(console.waitUntilLoaded());
    auto *dialog = openNewIncidentDialog(console);
    ASSERT_NE(dialog, nullptr);
    auto *impact = dialog->findChild<QComboBox *>(QStringLiteral("impact"));
    impact->setCurrentIndex(impact->findData(1));
    EXPECT_FALSE(dialog->findChild<QWidget *>(QStringLiteral("validationMessage"))->isHidden());
    dialog->adjustSize();
    QTest::qWait(20);
    EXPECT_TRUE(dialog->grab().save(screenshotPath(QStringLiteral("new-incident-dialog-validation.png"))));
}

namespace {

// Breach alerts for the incidents whose resolution clock is overdue, worst first, as
// the engine raises them when a clock crosses its deadline.
core::SlaAlerts breachAlerts(const models::IncidentQueueModel &model, qint64 now, int count)
{
    core::SlaAlerts alerts;
    for (int row = 0; row < model.rowCount() && alerts.size() < count; ++row) {
        const core::IncidentSla *sla = model.sla(row);
        if (!sla || !sla->hasResolution || !core::isOpen(model.entry(row).state)
            || models::slaLevelAt(sla->resolution, now) != models::SlaLevel::Breached)
            continue;
        core::SlaAlert alert;
        alert.kind = core::SlaAlert::Kind::Breach;
        alert.incidentId = sla->incidentId;
        alert.number = model.entry(row).number;
        alert.priority = model.entry(row).priority;
        alert.percent = 100;
        alert.at = now;
        alerts << alert;
    }
    return alerts;
}

} // namespace

TEST(ScreenshotTest, MainWindowWithSlaClocksAndAnEscalation)
{
    resetSettings();
    DemoDatabase database(300, 42, true);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    ConsoleFixture console(database.path());
    ASSERT_TRUE(console.waitUntilLoaded());
    ASSERT_TRUE(waitFor([&] { return console.session->hasSla(); }, 10'000));
    console.window->resize(1600, 900);
    const auto *model = console.session->queueModel();
    const core::SlaAlerts alerts = breachAlerts(*model, console.clock.nowMs(), 4);
    ASSERT_FALSE(alerts.isEmpty());
    console.window->escalationBanner()->addAlerts(alerts);
    // An urgent incident near the top of the queue, whose clocks still run: the picture
    // then shows the P1s, their countdowns and a detail pane with a live SLA section.
    const auto *proxy = console.session->queueProxy();
    QString id;
    qsizetype most = -1;
    for (int row = 0; row < proxy->rowCount() && row < 20; ++row) {
        const core::IncidentSla *sla = model->slaOfIncident(proxy->incidentIdAt(row));
        if (!sla || !sla->hasResolution || !sla->resolution.counting)
            continue;
        const qsizetype n = database.events(sla->incidentId).size();
        if (n > most) {
            most = n;
            id = sla->incidentId;
        }
    }
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(console.window->queueView()->selectIncident(id));
    SlaPanel *panel = console.window->detailPane()->slaPanel();
    ASSERT_TRUE(waitFor([&] { return panel->incidentId() == id && !panel->isLoading(); }, 5000));
    QTest::qWait(50);

    EXPECT_TRUE(console.window->grab().save(screenshotPath(QStringLiteral("main-window-sla.png"))));
    EXPECT_TRUE(console.window->detailPane()->grab().save(screenshotPath(QStringLiteral("detail-pane-sla.png"))));
}
