#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

#include <core/engine/kpireport.h>

namespace nocturne::models {

// Roles of KpiChartModel. Rows are the chart's categories (weeks, priorities, services,
// days), columns its series; a chart adapter reads only these.
namespace KpiChartRole {
enum Role { // no ": int": Qt 6.4 lupdate then loses the namespace of KpiChartModel below
    Value = Qt::UserRole, // double; invalid where the series has no data for the row
    RowKey, // vertical header: what the row stands for (week start / day UTC ms, priority, name)
    Color, // horizontal header: the series' colour
    Count // sentinel
};
} // namespace KpiChartRole

enum class KpiChartUnit { Hours, Percent, Count };

// One chart of the dashboard as a small table: rows are categories, columns series,
// each cell a number in the chart's unit. DisplayRole is the value for people ("2h 05m",
// "87.5 %"), KpiChartRole::Value the raw number the adapter plots. The whole table is
// replaced per report (a few dozen cells), so a reset is the honest change signal.
class KpiChartModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiChartModel)
public:
    struct Series
    {
        QString name;
        QColor color;
    };
    struct Table
    {
        QStringList rowLabels;
        QList<QVariant> rowKeys; // parallel to rowLabels
        QList<Series> series;
        QList<QList<double>> values; // [row][series]; NaN: no data
    };

    explicit KpiChartModel(KpiChartUnit unit, QObject *parent = nullptr);
    ~KpiChartModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTable(Table table);
    const Table &table() const { return m_table; }
    KpiChartUnit unit() const { return m_unit; }

    // The tables of the dashboard's charts, from one report; labels in `zone`.
    static Table responseTimesByWeek(const core::KpiReport &report, const QTimeZone &zone);
    static Table volumeByWeek(const core::KpiReport &report, const QTimeZone &zone);
    static Table backlogByDay(const core::KpiReport &report, const QTimeZone &zone);
    static Table complianceByPriority(const core::KpiReport &report);
    // Services and categories shown at most: the worst / largest, which are the ones a
    // supervisor acts on; the cumulative share still counts all of them.
    static constexpr int MostRows = 8;
    // Availability and, as a second series, each service's own target.
    static Table availabilityByService(const core::KpiReport &report);
    // Incidents per category and, as a second series, the cumulative share in percent.
    static Table categoryPareto(const core::KpiReport &report);

private:
    KpiChartUnit m_unit;
    Table m_table;
};

} // namespace nocturne::models
