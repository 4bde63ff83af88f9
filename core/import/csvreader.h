#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

namespace nocturne::core {

// One CSV record: its fields and the physical line (1-based) where it starts. A quoted
// field may hold newlines, so a record can span several lines.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0;
};

// An RFC 4180 reader that streams from a device: UTF-8 with or without a byte order
// mark, CRLF or LF line ends, quoted fields holding commas, doubled quotes and
// newlines. A malformed record (a quote inside an unquoted field, text after a closing
// quote) is reported and skipped up to the end of its line so that the caller can go
// on; a quote still open at the end of the file ends reading, since everything after
// its opening would be one field.
class CsvReader final
{
    Q_DISABLE_COPY_MOVE(CsvReader)
public:
    enum class Status { Record, BadRecord, End, Fatal };

    explicit CsvReader(QIODevice *device);

    // Record: `record` holds the next record. BadRecord: errorString() says what and
    // where; the next call reads on. End: no more records. Fatal: errorString().
    Status next(CsvRecord *record);

    QString errorString() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }
    qint64 bytesRead() const { return m_bytesRead; }

private:
    bool fill(); // decodes the next chunk into m_buffer; false at the end
    bool atEnd();
    QChar peek() { return m_buffer.at(m_pos); }

    QIODevice *m_device;
    QStringDecoder m_decoder { QStringDecoder::Utf8 };
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    bool m_firstChunk = true;
    bool m_eof = false;
    bool m_fatal = false;
    QString m_error;
    qint64 m_errorLine = 0;
};

} // namespace nocturne::core
