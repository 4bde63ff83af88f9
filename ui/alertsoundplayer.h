#pragma once

#include <QObject>

#include <array>

class QSoundEffect;

namespace nocturne::ui {

// Plays the alert sound of a priority (P1, P2, P3 and below) from the built-in WAV files.
// The effects are created on first use, so a console that never alerts never opens an
// audio device.
class AlertSoundPlayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertSoundPlayer)
public:
    explicit AlertSoundPlayer(QObject *parent = nullptr);
    ~AlertSoundPlayer() override;

    void play(int priority);
    int playedCount() const { return m_played; }
    // The resource of a priority's sound, e.g. "qrc:/sounds/alert-p1.wav".
    static QString soundUrl(int priority);

private:
    std::array<QSoundEffect *, 3> m_effects {};
    int m_played = 0;
};

} // namespace nocturne::ui
