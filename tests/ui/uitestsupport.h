#pragma once

#include <core/domain/clock.h>
#include <core/domain/command.h>
#include <core/storage/incidentrepository.h>
#include <ui/consolesession.h>
#include <ui/mainwindow.h>
#include <ui/newincidentdialog.h>

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>

void PrintTo(const QString &text, std::ostream *os);

namespace nocturne::ui::test {

constexpr auto TestUser = "night.operator";

// A real demo database in a temporary directory: the demo generator's history with a
// fixed seed, plus a few fresh, unacknowledged incidents the tests can act on; with
// `withSla`, the default SLA configuration too (so the SLA engine has clocks to run,
// and automatic escalations to record).
class DemoDatabase final
{
public:
    explicit DemoDatabase(int incidents = 300, quint64 seed = 42, bool withSla = false);

    const QString &path() const { return m_path; }
    const QString &freshIncidentId() const { return m_freshIds.first(); }
    // Unacknowledged incidents opened after the demo history; the first is freshIncidentId().
    const QStringList &freshIncidentIds() const { return m_freshIds; }
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    // Another writer on its own connection, as nocturnectl in a terminal would be.
    core::CommandResult executeExternally(const core::IncidentCommand &command) const;
    // Reads the file on a connection of its own.
    QList<core::StoredEvent> events(const QString &incidentId) const;
    std::optional<core::Incident> incident(const QString &idOrNumber) const;

private:
    QTemporaryDir m_dir;
    QString m_path;
    QStringList m_freshIds;
    QString m_error;
};

// The window on a database, as main() wires it, with the queue loaded.
class ConsoleFixture final
{
public:
    explicit ConsoleFixture(const QString &path);
    ~ConsoleFixture();

    // Waits (processing events) until the first snapshot is in the model.
    bool waitUntilLoaded(int timeoutMs = 10'000);

    core::SystemClock clock;
    std::unique_ptr<ConsoleSession> session;
    std::unique_ptr<MainWindow> window;
};

// A fixture: the console on a fresh demo database, with a clean layout, loaded.
class LoadedConsoleTest : public ::testing::Test
{
protected:
    void SetUp() override;

    DemoDatabase database;
    std::unique_ptr<ConsoleFixture> console;
};

// Opens the New-incident dialog through the window's action once the reference data
// it offers has arrived; nullptr when it did not open.
NewIncidentDialog *openNewIncidentDialog(ConsoleFixture &console);

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000);
void resetSettings();
// Where a test saves a screenshot of what it rendered: build/screenshots, or the folder
// in NOCTURNE_SCREENSHOT_DIR; made when missing.
QString screenshotPath(const QString &name);

} // namespace nocturne::ui::test
