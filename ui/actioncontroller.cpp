#include "actioncontroller.h"

#include "actiondialogs.h"
#include "consolesession.h"
#include "newincidentdialog.h"
#include "queueview.h"

#include <QAction>
#include <QMessageBox>

namespace nocturne::ui {

using Id = IncidentActions::Id;

ActionController::ActionController(ConsoleSession &session, IncidentActions &actions, QueueView &queue,
                                   QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_actions(actions)
    , m_queue(queue)
    , m_window(window)
{
    for (int id = 0; id < IncidentActions::IdCount; ++id) {
        if (IncidentActions::isIncidentAction(Id(id)))
            connect(m_actions.action(Id(id)), &QAction::triggered, this, [this, id] { trigger(Id(id)); });
    }
    connect(m_actions.action(Id::NewIncident), &QAction::triggered, this, &ActionController::openNewIncident);
    connect(&m_session, &ConsoleSession::commandsFinished, this, &ActionController::onFinished);
}

ActionController::~ActionController() = default;

QString ActionController::heading(const QList<core::QueueEntry> &targets) const
{
    if (targets.size() == 1)
        return tr("%1: %2").arg(targets.first().number, targets.first().title);
    QStringList numbers;
    for (const core::QueueEntry &e : targets.mid(0, 5))
        numbers << e.number;
    if (targets.size() > 5)
        numbers << tr("and %n more", nullptr, int(targets.size() - 5));
    return tr("%n incident(s): %1", nullptr, int(targets.size())).arg(numbers.join(QStringLiteral(", ")));
}

void ActionController::trigger(Id id)
{
    // Re-read the selection: a shortcut may fire before the last selection signal.
    m_actions.setSelection(m_queue.selectedEntries());
    const QList<core::QueueEntry> targets = m_actions.applicable(id);
    if (targets.isEmpty())
        return;
    const QString head = heading(targets);
    switch (id) {
    case Id::Acknowledge:
    case Id::Resume:
    case Id::Close: run(id, targets, {}); return;
    case Id::AssignToMe: run(id, targets, { { QStringLiteral("assignee"), m_session.currentUser() } }); return;
    case Id::Hold: askThenRun(id, targets, new HoldDialog(head, m_window)); return;
    case Id::Resolve: askThenRun(id, targets, new ResolveDialog(head, m_window)); return;
    case Id::Assign:
        askThenRun(id, targets, new AssignDialog(head, m_session.reference(), targets.first().assignmentGroup, m_window));
        return;
    case Id::Comment:
        askThenRun(id, targets,
                   new NoteDialog(tr("Add comment"), head, tr("&Comment:"), QStringLiteral("text"), true, m_window));
        return;
    case Id::Cancel:
        askThenRun(id, targets,
                   new NoteDialog(tr("Cancel incident"), head, tr("&Reason:"), QStringLiteral("reason"), true, m_window));
        return;
    case Id::Reopen:
        askThenRun(id, targets,
                   new NoteDialog(tr("Reopen"), head, tr("&Reason:"), QStringLiteral("reason"), true, m_window));
        return;
    default: return;
    }
}

void ActionController::askThenRun(Id id, const QList<core::QueueEntry> &targets, PayloadDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pendingDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, id, targets, dialog] { run(id, targets, dialog->payload()); });
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_pendingDialog == dialog)
            m_pendingDialog = nullptr;
    });
    dialog->open();
}

void ActionController::openNewIncident()
{
    auto *dialog = new NewIncidentDialog(m_session.reference(), m_window);
    dialog->setObjectName(QStringLiteral("newIncidentDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pendingDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        core::IncidentCommand command;
        command.action = core::IncidentAction::Open;
        command.payload = dialog->payload();
        m_pending.insert(m_session.execute({ command }), tr("open a new incident"));
    });
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_pendingDialog == dialog)
            m_pendingDialog = nullptr;
    });
    dialog->open();
}

void ActionController::run(Id id, const QList<core::QueueEntry> &targets, const QJsonObject &payload)
{
    QList<core::IncidentCommand> commands;
    commands.reserve(targets.size());
    for (const core::QueueEntry &e : targets) {
        core::IncidentCommand command;
        command.action = IncidentActions::lifecycleAction(id);
        command.incident = e.id;
        command.payload = payload;
        commands << command;
    }
    const quint64 request = m_session.execute(commands);
    m_pending.insert(request, core::actionLabel(IncidentActions::lifecycleAction(id)));
    Q_EMIT statusMessage(tr("Sent: %1 %n incident(s)…", nullptr, int(commands.size()))
                             .arg(core::actionLabel(IncidentActions::lifecycleAction(id))));
}

void ActionController::onFinished(quint64 requestId, const QList<core::CommandResult> &results)
{
    const QString what = m_pending.take(requestId);
    if (what.isEmpty())
        return; // not ours
    QStringList refusals;
    int done = 0;
    for (const core::CommandResult &r : results) {
        if (r.ok())
            ++done;
        else
            refusals << r.error;
    }
    if (refusals.isEmpty()) {
        if (results.size() == 1 && results.first().event.kind == core::EventKind::Opened)
            Q_EMIT statusMessage(tr("Opened %1").arg(results.first().incident.number));
        else
            Q_EMIT statusMessage(tr("Done: %1 %n incident(s)", nullptr, done).arg(what));
        return;
    }
    Q_EMIT statusMessage(tr("%1 of %2 done; %3 refused").arg(done).arg(results.size()).arg(refusals.size()));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some actions were refused"),
                                tr("Could not %1 %n incident(s).", nullptr, int(refusals.size())).arg(what),
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("refusalDialog"));
    box->setDetailedText(refusals.join(QLatin1Char('\n')));
    box->setInformativeText(refusals.first());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace nocturne::ui
