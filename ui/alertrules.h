#pragma once

#include <core/engine/slastatus.h>

#include <QCoreApplication>
#include <QTime>

namespace nocturne::ui {

// A nightly window, in local time, in which minor alerts keep quiet. It may wrap past
// midnight (22:00–07:00); a window that starts where it ends is empty.
struct QuietHours
{
    bool enabled = false;
    QTime start { 22, 0 };
    QTime end { 7, 0 };

    bool contains(QTime localTime) const;
    friend bool operator==(const QuietHours &, const QuietHours &) = default;
};

// Which SLA alerts interrupt whom. Every alert is recorded in the banner's rules or not
// by its kind and priority alone; quiet hours silence the notification and the sound of
// P3–P5 threshold alerts only: a P1 alert, whatever its kind, and any breach always get
// through. Pure, so the rules are tested without a window, a tray or a sound card.
class AlertRules final
{
    Q_DECLARE_TR_FUNCTIONS(AlertRules)
public:
    // Breaches and escalations at any priority, thresholds at P1–P2.
    static bool showsBanner(const core::SlaAlert &alert);
    static bool neverSilenced(const core::SlaAlert &alert);
    static bool isSilenced(const core::SlaAlert &alert, const QuietHours &quiet, QTime localNow);
    // An alert about something that happened a while ago: the engine catching up after
    // the console was closed. It goes to the banner, but rings and pops up nothing.
    static bool isStale(const core::SlaAlert &alert, qint64 nowMs);
    static constexpr qint64 StaleAfterMs = 10LL * 60 * 1000;
    // "INC0001234 breached its resolution target (P1)"
    static QString describe(const core::SlaAlert &alert);
    // Breach before escalation before threshold: the banner shows the worst first.
    static int severity(const core::SlaAlert &alert);
};

} // namespace nocturne::ui
