#pragma once

#include <QFrame>

#include <core/engine/kpireport.h>

class QLabel;

namespace nocturne::ui {

// "MTTR", "FCR", "Response SLA": the short name a tile and a drill-down title use.
QString kpiShortLabel(core::KpiMeasure measure);
// A value for people: "2h 14m" for durations, "87.5 %" for ratios, "412" for counts,
// "4.2 / 5" for satisfaction.
QString formatKpiValue(core::KpiMeasure measure, double value);
// What the KPI means and how it is computed (docs/kpi.md, in short), for tooltips.
QString kpiDefinition(core::KpiMeasure measure);

// One KPI tile of the dashboard: its name, the value now, the target ("target < 4h"),
// the change against the previous period ("▲ 12 % vs previous 30 days", green when it
// moved the good way), framed green when the target is met, red when it is missed and
// neutral without a target. The definition is the tooltip; a click asks for the
// incidents behind the number.
class KpiTileWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiTileWidget)
public:
    explicit KpiTileWidget(QWidget *parent = nullptr);
    ~KpiTileWidget() override;

    // `previousPeriodDays`: the length of the period compared with, for "vs previous N days".
    void setTile(const core::KpiTile &tile, int previousPeriodDays);
    const core::KpiTile &tile() const { return m_tile; }

    QString titleText() const;
    QString valueText() const;
    QString targetText() const;
    QString changeText() const;

Q_SIGNALS:
    void clicked(nocturne::core::KpiMeasure measure);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    core::KpiTile m_tile;
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_target;
    QLabel *m_change;
};

} // namespace nocturne::ui
