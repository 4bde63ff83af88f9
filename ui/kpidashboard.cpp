#include "kpidashboard.h"

#include "consolesession.h"
#include "kpicharts.h"
#include "kpifilterbar.h"
#include "kpitile.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <core/engine/kpiworker.h>

namespace nocturne::ui {

namespace {

constexpr int TilesPerRow = 5;

QTimeZone zoneOf(const core::KpiQuery &query)
{
    const QTimeZone zone(query.timeZone);
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

} // namespace

QString formatKpiPeriod(const core::KpiQuery &query)
{
    const QTimeZone zone = zoneOf(query);
    const QDate first = QDateTime::fromMSecsSinceEpoch(query.fromUtcMs, zone).date();
    // The period ends just before `to`: the last day shown is the one that contains to − 1.
    const QDate last = QDateTime::fromMSecsSinceEpoch(query.toUtcMs - 1, zone).date();
    const QLocale locale;
    if (first == last)
        return locale.toString(first, QStringLiteral("d MMM yyyy"));
    if (first.year() == last.year() && first.month() == last.month())
        return KpiDashboard::tr("%1–%2")
            .arg(first.day())
            .arg(locale.toString(last, QStringLiteral("d MMM yyyy")));
    if (first.year() == last.year())
        return KpiDashboard::tr("%1 – %2").arg(locale.toString(first, QStringLiteral("d MMM")),
            locale.toString(last, QStringLiteral("d MMM yyyy")));
    return KpiDashboard::tr("%1 – %2").arg(locale.toString(first, QStringLiteral("d MMM yyyy")),
        locale.toString(last, QStringLiteral("d MMM yyyy")));
}

QString drillDownTitle(
    const core::KpiQuery &query, const core::KpiSelection &selection, int incidents)
{
    QStringList parts { kpiShortLabel(selection.measure) };
    const QLocale locale;
    if (selection.weekStartUtcMs != 0) {
        const QDate day
            = QDateTime::fromMSecsSinceEpoch(selection.weekStartUtcMs, zoneOf(query)).date();
        parts << (selection.measure == core::KpiMeasure::Backlog
                ? KpiDashboard::tr("open at %1")
                      .arg(locale.toString(
                          QDateTime::fromMSecsSinceEpoch(selection.weekStartUtcMs, zoneOf(query)),
                          QStringLiteral("d MMM HH:mm")))
                : KpiDashboard::tr("week of %1")
                      .arg(locale.toString(day, QStringLiteral("d MMM"))));
    }
    if (selection.priority > 0)
        parts << QStringLiteral("P%1").arg(selection.priority);
    if (!selection.name.isEmpty())
        parts << selection.name;
    if (!query.filter.isEmpty())
        parts << query.filter.describe();
    parts << (selection.previousPeriod ? formatKpiPeriod(query.previousPeriod())
                                       : formatKpiPeriod(query));
    parts << (incidents == 1 ? KpiDashboard::tr("1 incident")
                             : KpiDashboard::tr("%1 incidents").arg(incidents));
    return parts.join(QStringLiteral(" · "));
}

KpiDashboard::KpiDashboard(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filters(new KpiFilterBar(session.clock(), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_tileGrid(new QGridLayout)
    , m_charts(new KpiCharts(this))
{
    setObjectName(QStringLiteral("kpiDashboard"));
    m_progress->setObjectName(QStringLiteral("kpiProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    m_status->setObjectName(QStringLiteral("kpiStatus"));
    m_heading->setObjectName(QStringLiteral("kpiHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_charts->setMinimumHeight(560);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->setSpacing(8);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_heading, 1);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_progress);
    layout->addLayout(statusRow);
    m_tileGrid->setSpacing(8);
    layout->addLayout(m_tileGrid);
    layout->addWidget(m_charts, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 6, 0, 0);
    outer->setSpacing(0);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(10, 0, 10, 4);
    filterRow->addWidget(m_filters);
    outer->addLayout(filterRow);
    outer->addWidget(scroll, 1);

    core::KpiWorker *worker = session.kpiWorker();
    connect(worker, &core::KpiWorker::progress, this, &KpiDashboard::onProgress);
    connect(worker, &core::KpiWorker::computed, this, &KpiDashboard::onComputed);
    connect(worker, &core::KpiWorker::drilledDown, this, &KpiDashboard::onDrilledDown);
    connect(worker, &core::KpiWorker::failed, this, &KpiDashboard::onFailed);
    // Several filters may change in one go (a preset sets both dates): one computation.
    auto queueRefresh = [this] {
        if (m_refreshQueued)
            return;
        m_refreshQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_refreshQueued = false;
            refresh();
        });
    };
    connect(m_filters, &KpiFilterBar::queryChanged, this, queueRefresh);
    connect(m_filters, &KpiFilterBar::refreshRequested, this, &KpiDashboard::refresh);
    connect(m_charts, &KpiCharts::selected, this, &KpiDashboard::drillDown);
    connect(&session, &ConsoleSession::referenceDataChanged, this,
        [this] { m_filters->setReference(m_session.reference()); });
    connect(&session, &ConsoleSession::queueLoaded, this, [this] {
        if (m_wantsCompute)
            refresh();
    });
    m_filters->setReference(session.reference());
}

KpiDashboard::~KpiDashboard() = default;

QList<KpiTileWidget *> KpiDashboard::tiles() const
{
    return m_tileOrder;
}

void KpiDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_report && !m_computing)
        refresh();
}

void KpiDashboard::refresh()
{
    // The KPI worker opens the file together with the reader: before the queue's first
    // snapshot it may not have it yet.
    if (!m_session.isLoaded()) {
        m_wantsCompute = true;
        setComputing(true, tr("Opening the database…"));
        return;
    }
    m_wantsCompute = false;
    m_computeRequest = m_nextRequest++;
    setComputing(true, tr("Computing…"));
    m_session.kpiWorker()->compute(m_computeRequest, m_filters->query());
}

void KpiDashboard::setComputing(bool computing, const QString &stage)
{
    m_computing = computing;
    m_progress->setVisible(computing);
    if (computing)
        m_progress->setValue(0);
    m_status->setText(stage);
}

void KpiDashboard::onProgress(quint64 requestId, int percent, const QString &stage)
{
    if (requestId != m_computeRequest || !m_computing)
        return;
    m_progress->setValue(percent);
    m_status->setText(stage);
}

void KpiDashboard::onComputed(quint64 requestId, const core::KpiReportPtr &report)
{
    if (requestId != m_computeRequest || !report)
        return; // superseded by a newer request
    setComputing(false);
    showReport(report);
}

void KpiDashboard::onFailed(quint64 requestId, const core::DatabaseError &error)
{
    if (requestId == m_computeRequest) {
        setComputing(false);
        m_status->setText(tr("KPIs unavailable: %1").arg(error.message));
    } else if (requestId == m_drillRequest) {
        m_status->setText(tr("Could not find the incidents: %1").arg(error.message));
    }
}

void KpiDashboard::showReport(const core::KpiReportPtr &report)
{
    m_report = report;
    const int days = int((report->query.lengthMs() + 12 * 3600 * 1000) / (24 * 3600 * 1000));
    m_heading->setText(
        tr("KPIs · %1%2 · %3 incidents in scope · computed %4")
            .arg(formatKpiPeriod(report->query),
                report->query.filter.isEmpty()
                    ? QString()
                    : QStringLiteral(" · ") + report->query.filter.describe(),
                QLocale().toString(report->incidentsConsidered),
                QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(report->computedAt), QLocale::ShortFormat)));
    for (qsizetype i = 0; i < report->tiles.size(); ++i) {
        const core::KpiTile &tile = report->tiles.at(i);
        KpiTileWidget *widget = m_tiles.value(tile.measure);
        if (!widget) {
            widget = new KpiTileWidget(this);
            connect(widget, &KpiTileWidget::clicked, this, [this](core::KpiMeasure measure) {
                core::KpiSelection selection;
                selection.measure = measure;
                drillDown(selection);
            });
            m_tiles.insert(tile.measure, widget);
            m_tileOrder.append(widget);
            m_tileGrid->addWidget(widget, int(m_tileOrder.size() - 1) / TilesPerRow,
                int(m_tileOrder.size() - 1) % TilesPerRow);
        }
        widget->setTile(tile, days);
    }
    m_charts->setReport(report);
    Q_EMIT reportShown(report);
}

void KpiDashboard::drillDown(const core::KpiSelection &selection)
{
    if (!m_report)
        return;
    m_drillRequest = m_nextRequest++;
    m_status->setText(tr("Finding the incidents…"));
    core::KpiSelection atTheNumber = selection;
    atTheNumber.nowUtcMs = m_report->computedAt;
    m_session.kpiWorker()->drillDown(m_drillRequest, m_report->query, atTheNumber);
}

void KpiDashboard::onDrilledDown(
    quint64 requestId, const core::KpiSelection &selection, const QStringList &incidentIds)
{
    if (requestId != m_drillRequest || !m_report)
        return;
    m_status->clear();
    Q_EMIT drillDownReady(
        drillDownTitle(m_report->query, selection, int(incidentIds.size())), incidentIds);
}

} // namespace nocturne::ui
