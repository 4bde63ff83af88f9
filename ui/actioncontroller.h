#pragma once

#include "incidentactions.h"

#include <core/domain/command.h>

#include <QHash>
#include <QObject>

class QWidget;

namespace nocturne::ui {

class ConsoleSession;
class QueueView;
class PayloadDialog;

// Turns the operator's actions into commands: asks for what an action needs (a hold
// reason, a resolution code, a group) in a window-modal dialog opened without a nested
// event loop, then sends one command per applicable selected incident to the writer,
// and reports refusals when the writer answers.
class ActionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionController)
public:
    ActionController(ConsoleSession &session, IncidentActions &actions, QueueView &queue, QWidget *window);
    ~ActionController() override;

    // The dialog an action opened and that is still waiting for the operator (tests).
    PayloadDialog *pendingDialog() const { return m_pendingDialog; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void trigger(IncidentActions::Id id);
    void openNewIncident();
    void run(IncidentActions::Id id, const QList<core::QueueEntry> &targets, const QJsonObject &payload);
    void askThenRun(IncidentActions::Id id, const QList<core::QueueEntry> &targets, PayloadDialog *dialog);
    void onFinished(quint64 requestId, const QList<core::CommandResult> &results);
    QString heading(const QList<core::QueueEntry> &targets) const;

    ConsoleSession &m_session;
    IncidentActions &m_actions;
    QueueView &m_queue;
    QWidget *m_window;
    PayloadDialog *m_pendingDialog = nullptr;
    QHash<quint64, QString> m_pending; // request id -> what was asked, for the report
};

} // namespace nocturne::ui
