#pragma once

#include <core/sync/syncstatus.h>

#include <QWidget>

class QLabel;

namespace nocturne::core {
class Clock;
}

namespace nocturne::ui {

// The sync state in the status bar: a coloured dot and "Standalone", "Online",
// "Offline since 14:32", "Syncing 250", "Server refused the token", with the outbox
// ("· 12 waiting") whenever something waits, and a "3 conflicts" link that asks for the
// conflicts view. The tooltip says where it syncs to, when it last did, why it failed and
// when it tries again. Times are the operator's local time.
class SyncStatusIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatusIndicator)
public:
    explicit SyncStatusIndicator(const core::Clock &clock, QWidget *parent = nullptr);
    ~SyncStatusIndicator() override;

    void setStatus(const core::SyncStatus &status);
    void setServer(const QString &server);

    const core::SyncStatus &status() const { return m_status; }
    QString text() const;
    QString conflictsText() const; // empty while there are none
    QString dotColor() const; // #rrggbb of the dot

Q_SIGNALS:
    void conflictsRequested();

private:
    void refresh();
    QString stateText() const;
    QString timeText(qint64 utcMs) const;
    QString toolTipText() const;

    const core::Clock &m_clock;
    core::SyncStatus m_status;
    QString m_server;
    QLabel *m_dot;
    QLabel *m_label;
    QLabel *m_conflicts;
};

} // namespace nocturne::ui
