#pragma once

#include <core/report/reportdocument.h>

#include <QByteArray>
#include <QImage>
#include <QString>

class QIODevice;

namespace nocturne::report {

// Renders a report document (its HTML) to an A4 PDF with 15 mm margins and "Page n of N"
// in the footer. Needs a QGuiApplication (fonts); the CLI creates an offscreen one only
// for PDFs. Returns false and says why in *error when the device cannot be written.
bool writePdf(const core::ReportDocument &document, QIODevice *device, QString *error);
// Page `page` (0-based) of the same layout as an A4 image at `dpi`: what the PDF looks
// like, for screenshots and checks where no PDF renderer is at hand.
QImage pageImage(const core::ReportDocument &document, int page, int dpi = 110);
// The PDF into memory.
QByteArray pdfBytes(const core::ReportDocument &document);

// Whole files through QSaveFile: a temporary file in the target folder renamed when
// complete, so nothing half-written ever appears under `path`. On failure *error names
// the path and the operating system's reason.
bool savePdf(const core::ReportDocument &document, const QString &path, QString *error);
bool saveBytes(const QByteArray &bytes, const QString &path, QString *error);

} // namespace nocturne::report
