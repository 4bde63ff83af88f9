#pragma once

#include "incidentactions.h"

#include <core/storage/databaseerror.h>

#include <QMainWindow>
#include <QPointer>

class QSplitter;
class QStackedWidget;

namespace nocturne::ui {

class ActionController;
class AlertCenter;
class ConflictsView;
class ConnectionController;
class ConsoleSession;
class ConsoleStatusBar;
class DetailPane;
class DrillDownBar;
class EscalationBanner;
class KpiDashboard;
class QueueSidebar;
class QueueView;

// The console's window. It only assembles: the escalation banner, the saved-queue
// sidebar, the queue, the detail pane, menus and toolbar over one set of actions, the
// status bar and the alert center (tray, notifications, sounds); and it persists their
// layout. Each part is its own widget; the session does the I/O.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(ConsoleSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    IncidentActions *actions() const { return m_actions; }
    QueueView *queueView() const { return m_queue; }
    DetailPane *detailPane() const { return m_detail; }
    QueueSidebar *sidebar() const { return m_sidebar; }
    ActionController *actionController() const { return m_controller; }
    EscalationBanner *escalationBanner() const { return m_banner; }
    AlertCenter *alertCenter() const { return m_alerts; }
    KpiDashboard *dashboard() const { return m_dashboard; }
    DrillDownBar *drillDownBar() const { return m_drillDown; }
    QAction *dashboardAction() const { return m_dashboardAction; }
    ConsoleStatusBar *consoleStatusBar() const { return m_statusBar; }
    ConnectionController *connection() const { return m_connection; }
    // View ▸ Conflicts: the events the server refused (non-modal, one at a time).
    ConflictsView *showConflicts();
    // The KPI dashboard in place of the queue (View ▸ Dashboard, Ctrl+D), or back.
    void showDashboard(bool show);
    bool isDashboardShown() const;
    // The queue showing exactly these incidents (a KPI drill-down) under a title.
    void showDrillDown(const QString &title, const QStringList &incidentIds);
    void leaveDrillDown();
    // Selects an incident, leaving the current saved queue or filter if they hide it.
    bool showIncident(const QString &incidentId);

Q_SIGNALS:
    // The database could not be opened at all and the operator has read why.
    void unusableDatabaseAcknowledged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildDashboard();
    void restoreLayout();
    void saveLayout();
    void connectSession();
    void showDatabaseError(const core::DatabaseError &error);
    void showAbout();
    void showSettings();
    void connectSync();
    void updateCounts();
    void updateSelection();

    ConsoleSession &m_session;
    IncidentActions *m_actions;
    EscalationBanner *m_banner;
    QueueSidebar *m_sidebar;
    QueueView *m_queue;
    DetailPane *m_detail;
    QSplitter *m_splitter;
    ConsoleStatusBar *m_statusBar;
    ActionController *m_controller;
    AlertCenter *m_alerts;
    QStackedWidget *m_pages = nullptr;
    KpiDashboard *m_dashboard = nullptr;
    DrillDownBar *m_drillDown = nullptr;
    QAction *m_dashboardAction = nullptr;
    ConnectionController *m_connection = nullptr;
    QPointer<ConflictsView> m_conflicts;
    bool m_errorShown = false;
};

} // namespace nocturne::ui
