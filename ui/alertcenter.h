#pragma once

#include "alertrules.h"
#include "alertsounder.h"

#include <core/engine/slastatus.h>

#include <QObject>

class QTimer;

namespace nocturne::ui {

class AlertSoundPlayer;
class ConsoleSession;
class EscalationBanner;
class TrayIndicator;

// Where SLA alerts go once the engine raised them: the banner (breaches, escalations,
// P1–P2 thresholds), desktop notifications through the tray, and the repeating sounds,
// with quiet hours and the sound switch applied. It follows the queue to stop a sound
// once the incidents that raised it are acknowledged or resolved.
class AlertCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertCenter)
public:
    AlertCenter(ConsoleSession &session, EscalationBanner *banner, QObject *parent = nullptr);
    ~AlertCenter() override;

    // Reads the sound switch and the quiet hours again (after the settings dialog).
    void reloadSettings();
    void handleAlerts(const core::SlaAlerts &alerts);

    TrayIndicator *tray() const { return m_tray; }
    const AlertSounder &sounder() const { return m_sounder; }
    AlertSoundPlayer *player() const { return m_player; }
    const QuietHours &quietHours() const { return m_quiet; }
    // How many desktop notifications were shown or, without a tray, would have been.
    int notificationCount() const { return m_notifications; }

Q_SIGNALS:
    // The operator clicked the tray icon or a notification.
    void raiseRequested(const QString &incidentId);

private:
    void playDueSounds();
    void settleAnswered();
    void notify(const core::SlaAlerts &alerts);

    ConsoleSession &m_session;
    EscalationBanner *m_banner;
    TrayIndicator *m_tray;
    AlertSoundPlayer *m_player;
    QTimer *m_soundTimer;
    AlertSounder m_sounder;
    QuietHours m_quiet;
    QString m_lastNotifiedIncident;
    int m_notifications = 0;
};

} // namespace nocturne::ui
