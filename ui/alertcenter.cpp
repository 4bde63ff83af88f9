#include "alertcenter.h"

#include "alertsoundplayer.h"
#include "consolesession.h"
#include "consolesettings.h"
#include "escalationbanner.h"
#include "trayindicator.h"

#include <core/domain/clock.h>
#include <models/incidentqueuemodel.h>

#include <QDateTime>
#include <QTimer>

namespace nocturne::ui {

namespace {

// Repeats are checked once a second; the shortest repeat is five.
constexpr int SoundCheckMs = 1000;

bool awaitsAcknowledgement(const models::IncidentQueueModel &queue, const QString &incidentId)
{
    const int row = queue.rowOfIncident(incidentId);
    if (row < 0)
        return false;
    const core::QueueEntry &e = queue.entry(row);
    return e.acknowledgedAt == 0 && core::isOpen(e.state);
}

} // namespace

AlertCenter::AlertCenter(ConsoleSession &session, EscalationBanner *banner, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_banner(banner)
    , m_tray(new TrayIndicator(session.queueModel(), this))
    , m_player(new AlertSoundPlayer(this))
    , m_soundTimer(new QTimer(this))
{
    reloadSettings();
    connect(&session, &ConsoleSession::slaAlertsRaised, this, &AlertCenter::handleAlerts);
    connect(&session, &ConsoleSession::queueChanged, this, &AlertCenter::settleAnswered);
    connect(m_soundTimer, &QTimer::timeout, this, &AlertCenter::playDueSounds);
    connect(m_tray, &TrayIndicator::activated, this, [this] { Q_EMIT raiseRequested({}); });
    connect(m_tray, &TrayIndicator::notificationClicked, this,
            [this] { Q_EMIT raiseRequested(m_lastNotifiedIncident); });
}

AlertCenter::~AlertCenter() = default;

void AlertCenter::reloadSettings()
{
    const ConsoleSettings settings;
    m_quiet = settings.quietHours();
    m_sounder.setEnabled(settings.alertSoundEnabled());
}

void AlertCenter::handleAlerts(const core::SlaAlerts &alerts)
{
    m_banner->addAlerts(alerts);
    const qint64 now = m_session.clock().nowMs();
    const QTime localNow = QDateTime::fromMSecsSinceEpoch(now, Qt::LocalTime).time();
    core::SlaAlerts heard;
    QList<int> toPlay;
    for (const core::SlaAlert &alert : alerts) {
        if (AlertRules::isStale(alert, now) || AlertRules::isSilenced(alert, m_quiet, localNow))
            continue;
        heard << alert;
        const bool waiting = awaitsAcknowledgement(*m_session.queueModel(), alert.incidentId);
        if (m_sounder.raise(alert.incidentId, alert.priority, waiting, now))
            toPlay << alert.priority;
    }
    if (const int priority = AlertSounder::mostUrgent(toPlay))
        m_player->play(priority);
    if (m_sounder.isRepeating(1) || m_sounder.isRepeating(2))
        m_soundTimer->start(SoundCheckMs);
    notify(heard);
}

void AlertCenter::notify(const core::SlaAlerts &alerts)
{
    if (alerts.isEmpty())
        return;
    // One notification per batch: a storm of crossings must not bury the desktop.
    const core::SlaAlert *worst = &alerts.first();
    for (const core::SlaAlert &alert : alerts) {
        if (alert.priority < worst->priority
            || (alert.priority == worst->priority && AlertRules::severity(alert) > AlertRules::severity(*worst)))
            worst = &alert;
    }
    m_lastNotifiedIncident = worst->incidentId;
    const QString title = alerts.size() == 1 ? tr("Nocturne — SLA alert")
                                             : tr("Nocturne — %n SLA alert(s)", nullptr, int(alerts.size()));
    QStringList lines;
    for (const core::SlaAlert &alert : alerts.mid(0, 4))
        lines << AlertRules::describe(alert);
    if (alerts.size() > 4)
        lines << tr("and %n more", nullptr, int(alerts.size() - 4));
    const bool critical = worst->priority <= 2 || worst->kind == core::SlaAlert::Kind::Breach;
    m_tray->notify(title, lines.join(QLatin1Char('\n')), critical);
    ++m_notifications;
}

void AlertCenter::settleAnswered()
{
    for (const QString &id : m_sounder.alertingIncidents()) {
        if (!awaitsAcknowledgement(*m_session.queueModel(), id))
            m_sounder.settle(id);
    }
    if (!m_sounder.isRepeating(1) && !m_sounder.isRepeating(2))
        m_soundTimer->stop();
}

void AlertCenter::playDueSounds()
{
    if (const int priority = AlertSounder::mostUrgent(m_sounder.due(m_session.clock().nowMs())))
        m_player->play(priority);
}

} // namespace nocturne::ui
