#include "incidentactions.h"

#include <QAction>
#include <QWidget>

namespace nocturne::ui {

using core::IncidentAction;

namespace {

// The lifecycle only looks at identity, state and acknowledgement.
core::Incident lifecycleView(const core::QueueEntry &e)
{
    core::Incident i;
    i.id = e.id;
    i.number = e.number;
    i.state = e.state;
    i.openedAt = e.openedAt;
    i.acknowledgedAt = e.acknowledgedAt;
    i.resolvedAt = e.resolvedAt;
    return i;
}

// Standard keys follow the platform, but some platforms define none (Quit on a bare X11).
QKeySequence standardOr(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QKeySequence standard(key);
    return standard.isEmpty() ? fallback : standard;
}

} // namespace

IncidentActions::IncidentActions(QWidget *window)
    : QObject(window)
{
    add(NewIncident, tr("&New incident…"), standardOr(QKeySequence::New, QKeySequence(Qt::CTRL | Qt::Key_N)), QStringLiteral("newIncidentAction"));
    add(Acknowledge, tr("&Acknowledge"), QKeySequence(Qt::CTRL | Qt::Key_K), QStringLiteral("acknowledgeAction"));
    add(Assign, tr("A&ssign…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), QStringLiteral("assignAction"));
    add(AssignToMe, tr("Assign to &me"), QKeySequence(Qt::CTRL | Qt::Key_M), QStringLiteral("assignToMeAction"));
    add(Hold, tr("Put on &hold…"), QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("holdAction"));
    add(Resume, tr("Res&ume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), QStringLiteral("resumeAction"));
    add(Resolve, tr("&Resolve…"), QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("resolveAction"));
    add(Close, tr("C&lose"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), QStringLiteral("closeIncidentAction"));
    add(Reopen, tr("Re&open…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QStringLiteral("reopenAction"));
    add(Cancel, tr("&Cancel incident…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), QStringLiteral("cancelAction"));
    add(Comment, tr("Add &comment…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), QStringLiteral("commentAction"));
    add(Refresh, tr("Re&fresh"), standardOr(QKeySequence::Refresh, QKeySequence(Qt::Key_F5)), QStringLiteral("refreshAction"));
    add(FocusFilter, tr("&Filter queue"), standardOr(QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F)), QStringLiteral("focusFilterAction"));
    add(Quit, tr("&Quit"), standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)), QStringLiteral("quitAction"));
    add(About, tr("&About Nocturne"), standardOr(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1)), QStringLiteral("aboutAction"));
    add(Settings, tr("&Settings…"), standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)), QStringLiteral("settingsAction"));
    action(Quit)->setMenuRole(QAction::QuitRole);
    action(Settings)->setMenuRole(QAction::PreferencesRole);
    action(About)->setMenuRole(QAction::AboutRole);
    setSelection({});
}

IncidentActions::~IncidentActions() = default;

QAction *IncidentActions::add(Id id, const QString &text, const QKeySequence &shortcut, const QString &objectName)
{
    auto *action = new QAction(text, parent());
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    QString plain = text;
    plain.remove(QLatin1Char('&'));
    if (!shortcut.isEmpty())
        action->setToolTip(tr("%1 (%2)").arg(plain, shortcut.toString(QKeySequence::NativeText)));
    static_cast<QWidget *>(parent())->addAction(action);
    m_actions.insert(id, action);
    return action;
}

IncidentAction IncidentActions::lifecycleAction(Id id)
{
    switch (id) {
    case Acknowledge: return IncidentAction::Acknowledge;
    case Assign:
    case AssignToMe: return IncidentAction::Assign;
    case Hold: return IncidentAction::Hold;
    case Resume: return IncidentAction::Resume;
    case Resolve: return IncidentAction::Resolve;
    case Close: return IncidentAction::Close;
    case Reopen: return IncidentAction::Reopen;
    case Cancel: return IncidentAction::Cancel;
    case Comment: return IncidentAction::Comment;
    default: return IncidentAction::Invalid;
    }
}

void IncidentActions::setSelection(const QList<core::QueueEntry> &selected)
{
    m_selection = selected;
    for (int id = 0; id < IdCount; ++id) {
        if (isIncidentAction(Id(id)))
            action(Id(id))->setEnabled(!applicable(Id(id)).isEmpty());
    }
}

QList<core::QueueEntry> IncidentActions::applicable(Id id) const
{
    QList<core::QueueEntry> out;
    const IncidentAction lifecycle = lifecycleAction(id);
    if (lifecycle == IncidentAction::Invalid)
        return out;
    for (const core::QueueEntry &e : m_selection) {
        if (core::refusalReason(lifecycleView(e), lifecycle).isEmpty())
            out << e;
    }
    return out;
}

} // namespace nocturne::ui
