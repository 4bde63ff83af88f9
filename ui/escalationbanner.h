#pragma once

#include <core/engine/slastatus.h>

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace nocturne::ui {

// The strip at the top of the window that will not let an SLA breach or an escalation
// go unseen: it shows the worst pending alert ("INC0001234 breached its resolution target
// (P1)") with a button that selects the incident and one that dismisses the alert, and
// how many more are waiting. One alert per incident: a newer one replaces the older.
// Hidden while nothing is pending.
class EscalationBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EscalationBanner)
public:
    explicit EscalationBanner(QWidget *parent = nullptr);
    ~EscalationBanner() override;

    // Keeps the alerts the banner is for (AlertRules::showsBanner).
    void addAlerts(const core::SlaAlerts &alerts);
    int pendingCount() const { return int(m_pending.size()); }
    // The alert on show, or nullptr.
    const core::SlaAlert *current() const { return m_pending.isEmpty() ? nullptr : &m_pending.first(); }
    QString text() const;
    QString moreText() const;
    void dismissCurrent();
    void dismissAll();

Q_SIGNALS:
    void showIncidentRequested(const QString &incidentId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void elideText();

    QList<core::SlaAlert> m_pending; // worst first
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_more;
    QPushButton *m_show;
    QToolButton *m_dismiss;
    QToolButton *m_dismissAll;
};

} // namespace nocturne::ui
