#pragma once

#include <QImage>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QAction;
class QLabel;
class QStackedLayout;

namespace nocturne::ui {

// How a chart shows a table model (rows: categories, columns: series, values in
// models::KpiChartRole::Value, row keys and series colours in the headers).
struct ChartSpec
{
    enum class Kind {
        GroupedBars, // one bar per series side by side in each category
        StackedBars, // the series stacked in each category
        BarsWithLine, // the bars of every column but `lineColumn`, which is a line (a target, a
                      // cumulative share)
        TimeLine, // one line per series over the row keys (UTC ms)
    };
    Kind kind = Kind::GroupedBars;
    QString valueAxisTitle;
    int lineColumn = -1;
    // Bars run left to right, categories top down (first row on top): room for long names.
    bool horizontal = false;
    // BarsWithLine: the line has its own axis on the right (Pareto's 0–100 %).
    bool lineOnSecondaryAxis = false;
    QString secondaryAxisTitle;
    // Zoom the value axis onto the data (availability lives between 95 and 100 %).
    bool fitValueRange = false;
    double valueAxisMax = 0; // 0: from the data
    QString labelFormat = QStringLiteral("%.0f");
};

// The one place that knows Qt Charts (deprecated from Qt 6.10 in favour of Qt Graphs):
// the dashboard hands it a model and a ChartSpec and hears back which bar or point was
// clicked. Replacing Qt Charts means rewriting this class only. The chart is rebuilt
// from the model whenever the model resets or changes; tables are a few dozen cells.
class ChartAdapter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartAdapter)
public:
    explicit ChartAdapter(QWidget *parent = nullptr);
    ~ChartAdapter() override;

    void setModel(QAbstractItemModel *model, const ChartSpec &spec);
    QAbstractItemModel *model() const { return m_model; }
    // Shown instead of an empty chart.
    void setEmptyText(const QString &text);
    bool isShowingData() const;

    // The chart drawn at `size` (its on-screen size is left alone), on a white ground.
    QImage renderToImage(QSize size) const;
    // PNG at `size`, or at the on-screen size when empty; false when it cannot be written.
    bool savePng(const QString &path, QSize size = {}) const;
    // "Export PNG…": asks for a file (without blocking) and saves there.
    QAction *exportAction() const { return m_exportAction; }
    void setExportName(const QString &baseName) { m_exportName = baseName; }

    // Where the bar of (row, column) or the point of row `row` is drawn, in the
    // coordinates of clickTarget(); invalid when not shown. Lets tests click like a user.
    QPoint positionOf(int row, int column) const;
    QWidget *clickTarget() const;

Q_SIGNALS:
    // A bar (category row, series column) or a line's point was clicked.
    void clicked(int row, int column);
    void exported(const QString &path);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    class Impl;
    void rebuild();
    void askExport();

    std::unique_ptr<Impl> m_impl;
    QPointer<QAbstractItemModel> m_model;
    ChartSpec m_spec;
    QStackedLayout *m_stack;
    QLabel *m_empty;
    QAction *m_exportAction;
    QString m_exportName = QStringLiteral("chart");
};

} // namespace nocturne::ui
