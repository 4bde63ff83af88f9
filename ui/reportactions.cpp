#include "reportactions.h"

#include "consolesession.h"
#include "handoverdialog.h"

#include <core/domain/clock.h>
#include <core/engine/kpijson.h>
#include <core/report/kpicsv.h>
#include <core/report/kpireportdocument.h>
#include <core/report/reportjobs.h>
#include <report/pdfwriter.h>

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimeZone>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace nocturne::ui {

namespace {
constexpr qint64 DefaultPeriodMs = 30LL * 24 * 3600 * 1000;
}

ReportActions::ReportActions(ConsoleSession &session, QWidget *window, ReportSource currentReport)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_currentReport(std::move(currentReport))
{
    m_handover = new QAction(tr("Shift &handover…"), this);
    m_handover->setObjectName(QStringLiteral("handoverAction"));
    m_handover->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_exportKpi = new QAction(tr("Export &KPI report…"), this);
    m_exportKpi->setObjectName(QStringLiteral("exportKpiAction"));
    connect(m_handover, &QAction::triggered, this, &ReportActions::showHandover);
    connect(m_exportKpi, &QAction::triggered, this, &ReportActions::exportKpiReport);
    connect(&m_watcher, &QFutureWatcher<Computed>::finished, this, [this] {
        m_exportKpi->setEnabled(true);
        const Computed computed = m_watcher.result(); // finished: no waiting
        if (!computed.report) {
            QMessageBox::warning(m_window, tr("Export KPI report"), tr("Could not compute the KPIs: %1").arg(computed.error));
            return;
        }
        saveKpiReport(*computed.report);
    });
}

ReportActions::~ReportActions() { m_watcher.disconnect(this); }

void ReportActions::showHandover()
{
    if (m_session.databasePath().isEmpty())
        return;
    if (!m_dialog)
        m_dialog = new HandoverDialog(m_session.databasePath(), m_session.clock(), m_window);
    else if (!m_dialog->isVisible())
        m_dialog->resetToLastShift();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ReportActions::exportKpiReport()
{
    if (const core::KpiReportPtr shown = m_currentReport ? m_currentReport() : nullptr) {
        saveKpiReport(*shown);
        return;
    }
    if (m_watcher.isRunning() || m_session.databasePath().isEmpty())
        return;
    m_exportKpi->setEnabled(false);
    core::KpiQuery query;
    query.toUtcMs = m_session.clock().nowMs();
    query.fromUtcMs = query.toUtcMs - DefaultPeriodMs;
    query.timeZone = QTimeZone::systemTimeZoneId();
    const QString path = m_session.databasePath();
    const qint64 now = query.toUtcMs;
    m_watcher.setFuture(QtConcurrent::run([path, query, now] {
        // The job opens (and closes) its own connection on the pool thread.
        Computed out;
        core::DatabaseError error;
        out.report = core::computeKpiReportFromFile(path, query, now, &error);
        out.error = error.message;
        return out;
    }));
}

void ReportActions::saveKpiReport(const core::KpiReport &report)
{
    const QString pdf = tr("PDF (*.pdf)"), md = tr("Markdown (*.md)"), csv = tr("CSV (*.csv)"), json = tr("JSON (*.json)");
    QString filter = pdf;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/kpi-report-%1.pdf").arg(QDateTime::fromMSecsSinceEpoch(report.query.toUtcMs - 1).toString(QStringLiteral("yyyy-MM-dd")));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export KPI report"), suggested,
                                                QStringList { pdf, md, csv, json }.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    QString suffix = QFileInfo(path).suffix().toLower();
    if (!QStringList { QStringLiteral("pdf"), QStringLiteral("md"), QStringLiteral("csv"), QStringLiteral("json") }.contains(suffix)) {
        suffix = filter == md ? QStringLiteral("md") : filter == csv ? QStringLiteral("csv") : filter == json ? QStringLiteral("json") : QStringLiteral("pdf");
        path += QLatin1Char('.') + suffix;
    }
    QString error;
    bool ok = false;
    if (suffix == QLatin1StringView("pdf"))
        ok = report::savePdf(core::kpiReportDocument(report), path, &error);
    else if (suffix == QLatin1StringView("md"))
        ok = report::saveBytes(core::kpiReportDocument(report).toMarkdown().toUtf8(), path, &error);
    else if (suffix == QLatin1StringView("csv"))
        ok = report::saveBytes(core::kpiReportToCsv(report), path, &error);
    else
        ok = report::saveBytes(QJsonDocument(core::kpiReportToJson(report)).toJson(QJsonDocument::Indented), path, &error);
    if (!ok)
        QMessageBox::warning(m_window, tr("Export KPI report"), error);
}

} // namespace nocturne::ui
