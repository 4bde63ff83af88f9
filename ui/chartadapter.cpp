#include "chartadapter.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QStackedLayout>
#include <QStandardPaths>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

#include <models/kpichartmodel.h>

namespace nocturne::ui {

namespace {

using Role = models::KpiChartRole::Role;

double cell(const QAbstractItemModel &model, int row, int column, bool *present = nullptr)
{
    const QVariant v = model.index(row, column).data(models::KpiChartRole::Value);
    if (present)
        *present = v.isValid();
    return v.isValid() ? v.toDouble() : 0.0;
}

QColor seriesColor(const QAbstractItemModel &model, int column)
{
    return model.headerData(column, Qt::Horizontal, models::KpiChartRole::Color).value<QColor>();
}

// Where a bar's middle sits on the category axis: Qt Charts draws a category's sets
// side by side over half the category's width (barWidth 0.5).
double barCentreX(int row, int column, int sets)
{
    constexpr double width = 0.5;
    return row - width / 2 + (column + 0.5) * width / std::max(1, sets);
}

} // namespace

// The Qt Charts objects of one adapter: built from the model each time it changes.
class ChartAdapter::Impl
{
public:
    QChartView *view = nullptr;
    // Model column of each bar set / line series of the chart on screen, for clicks.
    QList<int> barColumns;
};

ChartAdapter::ChartAdapter(QWidget *parent)
    : QWidget(parent)
    , m_impl(std::make_unique<Impl>())
    , m_stack(new QStackedLayout(this))
    , m_empty(new QLabel(this))
    , m_exportAction(new QAction(tr("Export PNG…"), this))
{
    m_impl->view = new QChartView(this);
    m_impl->view->setRenderHint(QPainter::Antialiasing);
    m_impl->view->setMinimumSize(260, 200);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No data for this period."));
    m_empty->setObjectName(QStringLiteral("chartEmptyState"));
    m_stack->addWidget(m_impl->view);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);
    m_exportAction->setObjectName(QStringLiteral("exportChartAction"));
    connect(m_exportAction, &QAction::triggered, this, &ChartAdapter::askExport);
}

ChartAdapter::~ChartAdapter() = default;

void ChartAdapter::setModel(QAbstractItemModel *model, const ChartSpec &spec)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_spec = spec;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &ChartAdapter::rebuild);
        connect(model, &QAbstractItemModel::dataChanged, this, &ChartAdapter::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ChartAdapter::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ChartAdapter::rebuild);
    }
    rebuild();
}

void ChartAdapter::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

bool ChartAdapter::isShowingData() const
{
    return m_stack->currentWidget() == m_impl->view;
}

QWidget *ChartAdapter::clickTarget() const
{
    return m_impl->view->viewport();
}

namespace {

// Builds the chart for `model` as `spec` says; `barColumns` receives the model column of
// each bar set (in order) followed by each line's.
QChart *buildChart(const QAbstractItemModel &model, const ChartSpec &spec, QList<int> *barColumns)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const int rows = model.rowCount();
    const int columns = model.columnCount();
    double low = std::numeric_limits<double>::max();
    double high = 0;
    auto note = [&](double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    };

    const bool horizontal = spec.horizontal && spec.kind != ChartSpec::Kind::TimeLine;
    // Horizontal charts list the first row on top; the category axis counts from the bottom.
    auto place = [&](int row) { return horizontal ? rows - 1 - row : row; };
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(spec.valueAxisTitle);
    valueAxis->setLabelFormat(spec.labelFormat);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);

    if (spec.kind == ChartSpec::Kind::TimeLine) {
        auto *timeAxis = new QDateTimeAxis;
        timeAxis->setFormat(QStringLiteral("d MMM"));
        timeAxis->setTickCount(std::clamp(rows, 2, 7));
        chart->addAxis(timeAxis, Qt::AlignBottom);
        for (int c = 0; c < columns; ++c) {
            auto *line = new QLineSeries;
            line->setName(model.headerData(c, Qt::Horizontal).toString());
            QPen pen(seriesColor(model, c));
            pen.setWidthF(2.0);
            line->setPen(pen);
            line->setPointsVisible(rows <= 45);
            for (int r = 0; r < rows; ++r) {
                bool present = false;
                const double v = cell(model, r, c, &present);
                if (!present)
                    continue;
                note(v);
                line->append(
                    model.headerData(r, Qt::Vertical, models::KpiChartRole::RowKey).toDouble(), v);
            }
            chart->addSeries(line);
            line->attachAxis(timeAxis);
            line->attachAxis(valueAxis);
            barColumns->append(c);
        }
        chart->legend()->setVisible(columns > 1);
    } else {
        QAbstractBarSeries *bars = nullptr;
        if (spec.kind == ChartSpec::Kind::StackedBars)
            bars = new QStackedBarSeries;
        else if (horizontal)
            bars = new QHorizontalBarSeries;
        else
            bars = new QBarSeries;
        QList<double> stackTotals(rows, 0.0);
        for (int c = 0; c < columns; ++c) {
            if (spec.kind == ChartSpec::Kind::BarsWithLine && c == spec.lineColumn)
                continue;
            auto *set = new QBarSet(model.headerData(c, Qt::Horizontal).toString());
            set->setColor(seriesColor(model, c));
            set->setBorderColor(seriesColor(model, c));
            for (int i = 0; i < rows; ++i) {
                const int r = place(i);
                const double v = cell(model, r, c);
                set->append(v);
                stackTotals[r] += v;
                if (spec.kind != ChartSpec::Kind::StackedBars)
                    note(v);
            }
            bars->append(set);
            barColumns->append(c);
        }
        if (spec.kind == ChartSpec::Kind::StackedBars) {
            for (double total : stackTotals)
                note(total);
        }
        auto *categoryAxis = new QBarCategoryAxis;
        QStringList labels;
        for (int i = 0; i < rows; ++i)
            labels << model.headerData(place(i), Qt::Vertical).toString();
        categoryAxis->append(labels);
        if (rows > 8 && !horizontal)
            categoryAxis->setLabelsAngle(-45);
        chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart->addSeries(bars);
        bars->attachAxis(categoryAxis);
        bars->attachAxis(valueAxis);

        if (spec.kind == ChartSpec::Kind::BarsWithLine && spec.lineColumn >= 0
            && spec.lineColumn < columns) {
            auto *line = new QLineSeries;
            line->setName(model.headerData(spec.lineColumn, Qt::Horizontal).toString());
            QPen pen(seriesColor(model, spec.lineColumn));
            pen.setWidthF(2.0);
            if (!spec.lineOnSecondaryAxis)
                pen.setStyle(Qt::DashLine); // a target, not a measurement
            line->setPen(pen);
            line->setPointsVisible(true);
            for (int r = 0; r < rows; ++r) {
                bool present = false;
                const double v = cell(model, r, spec.lineColumn, &present);
                if (!present)
                    continue;
                if (!spec.lineOnSecondaryAxis)
                    note(v);
                if (horizontal)
                    line->append(v, place(r));
                else
                    line->append(r, v);
            }
            chart->addSeries(line);
            line->attachAxis(categoryAxis);
            if (spec.lineOnSecondaryAxis) {
                auto *secondary = new QValueAxis;
                secondary->setRange(0, 100);
                secondary->setLabelFormat(QStringLiteral("%.0f %%"));
                secondary->setTitleText(spec.secondaryAxisTitle);
                chart->addAxis(secondary, horizontal ? Qt::AlignTop : Qt::AlignRight);
                line->attachAxis(secondary);
            } else {
                line->attachAxis(valueAxis);
            }
            barColumns->append(spec.lineColumn);
        }
        // A horizontal chart's rows need every pixel of height, or Qt Charts elides their
        // names; its title says what the line is.
        chart->legend()->setVisible(columns > 1 && !horizontal);
    }

    if (low > high) { // nothing plotted
        low = 0;
        high = 1;
    }
    if (spec.fitValueRange) {
        const double top = spec.valueAxisMax > 0 ? spec.valueAxisMax : high;
        const double span = std::max(0.5, top - low);
        // Ticks on round numbers (1, 2, 5 × 10^k) from a round bottom: "50, 60, …", not "48, 61,
        // …".
        const double raw = span * 1.15 / 5;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        const double step = raw / magnitude <= 1 ? magnitude
            : raw / magnitude <= 2               ? 2 * magnitude
            : raw / magnitude <= 5               ? 5 * magnitude
                                                 : 10 * magnitude;
        const double bottom = std::max(0.0, std::floor((top - span * 1.15) / step) * step);
        valueAxis->setRange(bottom, top);
        valueAxis->setTickType(QValueAxis::TicksDynamic);
        valueAxis->setTickAnchor(bottom);
        valueAxis->setTickInterval(step);
    } else {
        valueAxis->setRange(
            0, spec.valueAxisMax > 0 ? spec.valueAxisMax : std::max(1.0, high * 1.1));
        if (spec.valueAxisMax <= 0)
            valueAxis->applyNiceNumbers();
    }
    return chart;
}

} // namespace

void ChartAdapter::rebuild()
{
    m_impl->barColumns.clear();
    QChart *old = m_impl->view->chart();
    if (!m_model || m_model->rowCount() == 0 || m_model->columnCount() == 0) {
        m_impl->view->setChart(new QChart);
        delete old;
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    QChart *chart = buildChart(*m_model, m_spec, &m_impl->barColumns);
    const QList<int> columns = m_impl->barColumns;
    const int rows = m_model->rowCount();
    const bool horizontal = m_spec.horizontal && m_spec.kind != ChartSpec::Kind::TimeLine;
    auto rowAt = [rows, horizontal](int placed) { return horizontal ? rows - 1 - placed : placed; };
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (qsizetype i = 0; i < sets.size(); ++i) {
                const int column = columns.value(i, -1);
                connect(sets.at(i), &QBarSet::clicked, this,
                    [this, column, rowAt](int placed) { Q_EMIT clicked(rowAt(placed), column); });
            }
        }
    }
    const QList<QAbstractSeries *> allSeries = chart->series();
    for (qsizetype i = 0; i < allSeries.size(); ++i) {
        auto *line = qobject_cast<QLineSeries *>(allSeries.at(i));
        if (!line)
            continue;
        const int column
            = m_spec.kind == ChartSpec::Kind::TimeLine ? columns.value(i, -1) : m_spec.lineColumn;
        connect(line, &QLineSeries::clicked, this,
            [this, line, column, rowAt, horizontal](const QPointF &point) {
                if (m_spec.kind != ChartSpec::Kind::TimeLine) {
                    const int row = rowAt(int(std::lround(horizontal ? point.y() : point.x())));
                    if (row >= 0 && row < m_model->rowCount())
                        Q_EMIT clicked(row, column);
                    return;
                }
                // The nearest drawn point: clicks land beside a 2-px line more often than on it.
                int best = -1;
                double bestDistance = std::numeric_limits<double>::max();
                const QList<QPointF> points = line->points();
                for (int r = 0, p = 0; r < m_model->rowCount() && p < points.size(); ++r) {
                    const double x
                        = m_model->headerData(r, Qt::Vertical, models::KpiChartRole::RowKey)
                              .toDouble();
                    if (!qFuzzyCompare(x + 1, points.at(p).x() + 1))
                        continue;
                    ++p;
                    if (const double d = std::abs(x - point.x()); d < bestDistance) {
                        bestDistance = d;
                        best = r;
                    }
                }
                if (best >= 0)
                    Q_EMIT clicked(best, column);
            });
    }
    m_impl->view->setChart(chart);
    delete old;
    m_stack->setCurrentWidget(m_impl->view);
}

QPoint ChartAdapter::positionOf(int row, int column) const
{
    QChart *chart = m_impl->view->chart();
    if (!m_model || !isShowingData() || chart->series().isEmpty())
        return {};
    QPointF value;
    QAbstractSeries *series = chart->series().constFirst();
    if (m_spec.kind == ChartSpec::Kind::TimeLine) {
        value = QPointF(
            m_model->headerData(row, Qt::Vertical, models::KpiChartRole::RowKey).toDouble(),
            cell(*m_model, row, column));
        series = chart->series().value(m_impl->barColumns.indexOf(column), series);
    } else if (m_spec.kind == ChartSpec::Kind::StackedBars) {
        double below = 0;
        for (int c = 0; c < column; ++c)
            below += cell(*m_model, row, c);
        value = QPointF(row, below + cell(*m_model, row, column) / 2);
    } else {
        const qsizetype sets
            = m_impl->barColumns.size() - (m_spec.kind == ChartSpec::Kind::BarsWithLine ? 1 : 0);
        const qsizetype set = m_impl->barColumns.indexOf(column);
        const double top = cell(*m_model, row, column);
        // The bar's far end: a bar zoomed onto its top (availability) starts below the axis.
        const double end = top - std::abs(top) * 0.01;
        if (m_spec.horizontal)
            value = QPointF(end, barCentreX(m_model->rowCount() - 1 - row, int(set), int(sets)));
        else
            value = QPointF(barCentreX(row, int(set), int(sets)), end);
    }
    const QPointF inChart = chart->mapToPosition(value, series);
    return m_impl->view->mapFromScene(chart->mapToScene(inChart));
}

QImage ChartAdapter::renderToImage(QSize size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    if (!m_model || m_model->rowCount() == 0) {
        QPainter painter(&image);
        painter.drawText(image.rect(), Qt::AlignCenter, m_empty->text());
        return image;
    }
    // A chart of its own, laid out at the requested size, leaves the one on screen as it is.
    QList<int> columns;
    QChartView view(buildChart(*m_model, m_spec, &columns));
    view.setRenderHint(QPainter::Antialiasing);
    view.setFrameShape(QFrame::NoFrame);
    view.resize(size);
    view.chart()->resize(size);
    QCoreApplication::sendPostedEvents(view.chart(), QEvent::LayoutRequest);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    view.scene()->render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    return image;
}

bool ChartAdapter::savePng(const QString &path, QSize size) const
{
    if (!size.isValid() || size.isEmpty())
        size = m_impl->view->size().expandedTo(QSize(800, 500));
    return renderToImage(size).save(path, "PNG");
}

void ChartAdapter::askExport()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    auto *dialog = new QFileDialog(this, tr("Export chart as PNG"),
        QDir(dir).filePath(m_exportName + QStringLiteral(".png")), tr("PNG images (*.png)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("png"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (savePng(path, QSize(1200, 700)))
            Q_EMIT exported(path);
    });
    dialog->open();
}

void ChartAdapter::contextMenuEvent(QContextMenuEvent *event)
{
    // popup(), not exec(): no nested event loop while the menu is open.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_exportAction);
    m_exportAction->setEnabled(isShowingData());
    menu->popup(event->globalPos());
}

} // namespace nocturne::ui
