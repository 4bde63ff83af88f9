#include "pdfwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>
#include <functional>

namespace nocturne::report {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PdfWriter)
};

constexpr int Resolution = 300; // dpi of the PDF's coordinate space
constexpr double MarginMm = 15.0;
constexpr double FooterMm = 8.0;

int mmToDots(double mm, int dpi) { return int(mm / 25.4 * dpi); }

} // namespace

namespace {

// One laid-out report: the text flowed into pages of the printable area minus the footer.
// The same code paints the PDF and the preview images, so an image shows the PDF's layout.
class PagedReport
{
public:
    PagedReport(const core::ReportDocument &document, QPaintDevice *device, const QSizeF &printable, int footer)
        : m_title(document.title)
        , m_body(printable.width(), printable.height() - footer)
        , m_footer(footer)
    {
        m_text.documentLayout()->setPaintDevice(device);
        m_text.setHtml(document.toHtml());
        m_text.setPageSize(m_body);
        m_text.setDocumentMargin(0);
    }
    int pageCount() const { return m_text.pageCount(); }
    // Paints page `page` (0-based) with the painter's origin at the printable area's corner.
    void paint(QPainter &painter, int page)
    {
        painter.save();
        painter.translate(0, -page * m_body.height());
        m_text.drawContents(&painter, QRectF(QPointF(0, page * m_body.height()), m_body));
        painter.restore();
        QFont footerFont = painter.font();
        footerFont.setPointSizeF(7.5);
        painter.setFont(footerFont);
        painter.setPen(QColor(0x4a, 0x53, 0x66));
        const QRectF footerRect(0, m_body.height(), m_body.width(), m_footer);
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom, m_title);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignBottom,
            Text::tr("Page %1 of %2").arg(page + 1).arg(pageCount()));
    }

private:
    QString m_title;
    QTextDocument m_text;
    QSizeF m_body;
    int m_footer;
};

} // namespace

bool writePdf(const core::ReportDocument &document, QIODevice *device, QString *error)
{
    QPdfWriter writer(device);
    writer.setResolution(Resolution);
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("Nocturne"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(MarginMm, MarginMm, MarginMm, MarginMm), QPageLayout::Millimeter));

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = Text::tr("cannot start the PDF: %1").arg(device->errorString());
        return false;
    }
    // The painter works in device dots (300 per inch) from the printable area's corner;
    // the text is laid out for the same device, so a 9 pt font is 9/72 inch.
    PagedReport report(document, &writer, painter.viewport().size(), mmToDots(FooterMm, Resolution));
    for (int p = 0; p < report.pageCount(); ++p) {
        if (p > 0)
            writer.newPage();
        report.paint(painter, p);
    }
    painter.end();
    return true;
}

QImage pageImage(const core::ReportDocument &document, int page, int dpi)
{
    const QSize a4(mmToDots(210, dpi), mmToDots(297, dpi));
    QImage image(a4, QImage::Format_RGB32);
    image.setDotsPerMeterX(int(dpi / 0.0254));
    image.setDotsPerMeterY(int(dpi / 0.0254));
    image.fill(Qt::white);
    const int margin = mmToDots(MarginMm, dpi);
    PagedReport report(document, &image, QSizeF(a4.width() - 2 * margin, a4.height() - 2 * margin), mmToDots(FooterMm, dpi));
    QPainter painter(&image);
    painter.translate(margin, margin);
    report.paint(painter, std::clamp(page, 0, report.pageCount() - 1));
    return image;
}

QByteArray pdfBytes(const core::ReportDocument &document)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writePdf(document, &buffer, nullptr);
    return bytes;
}

namespace {

bool saveWith(const QString &path, QString *error, const std::function<bool(QSaveFile &, QString *)> &write)
{
    QSaveFile file(path);
    QString reason;
    if (!file.open(QIODevice::WriteOnly) || !write(file, &reason) || !file.commit()) {
        if (error)
            *error = Text::tr("cannot write %1: %2")
                         .arg(QFileInfo(path).absoluteFilePath(),
                             reason.isEmpty() ? file.errorString() : reason);
        return false;
    }
    return true;
}

} // namespace

bool savePdf(const core::ReportDocument &document, const QString &path, QString *error)
{
    return saveWith(path, error, [&document](QSaveFile &file, QString *reason) { return writePdf(document, &file, reason); });
}

bool saveBytes(const QByteArray &bytes, const QString &path, QString *error)
{
    return saveWith(path, error, [&bytes](QSaveFile &file, QString *) { return file.write(bytes) == bytes.size(); });
}

} // namespace nocturne::report
