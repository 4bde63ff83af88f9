#pragma once

#include "alertrules.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace nocturne::ui {

// The console's persisted layout and alert preferences behind one facade of typed keys
// with defaults, stored with QSettings under the application's organisation and name.
class ConsoleSettings final
{
public:
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &value);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &value);
    QByteArray mainSplitterState() const;
    void setMainSplitterState(const QByteArray &value);
    QByteArray queueHeaderState() const;
    void setQueueHeaderState(const QByteArray &value);
    int savedQueue() const; // row of models::SavedQueue, AllOpen by default
    void setSavedQueue(int value);

    bool alertSoundEnabled() const; // on by default
    void setAlertSoundEnabled(bool value);
    QuietHours quietHours() const; // off, 22:00–07:00 by default
    void setQuietHours(const QuietHours &value);

    // Connected mode: where the replica syncs to (empty URL: standalone). The token is
    // not here: it lives in the CredentialStore (the OS keychain).
    QUrl serverUrl() const;
    void setServerUrl(const QUrl &value);
    QString serverUser() const;
    void setServerUser(const QString &value);
    QString caCertificatePath() const; // empty: the system's certificate authorities
    void setCaCertificatePath(const QString &value);
    void clearServer(); // work standalone

private:
    QByteArray bytes(const QString &key) const;
    void setBytes(const QString &key, const QByteArray &value);
};

} // namespace nocturne::ui
