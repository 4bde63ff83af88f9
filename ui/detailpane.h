#pragma once

#include <core/domain/incident.h>

#include <QHash>
#include <QWidget>

class QAction;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QTableView;

namespace nocturne::models {
class TimelineModel;
}

namespace nocturne::ui {

// The selected incident: its fields, its timeline (what happened, who, when it really
// happened and when it was recorded) and buttons for the actions that apply to it.
// Shows what to do when nothing is selected.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)
public:
    DetailPane(models::TimelineModel *timeline, const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~DetailPane() override;

    void showIncident(const core::Incident &incident);
    void showEmpty();
    const core::Incident &incident() const { return m_incident; }
    QTableView *timelineView() const { return m_timeline; }

private:
    QWidget *buildDetails(const QList<QAction *> &actions);
    QLabel *addField(QFormLayout *form, const QString &label, const QString &key);
    void setField(const QString &key, const QString &value);

    QStackedWidget *m_stack;
    QLabel *m_heading;
    QLabel *m_priority;
    QLabel *m_description;
    QTableView *m_timeline;
    QHash<QString, QLabel *> m_fields;
    core::Incident m_incident;
};

} // namespace nocturne::ui
