#include "consolesettings.h"

#include <QSettings>

namespace nocturne::ui {

namespace {

// Bump when a layout change makes older saved states meaningless.
const QString LayoutVersion = QStringLiteral("layout-v1/");

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

} // namespace nocturne::ui
