#include "consolesettings.h"

#include <QSettings>

namespace nocturne::ui {

namespace {

// Bump when a layout change makes older saved states meaningless.
const QString LayoutVersion = QStringLiteral("layout-v1/");

const QString SoundKey = QStringLiteral("alerts/sound");
const QString QuietEnabledKey = QStringLiteral("alerts/quietHours/enabled");
const QString QuietStartKey = QStringLiteral("alerts/quietHours/start");
const QString QuietEndKey = QStringLiteral("alerts/quietHours/end");
const QString TimeFormat = QStringLiteral("HH:mm");
const QString ServerUrlKey = QStringLiteral("server/url");
const QString ServerUserKey = QStringLiteral("server/user");
const QString ServerCaKey = QStringLiteral("server/caCertificate");

QTime timeOr(const QVariant &value, QTime fallback)
{
    const QTime time = QTime::fromString(value.toString(), TimeFormat);
    return time.isValid() ? time : fallback;
}

} // namespace

QByteArray ConsoleSettings::bytes(const QString &key) const
{
    return QSettings().value(LayoutVersion + key).toByteArray();
}

void ConsoleSettings::setBytes(const QString &key, const QByteArray &value)
{
    QSettings().setValue(LayoutVersion + key, value);
}

QByteArray ConsoleSettings::windowGeometry() const { return bytes(QStringLiteral("window/geometry")); }
void ConsoleSettings::setWindowGeometry(const QByteArray &value) { setBytes(QStringLiteral("window/geometry"), value); }
QByteArray ConsoleSettings::windowState() const { return bytes(QStringLiteral("window/state")); }
void ConsoleSettings::setWindowState(const QByteArray &value) { setBytes(QStringLiteral("window/state"), value); }
QByteArray ConsoleSettings::mainSplitterState() const { return bytes(QStringLiteral("window/splitter")); }
void ConsoleSettings::setMainSplitterState(const QByteArray &value) { setBytes(QStringLiteral("window/splitter"), value); }
QByteArray ConsoleSettings::queueHeaderState() const { return bytes(QStringLiteral("queue/header")); }
void ConsoleSettings::setQueueHeaderState(const QByteArray &value) { setBytes(QStringLiteral("queue/header"), value); }

int ConsoleSettings::savedQueue() const
{
    return QSettings().value(LayoutVersion + QStringLiteral("queue/saved"), 0).toInt();
}

void ConsoleSettings::setSavedQueue(int value)
{
    QSettings().setValue(LayoutVersion + QStringLiteral("queue/saved"), value);
}

bool ConsoleSettings::alertSoundEnabled() const
{
    return QSettings().value(SoundKey, true).toBool();
}

void ConsoleSettings::setAlertSoundEnabled(bool value)
{
    QSettings().setValue(SoundKey, value);
}

QuietHours ConsoleSettings::quietHours() const
{
    const QSettings settings;
    const QuietHours defaults;
    QuietHours quiet;
    quiet.enabled = settings.value(QuietEnabledKey, defaults.enabled).toBool();
    quiet.start = timeOr(settings.value(QuietStartKey), defaults.start);
    quiet.end = timeOr(settings.value(QuietEndKey), defaults.end);
    return quiet;
}

void ConsoleSettings::setQuietHours(const QuietHours &value)
{
    QSettings settings;
    settings.setValue(QuietEnabledKey, value.enabled);
    settings.setValue(QuietStartKey, value.start.toString(TimeFormat));
    settings.setValue(QuietEndKey, value.end.toString(TimeFormat));
}

QUrl ConsoleSettings::serverUrl() const
{
    return QUrl(QSettings().value(ServerUrlKey).toString());
}

void ConsoleSettings::setServerUrl(const QUrl &value)
{
    QSettings().setValue(ServerUrlKey, value.toString());
}

QString ConsoleSettings::serverUser() const
{
    return QSettings().value(ServerUserKey).toString();
}

void ConsoleSettings::setServerUser(const QString &value)
{
    QSettings().setValue(ServerUserKey, value);
}

QString ConsoleSettings::caCertificatePath() const
{
    return QSettings().value(ServerCaKey).toString();
}

void ConsoleSettings::setCaCertificatePath(const QString &value)
{
    QSettings().setValue(ServerCaKey, value);
}

void ConsoleSettings::clearServer()
{
    QSettings settings;
    settings.remove(ServerUrlKey);
    settings.remove(ServerUserKey);
    settings.remove(ServerCaKey);
}

} // namespace nocturne::ui
