#pragma once

#include <core/engine/kpireport.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace nocturne::ui {

class ConsoleSession;
class HandoverDialog;

// The Reports menu's actions: "Shift handover…" (one dialog per window, kept so the
// notes survive closing it) and "Export KPI report…" as PDF, Markdown, CSV or JSON. The
// export uses the dashboard's report when it has one (the numbers on screen); otherwise
// it computes the last 30 days in a background job with its own connection.
class ReportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportActions)
public:
    using ReportSource = std::function<core::KpiReportPtr()>;
    ReportActions(ConsoleSession &session, QWidget *window, ReportSource currentReport);
    ~ReportActions() override;

    QAction *handoverAction() const { return m_handover; }
    QAction *exportKpiAction() const { return m_exportKpi; }
    HandoverDialog *handoverDialog() const { return m_dialog; }

    void showHandover();
    void exportKpiReport();

private:
    struct Computed
    {
        core::KpiReportPtr report;
        QString error;
    };
    void saveKpiReport(const core::KpiReport &report);

    ConsoleSession &m_session;
    QWidget *m_window;
    ReportSource m_currentReport;
    QAction *m_handover = nullptr;
    QAction *m_exportKpi = nullptr;
    QPointer<HandoverDialog> m_dialog;
    QFutureWatcher<Computed> m_watcher;
};

} // namespace nocturne::ui
