#pragma once

#include <QIcon>
#include <QObject>

class QSystemTrayIcon;
class QTimer;

namespace nocturne::models {
class IncidentQueueModel;
}

namespace nocturne::ui {

// The console in the system tray: an icon showing how many P1–P2 incidents nobody has
// acknowledged yet, and desktop notifications for SLA alerts. Without a system tray
// (an offscreen test, a bare window manager) it still counts and paints, it just has
// nowhere to show it.
class TrayIndicator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIndicator)
public:
    explicit TrayIndicator(models::IncidentQueueModel *queue, QObject *parent = nullptr);
    ~TrayIndicator() override;

    int unacknowledgedUrgent() const { return m_count; }
    QIcon icon() const { return m_icon; }
    QString toolTip() const;
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }

    // Shows a desktop notification (when there is a tray); returns whether it could.
    bool notify(const QString &title, const QString &message, bool critical);

    static int countUnacknowledgedUrgent(const models::IncidentQueueModel &queue);
    // The moon badge, with the count on a red disc when there is one.
    static QIcon paintIcon(int count);

Q_SIGNALS:
    void countChanged(int count);
    void activated();
    void notificationClicked();

private:
    void recount();

    models::IncidentQueueModel *m_queue;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_recount;
    QIcon m_icon;
    int m_count = -1;
};

} // namespace nocturne::ui
