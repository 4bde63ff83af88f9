#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

#include <core/import/importresult.h>
#include <core/import/importworker.h>
#include <core/threading/ownedthread.h>

class QAction;
class QProgressDialog;
class QWidget;

namespace nocturne::ui {

class ConsoleSession;

// The console's File ▸ Import entries: asks for the file and options, runs the import
// on its own thread ("nocturne-import", its own connection and EventStore beside the
// store thread's writer), shows a cancelable progress dialog and then the counts and
// skipped rows. The queue picks the new incidents up by itself (the queue reader polls
// the file's data_version). One import at a time.
class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    ImportController(ConsoleSession &session, QWidget *window);
    ~ImportController() override;

    QAction *serviceNowAction() const { return m_serviceNow; }
    QAction *jiraAction() const { return m_jira; }

    // Starts an import without asking (the dialogs' end, and the tests' entry point).
    // Returns false when one is already running or no database is open.
    bool startImport(
        const QString &source, const QString &file, const core::ImportOptions &options);
    bool isRunning() const { return m_running; }
    void cancel();
    // The result dialog is shown unless told otherwise (tests read the signal instead).
    void setShowsResult(bool shows) { m_showsResult = shows; }

Q_SIGNALS:
    void progressed(int percent);
    void finished(const nocturne::core::ImportResult &result);

private:
    void ask(const QString &source);
    void onProgress(int percent);
    void onFinished(const core::ImportResult &result);
    void showResult(const core::ImportResult &result);

    ConsoleSession &m_session;
    QWidget *m_window;
    QAction *m_serviceNow;
    QAction *m_jira;
    std::unique_ptr<core::OwnedThread<core::ImportWorker>> m_thread;
    QPointer<QProgressDialog> m_progress;
    QString m_file;
    bool m_running = false;
    bool m_showsResult = true;
};

} // namespace nocturne::ui
