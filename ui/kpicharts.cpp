#include "kpicharts.h"

#include "chartadapter.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <models/kpichartmodel.h>

namespace nocturne::ui {

using models::KpiChartModel;
using models::KpiChartUnit;

namespace {

ChartSpec specOf(KpiChart which)
{
    ChartSpec spec;
    switch (which) {
    case KpiChart::ResponseTimes:
        spec.kind = ChartSpec::Kind::GroupedBars;
        spec.valueAxisTitle = KpiCharts::tr("hours (mean)");
        spec.labelFormat = QStringLiteral("%.1f");
        break;
    case KpiChart::Volume:
        spec.kind = ChartSpec::Kind::StackedBars;
        spec.valueAxisTitle = KpiCharts::tr("incidents opened");
        break;
    case KpiChart::Backlog:
        spec.kind = ChartSpec::Kind::TimeLine;
        spec.valueAxisTitle = KpiCharts::tr("open at end of day");
        break;
    case KpiChart::Compliance:
        spec.kind = ChartSpec::Kind::GroupedBars;
        spec.valueAxisTitle = KpiCharts::tr("% met");
        spec.valueAxisMax = 100;
        break;
    case KpiChart::Availability:
        spec.kind = ChartSpec::Kind::BarsWithLine;
        spec.lineColumn = 1;
        spec.valueAxisTitle = KpiCharts::tr("% available");
        spec.fitValueRange = true;
        spec.horizontal = true;
        spec.valueAxisMax = 100;
        spec.labelFormat = QStringLiteral("%.1f");
        break;
    case KpiChart::Pareto:
        spec.kind = ChartSpec::Kind::BarsWithLine;
        spec.lineColumn = 1;
        spec.lineOnSecondaryAxis = true;
        spec.horizontal = true;
        spec.valueAxisTitle = KpiCharts::tr("incidents opened");
        break;
    }
    return spec;
}

KpiChartUnit unitOf(KpiChart which)
{
    switch (which) {
    case KpiChart::ResponseTimes:
        return KpiChartUnit::Hours;
    case KpiChart::Compliance:
    case KpiChart::Availability:
        return KpiChartUnit::Percent;
    default:
        return KpiChartUnit::Count;
    }
}

const char *exportNameOf(KpiChart which)
{
    switch (which) {
    case KpiChart::ResponseTimes:
        return "mtta-mttr-by-week";
    case KpiChart::Volume:
        return "volume-by-priority";
    case KpiChart::Backlog:
        return "backlog";
    case KpiChart::Compliance:
        return "sla-compliance-by-priority";
    case KpiChart::Availability:
        return "availability-by-service";
    case KpiChart::Pareto:
        return "category-pareto";
    }
    return "chart";
}

} // namespace

QString KpiCharts::title(KpiChart which)
{
    switch (which) {
    case KpiChart::ResponseTimes:
        return tr("MTTA and MTTR by week");
    case KpiChart::Volume:
        return tr("Incidents opened by week and priority");
    case KpiChart::Backlog:
        return tr("Backlog (open incidents)");
    case KpiChart::Compliance:
        return tr("SLA compliance by priority");
    case KpiChart::Availability:
        return tr("Availability per service, worst %1 (dashed: target)")
            .arg(KpiChartModel::MostRows);
    case KpiChart::Pareto:
        return tr("Pareto of categories, top %1 (line: cumulative share)")
            .arg(KpiChartModel::MostRows);
    }
    return {};
}

KpiCharts::KpiCharts(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    for (int i = 0; i < KpiChartCount; ++i) {
        const auto which = static_cast<KpiChart>(i);
        auto *frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(6, 4, 6, 6);
        box->setSpacing(2);
        auto *header = new QHBoxLayout;
        auto *label = new QLabel(title(which), frame);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        auto *adapter = new ChartAdapter(frame);
        adapter->setObjectName(QStringLiteral("chart_") + QLatin1String(exportNameOf(which)));
        adapter->setExportName(QLatin1String(exportNameOf(which)));
        auto *exportButton = new QToolButton(frame);
        exportButton->setDefaultAction(adapter->exportAction());
        exportButton->setAutoRaise(true);
        header->addWidget(label, 1);
        header->addWidget(exportButton);
        box->addLayout(header);
        box->addWidget(adapter, 1);
        auto *model = new KpiChartModel(unitOf(which), this);
        adapter->setModel(model, specOf(which));
        m_charts.at(std::size_t(i)) = adapter;
        m_models.at(std::size_t(i)) = model;
        connect(adapter, &ChartAdapter::clicked, this, [this, which](int row, int column) {
            core::KpiSelection selection;
            if (selectionAt(which, row, column, &selection))
                Q_EMIT selected(selection);
        });
        grid->addWidget(frame, i / 3, i % 3);
    }
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
}

KpiCharts::~KpiCharts() = default;

void KpiCharts::setReport(const core::KpiReportPtr &report)
{
    m_report = report;
    if (!report) {
        for (KpiChartModel *model : m_models)
            model->setTable({});
        return;
    }
    const QTimeZone zone(report->query.timeZone);
    const QTimeZone shown = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    model(KpiChart::ResponseTimes)->setTable(KpiChartModel::responseTimesByWeek(*report, shown));
    model(KpiChart::Volume)->setTable(KpiChartModel::volumeByWeek(*report, shown));
    model(KpiChart::Backlog)->setTable(KpiChartModel::backlogByDay(*report, shown));
    model(KpiChart::Compliance)->setTable(KpiChartModel::complianceByPriority(*report));
    model(KpiChart::Availability)->setTable(KpiChartModel::availabilityByService(*report));
    model(KpiChart::Pareto)->setTable(KpiChartModel::categoryPareto(*report));
}

bool KpiCharts::selectionAt(
    KpiChart which, int row, int column, core::KpiSelection *selection) const
{
    const KpiChartModel *m = model(which);
    if (row < 0 || row >= m->rowCount() || column < 0 || column >= m->columnCount())
        return false;
    const QVariant key = m->headerData(row, Qt::Vertical, models::KpiChartRole::RowKey);
    core::KpiSelection s;
    switch (which) {
    case KpiChart::ResponseTimes:
        s.measure = column == 0 ? core::KpiMeasure::Mtta : core::KpiMeasure::Mttr;
        s.weekStartUtcMs = key.toLongLong();
        break;
    case KpiChart::Volume:
        s.measure = core::KpiMeasure::Volume;
        s.weekStartUtcMs = key.toLongLong();
        s.priority = column + 1;
        break;
    case KpiChart::Backlog:
        // A point: the incidents open at that instant (the end of that day).
        s.measure = core::KpiMeasure::Backlog;
        s.weekStartUtcMs = key.toLongLong();
        break;
    case KpiChart::Compliance:
        s.measure = column == 0 ? core::KpiMeasure::ResponseCompliance
                                : core::KpiMeasure::ResolutionCompliance;
        s.priority = key.toInt();
        break;
    case KpiChart::Availability:
        if (column != 0)
            return false; // the target line
        s.measure = core::KpiMeasure::Availability;
        s.name = key.toString();
        s.nameOf = core::KpiSelection::NameOf::Service;
        if (s.name.isEmpty())
            return false;
        break;
    case KpiChart::Pareto:
        s.measure = core::KpiMeasure::Volume;
        s.name = key.toString();
        s.nameOf = core::KpiSelection::NameOf::Category;
        if (s.name.isEmpty())
            return false; // incidents without a category: an empty name would mean all
        break;
    }
    *selection = s;
    return true;
}

} // namespace nocturne::ui
