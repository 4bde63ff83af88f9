#pragma once

#include <QStatusBar>

class QLabel;
class QTimer;

namespace nocturne::core {
class Clock;
}

namespace nocturne::ui {

class SyncStatusIndicator;

// Where the operator is: the database file, how many incidents are shown of how many
// open, whether the replica is in step with the server, and a clock in local time
// (shift handovers are logged against it).
class ConsoleStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleStatusBar)
public:
    ConsoleStatusBar(const core::Clock &clock, QWidget *parent = nullptr);
    ~ConsoleStatusBar() override;

    void setDatabase(const QString &path);
    void setCounts(int shown, int open);
    SyncStatusIndicator *syncIndicator() const { return m_sync; }

private:
    void tick();

    const core::Clock &m_clock;
    QLabel *m_database;
    QLabel *m_counts;
    SyncStatusIndicator *m_sync;
    QLabel *m_clockLabel;
    QTimer *m_timer;
};

} // namespace nocturne::ui
