#pragma once

#include "alertrules.h"

#include <QByteArray>
#include <QString>

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

private:
    QByteArray bytes(const QString &key) const;
    void setBytes(const QString &key, const QByteArray &value);
};

} // namespace nocturne::ui
