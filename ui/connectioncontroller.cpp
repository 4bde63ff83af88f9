#include "connectioncontroller.h"

#include "connectionsettingsdialog.h"
#include "consolesession.h"
#include "consolesettings.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>

namespace nocturne::ui {

namespace {

using ErrorKind = CredentialResult::ErrorKind;

core::SyncSettings storedSettings()
{
    const ConsoleSettings stored;
    core::SyncSettings settings;
    settings.serverUrl = stored.serverUrl();
    settings.user = stored.serverUser();
    settings.caCertificatePath = stored.caCertificatePath();
    return settings;
}

QString accountOf(const core::SyncSettings &settings)
{
    return CredentialStore::accountFor(settings.serverUrl.host(), settings.user);
}

} // namespace

ConnectionController::ConnectionController(ConsoleSession &session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_connectAction(new QAction(tr("&Connect to server…"), this))
{
    m_connectAction->setObjectName(QStringLiteral("connectToServerAction"));
    m_connectAction->setStatusTip(tr("Sync this console's database with a Nocturne server"));
    connect(m_connectAction, &QAction::triggered, this, &ConnectionController::showSettingsDialog);
}

ConnectionController::~ConnectionController() = default;

ConnectionSettingsDialog *ConnectionController::settingsDialog() const
{
    return m_dialog;
}

QInputDialog *ConnectionController::tokenPrompt() const
{
    return m_prompt;
}

CredentialStore &ConnectionController::credentials()
{
    if (m_sessionOnly || !m_session.credentialStore())
        return m_memory;
    return *m_session.credentialStore();
}

void ConnectionController::start()
{
    const core::SyncSettings settings = storedSettings();
    if (!settings.isConfigured())
        return; // standalone
    credentials().readToken(accountOf(settings), this,
                            [this, settings](const CredentialResult &result) { onTokenRead(settings, result); });
}

void ConnectionController::onTokenRead(const core::SyncSettings &settings, const CredentialResult &result)
{
    const QString server = settings.serverUrl.toDisplayString();
    switch (result.errorKind) {
    case ErrorKind::None: {
        core::SyncSettings withToken = settings;
        withToken.token = result.token;
        connectWith(withToken);
        return;
    }
    case ErrorKind::NotFound:
        if (m_sessionOnly)
            askForToken(settings, tr("No keychain is available, so the token is kept for this session only."));
        else
            askForToken(settings, tr("No token for %1 on %2 is stored in the keychain.").arg(settings.user, server));
        return;
    case ErrorKind::NoKeychain:
        useSessionOnlyStore();
        askForToken(settings, tr("No keychain is available: %1. The token will be kept for this session only.")
                                  .arg(result.message));
        return;
    case ErrorKind::Denied:
    case ErrorKind::Other:
        useSessionOnlyStore();
        askForToken(settings, tr("The keychain could not give the token: %1. The token will be kept for this "
                                 "session only.")
                                  .arg(result.message));
        return;
    }
}

void ConnectionController::askForToken(const core::SyncSettings &settings, const QString &why)
{
    if (m_prompt)
        m_prompt->close();
    auto *prompt = new QInputDialog(m_window);
    m_prompt = prompt;
    prompt->setObjectName(QStringLiteral("tokenPrompt"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Server token"));
    prompt->setInputMode(QInputDialog::TextInput);
    prompt->setTextEchoMode(QLineEdit::Password);
    prompt->setLabelText(tr("%1\n\nToken of %2 on %3 (empty: work standalone for now):")
                             .arg(why, settings.user, settings.serverUrl.toDisplayString()));
    prompt->setOkButtonText(tr("Connect"));
    prompt->setCancelButtonText(tr("Work standalone"));
    connect(prompt, &QInputDialog::textValueSelected, this, [this, settings](const QString &text) {
        const QString token = text.trimmed();
        if (token.isEmpty()) {
            Q_EMIT statusMessage(tr("Working standalone: no token for %1").arg(settings.serverUrl.toDisplayString()));
            return;
        }
        core::SyncSettings withToken = settings;
        withToken.token = token;
        credentials().writeToken(accountOf(settings), token, this, [](const CredentialResult &) {});
        connectWith(withToken);
    });
    connect(prompt, &QDialog::rejected, this, [this, settings] {
        Q_EMIT statusMessage(tr("Working standalone: no token for %1").arg(settings.serverUrl.toDisplayString()));
    });
    prompt->open();
}

void ConnectionController::useSessionOnlyStore()
{
    m_sessionOnly = true;
}

void ConnectionController::connectWith(core::SyncSettings settings)
{
    if (!m_session.isUserGivenExplicitly())
        m_session.setCurrentUser(settings.user);
    m_session.startSync(settings);
    // The server refuses an operator's events in another name, so acting as someone else
    // than the connected user would fill the conflicts view. Say so up front.
    if (settings.user != m_session.currentUser()) {
        Q_EMIT statusMessage(tr("Connected as %1 but acting as %2 (--user): the server will refuse actions in %2's "
                                "name. Start the console with --user %1 or without --user.")
                                 .arg(settings.user, m_session.currentUser()));
        return;
    }
    Q_EMIT statusMessage(tr("Connecting to %1 as %2").arg(settings.serverUrl.toDisplayString(), settings.user));
}

void ConnectionController::showSettingsDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto *dialog = new ConnectionSettingsDialog(credentials(), m_window);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionSettingsDialog::saved, this,
            [this](const core::SyncSettings &settings, const QString &keychainProblem) {
                if (!keychainProblem.isEmpty()) {
                    useSessionOnlyStore();
                    m_memory.writeToken(accountOf(settings), settings.token, this, [](const CredentialResult &) {});
                    Q_EMIT statusMessage(tr("No keychain is available: %1. The token will be kept for this session "
                                            "only.")
                                             .arg(keychainProblem));
                }
                if (!settings.token.isEmpty()) {
                    connectWith(settings);
                    return;
                }
                // The stored token was kept: read it back.
                credentials().readToken(accountOf(settings), this, [this, settings](const CredentialResult &result) {
                    onTokenRead(settings, result);
                });
            });
    connect(dialog, &ConnectionSettingsDialog::standaloneChosen, this, [this] {
        m_session.stopSync();
        Q_EMIT statusMessage(tr("Working standalone"));
    });
    dialog->open();
}

} // namespace nocturne::ui
