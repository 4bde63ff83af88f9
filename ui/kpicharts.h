#pragma once

#include <QWidget>

#include <array>

#include <core/engine/kpireport.h>

namespace nocturne::models {
class KpiChartModel;
}

namespace nocturne::ui {

class ChartAdapter;

enum class KpiChart { ResponseTimes, Volume, Backlog, Compliance, Availability, Pareto };
constexpr int KpiChartCount = 6;

// The dashboard's six charts, each a KpiChartModel shown through a ChartAdapter in a
// titled frame with an "Export PNG…" button: MTTA and MTTR by week, volume by week
// stacked by priority, backlog by day, SLA compliance by priority, availability per
// service against its target, and the Pareto of categories. A click on a bar or a
// point becomes the KpiSelection of the incidents behind it.
class KpiCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiCharts)
public:
    explicit KpiCharts(QWidget *parent = nullptr);
    ~KpiCharts() override;

    void setReport(const core::KpiReportPtr &report);
    ChartAdapter *chart(KpiChart which) const { return m_charts.at(std::size_t(which)); }
    models::KpiChartModel *model(KpiChart which) const { return m_models.at(std::size_t(which)); }
    static QString title(KpiChart which);
    // The selection a click on (row, column) of a chart stands for; false when that
    // bar or point has no incidents of its own to show (a target line).
    bool selectionAt(KpiChart which, int row, int column, core::KpiSelection *selection) const;

Q_SIGNALS:
    void selected(const nocturne::core::KpiSelection &selection);

private:
    std::array<ChartAdapter *, KpiChartCount> m_charts {};
    std::array<models::KpiChartModel *, KpiChartCount> m_models {};
    core::KpiReportPtr m_report;
};

} // namespace nocturne::ui
