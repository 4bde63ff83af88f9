#include "mainwindow.h"

#include "actioncontroller.h"
#include "alertcenter.h"
#include "conflictsview.h"
#include "connectioncontroller.h"
#include "consolesession.h"
#include "consolesettings.h"
#include "consolestatusbar.h"
#include "detailpane.h"
#include "drilldownbar.h"
#include "escalationbanner.h"
#include "importcontroller.h"
#include "handoverdialog.h" // ReportActions::handoverDialog() converts a QPointer to it inline
#include "kpidashboard.h"
#include "queuesidebar.h"
#include "reportactions.h"
#include "queueview.h"
#include "settingsdialog.h"
#include "syncstatusindicator.h"

#include <models/incidentqueuemodel.h>
#include <models/queuefilterproxy.h>
#include <models/savedqueuesmodel.h>

#include <QCloseEvent>
#include <QCoreApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace nocturne::ui {

using Id = IncidentActions::Id;

MainWindow::MainWindow(ConsoleSession &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_actions(new IncidentActions(this))
    , m_banner(new EscalationBanner(this))
    , m_sidebar(new QueueSidebar(session.savedQueuesModel(), this))
    , m_queue(new QueueView(session.queueProxy(), this))
    , m_detail(new DetailPane(session.timelineModel(), session.clock(),
                              { m_actions->action(Id::Acknowledge), m_actions->action(Id::AssignToMe),
                                m_actions->action(Id::Assign), m_actions->action(Id::Hold),
                                m_actions->action(Id::Resume), m_actions->action(Id::Resolve),
                                m_actions->action(Id::Close), m_actions->action(Id::Reopen),
                                m_actions->action(Id::Comment), m_actions->action(Id::Cancel) },
                              this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_statusBar(new ConsoleStatusBar(session.clock(), this))
    , m_controller(new ActionController(session, *m_actions, *m_queue, this))
    , m_alerts(new AlertCenter(session, m_banner, this))
    , m_connection(new ConnectionController(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Nocturne — incident operations console"));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_queue);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({ 180, 790, 630 });
    m_splitter->setChildrenCollapsible(false);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_banner);
    buildDashboard();
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);
    setStatusBar(m_statusBar);
    buildMenus();

    connect(m_sidebar, &QueueSidebar::queueChosen, this, [this](models::SavedQueue queue) {
        leaveDrillDown();
        m_session.queueProxy()->setQueue(queue);
        m_queue->updateEmptyState();
        updateCounts();
    });
    connect(m_queue, &QueueView::selectionChanged, this, &MainWindow::updateSelection);
    connect(m_queue, &QueueView::currentIncidentChanged, &m_session, &ConsoleSession::selectIncident);
    connect(m_controller, &ActionController::statusMessage, this,
            [this](const QString &message) { m_statusBar->showMessage(message, 8000); });
    connect(m_actions->action(Id::Refresh), &QAction::triggered, &m_session, &ConsoleSession::refresh);
    connect(m_actions->action(Id::FocusFilter), &QAction::triggered, this, [this] {
        m_queue->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_queue->filterEdit()->selectAll();
    });
    connect(m_actions->action(Id::Quit), &QAction::triggered, this, &QWidget::close);
    connect(m_actions->action(Id::About), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->action(Id::Settings), &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_banner, &EscalationBanner::showIncidentRequested, this, &MainWindow::showIncident);
    connect(m_alerts, &AlertCenter::raiseRequested, this, [this](const QString &incidentId) {
        showNormal();
        raise();
        activateWindow();
        if (!incidentId.isEmpty())
            showIncident(incidentId);
    });
    connectSession();
    connectSync();
    restoreLayout();
    if (!m_session.databasePath().isEmpty())
        m_statusBar->setDatabase(m_session.databasePath());
    // A configured server: read its token (asynchronously) and start syncing.
    m_connection->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->action(Id::NewIncident));
    file->addAction(m_actions->action(Id::Refresh));
    file->addSeparator();
    // Import runs on its own thread and connection; the queue follows the file by itself.
    auto *imports = new ImportController(m_session, this);
    file->addAction(imports->serviceNowAction());
    file->addAction(imports->jiraAction());
    file->addSeparator();
    file->addAction(m_connection->connectAction());
    file->addAction(m_actions->action(Id::Settings));
    file->addSeparator();
    file->addAction(m_actions->action(Id::Quit));

    QMenu *incident = menuBar()->addMenu(tr("&Incident"));
    for (Id id : { Id::Acknowledge, Id::AssignToMe, Id::Assign, Id::Hold, Id::Resume, Id::Resolve, Id::Close,
                   Id::Reopen, Id::Cancel, Id::Comment })
        incident->addAction(m_actions->action(id));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions->action(Id::FocusFilter));
    view->addAction(m_dashboardAction);
    QAction *conflicts = view->addAction(tr("&Conflicts"));
    conflicts->setObjectName(QStringLiteral("conflictsAction"));
    conflicts->setStatusTip(tr("Changes made here that the server refused"));
    connect(conflicts, &QAction::triggered, this, &MainWindow::showConflicts);

    // Reports: the handover dialog and the KPI export (the dashboard's numbers if shown).
    auto *reportActions = new ReportActions(m_session, this, [this] { return m_dashboard ? m_dashboard->report() : nullptr; });
    QMenu *reports = menuBar()->addMenu(tr("&Reports"));
    reports->addAction(reportActions->handoverAction());
    reports->addAction(reportActions->exportKpiAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions->action(Id::About));

    QToolBar *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actionsToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (Id id : { Id::NewIncident, Id::Acknowledge, Id::AssignToMe, Id::Resolve, Id::Refresh })
        toolbar->addAction(m_actions->action(id));
    toolbar->addSeparator();
    toolbar->addAction(m_dashboardAction);
}

void MainWindow::buildDashboard()
{
    // Two pages under the banner: the queue (with the drill-down bar above it while it
    // shows the incidents behind a KPI) and the KPI dashboard.
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("mainPages"));
    m_drillDown = new DrillDownBar(this);
    auto *queuePage = new QWidget(m_pages);
    auto *queueLayout = new QVBoxLayout(queuePage);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->setSpacing(0);
    queueLayout->addWidget(m_drillDown);
    queueLayout->addWidget(m_splitter, 1);
    m_dashboard = new KpiDashboard(m_session, m_pages);
    m_pages->addWidget(queuePage);
    m_pages->addWidget(m_dashboard);

    m_dashboardAction = new QAction(tr("&Dashboard"), this);
    m_dashboardAction->setObjectName(QStringLiteral("dashboardAction"));
    m_dashboardAction->setCheckable(true);
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_dashboardAction->setToolTip(tr("KPI dashboard (%1)").arg(m_dashboardAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_dashboardAction, &QAction::toggled, this, &MainWindow::showDashboard);
    connect(m_dashboard, &KpiDashboard::drillDownReady, this, &MainWindow::showDrillDown);
    connect(m_drillDown, &DrillDownBar::backToDashboardRequested, this, [this] {
        leaveDrillDown();
        showDashboard(true);
    });
    connect(m_drillDown, &DrillDownBar::closeRequested, this, &MainWindow::leaveDrillDown);
}

void MainWindow::showDashboard(bool show)
{
    m_pages->setCurrentWidget(show ? static_cast<QWidget *>(m_dashboard) : m_pages->widget(0));
    const QSignalBlocker blocker(m_dashboardAction);
    m_dashboardAction->setChecked(show);
}

bool MainWindow::isDashboardShown() const
{
    return m_pages->currentWidget() == m_dashboard;
}

void MainWindow::showDrillDown(const QString &title, const QStringList &incidentIds)
{
    // The incidents behind a KPI are mostly resolved long ago: the session pins them in
    // the queue model and reads them; the proxy shows exactly them as they arrive.
    m_queue->filterEdit()->clear();
    m_session.loadIncidentSet(incidentIds);
    m_session.queueProxy()->setIncidentIds(QSet<QString>(incidentIds.begin(), incidentIds.end()));
    m_drillDown->showTitle(title);
    m_sidebar->showNoQueue();
    showDashboard(false);
    m_queue->updateEmptyState();
    updateCounts();
}

void MainWindow::leaveDrillDown()
{
    if (!m_session.queueProxy()->hasIncidentIds())
        return;
    m_session.queueProxy()->clearIncidentIds();
    m_session.loadIncidentSet({});
    m_drillDown->hide();
    if (m_sidebar->isShowingNoQueue())
        m_sidebar->setCurrentQueue(m_sidebar->currentQueue());
    m_queue->updateEmptyState();
    updateCounts();
}

void MainWindow::connectSession()
{
    connect(&m_session, &ConsoleSession::opened, this, [this](const QString &path) { m_statusBar->setDatabase(path); });
    connect(&m_session, &ConsoleSession::failed, this, &MainWindow::showDatabaseError);
    connect(&m_session, &ConsoleSession::queueLoaded, this, [this] {
        m_queue->setLoading(false);
        updateCounts();
    });
    connect(&m_session, &ConsoleSession::queueAboutToChange, m_queue, &QueueView::rememberScrollAnchor);
    connect(&m_session, &ConsoleSession::queueChanged, this, [this] {
        m_queue->restoreScrollAnchor();
        updateCounts();
        updateSelection();
    });
    connect(&m_session, &ConsoleSession::incidentLoaded, m_detail, &DetailPane::showIncident);
    connect(&m_session, &ConsoleSession::incidentCleared, m_detail, &DetailPane::showEmpty);
    connect(&m_session, &ConsoleSession::slaDescribed, m_detail, &DetailPane::showSla);
    connect(&m_session, &ConsoleSession::slaFailed, this, [this](const core::DatabaseError &error) {
        m_statusBar->showMessage(tr("SLA clocks unavailable: %1").arg(error.message));
    });
}

void MainWindow::connectSync()
{
    SyncStatusIndicator *indicator = m_statusBar->syncIndicator();
    connect(&m_session, &ConsoleSession::syncStatusChanged, this, [this, indicator](const core::SyncStatus &status) {
        indicator->setServer(m_session.syncTarget().serverUrl.toDisplayString());
        indicator->setStatus(status);
    });
    connect(&m_session, &ConsoleSession::syncFailed, this, [this](const core::DatabaseError &error) {
        m_statusBar->showMessage(tr("Sync stopped: %1").arg(error.message));
    });
    connect(indicator, &SyncStatusIndicator::conflictsRequested, this, &MainWindow::showConflicts);
    connect(m_connection, &ConnectionController::statusMessage, this,
            [this](const QString &message) { m_statusBar->showMessage(message, 8000); });
}

ConflictsView *MainWindow::showConflicts()
{
    if (!m_conflicts) {
        m_conflicts = new ConflictsView(m_session.conflictsModel(), this);
        m_conflicts->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_conflicts, &ConflictsView::dismissRequested, &m_session, &ConsoleSession::dismissConflict);
        connect(m_conflicts, &ConflictsView::retryRequested, &m_session, &ConsoleSession::retryConflict);
        connect(m_conflicts, &ConflictsView::showIncidentRequested, this, &MainWindow::showIncident);
    }
    m_conflicts->show();
    m_conflicts->raise();
    m_conflicts->activateWindow();
    return m_conflicts;
}

bool MainWindow::showIncident(const QString &incidentId)
{
    showDashboard(false);
    if (m_queue->selectIncident(incidentId))
        return true;
    // Hidden by the queue or the filter the operator is in: show it among all open ones.
    m_queue->filterEdit()->clear();
    m_sidebar->setCurrentQueue(models::SavedQueue::AllOpen);
    return m_queue->selectIncident(incidentId);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, m_alerts, &AlertCenter::reloadSettings);
    dialog->open();
}

void MainWindow::updateCounts()
{
    m_statusBar->setCounts(m_session.queueProxy()->rowCount(),
                           m_session.savedQueuesModel()->count(models::SavedQueue::AllOpen));
}

void MainWindow::updateSelection()
{
    m_actions->setSelection(m_queue->selectedEntries());
}

void MainWindow::showDatabaseError(const core::DatabaseError &error)
{
    // One dialog at a time: the reader and the writer report the same bad file.
    if (m_errorShown)
        return;
    m_errorShown = true;
    const bool fatal = !m_session.isLoaded();
    m_queue->setLoading(false);
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Nocturne — database problem"),
                                fatal ? tr("Nocturne cannot open the incident database.")
                                      : tr("Nocturne lost access to the incident database."),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("databaseErrorDialog"));
    box->setInformativeText(error.message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, this, [this, fatal] {
        m_errorShown = false;
        if (fatal)
            Q_EMIT unusableDatabaseAcknowledged();
    });
    box->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Nocturne"),
                                tr("<h3>Nocturne %1</h3><p>Nocturne — incident operations console.</p>"
                                   "<p>Watch live incident queues, acknowledge, triage, assign and resolve, "
                                   "on a local database that works with no network at all.</p>")
                                    .arg(QCoreApplication::applicationVersion()),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreLayout()
{
    const ConsoleSettings settings;
    if (const QByteArray geometry = settings.windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    else
        resize(1600, 900);
    restoreState(settings.windowState());
    m_splitter->restoreState(settings.mainSplitterState());
    m_queue->restoreHeaderState(settings.queueHeaderState());
    const int queue = settings.savedQueue();
    if (queue >= 0 && queue < models::SavedQueueCount)
        m_sidebar->setCurrentQueue(static_cast<models::SavedQueue>(queue));
}

void MainWindow::saveLayout()
{
    ConsoleSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setMainSplitterState(m_splitter->saveState());
    settings.setQueueHeaderState(m_queue->headerState());
    settings.setSavedQueue(int(m_sidebar->currentQueue()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace nocturne::ui
