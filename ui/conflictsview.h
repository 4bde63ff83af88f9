#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace nocturne::models {
class ConflictsModel;
}

namespace nocturne::ui {

// View ▸ Conflicts: the events of this replica the server refused, or a merge made
// invalid, with the reason for each. Dismiss takes one off the list (the event stays in
// the history); Retry offers it to the server again (after a role change, say).
// Double-clicking a row asks for its incident in the detail pane. Non-modal: the
// operator keeps working while it is open.
class ConflictsView final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsView)
public:
    explicit ConflictsView(models::ConflictsModel *model, QWidget *parent = nullptr);
    ~ConflictsView() override;

    QTableView *table() const { return m_table; }
    QPushButton *dismissButton() const { return m_dismiss; }
    QPushButton *retryButton() const { return m_retry; }
    QStringList selectedEventIds() const;

Q_SIGNALS:
    void dismissRequested(const QString &eventId);
    void retryRequested(const QString &eventId);
    void showIncidentRequested(const QString &incidentId);

private:
    void updateButtons();

    models::ConflictsModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    QPushButton *m_dismiss;
    QPushButton *m_retry;
};

} // namespace nocturne::ui
