#include "kpichartmodel.h"

#include "queueformat.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
#include <limits>

#include <core/domain/labels.h>

namespace nocturne::models {

namespace {

constexpr double NoData = std::numeric_limits<double>::quiet_NaN();
constexpr double MsPerHour = 3600.0 * 1000.0;

double hoursOf(const core::DurationSummary &summary)
{
    return summary.count > 0 ? summary.meanMs / MsPerHour : NoData;
}

double percentOf(const core::Ratio &ratio)
{
    return ratio.hasData() ? ratio.percent() : NoData;
}

QString dayLabel(qint64 utcMs, const QTimeZone &zone)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(utcMs, zone).date(), QStringLiteral("d MMM"));
}

QString formatValue(double value, KpiChartUnit unit)
{
    switch (unit) {
    case KpiChartUnit::Hours:
        return formatDuration(qint64(std::llround(value * MsPerHour)));
    case KpiChartUnit::Percent:
        return KpiChartModel::tr("%1 %").arg(QLocale().toString(value, 'f', 1));
    case KpiChartUnit::Count:
        return QLocale().toString(qint64(std::llround(value)));
    }
    return {};
}

} // namespace

KpiChartModel::KpiChartModel(KpiChartUnit unit, QObject *parent)
    : QAbstractTableModel(parent)
    , m_unit(unit)
{ }

KpiChartModel::~KpiChartModel() = default;

int KpiChartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rowLabels.size());
}

int KpiChartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.series.size());
}

QVariant KpiChartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double value = m_table.values.at(index.row()).value(index.column(), NoData);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return std::isnan(value) ? tr("no data") : formatValue(value, m_unit);
    case KpiChartRole::Value:
        return std::isnan(value) ? QVariant() : QVariant(value);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant KpiChartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_table.series.size())
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return m_table.series.at(section).name;
        case KpiChartRole::Color:
        case Qt::DecorationRole:
            return m_table.series.at(section).color;
        default:
            return {};
        }
    }
    if (section < 0 || section >= m_table.rowLabels.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_table.rowLabels.at(section);
    case KpiChartRole::RowKey:
        return m_table.rowKeys.value(section);
    default:
        return {};
    }
}

void KpiChartModel::setTable(Table table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

KpiChartModel::Table KpiChartModel::responseTimesByWeek(
    const core::KpiReport &report, const QTimeZone &zone)
{
    Table t;
    t.series
        = { { tr("MTTA"), QColor(0x00, 0x83, 0x8f) }, { tr("MTTR"), QColor(0x5e, 0x35, 0xb1) } };
    for (const core::KpiWeek &week : report.weeks) {
        t.rowLabels << dayLabel(week.startUtcMs, zone);
        t.rowKeys << week.startUtcMs;
        t.values << QList<double> { hoursOf(week.mtta), hoursOf(week.mttr) };
    }
    return t;
}

KpiChartModel::Table KpiChartModel::volumeByWeek(
    const core::KpiReport &report, const QTimeZone &zone)
{
    Table t;
    for (int p = 1; p <= 5; ++p)
        t.series << Series { QStringLiteral("P%1").arg(p), priorityColor(p) };
    for (const core::KpiWeek &week : report.weeks) {
        t.rowLabels << dayLabel(week.startUtcMs, zone);
        t.rowKeys << week.startUtcMs;
        QList<double> row;
        for (int count : week.openedByPriority)
            row << double(count);
        t.values << row;
    }
    return t;
}

KpiChartModel::Table KpiChartModel::backlogByDay(
    const core::KpiReport &report, const QTimeZone &zone)
{
    Table t;
    t.series = { { tr("Open incidents"), QColor(0x37, 0x47, 0x4f) } };
    for (const core::BacklogPoint &point : report.backlog) {
        t.rowLabels << dayLabel(point.atUtcMs, zone);
        t.rowKeys << point.atUtcMs;
        t.values << QList<double> { double(point.open) };
    }
    return t;
}

KpiChartModel::Table KpiChartModel::complianceByPriority(const core::KpiReport &report)
{
    Table t;
    t.series = { { tr("Response"), QColor(0x00, 0x83, 0x8f) },
        { tr("Resolution"), QColor(0x5e, 0x35, 0xb1) } };
    for (const core::ComplianceByPriority &row : report.complianceByPriority) {
        t.rowLabels << QStringLiteral("P%1").arg(row.priority);
        t.rowKeys << row.priority;
        t.values << QList<double> { percentOf(row.response), percentOf(row.resolution) };
    }
    return t;
}

KpiChartModel::Table KpiChartModel::availabilityByService(const core::KpiReport &report)
{
    Table t;
    t.series = { { tr("Availability"), QColor(0x2e, 0x7d, 0x32) },
        { tr("Target"), QColor(0xc6, 0x28, 0x28) } };
    for (const core::AvailabilityRow &row : report.availabilityByService.mid(0, MostRows)) {
        t.rowLabels << row.name;
        t.rowKeys << row.name;
        t.values << QList<double> { row.percent,
            row.targetPercent > 0 ? row.targetPercent : NoData };
    }
    return t;
}

KpiChartModel::Table KpiChartModel::categoryPareto(const core::KpiReport &report)
{
    Table t;
    t.series = { { tr("Incidents"), QColor(0x19, 0x76, 0xd2) },
        { tr("Cumulative share"), QColor(0xef, 0x6c, 0x00) } };
    for (const core::ParetoRow &row : report.categoryPareto.mid(0, MostRows)) {
        t.rowLabels << (row.name.isEmpty() ? tr("(none)") : row.name);
        t.rowKeys << row.name;
        t.values << QList<double> { double(row.count), row.cumulativePercent };
    }
    return t;
}

} // namespace nocturne::models
