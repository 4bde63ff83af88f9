#pragma once

#include "credentialstore.h"

#include <core/sync/syncstatus.h>

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QPushButton;

namespace nocturne::ui {

// File ▸ Connect to server…: the server URL, the user and the token, an optional CA
// certificate for a server with its own certificate authority, a "Test connection" that
// asks the server who the token belongs to (asynchronously), and "Work standalone".
// Saving puts URL, user and CA file in ConsoleSettings and the token in the
// CredentialStore, never in the settings. A token left empty keeps the stored one.
class ConnectionSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSettingsDialog)
public:
    ConnectionSettingsDialog(CredentialStore &credentials, QWidget *parent = nullptr);
    ~ConnectionSettingsDialog() override;

    // Why the fields cannot be saved as they are; empty when they can.
    QString validationError() const;
    bool sendsTokenUnencrypted() const; // plain http to a host other than this machine
    core::SyncSettings settings() const; // the fields, token included
    QString account() const; // "<host>/<user>" of the fields

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *caEdit() const { return m_ca; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *warningLabel() const { return m_warning; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *saveButton() const;
    QPushButton *standaloneButton() const { return m_standalone; }

    void accept() override;
    void testConnection();

Q_SIGNALS:
    // Saved. settings.token is empty when the stored token is kept. keychainProblem says
    // why the token could not go to the keychain (then the caller keeps it for this
    // session only); empty when it did.
    void saved(const nocturne::core::SyncSettings &settings, const QString &keychainProblem);
    void standaloneChosen();
    // The answer of "Test connection" is on screen (tests wait for it).
    void connectionTested(bool ok, const QString &message);

private:
    void validate();
    void save(const QString &keychainProblem);
    void chooseCaFile();
    void sendWhoami(const QString &token);
    void onWhoami(QNetworkReply *reply);
    void showStatus(const QString &text, bool error);
    void setBusy(bool busy);

    CredentialStore &m_credentials;
    QString m_storedAccount; // whose token is in the store already
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_token;
    QLineEdit *m_ca;
    QLabel *m_warning;
    QLabel *m_status;
    QPushButton *m_test;
    QPushButton *m_standalone;
    QDialogButtonBox *m_buttons;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_pending;
};

} // namespace nocturne::ui
