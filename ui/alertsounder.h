#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include <array>

namespace nocturne::ui {

// Decides when alert sounds play, per priority: a P1 alert repeats fast and a P2 alert
// slower for as long as any incident that raised one at that priority still waits for an
// acknowledgement; P3–P5 alerts, and alerts on incidents someone already owns, sound once.
// Pure: it neither plays sounds nor reads a clock, so the state machine is tested with
// plain numbers; AlertCenter feeds it alerts, queue changes and the time.
class AlertSounder final
{
public:
    static qint64 repeatIntervalMs(int priority); // 0: once

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // An alert that should be heard. Returns whether a sound plays now.
    bool raise(const QString &incidentId, int priority, bool awaitingAcknowledgement, qint64 nowMs);
    // The incident was acknowledged, resolved or left the queue: its alerts are answered.
    void settle(const QString &incidentId);
    // The priorities whose repeat falls due at `nowMs`, most urgent first; each is then
    // scheduled one interval later.
    QList<int> due(qint64 nowMs);

    bool isRepeating(int priority) const;
    QStringList alertingIncidents() const;
    // Of the priorities in `priorities`, the one to play: sounds never overlap.
    static int mostUrgent(const QList<int> &priorities);

private:
    struct Repeat
    {
        QSet<QString> incidents; // waiting for an acknowledgement
        qint64 nextAt = 0;
    };
    static int slot(int priority);

    std::array<Repeat, 3> m_repeats {}; // P1, P2 (slot 0 unused)
    bool m_enabled = true;
};

} // namespace nocturne::ui
