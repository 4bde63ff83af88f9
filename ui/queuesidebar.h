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

Q_SIGNALS:
    void queueChosen(nocturne::models::SavedQueue queue);
};

} // namespace nocturne::ui
