#include "csvreader.h"

#include <QCoreApplication>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
};

constexpr qint64 ChunkBytes = 256 * 1024;
} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{ }

bool CsvReader::fill()
{
    if (m_eof || !m_device)
        return false;
    const QByteArray bytes = m_device->read(ChunkBytes);
    if (bytes.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_bytesRead += bytes.size();
    QString text = m_decoder.decode(bytes);
    if (m_decoder.hasError()) {
        m_error = Text::tr("line %1: the file is not UTF-8 text").arg(m_line);
        m_errorLine = m_line;
        m_eof = true;
        m_fatal = true;
        return false;
    }
    if (m_firstChunk) {
        m_firstChunk = false;
        if (text.startsWith(QChar(0xfeff)))
            text.remove(0, 1);
    }
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    m_buffer += text;
    return true;
}

bool CsvReader::atEnd()
{
    while (m_pos >= m_buffer.size()) {
        if (!fill())
            return true;
    }
    return false;
}

CsvReader::Status CsvReader::next(CsvRecord *record)
{
    record->fields.clear();
    if (m_fatal)
        return Status::Fatal;
    if (atEnd())
        return m_fatal ? Status::Fatal : Status::End;
    record->line = m_line;

    enum class State { FieldStart, Unquoted, Quoted, AfterQuote } state = State::FieldStart;
    QString field;
    qint64 quoteLine = m_line;
    // A line break: CRLF, LF or a lone CR. Returns after consuming it.
    const auto consumeBreak = [this](QChar c) {
        if (c == u'\r' && !atEnd() && peek() == u'\n')
            ++m_pos;
        ++m_line;
    };
    const auto badRecord = [&](const QString &message) {
        m_error = message;
        m_errorLine = m_line;
        // Resynchronise at the end of the physical line.
        while (!atEnd()) {
            const QChar c = m_buffer.at(m_pos++);
            if (c == u'\n' || c == u'\r') {
                consumeBreak(c);
                break;
            }
        }
        return Status::BadRecord;
    };

    for (;;) {
        if (atEnd()) {
            if (m_fatal)
                return Status::Fatal;
            if (state == State::Quoted) {
                m_error = Text::tr(
                    "line %1: a quoted field opened on this line is not closed before the "
                    "end of the file")
                              .arg(quoteLine);
                m_errorLine = quoteLine;
                m_fatal = true;
                return Status::Fatal;
            }
            record->fields << field;
            m_error.clear();
            return Status::Record;
        }
        const QChar c = m_buffer.at(m_pos++);
        switch (state) {
        case State::FieldStart:
        case State::Unquoted:
            if (c == u',') {
                record->fields << field;
                field.clear();
                state = State::FieldStart;
            } else if (c == u'\n' || c == u'\r') {
                consumeBreak(c);
                record->fields << field;
                m_error.clear();
                return Status::Record;
            } else if (c == u'"') {
                if (state == State::Unquoted)
                    return badRecord(
                        Text::tr("line %1: a quote inside an unquoted field (quote the "
                                 "whole field and double the quote)")
                            .arg(m_line));
                state = State::Quoted;
                quoteLine = m_line;
            } else {
                // Copy the rest of the plain run at once rather than a character at a time.
                qsizetype end = m_pos;
                while (end < m_buffer.size()) {
                    const QChar d = m_buffer.at(end);
                    if (d == u',' || d == u'\n' || d == u'\r' || d == u'"')
                        break;
                    ++end;
                }
                field += c;
                field += QStringView(m_buffer).mid(m_pos, end - m_pos);
                m_pos = end;
                state = State::Unquoted;
            }
            break;
        case State::Quoted:
            if (c == u'"') {
                state = State::AfterQuote;
            } else if (c == u'\n' || c == u'\r') {
                consumeBreak(c);
                field += u'\n';
            } else {
                qsizetype end = m_pos;
                while (end < m_buffer.size()) {
                    const QChar d = m_buffer.at(end);
                    if (d == u'"' || d == u'\n' || d == u'\r')
                        break;
                    ++end;
                }
                field += c;
                field += QStringView(m_buffer).mid(m_pos, end - m_pos);
                m_pos = end;
            }
            break;
        case State::AfterQuote:
            if (c == u'"') {
                field += u'"';
                state = State::Quoted;
            } else if (c == u',') {
                record->fields << field;
                field.clear();
                state = State::FieldStart;
            } else if (c == u'\n' || c == u'\r') {
                consumeBreak(c);
                record->fields << field;
                m_error.clear();
                return Status::Record;
            } else {
                return badRecord(
                    Text::tr("line %1: unexpected text after the closing quote of a field")
                        .arg(m_line));
            }
            break;
        }
    }
}

} // namespace nocturne::core
