#pragma once

#include <core/engine/slaclock.h>

#include <QWidget>

class QLabel;
class QTimer;

namespace nocturne::core {
class Clock;
}

namespace nocturne::ui {

// The detail pane's SLA section: every clock of the selected incident (the response
// clock, each resolution cycle) with its policy, target, elapsed business time, paused
// time, what is left, its state, its deadline or breach time in local time and its
// history of running and paused stretches. The countdown is recomputed from the clock
// once a second; the business-time figures are the engine's, refreshed by the session.
class SlaPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlaPanel)
public:
    explicit SlaPanel(const core::Clock &clock, QWidget *parent = nullptr);
    ~SlaPanel() override;

    // A new incident is shown: its clocks are on their way.
    void showLoading(const QString &incidentId);
    void showClocks(const QString &incidentId, const QString &policyName, const QList<core::SlaClockStatus> &clocks);
    const QString &incidentId() const { return m_incidentId; }
    bool isLoading() const { return m_loading; }
    // What the section says, as plain text (tests, accessibility).
    QString plainText() const;

private:
    void render();

    const core::Clock &m_clock;
    QLabel *m_body;
    QTimer *m_countdown;
    QString m_incidentId;
    QString m_policyName;
    QList<core::SlaClockStatus> m_clocks;
    bool m_loading = false;
};

} // namespace nocturne::ui
