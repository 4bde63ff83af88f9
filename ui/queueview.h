#pragma once

#include <core/storage/queueentry.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace nocturne::models {
class QueueFilterProxy;
}

namespace nocturne::ui {

// The queue table with its instant filter. Columns can be hidden from the header's
// context menu and dragged to reorder; the header state is exposed so the window can
// persist it. Across live changes the view keeps its selection (persistent indexes)
// and its scroll position anchored on the incident at the top of the viewport. The SLA
// countdowns are live: the view repaints itself once a second.
class QueueView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueView)
public:
    explicit QueueView(models::QueueFilterProxy *proxy, QWidget *parent = nullptr);
    ~QueueView() override;

    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }

    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

    QList<core::QueueEntry> selectedEntries() const;
    // The incident under the keyboard cursor: the one the detail pane shows.
    QString currentIncidentId() const;
    bool selectIncident(const QString &incidentId);

    // Called by the window around each batch of live changes.
    void rememberScrollAnchor();
    void restoreScrollAnchor();
    // Shown instead of an empty table, so an empty queue says why it is empty.
    void setLoading(bool loading);
    void updateEmptyState();
    // How often the SLA countdowns are repainted (1 s; tests may go faster).
    void setCountdownInterval(int ms);

Q_SIGNALS:
    void selectionChanged();
    void currentIncidentChanged(const QString &incidentId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    void onCurrentChanged();

    models::QueueFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_emptyState;
    QTimer *m_countdown;
    QString m_anchorId;
    QString m_lastCurrentId;
    bool m_loading = true;
};

} // namespace nocturne::ui
