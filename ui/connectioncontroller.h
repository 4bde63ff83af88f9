#pragma once

#include "credentialstore.h"

#include <core/sync/syncstatus.h>

#include <QObject>
#include <QPointer>

class QAction;
class QInputDialog;
class QWidget;

namespace nocturne::ui {

class ConnectionSettingsDialog;
class ConsoleSession;

// Connects the console to its server: at start, when a server is configured, it reads
// the token from the keychain and starts the session's sync; where no keychain answers
// it asks for the token, says why, and keeps it in memory for this session only. It
// owns File ▸ Connect to server… Nothing here blocks: every keychain and network answer
// comes back through a callback.
class ConnectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionController)
public:
    ConnectionController(ConsoleSession &session, QWidget *window);
    ~ConnectionController() override;

    QAction *connectAction() const { return m_connectAction; }
    // Reads the settings and connects if a server is configured.
    void start();
    void showSettingsDialog();

    // The store tokens are read from and written to now: the session's keychain, or the
    // in-memory one once the keychain proved unavailable.
    CredentialStore &credentials();
    bool isKeepingTokenForSessionOnly() const { return m_sessionOnly; }
    ConnectionSettingsDialog *settingsDialog() const;
    QInputDialog *tokenPrompt() const;

Q_SIGNALS:
    // Something the operator should read in the status bar.
    void statusMessage(const QString &message);

private:
    void connectWith(core::SyncSettings settings);
    void onTokenRead(const core::SyncSettings &settings, const CredentialResult &result);
    void askForToken(const core::SyncSettings &settings, const QString &why);
    void useSessionOnlyStore();

    ConsoleSession &m_session;
    QWidget *m_window;
    QAction *m_connectAction;
    MemoryCredentialStore m_memory;
    bool m_sessionOnly = false;
    QPointer<ConnectionSettingsDialog> m_dialog;
    QPointer<QInputDialog> m_prompt;
};

} // namespace nocturne::ui
