#pragma once

#include <QMap>
#include <QWidget>

#include <core/engine/kpireport.h>
#include <core/storage/databaseerror.h>

class QGridLayout;
class QLabel;
class QProgressBar;

namespace nocturne::ui {

class ConsoleSession;
class KpiCharts;
class KpiFilterBar;
class KpiTileWidget;

// "MTTR · 1–30 Nov 2026", the period in the query's zone: days, with the month and
// year said once where they are shared.
QString formatKpiPeriod(const core::KpiQuery &query);
// "MTTR · week of 16 Nov · P2 · 1–30 Nov 2026 · 412 incidents": what a drill-down shows.
QString drillDownTitle(
    const core::KpiQuery &query, const core::KpiSelection &selection, int incidents);

// The supervisor's KPI dashboard: filters, tiles, charts. Every computation runs on the
// session's KPI worker ("nocturne-kpi"); the dashboard shows its progress and stays
// responsive, and a newer request (a filter changed again) supersedes an older one, whose
// late result is dropped by request id. It computes when first shown, on Refresh and on
// every filter change. A click on a tile, a bar or a point asks the worker for the
// incidents behind that number and hands them on with a title (drillDownReady).
class KpiDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiDashboard)
public:
    explicit KpiDashboard(ConsoleSession &session, QWidget *parent = nullptr);
    ~KpiDashboard() override;

    void refresh();
    void drillDown(const core::KpiSelection &selection);

    const core::KpiReportPtr &report() const { return m_report; }
    bool isComputing() const { return m_computing; }
    // The last compute request's id; a report with this id is the one shown.
    quint64 currentRequestId() const { return m_computeRequest; }
    KpiFilterBar *filterBar() const { return m_filters; }
    KpiCharts *charts() const { return m_charts; }
    QProgressBar *progressBar() const { return m_progress; }
    KpiTileWidget *tile(core::KpiMeasure measure) const { return m_tiles.value(measure); }
    QList<KpiTileWidget *> tiles() const;

Q_SIGNALS:
    void reportShown(const nocturne::core::KpiReportPtr &report);
    void drillDownReady(const QString &title, const QStringList &incidentIds);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onProgress(quint64 requestId, int percent, const QString &stage);
    void onComputed(quint64 requestId, const core::KpiReportPtr &report);
    void onDrilledDown(
        quint64 requestId, const core::KpiSelection &selection, const QStringList &incidentIds);
    void onFailed(quint64 requestId, const core::DatabaseError &error);
    void showReport(const core::KpiReportPtr &report);
    void setComputing(bool computing, const QString &stage = {});

    ConsoleSession &m_session;
    KpiFilterBar *m_filters;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_heading;
    QGridLayout *m_tileGrid;
    QMap<core::KpiMeasure, KpiTileWidget *> m_tiles;
    QList<KpiTileWidget *> m_tileOrder;
    KpiCharts *m_charts;
    core::KpiReportPtr m_report;
    quint64 m_nextRequest = 1;
    quint64 m_computeRequest = 0;
    quint64 m_drillRequest = 0;
    bool m_computing = false;
    bool m_wantsCompute = false; // asked before the database was open
    bool m_refreshQueued = false;
};

} // namespace nocturne::ui
