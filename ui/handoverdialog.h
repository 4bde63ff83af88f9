#pragma once

#include <core/report/handoverreport.h>

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace nocturne::core {
class Clock;
}

namespace nocturne::ui {

// The shift-handover report in the console: the shift window (in the user's zone, the
// last 8 hours by default), the supervisor's notes, a live preview and Save as PDF /
// Markdown. The shift is read off the GUI thread — a QtConcurrent job with its own
// read-only connection (STYLE.md 16) — and the preview is re-laid out from the loaded
// data as the notes are typed. Notes survive closing the dialog and are kept as a draft
// in QSettings (they are not secrets) until the next handover replaces them.
class HandoverDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandoverDialog)
public:
    HandoverDialog(QString databasePath, const core::Clock &clock, QWidget *parent = nullptr);
    ~HandoverDialog() override;

    // Reads the shift again (the window changed, or the data did).
    void reload();
    // Set the window to the last 8 hours before now and reload.
    void resetToLastShift();
    bool isLoading() const;
    bool hasData() const { return m_data.has_value(); }
    QString previewHtml() const;
    QString notes() const;
    void setNotes(const QString &notes);

    // The files the buttons write after asking for a name; false with a message box.
    bool saveMarkdown(const QString &path);
    bool savePdf(const QString &path);

Q_SIGNALS:
    void loaded();

private:
    struct Result
    {
        std::optional<core::HandoverData> data;
        core::DatabaseError error;
    };
    void onLoaded();
    void renderPreview();
    core::ReportDocument document() const;
    void chooseAndSave(bool pdf);
    void setBusy(bool busy);

    QString m_databasePath;
    const core::Clock &m_clock;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_reload = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_savePdf = nullptr;
    QPushButton *m_saveMarkdown = nullptr;
    QTimer *m_renderTimer = nullptr;
    QFutureWatcher<Result> m_watcher;
    bool m_reloadPending = false;
    std::optional<core::HandoverData> m_data;
};

} // namespace nocturne::ui
