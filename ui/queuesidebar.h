#pragma once

#include <models/savedqueue.h>

#include <QListView>

namespace nocturne::models {
class SavedQueuesModel;
}

namespace nocturne::ui {

// The saved queues with their live counts; choosing one switches the queue table.
class QueueSidebar final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueSidebar)
public:
    explicit QueueSidebar(models::SavedQueuesModel *model, QWidget *parent = nullptr);
    ~QueueSidebar() override;

    models::SavedQueue currentQueue() const;
    void setCurrentQueue(models::SavedQueue queue);
    // While the queue shows something else (a KPI drill-down) no saved queue is
    // highlighted; a click on any of them, the current one included, chooses it again.
    void showNoQueue();
    bool isShowingNoQueue() const { return m_showingNoQueue; }

Q_SIGNALS:
    void queueChosen(nocturne::models::SavedQueue queue);

private:
    bool m_showingNoQueue = false;
};

} // namespace nocturne::ui
