// The console's side of connected mode, on real widgets offscreen: the sync indicator in
// the status bar, the conflicts model and view, the connection settings (the token goes
// to the credential store, never to the settings file) and the start without a keychain.

#include "uitestsupport.h"

#include <core/domain/clock.h>
#include <models/conflictsmodel.h>
#include <models/incidentqueuemodel.h>
#include <models/queuecolumns.h>
#include <ui/conflictsview.h>
#include <ui/connectioncontroller.h>
#include <ui/connectionsettingsdialog.h>
#include <ui/consolesettings.h>
#include <ui/consolestatusbar.h>
#include <ui/credentialstore.h>
#include <ui/syncstatusindicator.h>

#include <support/serverprocess.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFont>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <ctime>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;
using State = core::SyncStatus::State;

namespace {

// The operator's time zone for one test: India (UTC+05:30, no daylight saving), so that
// a local time can never be mistaken for UTC.
class LocalTimeZone final
{
public:
    explicit LocalTimeZone(const QByteArray &tz)
        : m_old(qgetenv("TZ"))
        , m_had(qEnvironmentVariableIsSet("TZ"))
    {
        qputenv("TZ", tz);
        tzset();
    }
    ~LocalTimeZone()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }
    LocalTimeZone(const LocalTimeZone &) = delete;
    LocalTimeZone &operator=(const LocalTimeZone &) = delete;

private:
    QByteArray m_old;
    bool m_had;
};

qint64 utcMs(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

// Answers as QtKeychain does on a desktop without a Secret Service or KWallet.
class UnavailableKeychain final : public CredentialStore
{
public:
    void readToken(const QString &, QObject *context, Callback done) override { fail(context, std::move(done)); }
    void writeToken(const QString &, const QString &, QObject *context, Callback done) override
    {
        fail(context, std::move(done));
    }
    void deleteToken(const QString &, QObject *context, Callback done) override { fail(context, std::move(done)); }
    bool isPersistent() const override { return true; }

    static QString reason() { return QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files"); }

private:
    static void fail(QObject *context, Callback done)
    {
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                CredentialResult result;
                result.errorKind = CredentialResult::ErrorKind::NoKeychain;
                result.message = reason();
                done(result);
            },
            Qt::QueuedConnection);
    }
};

// The window as main() builds it, with the credential store replaced before it starts
// connecting.
struct ConnectedConsole
{
    ConnectedConsole(const QString &path, std::unique_ptr<CredentialStore> store,
                     const QString &user = QString::fromLatin1(TestUser), bool userGivenExplicitly = false)
        : session(std::make_unique<ConsoleSession>(clock, user))
    {
        session->setUserGivenExplicitly(userGivenExplicitly);
        session->setCredentialStore(std::move(store));
        window = std::make_unique<MainWindow>(*session);
        session->open(path);
        window->show();
    }
    ~ConnectedConsole()
    {
        window.reset();
        session.reset();
    }
    ConnectedConsole(const ConnectedConsole &) = delete;
    ConnectedConsole &operator=(const ConnectedConsole &) = delete;

    core::SystemClock clock;
    std::unique_ptr<ConsoleSession> session;
    std::unique_ptr<MainWindow> window;
};

core::SyncConflict conflict(const QString &eventId, const QString &number, const QString &kind, const QString &reason)
{
    core::SyncConflict c;
    c.eventId = eventId;
    c.incidentId = QStringLiteral("inc-") + eventId;
    c.incidentNumber = number;
    c.kind = kind;
    c.actor = QStringLiteral("night.operator");
    c.occurredAtMs = utcMs(2026, 11, 27, 22, 5);
    c.httpStatus = 200;
    c.code = QStringLiteral("forbidden");
    c.reason = reason;
    c.recordedAtMs = utcMs(2026, 11, 27, 23, 0);
    return c;
}

QList<core::SyncConflict> threeConflicts()
{
    return { conflict(QStringLiteral("e1"), QStringLiteral("INC0001042"), QStringLiteral("resolved"),
                      QStringLiteral("auditor may not write events")),
             conflict(QStringLiteral("e2"), QStringLiteral("P-7F3A-0002"), QStringLiteral("assigned"),
                      QStringLiteral("actor bob is not the caller night.operator")),
             conflict(QStringLiteral("e3"), QStringLiteral("INC0001077"), QStringLiteral("commented"),
                      QStringLiteral("incident is not known to the server")) };
}

QString allSettingsText()
{
    // Every file the settings could have gone to, not only the one QSettings names.
    QString text;
    const QString file = QSettings().fileName();
    QDirIterator it(QFileInfo(file).absolutePath(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(f.readAll());
    }
    return text;
}

// nocturnectl on a file of its own, as an administrator or another site would run it.
int runCtl(const QStringList &arguments, QByteArray *output, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(tests::binaryPath(QStringLiteral("nocturnectl")), arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    *output = process.readAllStandardOutput() + process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool queueHasTitle(const models::IncidentQueueModel &model, const QString &title, QString *number = nullptr)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.entry(row).title == title) {
            if (number)
                *number = model.entry(row).number;
            return true;
        }
    }
    return false;
}

} // namespace

TEST(SyncStatusIndicatorTest, SaysStandaloneOnlineSyncingAndRefusedToken)
{
    const core::SystemClock clock;
    SyncStatusIndicator indicator(clock);
    EXPECT_EQ(indicator.text(), QStringLiteral("Standalone"));

    core::SyncStatus status;
    status.state = State::Online;
    indicator.setStatus(status);
    EXPECT_EQ(indicator.text(), QStringLiteral("Online"));
    EXPECT_EQ(indicator.findChild<QLabel *>(QStringLiteral("syncStatusText"))->text(), QStringLiteral("Online"));
    EXPECT_EQ(indicator.dotColor(), QStringLiteral("#2e7d32"));

    status.state = State::Syncing;
    status.inFlight = 250;
    status.pending = 262;
    indicator.setStatus(status);
    EXPECT_EQ(indicator.text(), QStringLiteral("Syncing 250 · 262 waiting"));

    status = {};
    status.state = State::Unauthorized;
    status.lastError = QStringLiteral("401 unauthorized: unknown or revoked token");
    indicator.setStatus(status);
    EXPECT_EQ(indicator.text(), QStringLiteral("Server refused the token"));
    EXPECT_EQ(indicator.dotColor(), QStringLiteral("#c62828"));
    EXPECT_TRUE(indicator.toolTip().contains(QStringLiteral("unknown or revoked token")));
}

TEST(SyncStatusIndicatorTest, ShowsOfflineSinceInLocalTimeWithTheWaitingCount)
{
    const LocalTimeZone india("Asia/Kolkata");
    if (QDateTime::fromMSecsSinceEpoch(0, Qt::LocalTime).offsetFromUtc() != 5 * 3600 + 1800)
        GTEST_SKIP() << "the time zone database has no Asia/Kolkata";
    // Now is 23:00 in India; the outage began at 09:02 UTC, 14:32 there.
    core::FakeClock clock(utcMs(2026, 11, 27, 17, 30));
    SyncStatusIndicator indicator(clock);
    indicator.setServer(QStringLiteral("https://noc.example:8470"));
    core::SyncStatus status;
    status.state = State::Offline;
    status.offlineSinceMs = utcMs(2026, 11, 27, 9, 2);
    status.pending = 12;
    status.lastSyncedAtMs = utcMs(2026, 11, 27, 9, 1);
    status.lastError = QStringLiteral("Connection refused");
    status.nextAttemptMs = utcMs(2026, 11, 27, 17, 31);
    indicator.setStatus(status);

    EXPECT_EQ(indicator.text(), QStringLiteral("Offline since 14:32 · 12 waiting"));
    EXPECT_EQ(indicator.dotColor(), QStringLiteral("#ef6c00"));
    const QString tip = indicator.toolTip();
    EXPECT_TRUE(tip.contains(QStringLiteral("Server: https://noc.example:8470"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Last synced: 14:31"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Last error: Connection refused"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Next attempt: 23:01"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("12 local changes not yet on the server"))) << tip.toStdString();

    // An outage that began yesterday (local time) names the day.
    status.offlineSinceMs = utcMs(2026, 11, 26, 20, 0); // 01:30 on the 27th in India: today
    indicator.setStatus(status);
    EXPECT_EQ(indicator.text(), QStringLiteral("Offline since 01:30 · 12 waiting"));
    status.offlineSinceMs = utcMs(2026, 11, 26, 18, 0); // 23:30 on the 26th in India
    indicator.setStatus(status);
    EXPECT_EQ(indicator.text(), QStringLiteral("Offline since 2026-11-26 23:30 · 12 waiting"));
}

TEST(SyncStatusIndicatorTest, OffersAConflictsLinkOnlyWhileThereAreConflicts)
{
    const core::SystemClock clock;
    SyncStatusIndicator indicator(clock);
    indicator.show();
    auto *link = indicator.findChild<QLabel *>(QStringLiteral("syncConflictsLink"));
    ASSERT_NE(link, nullptr);
    core::SyncStatus status;
    status.state = State::Online;
    indicator.setStatus(status);
    EXPECT_FALSE(link->isVisible());
    EXPECT_TRUE(indicator.conflictsText().isEmpty());

    status.conflicts = 3;
    indicator.setStatus(status);
    EXPECT_TRUE(link->isVisible());
    EXPECT_EQ(indicator.conflictsText(), QStringLiteral("3 conflicts"));
    EXPECT_TRUE(link->text().contains(QStringLiteral("<a href")));
    QSignalSpy requested(&indicator, &SyncStatusIndicator::conflictsRequested);
    Q_EMIT link->linkActivated(QStringLiteral("conflicts"));
    EXPECT_EQ(requested.count(), 1);

    status.conflicts = 1;
    indicator.setStatus(status);
    EXPECT_EQ(indicator.conflictsText(), QStringLiteral("1 conflict"));
}

TEST(ConflictsModelTest, ListsConflictsAndAppliesNewListsAsRowChanges)
{
    models::ConflictsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConflicts(threeConflicts());
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_EQ(model.columnCount(), models::ConflictColumn::Count);
    const QModelIndex number = model.index(1, models::ConflictColumn::Incident);
    EXPECT_EQ(number.data().toString(), QStringLiteral("P-7F3A-0002"));
    EXPECT_EQ(model.index(0, models::ConflictColumn::Kind).data().toString(), QStringLiteral("Resolved"));
    EXPECT_EQ(model.index(0, models::ConflictColumn::Kind).data(models::ConflictRole::RawValue).toString(),
              QStringLiteral("resolved"));
    EXPECT_EQ(model.index(0, models::ConflictColumn::Occurred).data(models::ConflictRole::RawValue).toLongLong(),
              utcMs(2026, 11, 27, 22, 5));
    EXPECT_FALSE(model.index(0, models::ConflictColumn::Occurred).data().toString().isEmpty());
    EXPECT_EQ(model.index(2, models::ConflictColumn::Reason).data().toString(),
              QStringLiteral("incident is not known to the server"));
    EXPECT_EQ(model.index(2, 0).data(models::ConflictRole::IncidentId).toString(), QStringLiteral("inc-e3"));
    EXPECT_EQ(model.headerData(models::ConflictColumn::Reason, Qt::Horizontal).toString(), QStringLiteral("Reason"));

    // e1 dismissed, e2's reason changed on a retry, e4 new: rows move, nothing resets.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<core::SyncConflict> next = threeConflicts().mid(1);
    next[0].reason = QStringLiteral("still not allowed");
    next << conflict(QStringLiteral("e4"), QStringLiteral("INC0001080"), QStringLiteral("escalated"), QString());
    next.last().source = core::SyncConflict::Source::Flagged;
    model.setConflicts(next);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(changed.count(), 1);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.rowOf(QStringLiteral("e1")), -1);
    EXPECT_EQ(model.index(model.rowOf(QStringLiteral("e2")), models::ConflictColumn::Reason).data().toString(),
              QStringLiteral("still not allowed"));
    EXPECT_EQ(model.index(model.rowOf(QStringLiteral("e4")), models::ConflictColumn::Reason).data().toString(),
              QStringLiteral("Invalid after a merge"));
    model.setConflicts({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ConflictsViewTest, DismissAndRetryAskForTheSelectedEvents)
{
    models::ConflictsModel model;
    model.setConflicts(threeConflicts());
    ConflictsView view(&model);
    view.show();
    EXPECT_FALSE(view.dismissButton()->isEnabled());
    view.table()->selectRow(1);
    ASSERT_TRUE(view.dismissButton()->isEnabled());
    QSignalSpy dismissed(&view, &ConflictsView::dismissRequested);
    QSignalSpy retried(&view, &ConflictsView::retryRequested);
    QSignalSpy opened(&view, &ConflictsView::showIncidentRequested);
    view.retryButton()->click();
    view.dismissButton()->click();
    ASSERT_EQ(retried.count(), 1);
    ASSERT_EQ(dismissed.count(), 1);
    EXPECT_EQ(retried.at(0).at(0).toString(), QStringLiteral("e2"));
    EXPECT_EQ(dismissed.at(0).at(0).toString(), QStringLiteral("e2"));
    Q_EMIT view.table()->doubleClicked(model.index(2, models::ConflictColumn::Reason));
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).toString(), QStringLiteral("inc-e3"));

    view.resize(980, 300);
    QTest::qWait(50);
    EXPECT_TRUE(view.grab().save(screenshotPath(QStringLiteral("conflicts-view.png"))));
}

TEST(QueueModelTest, ProvisionalNumbersAreItalicWithATooltip)
{
    models::IncidentQueueModel model;
    auto entries = std::make_shared<core::QueueEntries>();
    core::QueueEntry provisional;
    provisional.id = QStringLiteral("a");
    provisional.number = QStringLiteral("P-7F3A-0001");
    provisional.title = QStringLiteral("Dock door D2 stuck open");
    provisional.state = core::IncidentState::InProgress;
    core::QueueEntry numbered = provisional;
    numbered.id = QStringLiteral("b");
    numbered.number = QStringLiteral("INC0001234");
    *entries << provisional << numbered;
    model.resetEntries(entries);
    const int rowP = model.index(0, 0).data(models::QueueRole::IncidentId) == QStringLiteral("a") ? 0 : 1;
    const QModelIndex p = model.index(rowP, models::QueueColumn::Number);
    const QModelIndex n = model.index(1 - rowP, models::QueueColumn::Number);
    EXPECT_TRUE(p.data(Qt::FontRole).value<QFont>().italic());
    EXPECT_TRUE(p.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Provisional number until the server assigns one")));
    EXPECT_FALSE(n.data(Qt::FontRole).value<QFont>().italic());
    EXPECT_FALSE(n.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Provisional")));
}

class ConnectionSettingsTest : public ::testing::Test
{
protected:
    void SetUp() override { resetSettings(); }
    MemoryCredentialStore store;
};

TEST_F(ConnectionSettingsTest, ValidatesTheUrlUserAndToken)
{
    ConnectionSettingsDialog dialog(store);
    dialog.show();
    EXPECT_FALSE(dialog.saveButton()->isEnabled());
    dialog.urlEdit()->setText(QStringLiteral("ftp://noc.example"));
    dialog.userEdit()->setText(QStringLiteral("night.operator"));
    dialog.tokenEdit()->setText(QStringLiteral("noc_secret"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("https://")));
    EXPECT_FALSE(dialog.saveButton()->isEnabled());
    EXPECT_EQ(dialog.statusLabel()->text(), dialog.validationError());

    dialog.urlEdit()->setText(QStringLiteral("https://"));
    EXPECT_FALSE(dialog.validationError().isEmpty());
    dialog.urlEdit()->setText(QStringLiteral("https://noc.example:8470"));
    EXPECT_TRUE(dialog.validationError().isEmpty()) << dialog.validationError().toStdString();
    EXPECT_TRUE(dialog.saveButton()->isEnabled());
    EXPECT_FALSE(dialog.warningLabel()->isVisible());

    dialog.userEdit()->setText(QString());
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("user")));
    dialog.userEdit()->setText(QStringLiteral("night.operator"));
    dialog.tokenEdit()->setText(QString());
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("token")));
    dialog.tokenEdit()->setText(QStringLiteral("noc_secret"));
    dialog.caEdit()->setText(QStringLiteral("/nonexistent/ca.pem"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("/nonexistent/ca.pem")));
    dialog.caEdit()->clear();

    // Plain http is allowed, with a warning unless the server is this machine.
    dialog.urlEdit()->setText(QStringLiteral("http://10.20.0.5:8470"));
    EXPECT_TRUE(dialog.validationError().isEmpty());
    EXPECT_TRUE(dialog.warningLabel()->isVisible());
    EXPECT_TRUE(dialog.warningLabel()->text().contains(QStringLiteral("unencrypted")));
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:8470"));
    EXPECT_FALSE(dialog.warningLabel()->isVisible());
    dialog.urlEdit()->setText(QStringLiteral("http://localhost:8470"));
    EXPECT_FALSE(dialog.sendsTokenUnencrypted());
}

TEST_F(ConnectionSettingsTest, SavingPutsTheTokenInTheCredentialStoreAndNotInTheSettings)
{
    const QString token = QStringLiteral("noc_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5");
    ConnectionSettingsDialog dialog(store);
    dialog.show();
    dialog.urlEdit()->setText(QStringLiteral("https://noc.example:8470"));
    dialog.userEdit()->setText(QStringLiteral("night.operator"));
    dialog.tokenEdit()->setText(token);
    QSignalSpy saved(&dialog, &ConnectionSettingsDialog::saved);
    dialog.saveButton()->click();
    ASSERT_TRUE(waitFor([&] { return saved.count() == 1; }));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(saved.at(0).at(1).toString().isEmpty()); // no keychain problem

    QString stored;
    store.readToken(QStringLiteral("noc.example/night.operator"), &dialog,
                    [&](const CredentialResult &result) { stored = result.token; });
    ASSERT_TRUE(waitFor([&] { return !stored.isEmpty(); }));
    EXPECT_EQ(stored, token);

    const ConsoleSettings settings;
    EXPECT_EQ(settings.serverUrl(), QUrl(QStringLiteral("https://noc.example:8470")));
    EXPECT_EQ(settings.serverUser(), QStringLiteral("night.operator"));
    QSettings().sync();
    const QString onDisk = allSettingsText();
    EXPECT_TRUE(onDisk.contains(QStringLiteral("noc.example"))) << onDisk.toStdString();
    EXPECT_FALSE(onDisk.contains(token));
    EXPECT_FALSE(onDisk.contains(QStringLiteral("Zm9vYmFy")));
    for (const QString &key : QSettings().allKeys())
        EXPECT_NE(QSettings().value(key).toString(), token) << key.toStdString();
}

TEST_F(ConnectionSettingsTest, WorkStandaloneForgetsTheServerAndItsToken)
{
    ConsoleSettings settings;
    settings.setServerUrl(QUrl(QStringLiteral("https://noc.example")));
    settings.setServerUser(QStringLiteral("night.operator"));
    bool written = false;
    QObject context;
    store.writeToken(QStringLiteral("noc.example/night.operator"), QStringLiteral("noc_x"), &context,
                     [&](const CredentialResult &) { written = true; });
    ASSERT_TRUE(waitFor([&] { return written; }));

    ConnectionSettingsDialog dialog(store);
    EXPECT_EQ(dialog.urlEdit()->text(), QStringLiteral("https://noc.example"));
    // The stored token is kept when the field stays empty.
    EXPECT_TRUE(dialog.validationError().isEmpty());
    QSignalSpy standalone(&dialog, &ConnectionSettingsDialog::standaloneChosen);
    dialog.standaloneButton()->click();
    EXPECT_EQ(standalone.count(), 1);
    EXPECT_TRUE(ConsoleSettings().serverUrl().isEmpty());
    EXPECT_TRUE(waitFor([&] { return !store.contains(QStringLiteral("noc.example/night.operator")); }));
}

TEST_F(ConnectionSettingsTest, TestConnectionSaysWhyTheServerCannotBeReached)
{
    ConnectionSettingsDialog dialog(store);
    dialog.show();
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:9")); // discard port: nothing listens
    dialog.userEdit()->setText(QStringLiteral("night.operator"));
    dialog.tokenEdit()->setText(QStringLiteral("noc_secret"));
    QSignalSpy tested(&dialog, &ConnectionSettingsDialog::connectionTested);
    dialog.testButton()->click();
    ASSERT_TRUE(waitFor([&] { return tested.count() == 1; }, 15'000));
    EXPECT_FALSE(tested.at(0).at(0).toBool());
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(QStringLiteral("Cannot reach the server")))
        << dialog.statusLabel()->text().toStdString();
    EXPECT_TRUE(dialog.testButton()->isEnabled());
}

TEST_F(ConnectionSettingsTest, Screenshot)
{
    ConnectionSettingsDialog dialog(store);
    dialog.show();
    dialog.urlEdit()->setText(QStringLiteral("http://10.20.0.5:8470"));
    dialog.userEdit()->setText(QStringLiteral("night.operator"));
    dialog.tokenEdit()->setText(QStringLiteral("noc_secret-token-value"));
    dialog.adjustSize();
    QTest::qWait(50);
    EXPECT_TRUE(dialog.grab().save(screenshotPath(QStringLiteral("connection-settings.png"))));
}

TEST(ConsoleConnectionTest, WithoutAKeychainAsksForTheTokenAndSaysWhy)
{
    resetSettings();
    DemoDatabase database(20);
    ASSERT_TRUE(database.ok()) << database.error().toStdString();
    ConsoleSettings settings;
    settings.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    settings.setServerUser(QString::fromLatin1(TestUser));
    ConnectedConsole console(database.path(), std::make_unique<UnavailableKeychain>());
    ConnectionController *connection = console.window->connection();
    ASSERT_TRUE(waitFor([&] { return connection->tokenPrompt() != nullptr; }));
    QInputDialog *prompt = connection->tokenPrompt();
    EXPECT_TRUE(prompt->isVisible());
    EXPECT_EQ(prompt->textEchoMode(), QLineEdit::Password);
    const QString label = prompt->labelText();
    EXPECT_TRUE(label.contains(QStringLiteral("No keychain is available: ") + UnavailableKeychain::reason()))
        << label.toStdString();
    EXPECT_TRUE(label.contains(QStringLiteral("The token will be kept for this session only."))) << label.toStdString();

    prompt->setTextValue(QStringLiteral("noc_session_only"));
    prompt->accept();
    EXPECT_TRUE(connection->isKeepingTokenForSessionOnly());
    EXPECT_FALSE(connection->credentials().isPersistent());
    EXPECT_EQ(console.session->syncTarget().serverUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
    EXPECT_TRUE(console.session->syncTarget().token.isEmpty());
    QString kept;
    connection->credentials().readToken(CredentialStore::accountFor(QStringLiteral("127.0.0.1"), QString::fromLatin1(TestUser)),
                                        connection, [&](const CredentialResult &r) { kept = r.token; });
    ASSERT_TRUE(waitFor([&] { return !kept.isEmpty(); }));
    EXPECT_EQ(kept, QStringLiteral("noc_session_only"));
    EXPECT_FALSE(allSettingsText().contains(QStringLiteral("noc_session_only")));

    // Nothing listens there: the worker goes offline and the status bar says since when,
    // in local time.
    SyncStatusIndicator *indicator = console.window->consoleStatusBar()->syncIndicator();
    ASSERT_TRUE(waitFor([&] { return indicator->status().state == State::Offline; }, 20'000))
        << indicator->text().toStdString();
    const QString since = QDateTime::fromMSecsSinceEpoch(indicator->status().offlineSinceMs, Qt::LocalTime)
                              .toString(QStringLiteral("HH:mm"));
    EXPECT_TRUE(indicator->text().startsWith(QStringLiteral("Offline since ") + since)) << indicator->text().toStdString();
    EXPECT_TRUE(indicator->toolTip().contains(QStringLiteral("Server: http://127.0.0.1:9"))) << indicator->toolTip().toStdString();
}

// Runs one command as the console's current user and returns the actor it was recorded with.
QString actorOfNextAction(ConsoleSession &session)
{
    QSignalSpy finished(&session, &ConsoleSession::commandsFinished);
    core::IncidentCommand open;
    open.action = core::IncidentAction::Open;
    open.payload = { { QStringLiteral("title"), QStringLiteral("Dock door 4 sensor stuck open") },
                     { QStringLiteral("impact"), 3 },
                     { QStringLiteral("urgency"), 3 } };
    const quint64 request = session.execute({ open });
    if (!waitFor([&] { return !finished.isEmpty(); }, 10'000))
        return QStringLiteral("(no answer)");
    const auto results = finished.first().at(1).value<QList<core::CommandResult>>();
    if (finished.first().at(0).toULongLong() != request || results.size() != 1 || !results.first().ok())
        return QStringLiteral("(failed)");
    return results.first().event.actor;
}

TEST(ConsoleConnectionTest, ActsAsTheUserItConnectsAsUnlessGivenOneWithUser)
{
    const QString serverUser = QStringLiteral("alice.ops");
    for (const bool explicitUser : { false, true }) {
        SCOPED_TRACE(explicitUser ? "--user given" : "default user");
        resetSettings();
        DemoDatabase database(20);
        ASSERT_TRUE(database.ok()) << database.error().toStdString();
        ConsoleSettings settings;
        settings.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        settings.setServerUser(serverUser);
        auto store = std::make_unique<MemoryCredentialStore>();
        QObject context;
        bool stored = false;
        store->writeToken(CredentialStore::accountFor(QStringLiteral("127.0.0.1"), serverUser),
                          QStringLiteral("noc_alice"), &context, [&](const CredentialResult &r) { stored = r.ok; });
        ASSERT_TRUE(waitFor([&] { return stored; }));

        ConnectedConsole console(database.path(), std::move(store), QStringLiteral("workstation.login"), explicitUser);
        ASSERT_TRUE(waitFor([&] { return console.session->syncTarget().serverUrl.isValid(); }, 10'000));
        const QString message = console.window->statusBar()->currentMessage();
        ASSERT_TRUE(waitFor([&] { return console.session->isLoaded(); }, 10'000));
        if (explicitUser) {
            EXPECT_EQ(console.session->currentUser(), QStringLiteral("workstation.login"));
            EXPECT_EQ(actorOfNextAction(*console.session), QStringLiteral("workstation.login"));
            EXPECT_TRUE(message.contains(QStringLiteral("Connected as alice.ops but acting as workstation.login")))
                << message.toStdString();
        } else {
            EXPECT_EQ(console.session->currentUser(), serverUser);
            EXPECT_EQ(actorOfNextAction(*console.session), serverUser);
            EXPECT_FALSE(message.contains(QStringLiteral("acting as"))) << message.toStdString();
        }
    }
}

TEST(ConsoleConnectionTest, StartsStandaloneWithNoServerConfigured)
{
    resetSettings();
    DemoDatabase database(20);
    ASSERT_TRUE(database.ok());
    ConnectedConsole console(database.path(), std::make_unique<UnavailableKeychain>());
    ASSERT_TRUE(waitFor([&] { return console.session->isLoaded(); }, 10'000));
    QTest::qWait(100);
    EXPECT_EQ(console.window->connection()->tokenPrompt(), nullptr);
    EXPECT_EQ(console.window->consoleStatusBar()->syncIndicator()->text(), QStringLiteral("Standalone"));
    EXPECT_NE(console.window->findChild<QAction *>(QStringLiteral("connectToServerAction")), nullptr);
}

TEST(ConsoleConnectionTest, StatusBarScreenshotOffline)
{
    resetSettings();
    DemoDatabase database(20);
    ASSERT_TRUE(database.ok());
    ConnectedConsole console(database.path(), std::make_unique<MemoryCredentialStore>());
    ASSERT_TRUE(waitFor([&] { return console.session->isLoaded(); }, 10'000));
    console.window->resize(1600, 900);
    SyncStatusIndicator *indicator = console.window->consoleStatusBar()->syncIndicator();
    core::SyncStatus status;
    status.state = State::Offline;
    status.offlineSinceMs = QDateTime::currentMSecsSinceEpoch() - 40 * 60'000;
    status.pending = 12;
    status.conflicts = 2;
    indicator->setServer(QStringLiteral("https://noc.example:8470"));
    indicator->setStatus(status);
    QTest::qWait(50);
    ConsoleStatusBar *bar = console.window->consoleStatusBar();
    EXPECT_TRUE(indicator->isVisible());
    EXPECT_TRUE(bar->grab().save(screenshotPath(QStringLiteral("statusbar-offline.png"))));
}

// The whole path with a real nocturne-server: the console connects with the token from
// its credential store, a local action reaches the server and comes back numbered,
// another site's incident appears in the queue without a restart, and the status bar
// says since when the server is gone once it stops.
TEST(ConsoleLiveSyncTest, GoesOnlineSendsLocalActionsPullsOthersAndGoesOfflineWhenTheServerStops)
{
    resetSettings();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString user = QString::fromLatin1(TestUser);
    const QString serverDb = dir.filePath(QStringLiteral("server.db"));
    QByteArray output;
    ASSERT_EQ(runCtl({ QStringLiteral("--db"), serverDb, QStringLiteral("init") }, &output), 0) << output.toStdString();
    ASSERT_EQ(runCtl({ QStringLiteral("--db"), serverDb, QStringLiteral("user"), QStringLiteral("add"), user,
                       QStringLiteral("--role"), QStringLiteral("operator"), QStringLiteral("--display-name"),
                       QStringLiteral("Night Operator") },
                     &output),
              0)
        << output.toStdString();
    QByteArray token;
    ASSERT_EQ(runCtl({ QStringLiteral("--db"), serverDb, QStringLiteral("token"), QStringLiteral("create"), user,
                       QStringLiteral("--label"), QStringLiteral("console test") },
                     &token),
              0)
        << token.toStdString();
    token = token.trimmed();
    ASSERT_TRUE(token.startsWith("noc_")) << token.toStdString();

    tests::ServerProcess server;
    QString error;
    ASSERT_TRUE(server.start(serverDb, {}, &error)) << error.toStdString();
    const QString replica = dir.filePath(QStringLiteral("console.db"));
    ASSERT_EQ(runCtl({ QStringLiteral("--db"), replica, QStringLiteral("init") }, &output), 0) << output.toStdString();

    ConsoleSettings settings;
    settings.setServerUrl(server.url());
    settings.setServerUser(user);
    auto store = std::make_unique<MemoryCredentialStore>();
    bool stored = false;
    QObject context;
    store->writeToken(CredentialStore::accountFor(QStringLiteral("127.0.0.1"), user), QString::fromLatin1(token), &context,
                      [&](const CredentialResult &r) { stored = r.ok; });
    ASSERT_TRUE(waitFor([&] { return stored; }));

    ConnectedConsole console(replica, std::move(store));
    SyncStatusIndicator *indicator = console.window->consoleStatusBar()->syncIndicator();
    ASSERT_TRUE(waitFor([&] { return indicator->status().state == State::Online; }, 30'000))
        << indicator->text().toStdString() << " / " << indicator->status().lastError.toStdString();
    EXPECT_EQ(indicator->text(), QStringLiteral("Online"));
    EXPECT_TRUE(indicator->toolTip().contains(server.url().toDisplayString())) << indicator->toolTip().toStdString();

    // The settings dialog's Test connection asks the server who the stored token is.
    console.window->connection()->connectAction()->trigger();
    ConnectionSettingsDialog *dialog = console.window->connection()->settingsDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->urlEdit()->text(), server.url().toString());
    EXPECT_TRUE(dialog->tokenEdit()->text().isEmpty()); // the stored token is never shown
    QSignalSpy tested(dialog, &ConnectionSettingsDialog::connectionTested);
    dialog->testButton()->click();
    ASSERT_TRUE(waitFor([&] { return tested.count() == 1; }, 15'000));
    EXPECT_EQ(dialog->statusLabel()->text(), QStringLiteral("Connected as night.operator (operator)"));
    dialog->reject();

    // A local action: on the server at once (the write triggers a sync), and the queue
    // shows the server's number in place of the provisional one.
    const QString title = QStringLiteral("Sorter S3 jam at induction (console)");
    core::IncidentCommand open;
    open.action = core::IncidentAction::Open;
    open.payload = { { QStringLiteral("title"), title },
                     { QStringLiteral("service"), QStringLiteral("Material Handling") },
                     { QStringLiteral("impact"), 2 },
                     { QStringLiteral("urgency"), 2 } };
    console.session->execute({ open });
    const QUrl list = server.url(QStringLiteral("/api/v1/incidents"));
    QUrl all = list;
    all.setQuery(QStringLiteral("scope=all"));
    QString serverTitle;
    ASSERT_TRUE(waitFor(
        [&] {
            const tests::HttpReply reply = tests::httpRequest("GET", all, token);
            const QJsonArray incidents = reply.json().object().value(QStringLiteral("incidents")).toArray();
            serverTitle = incidents.isEmpty() ? QString() : incidents.first().toObject().value(QStringLiteral("title")).toString();
            return !serverTitle.isEmpty();
        },
        30'000));
    EXPECT_EQ(serverTitle, title);
    QString number;
    ASSERT_TRUE(waitFor([&] { return queueHasTitle(*console.session->queueModel(), title, &number) && number.startsWith(QStringLiteral("INC")); },
                        30'000))
        << number.toStdString();

    // Another site opens an incident through the server: it appears here without a restart.
    const QString otherTitle = QStringLiteral("Handheld scanners cannot sync at DC Venlo");
    const QString other = dir.filePath(QStringLiteral("other.db"));
    ASSERT_EQ(runCtl({ QStringLiteral("--db"), other, QStringLiteral("init") }, &output), 0) << output.toStdString();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NOCTURNE_TOKEN"), QString::fromLatin1(token));
    ASSERT_EQ(runCtl({ QStringLiteral("--db"), other, QStringLiteral("--server"),
                       server.url().toString(), QStringLiteral("--actor"), user, QStringLiteral("create"),
                       QStringLiteral("--title"), otherTitle },
                     &output, environment),
              0)
        << output.toStdString();
    ASSERT_TRUE(waitFor([&] { return queueHasTitle(*console.session->queueModel(), otherTitle); }, 30'000));
    EXPECT_EQ(indicator->status().conflicts, 0);

    // An action in someone else's name is refused by the server (an operator may only
    // act as itself): it shows up as a conflict with the server's reason, and Dismiss
    // takes it off the list.
    core::IncidentCommand comment;
    comment.action = core::IncidentAction::Comment;
    comment.incident = console.session->queueModel()->entry(0).id;
    comment.actor = QStringLiteral("somebody.else");
    comment.payload = { { QStringLiteral("text"), QStringLiteral("Written in another name") } };
    console.session->execute({ comment });
    ASSERT_TRUE(waitFor([&] { return console.session->conflictsModel()->rowCount() == 1; }, 30'000))
        << indicator->status().conflicts;
    EXPECT_TRUE(waitFor([&] { return indicator->conflictsText() == QStringLiteral("1 conflict"); }));
    ConflictsView *view = console.window->showConflicts();
    ASSERT_NE(view, nullptr);
    const QModelIndex reason = console.session->conflictsModel()->index(0, models::ConflictColumn::Reason);
    EXPECT_FALSE(reason.data().toString().isEmpty());
    EXPECT_EQ(reason.data(models::ConflictRole::Code).toString(), QStringLiteral("forbidden"));
    EXPECT_EQ(console.session->conflictsModel()->index(0, models::ConflictColumn::Actor).data().toString(),
              QStringLiteral("somebody.else"));
    view->table()->selectRow(0);
    view->dismissButton()->click();
    ASSERT_TRUE(waitFor([&] { return console.session->conflictsModel()->rowCount() == 0; }, 30'000));
    EXPECT_TRUE(waitFor([&] { return indicator->conflictsText().isEmpty(); }));

    // The server stops: offline since then, in local time.
    server.terminate();
    ASSERT_TRUE(waitFor([&] { return indicator->status().state == State::Offline; }, 30'000))
        << indicator->text().toStdString();
    const QString since = QDateTime::fromMSecsSinceEpoch(indicator->status().offlineSinceMs, Qt::LocalTime)
                              .toString(QStringLiteral("HH:mm"));
    EXPECT_TRUE(indicator->text().startsWith(QStringLiteral("Offline since ") + since)) << indicator->text().toStdString();
    EXPECT_FALSE(indicator->status().lastError.isEmpty());
}
