// The banner, the tray, the settings and the alert center, without a database.
#include "uitestsupport.h"

#include <core/domain/clock.h>
#include <models/incidentqueuemodel.h>
#include <ui/alertcenter.h>
#include <ui/alertsoundplayer.h>
#include <ui/consolesession.h>
#include <ui/consolesettings.h>
#include <ui/escalationbanner.h>
#include <ui/settingsdialog.h>
#include <ui/trayindicator.h>

#include <QCheckBox>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeEdit>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;
using Kind = core::SlaAlert::Kind;

namespace {

core::SlaAlert alert(Kind kind, int priority, const QString &incident, core::SlaKind clock = core::SlaKind::Resolution)
{
    core::SlaAlert a;
    a.kind = kind;
    a.priority = priority;
    a.percent = kind == Kind::Breach ? 100 : 75;
    a.clock = clock;
    a.incidentId = incident;
    a.number = QStringLiteral("INC-") + incident;
    return a;
}

core::QueueEntry incident(const QString &id, int priority, bool acknowledged)
{
    core::QueueEntry e;
    e.id = id;
    e.number = QStringLiteral("INC-") + id;
    e.title = QStringLiteral("Incident ") + id;
    e.priority = priority;
    e.state = acknowledged ? core::IncidentState::InProgress : core::IncidentState::New;
    e.openedAt = 1'705'311'000'000;
    e.acknowledgedAt = acknowledged ? e.openedAt + 60'000 : 0;
    e.updatedAt = e.openedAt;
    return e;
}

core::QueueEntriesPtr entries(const QList<core::QueueEntry> &list)
{
    return std::make_shared<core::QueueEntries>(list);
}

} // namespace

TEST(EscalationBanner, ShowsTheWorstAlertWithACountOfTheRest)
{
    EscalationBanner banner;
    EXPECT_TRUE(banner.isHidden());
    banner.addAlerts({ alert(Kind::Threshold, 3, QStringLiteral("a")) }); // not banner-worthy
    EXPECT_TRUE(banner.isHidden());

    banner.addAlerts({ alert(Kind::Threshold, 2, QStringLiteral("b")), alert(Kind::Breach, 1, QStringLiteral("c")),
                       alert(Kind::Escalation, 3, QStringLiteral("d")), alert(Kind::Breach, 4, QStringLiteral("e")) });
    EXPECT_FALSE(banner.isHidden());
    EXPECT_EQ(banner.pendingCount(), 4);
    EXPECT_EQ(banner.text(), QStringLiteral("INC-c breached its resolution target (P1)"));
    EXPECT_EQ(banner.findChild<QLabel *>(QStringLiteral("escalationBannerText"))->toolTip(), banner.text());
    EXPECT_EQ(banner.findChild<QLabel *>(QStringLiteral("escalationBannerMore"))->text(), QStringLiteral("+3 more"));

    // A newer alert for an incident replaces its older one.
    banner.addAlerts({ alert(Kind::Breach, 2, QStringLiteral("b")) });
    EXPECT_EQ(banner.pendingCount(), 4);

    banner.findChild<QToolButton *>(QStringLiteral("escalationBannerDismiss"))->click();
    EXPECT_EQ(banner.text(), QStringLiteral("INC-b breached its resolution target (P2)"));
    EXPECT_EQ(banner.moreText(), QStringLiteral("+2 more"));

    QSignalSpy show(&banner, &EscalationBanner::showIncidentRequested);
    banner.findChild<QPushButton *>(QStringLiteral("escalationBannerShow"))->click();
    ASSERT_EQ(show.count(), 1);
    EXPECT_EQ(show.at(0).at(0).toString(), QStringLiteral("b"));
    EXPECT_EQ(banner.pendingCount(), 2);

    banner.findChild<QToolButton *>(QStringLiteral("escalationBannerDismissAll"))->click();
    EXPECT_TRUE(banner.isHidden());
}

TEST(TrayIndicator, CountsUnacknowledgedUrgentIncidentsAndPaintsTheCount)
{
    models::IncidentQueueModel queue;
    queue.resetEntries(entries({ incident(QStringLiteral("a"), 1, false), incident(QStringLiteral("b"), 2, false),
                                 incident(QStringLiteral("c"), 2, true), incident(QStringLiteral("d"), 3, false) }));
    TrayIndicator tray(&queue);
    EXPECT_EQ(tray.unacknowledgedUrgent(), 2);
    EXPECT_EQ(tray.toolTip(), QStringLiteral("Nocturne — 2 unacknowledged P1–P2 incident(s)"));

    QSignalSpy counted(&tray, &TrayIndicator::countChanged);
    core::QueueEntry acknowledged = incident(QStringLiteral("a"), 1, true);
    acknowledged.eventCount = 2;
    queue.applyChanges(entries({ acknowledged }));
    ASSERT_TRUE(waitFor([&] { return counted.count() > 0; }, 2000));
    EXPECT_EQ(tray.unacknowledgedUrgent(), 1);

    const QImage none = TrayIndicator::paintIcon(0).pixmap(32, 32).toImage();
    const QImage one = TrayIndicator::paintIcon(1).pixmap(32, 32).toImage();
    const QImage two = TrayIndicator::paintIcon(2).pixmap(32, 32).toImage();
    EXPECT_FALSE(none.isNull());
    EXPECT_NE(none, one);
    EXPECT_NE(one, two); // the digit is painted
}

TEST(AlertSoundPlayer, EveryPriorityHasABuiltInSound)
{
    for (int priority = 1; priority <= 5; ++priority) {
        const QString url = AlertSoundPlayer::soundUrl(priority);
        QFile file(QStringLiteral(":") + url.mid(4));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << url.toStdString();
        EXPECT_TRUE(file.read(4) == "RIFF");
        EXPECT_LT(file.size(), 16 * 1024) << "alert sounds stay tiny";
    }
    EXPECT_NE(AlertSoundPlayer::soundUrl(1), AlertSoundPlayer::soundUrl(2));
    EXPECT_EQ(AlertSoundPlayer::soundUrl(3), AlertSoundPlayer::soundUrl(5));
}

TEST(SettingsDialog, SavesTheSoundSwitchAndTheQuietHours)
{
    resetSettings();
    EXPECT_TRUE(ConsoleSettings().alertSoundEnabled());
    EXPECT_FALSE(ConsoleSettings().quietHours().enabled);
    SettingsDialog dialog;
    dialog.findChild<QCheckBox *>(QStringLiteral("alertSound"))->setChecked(false);
    dialog.findChild<QGroupBox *>(QStringLiteral("quietHours"))->setChecked(true);
    dialog.findChild<QTimeEdit *>(QStringLiteral("quietHoursStart"))->setTime(QTime(23, 30));
    dialog.findChild<QTimeEdit *>(QStringLiteral("quietHoursEnd"))->setTime(QTime(6, 15));
    dialog.accept();

    const ConsoleSettings settings;
    EXPECT_FALSE(settings.alertSoundEnabled());
    EXPECT_EQ(settings.quietHours(), (QuietHours { true, QTime(23, 30), QTime(6, 15) }));
    SettingsDialog again;
    EXPECT_EQ(again.quietHours(), settings.quietHours());
    EXPECT_FALSE(again.soundEnabled());
    resetSettings();
}

namespace {

class AlertCenterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        resetSettings();
        // 03:00 local time, inside the quiet hours set below.
        clock.setNowMs(QDateTime(QDate(2024, 1, 15), QTime(3, 0), Qt::LocalTime).toMSecsSinceEpoch());
        session.queueModel()->resetEntries(entries({ incident(QStringLiteral("p1"), 1, false),
                                                     incident(QStringLiteral("p2"), 2, false),
                                                     incident(QStringLiteral("p4"), 4, false) }));
    }
    void TearDown() override { resetSettings(); }

    core::FakeClock clock;
    ConsoleSession session { clock, QStringLiteral("night.operator") };
    EscalationBanner banner;
    AlertCenter center { session, &banner };
};

} // namespace

TEST_F(AlertCenterTest, AnAlertReachesTheBannerTheNotificationsAndTheSound)
{
    center.handleAlerts({ alert(Kind::Breach, 1, QStringLiteral("p1")) });
    EXPECT_EQ(banner.pendingCount(), 1);
    EXPECT_EQ(center.notificationCount(), 1);
    EXPECT_EQ(center.player()->playedCount(), 1);
    EXPECT_TRUE(center.sounder().isRepeating(1));

    // Acknowledging the incident stops the repeat.
    core::QueueEntry acknowledged = incident(QStringLiteral("p1"), 1, true);
    acknowledged.eventCount = 2;
    session.queueModel()->applyChanges(entries({ acknowledged }));
    Q_EMIT session.queueChanged();
    EXPECT_FALSE(center.sounder().isRepeating(1));
}

TEST_F(AlertCenterTest, QuietHoursSilenceMinorThresholdsButNeverAPriorityOne)
{
    ConsoleSettings().setQuietHours({ true, QTime(22, 0), QTime(7, 0) });
    center.reloadSettings();

    center.handleAlerts({ alert(Kind::Threshold, 4, QStringLiteral("p4")) });
    EXPECT_EQ(center.notificationCount(), 0);
    EXPECT_EQ(center.player()->playedCount(), 0);

    center.handleAlerts({ alert(Kind::Threshold, 1, QStringLiteral("p1")) });
    EXPECT_EQ(center.notificationCount(), 1);
    EXPECT_EQ(center.player()->playedCount(), 1);
    center.handleAlerts({ alert(Kind::Breach, 4, QStringLiteral("p4")) });
    EXPECT_EQ(center.notificationCount(), 2);
    EXPECT_EQ(banner.pendingCount(), 2); // the P1 threshold and the P4 breach
}

TEST_F(AlertCenterTest, AnAlertAboutTheDistantPastOnlyReachesTheBanner)
{
    // The engine catching up on escalations due while the console was closed.
    core::SlaAlert old = alert(Kind::Escalation, 1, QStringLiteral("p1"));
    old.at = clock.nowMs() - 3 * 60 * 60 * 1000;
    center.handleAlerts({ old });
    EXPECT_EQ(banner.pendingCount(), 1);
    EXPECT_EQ(center.notificationCount(), 0);
    EXPECT_EQ(center.player()->playedCount(), 0);
    old.at = clock.nowMs() - 60'000; // a minute ago is now enough
    center.handleAlerts({ old });
    EXPECT_EQ(center.notificationCount(), 1);
}

TEST_F(AlertCenterTest, TheSoundSwitchMutesButStillNotifies)
{
    ConsoleSettings().setAlertSoundEnabled(false);
    center.reloadSettings();
    center.handleAlerts({ alert(Kind::Breach, 2, QStringLiteral("p2")) });
    EXPECT_EQ(center.player()->playedCount(), 0);
    EXPECT_FALSE(center.sounder().isRepeating(2));
    EXPECT_EQ(center.notificationCount(), 1);
}
