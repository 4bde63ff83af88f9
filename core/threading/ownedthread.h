#pragma once

#include <QObject>
#include <QThread>

#include <memory>

namespace nocturne::core {

// A named thread that runs one worker QObject and is stopped RAII-style: destruction
// deletes the worker on its own thread, then quits and waits.
template<typename Worker>
class OwnedThread final
{
    Q_DISABLE_COPY_MOVE(OwnedThread)
public:
    explicit OwnedThread(const QString &name, std::unique_ptr<Worker> worker)
        : m_worker(worker.release())
    {
        m_thread.setObjectName(name);
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }

    ~OwnedThread()
    {
        // Quit through the worker's own queue, so that work already posted to it (an
        // operator's last action before closing the window) still runs first.
        QThread *thread = &m_thread;
        QMetaObject::invokeMethod(m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
        m_thread.wait();
    }

    Worker *worker() const { return m_worker; }

private:
    QThread m_thread;
    Worker *m_worker; // deleted on its thread when the thread finishes
};

} // namespace nocturne::core
