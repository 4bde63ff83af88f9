#pragma once

#include <core/domain/lifecycle.h>
#include <core/storage/queueentry.h>

#include <QHash>
#include <QObject>

class QAction;
class QWidget;

namespace nocturne::ui {

// Everything an operator can do from the console, as QActions with keyboard shortcuts
// (shown in menus and tooltips). Incident actions enable themselves from the lifecycle
// table for the current selection: an action is available when at least one selected
// incident allows it, and a bulk action then runs on each selected incident that does.
class IncidentActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentActions)
public:
    enum Id {
        NewIncident,
        Acknowledge,
        Assign,
        AssignToMe,
        Hold,
        Resume,
        Resolve,
        Close,
        Reopen,
        Cancel,
        Comment,
        Refresh,
        FocusFilter,
        Quit,
        About,
        Settings,
        IdCount // sentinel
    };

    // Actions are created as children of the window so their shortcuts work anywhere in it.
    explicit IncidentActions(QWidget *window);
    ~IncidentActions() override;

    QAction *action(Id id) const { return m_actions.value(id); }
    // The lifecycle action an incident action stands for (Invalid for the others).
    static core::IncidentAction lifecycleAction(Id id);
    static bool isIncidentAction(Id id) { return lifecycleAction(id) != core::IncidentAction::Invalid; }

    void setSelection(const QList<core::QueueEntry> &selected);
    // The selected incidents the action applies to, in selection order.
    QList<core::QueueEntry> applicable(Id id) const;

private:
    QAction *add(Id id, const QString &text, const QKeySequence &shortcut, const QString &objectName);

    QHash<int, QAction *> m_actions;
    QList<core::QueueEntry> m_selection;
};

} // namespace nocturne::ui
