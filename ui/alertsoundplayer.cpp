#include "alertsoundplayer.h"

#include <QSoundEffect>
#include <QUrl>

namespace nocturne::ui {

namespace {

int slotOf(int priority)
{
    return priority <= 1 ? 0 : (priority == 2 ? 1 : 2);
}

} // namespace

AlertSoundPlayer::AlertSoundPlayer(QObject *parent)
    : QObject(parent)
{
}

AlertSoundPlayer::~AlertSoundPlayer() = default;

QString AlertSoundPlayer::soundUrl(int priority)
{
    return QStringLiteral("qrc:/sounds/alert-p%1.wav").arg(slotOf(priority) + 1);
}

void AlertSoundPlayer::play(int priority)
{
    QSoundEffect *&effect = m_effects[std::size_t(slotOf(priority))];
    if (!effect) {
        effect = new QSoundEffect(this);
        effect->setSource(QUrl(soundUrl(priority)));
        effect->setVolume(0.8f);
    }
    ++m_played;
    effect->play();
}

} // namespace nocturne::ui
