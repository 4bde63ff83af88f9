#include "syncstatusindicator.h"

#include <core/domain/clock.h>

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace nocturne::ui {

namespace {

using State = core::SyncStatus::State;

QString colorOf(State state)
{
    switch (state) {
    case State::Online: return QStringLiteral("#2e7d32"); // green
    case State::Syncing: return QStringLiteral("#1565c0"); // blue
    case State::Offline: return QStringLiteral("#ef6c00"); // amber
    case State::Unauthorized: return QStringLiteral("#c62828"); // red
    case State::Connecting:
    case State::Standalone: break;
    }
    return QStringLiteral("#9e9e9e"); // grey
}

} // namespace

SyncStatusIndicator::SyncStatusIndicator(const core::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
    , m_conflicts(new QLabel(this))
{
    setObjectName(QStringLiteral("syncStatus"));
    m_dot->setObjectName(QStringLiteral("syncStatusDot"));
    m_label->setObjectName(QStringLiteral("syncStatusText"));
    m_conflicts->setObjectName(QStringLiteral("syncConflictsLink"));
    m_conflicts->setTextFormat(Qt::RichText);
    m_conflicts->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_conflicts, &QLabel::linkActivated, this, &SyncStatusIndicator::conflictsRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    layout->addWidget(m_conflicts);
    refresh();
}

SyncStatusIndicator::~SyncStatusIndicator() = default;

void SyncStatusIndicator::setStatus(const core::SyncStatus &status)
{
    m_status = status;
    refresh();
}

void SyncStatusIndicator::setServer(const QString &server)
{
    m_server = server;
    refresh();
}

QString SyncStatusIndicator::text() const
{
    QString text = stateText();
    // The outbox matters whatever the connection does: it is what is not on the server yet.
    if (m_status.state != State::Standalone && m_status.pending > 0)
        text += tr(" · %1 waiting").arg(QLocale().toString(m_status.pending));
    return text;
}

QString SyncStatusIndicator::conflictsText() const
{
    // Spelled out rather than "%n conflict(s)": the English text needs no translation file.
    if (m_status.conflicts <= 0)
        return {};
    return m_status.conflicts == 1 ? tr("1 conflict") : tr("%1 conflicts").arg(QLocale().toString(m_status.conflicts));
}

QString SyncStatusIndicator::dotColor() const
{
    return colorOf(m_status.state);
}

QString SyncStatusIndicator::stateText() const
{
    switch (m_status.state) {
    case State::Standalone: return tr("Standalone");
    case State::Connecting: return tr("Connecting…");
    case State::Online: return tr("Online");
    case State::Syncing:
        return m_status.inFlight > 0 ? tr("Syncing %1").arg(QLocale().toString(m_status.inFlight)) : tr("Syncing…");
    case State::Offline:
        return m_status.offlineSinceMs > 0 ? tr("Offline since %1").arg(timeText(m_status.offlineSinceMs)) : tr("Offline");
    case State::Unauthorized: return tr("Server refused the token");
    }
    return {};
}

// "14:32" today, "2026-11-27 14:32" on another day, in the operator's time zone.
QString SyncStatusIndicator::timeText(qint64 utcMs) const
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime);
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::LocalTime).date();
    if (at.date() == today)
        return at.toString(QStringLiteral("HH:mm"));
    return at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString SyncStatusIndicator::toolTipText() const
{
    if (m_status.state == State::Standalone)
        return tr("Working standalone on the local database. File ▸ Connect to server… connects it to a "
                  "Nocturne server.");
    QStringList lines;
    lines << tr("Server: %1").arg(m_server.isEmpty() ? tr("(not set)") : m_server);
    lines << (m_status.lastSyncedAtMs > 0 ? tr("Last synced: %1").arg(timeText(m_status.lastSyncedAtMs))
                                          : tr("Last synced: never"));
    if (m_status.pending > 0)
        lines << (m_status.pending == 1 ? tr("1 local change not yet on the server")
                                        : tr("%1 local changes not yet on the server").arg(QLocale().toString(m_status.pending)));
    if (m_status.serverRevision > m_status.pulledRevision)
        lines << tr("Server changes not yet here: %1")
                     .arg(QLocale().toString(m_status.serverRevision - m_status.pulledRevision));
    if (!m_status.lastError.isEmpty())
        lines << tr("Last error: %1").arg(m_status.lastError);
    if (m_status.nextAttemptMs > 0 && (m_status.state == State::Offline || m_status.state == State::Unauthorized))
        lines << tr("Next attempt: %1").arg(timeText(m_status.nextAttemptMs));
    return lines.join(QLatin1Char('\n'));
}

void SyncStatusIndicator::refresh()
{
    m_dot->setText(QStringLiteral("<span style=\"color:%1\">●</span>").arg(dotColor()));
    m_label->setText(text());
    const QString conflicts = conflictsText();
    m_conflicts->setVisible(!conflicts.isEmpty());
    m_conflicts->setText(QStringLiteral("<a href=\"conflicts\">%1</a>").arg(conflicts.toHtmlEscaped()));
    m_conflicts->setToolTip(tr("Events the server refused: open the conflicts view"));
    const QString tip = toolTipText();
    m_dot->setToolTip(tip);
    m_label->setToolTip(tip);
    setToolTip(tip);
}

} // namespace nocturne::ui
