// The German catalogue as the console loads it. lupdate files a string under the context
// it parsed; when that differs from the one the code asks with at run time (a namespace
// it lost, a file it was never given) the string silently stays English, so these look
// strings up through the real code paths. Every string of the catalogue is translated.
#include "uitestsupport.h"

#include <core/domain/clock.h>
#include <core/domain/eventsummary.h>
#include <core/domain/incident.h>
#include <core/domain/lifecycle.h>
#include <core/engine/kpitargets.h>
#include <ui/connectionsettingsdialog.h>
#include <ui/credentialstore.h>
#include <ui/syncstatusindicator.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace nocturne;

namespace {

class GermanTranslation : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_translator.load(QStringLiteral(NOCTURNE_TRANSLATIONS_DIR "/nocturne_de.qm")))
            << NOCTURNE_TRANSLATIONS_DIR "/nocturne_de.qm";
        ASSERT_TRUE(QCoreApplication::installTranslator(&m_translator));
        // Qt's own strings (standard buttons), as main() loads them; the installer brings them.
        if (m_qt.load(QLocale(QLocale::German), QStringLiteral("qt"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    void TearDown() override
    {
        QCoreApplication::removeTranslator(&m_qt);
        QCoreApplication::removeTranslator(&m_translator);
    }

    QTranslator m_translator;
    QTranslator m_qt;
};

TEST_F(GermanTranslation, ReachesTheTimelineTheModelsAndTheConnectionUi)
{
    core::Event acknowledged;
    acknowledged.kind = core::EventKind::Acknowledged;
    EXPECT_EQ(core::eventSummary(acknowledged), QStringLiteral("Angenommen"));
    core::Event escalated;
    escalated.kind = core::EventKind::Escalated;
    escalated.payload = { { QStringLiteral("target"), QStringLiteral("DC Ops") },
                          { QStringLiteral("level"), 2 },
                          { QStringLiteral("reason"), QStringLiteral("P1 unacknowledged") } };
    EXPECT_EQ(core::eventSummary(escalated), QStringLiteral("Eskaliert an DC Ops (Stufe 2): P1 unacknowledged"));

    // The context lupdate once lost (an enum with a fixed type before the class).
    EXPECT_EQ(QCoreApplication::translate("nocturne::models::KpiChartModel", "Open incidents"),
              QStringLiteral("Offene Incidents"));

    ui::MemoryCredentialStore credentials;
    ui::ConnectionSettingsDialog dialog(credentials);
    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Mit Server verbinden"));
    dialog.show();
    EXPECT_TRUE(dialog.grab().save(ui::test::screenshotPath(QStringLiteral("connection-settings-de.png"))));

    const core::SystemClock clock;
    ui::SyncStatusIndicator indicator(clock);
    core::SyncStatus status;
    status.state = core::SyncStatus::State::Unauthorized;
    indicator.setStatus(status);
    EXPECT_EQ(indicator.text(), QCoreApplication::translate("nocturne::ui::SyncStatusIndicator", "Server refused the token"));
    EXPECT_NE(indicator.text(), QStringLiteral("Server refused the token"));
}

// Core texts the console shows: refusals of an action, configuration errors.
TEST_F(GermanTranslation, ReachesTheCoreTextsTheConsoleShows)
{
    core::Incident closed;
    closed.id = QStringLiteral("0190a5b2-0000-7000-8000-000000000007");
    closed.number = QStringLiteral("INC-7");
    closed.openedAt = 1;
    closed.state = core::IncidentState::Closed;
    EXPECT_EQ(core::refusalReason(closed, core::IncidentAction::Resolve),
              QStringLiteral("„lösen“ ist für INC-7 nicht möglich: Der Incident hat den Status „Geschlossen“"));

    core::KpiTargets targets;
    QString error;
    EXPECT_FALSE(core::KpiTargets::fromJson(QJsonObject { { QStringLiteral("bogus"), 1 } }, &targets, &error));
    EXPECT_EQ(error, QStringLiteral("unbekannter Schlüssel „bogus“"));
}

TEST_F(GermanTranslation, EveryStringOfTheCatalogueIsTranslated)
{
    QFile ts(QStringLiteral(NOCTURNE_SOURCE_DIR "/translations/nocturne_de.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly)) << ts.fileName().toStdString();
    const QByteArray text = ts.readAll();
    EXPECT_EQ(text.count("type=\"unfinished\""), 0)
        << "run `cmake --build build --target nocturne_lupdate` and translate the new strings";
    EXPECT_GT(text.count("<message"), 500);
}

} // namespace
