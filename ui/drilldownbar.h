#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace nocturne::ui {

// Above the queue while it shows a KPI drill-down: what the incidents are ("MTTR ·
// 1–30 Nov 2026 · 412 incidents") and the ways back, to the dashboard or to the
// operator's saved queue.
class DrillDownBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrillDownBar)
public:
    explicit DrillDownBar(QWidget *parent = nullptr);
    ~DrillDownBar() override;

    void showTitle(const QString &title);
    QString title() const;

Q_SIGNALS:
    void backToDashboardRequested();
    void closeRequested();

private:
    QLabel *m_title;
    QPushButton *m_back;
    QPushButton *m_close;
};

} // namespace nocturne::ui
