#include "uitestsupport.h"

#include <core/demo/demogenerator.h>
#include <core/engine/slaconfiguration.h>
#include <core/storage/database.h>
#include <core/storage/eventstore.h>
#include <core/storage/referencerepository.h>
#include <core/storage/slarepository.h>
#include <models/incidentqueuemodel.h>
#include <ui/actioncontroller.h>
#include <ui/incidentactions.h>

#include <QDir>
#include <QSettings>
#include <QTest>

void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace nocturne::ui::test {

DemoDatabase::DemoDatabase(int incidents, quint64 seed, bool withSla)
    : m_path(m_dir.filePath(QStringLiteral("nocturne.db")))
{
    const core::SystemClock clock;
    core::Database db;
    core::DatabaseOptions options;
    options.mode = core::DatabaseOptions::Mode::CreateIfMissing;
    if (auto error = db.open(m_path, options)) {
        m_error = error.message;
        return;
    }
    core::EventStore store(db, clock);
    if (auto error = store.initialise()) {
        m_error = error.message;
        return;
    }
    core::ReferenceRepository reference(db.connection(), m_path);
    core::demo::DemoGenerator generator(store, reference, clock);
    core::demo::DemoOptions demo;
    demo.incidents = incidents;
    demo.days = 14;
    demo.seed = seed;
    demo.stalledShare = 0.2;
    if (const auto result = generator.generate(demo); result.error) {
        m_error = result.error.message;
        return;
    }
    const QStringList titles { QStringLiteral("Sorter S2 jam at induction, throughput down"),
                               QStringLiteral("Conveyor C4 stopped: motor overload"),
                               QStringLiteral("Handheld scanners cannot sync at DC Rotterdam"),
                               QStringLiteral("Label printer offline on packing line 3"),
                               QStringLiteral("Dock door D2 stuck open"),
                               QStringLiteral("WMS slow: pick confirmation takes over 10 s") };
    for (const QString &title : titles) {
        core::IncidentCommand open;
        open.action = core::IncidentAction::Open;
        open.actor = QStringLiteral("alertmanager");
        open.payload = { { QStringLiteral("title"), title },
                         { QStringLiteral("service"), QStringLiteral("Material Handling") },
                         { QStringLiteral("site"), QStringLiteral("DC Rotterdam") },
                         { QStringLiteral("impact"), 1 },
                         { QStringLiteral("urgency"), 2 },
                         { QStringLiteral("channel"), QStringLiteral("monitoring") } };
        const core::CommandResult opened = store.execute(open);
        if (!opened.ok()) {
            m_error = opened.error;
            return;
        }
        m_freshIds << opened.incident.id;
    }
    if (withSla) {
        core::SlaRepository sla(db.connection());
        const auto saved = sla.saveConfiguration(core::defaultSlaConfiguration(), QStringLiteral("admin"), clock.nowMs());
        if (saved.error)
            m_error = saved.error.message;
    }
}

core::CommandResult DemoDatabase::executeExternally(const core::IncidentCommand &command) const
{
    const core::SystemClock clock;
    core::Database db;
    if (auto error = db.open(m_path))
        return core::CommandResult::failure(core::CommandResult::Status::StorageError, error.message);
    core::EventStore store(db, clock);
    if (auto error = store.initialise())
        return core::CommandResult::failure(core::CommandResult::Status::StorageError, error.message);
    return store.execute(command);
}

QList<core::StoredEvent> DemoDatabase::events(const QString &incidentId) const
{
    core::Database db;
    if (db.open(m_path))
        return {};
    return core::IncidentRepository(db.connection(), m_path).events(incidentId);
}

std::optional<core::Incident> DemoDatabase::incident(const QString &idOrNumber) const
{
    core::Database db;
    if (db.open(m_path))
        return std::nullopt;
    return core::IncidentRepository(db.connection(), m_path).find(idOrNumber);
}

ConsoleFixture::ConsoleFixture(const QString &path)
    : session(std::make_unique<ConsoleSession>(clock, QString::fromLatin1(TestUser)))
    , window(std::make_unique<MainWindow>(*session))
{
    session->open(path);
    window->show();
}

ConsoleFixture::~ConsoleFixture()
{
    // The window refers to the session's models: it goes first.
    window.reset();
    session.reset();
}

bool ConsoleFixture::waitUntilLoaded(int timeoutMs)
{
    return waitFor([this] { return session->isLoaded() && session->queueModel()->rowCount() > 0; }, timeoutMs);
}

QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("NOCTURNE_SCREENSHOT_DIR", QStringLiteral(NOCTURNE_SCREENSHOT_DIR));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

void LoadedConsoleTest::SetUp()
{
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    resetSettings();
    console = std::make_unique<ConsoleFixture>(database.path());
    ASSERT_TRUE(console->waitUntilLoaded());
}

NewIncidentDialog *openNewIncidentDialog(ConsoleFixture &console)
{
    if (!waitFor([&] { return !console.session->reference().services.isEmpty(); }))
        return nullptr;
    console.window->actions()->action(IncidentActions::NewIncident)->trigger();
    return qobject_cast<NewIncidentDialog *>(console.window->actionController()->pendingDialog());
}

void resetSettings()
{
    QSettings().clear();
}

} // namespace nocturne::ui::test
