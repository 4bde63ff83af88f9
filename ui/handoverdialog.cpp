#include "handoverdialog.h"

#include <core/domain/clock.h>
#include <core/report/reportjobs.h>
#include <report/pdfwriter.h>

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace nocturne::ui {

namespace {

constexpr qint64 ShiftMs = 8LL * 3600 * 1000;
const QString NotesDraftKey = QStringLiteral("reports/handoverNotesDraft");

QByteArray userZone()
{
    const QByteArray zone = QTimeZone::systemTimeZoneId();
    return zone.isEmpty() ? QByteArrayLiteral("UTC") : zone;
}

} // namespace

HandoverDialog::HandoverDialog(QString databasePath, const core::Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
{
    setObjectName(QStringLiteral("handoverDialog"));
    setWindowTitle(tr("Shift handover"));
    resize(980, 720);

    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("shiftFrom"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("shiftTo"));
    for (QDateTimeEdit *edit : { m_from, m_to }) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
    }
    m_reload = new QPushButton(tr("&Update"), this);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    auto *lastShift = new QPushButton(tr("&Last 8 hours"), this);
    auto *window = new QHBoxLayout;
    window->addWidget(new QLabel(tr("Shift from"), this));
    window->addWidget(m_from);
    window->addWidget(new QLabel(tr("to"), this));
    window->addWidget(m_to);
    window->addWidget(new QLabel(tr("(%1)").arg(QString::fromUtf8(userZone())), this));
    window->addWidget(m_reload);
    window->addWidget(lastShift);
    window->addStretch(1);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("handoverNotes"));
    m_notes->setPlaceholderText(tr("Notes for the next shift (Markdown allowed): what to watch, what was promised, "
                                   "who to call…"));
    m_notes->setPlainText(QSettings().value(NotesDraftKey).toString());
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("handoverPreview"));
    m_preview->setOpenLinks(false);
    auto *notesBox = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notesBox);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(new QLabel(tr("Supervisor's notes"), notesBox));
    notesLayout->addWidget(m_notes);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(notesBox);
    splitter->addWidget(m_preview);
    // The preview's tables need the width; notes are a few lines.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 260, 780 });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("handoverStatus"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_savePdf = buttons->addButton(tr("Save as &PDF…"), QDialogButtonBox::ActionRole);
    m_savePdf->setObjectName(QStringLiteral("savePdfButton"));
    m_saveMarkdown = buttons->addButton(tr("Save as &Markdown…"), QDialogButtonBox::ActionRole);
    m_saveMarkdown->setObjectName(QStringLiteral("saveMarkdownButton"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(window);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    // Typing re-lays out the preview from the loaded data, a moment after the last key.
    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(250);
    connect(m_renderTimer, &QTimer::timeout, this, &HandoverDialog::renderPreview);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        QSettings().setValue(NotesDraftKey, m_notes->toPlainText());
        m_renderTimer->start();
    });
    connect(m_reload, &QPushButton::clicked, this, &HandoverDialog::reload);
    connect(lastShift, &QPushButton::clicked, this, &HandoverDialog::resetToLastShift);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &HandoverDialog::onLoaded);
    connect(m_savePdf, &QPushButton::clicked, this, [this] { chooseAndSave(true); });
    connect(m_saveMarkdown, &QPushButton::clicked, this, [this] { chooseAndSave(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resetToLastShift();
}

HandoverDialog::~HandoverDialog()
{
    // A job still running finishes on the pool with its own copies and its own
    // connection; its result is simply dropped.
    m_watcher.disconnect(this);
}

void HandoverDialog::resetToLastShift()
{
    const qint64 now = m_clock.nowMs();
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(now));
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(now - ShiftMs));
    reload();
}

bool HandoverDialog::isLoading() const { return m_watcher.isRunning(); }

void HandoverDialog::reload()
{
    if (m_watcher.isRunning()) {
        m_reloadPending = true; // one more read when this one is done
        return;
    }
    core::HandoverQuery query;
    query.fromUtcMs = m_from->dateTime().toMSecsSinceEpoch();
    query.toUtcMs = m_to->dateTime().toMSecsSinceEpoch();
    query.timeZone = userZone();
    if (query.fromUtcMs >= query.toUtcMs) {
        m_status->setText(tr("The shift must start before it ends."));
        return;
    }
    setBusy(true);
    const QString path = m_databasePath;
    const qint64 now = m_clock.nowMs();
    m_watcher.setFuture(QtConcurrent::run([path, query, now] {
        // The job opens (and closes) its own connection on the pool thread.
        Result result;
        result.data = core::loadHandoverFromFile(path, query, now, &result.error);
        return result;
    }));
}

void HandoverDialog::onLoaded()
{
    const Result result = m_watcher.result(); // finished: no waiting
    setBusy(false);
    if (m_reloadPending) {
        m_reloadPending = false;
        reload();
        return;
    }
    if (!result.data) {
        m_status->setText(tr("Could not read the shift: %1").arg(result.error.message));
        return;
    }
    m_data = result.data;
    setBusy(false); // again, now that there is something to save
    const int atRisk = int(std::count_if(m_data->open.cbegin(), m_data->open.cend(),
                                         [](const core::HandoverOpenIncident &i) { return i.atRisk(); }));
    m_status->setText(tr("%n open incident(s), %1 at risk, %2 change(s) during the shift.", nullptr, int(m_data->open.size()))
                          .arg(atRisk)
                          .arg(m_data->changes.size()));
    renderPreview();
    Q_EMIT loaded();
}

void HandoverDialog::setBusy(bool busy)
{
    if (busy)
        m_status->setText(tr("Preparing…"));
    m_savePdf->setEnabled(!busy && m_data.has_value());
    m_saveMarkdown->setEnabled(!busy && m_data.has_value());
}

core::ReportDocument HandoverDialog::document() const
{
    return core::handoverDocument(m_data.value_or(core::HandoverData {}), m_notes->toPlainText());
}

void HandoverDialog::renderPreview()
{
    if (!m_data)
        return;
    // Keep the reader's place while the notes are typed.
    const int scroll = m_preview->verticalScrollBar() ? m_preview->verticalScrollBar()->value() : 0;
    m_preview->setHtml(document().toHtml());
    if (m_preview->verticalScrollBar())
        m_preview->verticalScrollBar()->setValue(scroll);
}

QString HandoverDialog::previewHtml() const { return m_preview->toHtml(); }
QString HandoverDialog::notes() const { return m_notes->toPlainText(); }
void HandoverDialog::setNotes(const QString &notes) { m_notes->setPlainText(notes); }

bool HandoverDialog::saveMarkdown(const QString &path)
{
    QString error;
    if (!m_data || !report::saveBytes(document().toMarkdown().toUtf8(), path, &error)) {
        QMessageBox::warning(this, tr("Shift handover"), m_data ? error : tr("The shift has not been read yet."));
        return false;
    }
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool HandoverDialog::savePdf(const QString &path)
{
    QString error;
    if (!m_data || !report::savePdf(document(), path, &error)) {
        QMessageBox::warning(this, tr("Shift handover"), m_data ? error : tr("The shift has not been read yet."));
        return false;
    }
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void HandoverDialog::chooseAndSave(bool pdf)
{
    const QString stamp = m_to->dateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"));
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QStringLiteral("/handover-%1.%2").arg(stamp, pdf ? QStringLiteral("pdf") : QStringLiteral("md"));
    const QString path = QFileDialog::getSaveFileName(this, pdf ? tr("Save handover as PDF") : tr("Save handover as Markdown"),
                                                      suggested, pdf ? tr("PDF (*.pdf)") : tr("Markdown (*.md)"));
    if (path.isEmpty())
        return;
    if (pdf)
        savePdf(path);
    else
        saveMarkdown(path);
}

} // namespace nocturne::ui
