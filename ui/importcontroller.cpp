#include "importcontroller.h"

#include "consolesession.h"
#include "importdialog.h"

#include <QAction>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

namespace nocturne::ui {

ImportController::ImportController(ConsoleSession &session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_serviceNow(new QAction(tr("Import from &ServiceNow…"), this))
    , m_jira(new QAction(tr("Import from &Jira…"), this))
{
    setObjectName(QStringLiteral("importController"));
    m_serviceNow->setObjectName(QStringLiteral("importServiceNowAction"));
    m_jira->setObjectName(QStringLiteral("importJiraAction"));
    connect(m_serviceNow, &QAction::triggered, this, [this] { ask(QStringLiteral("servicenow")); });
    connect(m_jira, &QAction::triggered, this, [this] { ask(QStringLiteral("jira")); });
}

ImportController::~ImportController()
{
    // Stops between batches; the thread's destructor then waits for the worker.
    if (m_thread)
        m_thread->worker()->cancel();
}

void ImportController::ask(const QString &source)
{
    if (m_running)
        return;
    auto *dialog = new ImportDialog(source, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, source] { startImport(source, dialog->filePath(), dialog->options()); });
    dialog->open();
}

bool ImportController::startImport(
    const QString &source, const QString &file, const core::ImportOptions &options)
{
    if (m_running || m_session.databasePath().isEmpty())
        return false;
    m_running = true;
    m_file = file;
    m_serviceNow->setEnabled(false);
    m_jira->setEnabled(false);
    if (!m_thread) {
        m_thread = std::make_unique<core::OwnedThread<core::ImportWorker>>(
            QStringLiteral("nocturne-import"), std::make_unique<core::ImportWorker>());
        connect(m_thread->worker(), &core::ImportWorker::progressed, this,
            &ImportController::onProgress);
        connect(
            m_thread->worker(), &core::ImportWorker::finished, this, &ImportController::onFinished);
    }
    m_progress = new QProgressDialog(
        tr("Importing %1…").arg(QFileInfo(file).fileName()), tr("Cancel"), 0, 100, m_window);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setWindowTitle(tr("Import"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, &ImportController::cancel);
    m_progress->open();
    m_thread->worker()->start(m_session.databasePath(), source, file, options);
    return true;
}

void ImportController::cancel()
{
    if (m_running && m_thread)
        m_thread->worker()->cancel();
    if (m_progress)
        m_progress->setLabelText(tr("Stopping after the current batch…"));
}

void ImportController::onProgress(int percent)
{
    if (m_progress)
        m_progress->setValue(percent);
    Q_EMIT progressed(percent);
}

void ImportController::onFinished(const core::ImportResult &result)
{
    m_running = false;
    m_serviceNow->setEnabled(true);
    m_jira->setEnabled(true);
    if (m_progress) {
        // Disconnect first: closing a progress dialog counts as cancelling it.
        m_progress->disconnect(this);
        m_progress->close();
    }
    if (m_showsResult)
        showResult(result);
    Q_EMIT finished(result);
}

void ImportController::showResult(const core::ImportResult &result)
{
    auto *box = new QMessageBox(m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("importResult"));
    box->setWindowTitle(tr("Import"));
    if (!result.fatal.isEmpty()) {
        box->setIcon(QMessageBox::Warning);
        box->setText(tr("Nothing was imported."));
        box->setInformativeText(result.fatal);
        box->open();
        return;
    }
    box->setIcon(result.error.isEmpty() ? QMessageBox::Information : QMessageBox::Warning);
    QString text = result.cancelled
        ? tr("Import stopped: the incidents stored so far stay; importing again resumes.")
        : tr("Imported %1.").arg(QFileInfo(m_file).fileName());
    if (!result.error.isEmpty())
        text = tr("The database refused part of the import: %1").arg(result.error);
    box->setText(text);
    box->setInformativeText(tr("%1 rows read\n%2 incidents created, %3 updated, %4 unchanged\n%5 "
                               "events appended\n%6 rows skipped")
                                .arg(result.rowsRead)
                                .arg(result.incidentsCreated)
                                .arg(result.incidentsUpdated)
                                .arg(result.incidentsUnchanged)
                                .arg(result.eventsAppended)
                                .arg(result.skipped.size()));
    QStringList details;
    for (const core::SkippedRow &row : result.skipped)
        details << tr("Row %1 (line %2): %3").arg(row.row).arg(row.line).arg(row.reason);
    for (const QString &renumbered : result.renumbered)
        details << tr("Renumbered: %1").arg(renumbered);
    for (const QString &conflict : result.conflicts)
        details << tr("Kept as imported before: %1").arg(conflict);
    if (!details.isEmpty())
        box->setDetailedText(details.join(QLatin1Char('\n')));
    box->open();
}

} // namespace nocturne::ui
