#pragma once

#include <core/domain/incident.h>
#include <core/engine/slaclock.h>

#include <QHash>
#include <QWidget>

class QAction;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QTableView;

namespace nocturne::core {
class Clock;
}

namespace nocturne::models {
class TimelineModel;
}

namespace nocturne::ui {

class SlaPanel;

// The selected incident: its fields, its SLA clocks, its timeline (what happened, who,
// when it really happened and when it was recorded) and buttons for the actions that
// apply to it. Shows what to do when nothing is selected.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)
public:
    DetailPane(models::TimelineModel *timeline, const core::Clock &clock, const QList<QAction *> &actions,
               QWidget *parent = nullptr);
    ~DetailPane() override;

    void showIncident(const core::Incident &incident);
    void showEmpty();
    // The clocks of the incident shown (ignored when another one is shown by now).
    void showSla(const QString &incidentId, const QString &policyName, const QList<core::SlaClockStatus> &clocks);
    SlaPanel *slaPanel() const { return m_sla; }
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
    SlaPanel *m_sla;
    QTableView *m_timeline;
    QHash<QString, QLabel *> m_fields;
    core::Incident m_incident;
};

} // namespace nocturne::ui
