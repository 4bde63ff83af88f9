#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace nocturne::core {

// Reads the dates of a source export: a list of formats tried in order, times without
// an offset read in one IANA zone (UTC unless told). A format is a Qt date-time format
// ("d/M/yyyy HH:mm", "dd/MMM/yy h:mm AP") or "ISO" for ISO 8601 with or without an
// offset. Month names are English, as the exports write them. Two-digit years are
// 2000-2069 for 00-69 and 1970-1999 for 70-99 (Qt alone would read "26" as 1926).
// Formats are compiled once: an export has hundreds of thousands of dates.
class ImportDates final
{
public:
    enum class Result { Ok, Null, Invalid };

    ImportDates() = default;
    explicit ImportDates(const QStringList &formats, const QTimeZone &zone = QTimeZone::utc());

    // Why a format cannot be used (it names no day, month or year, or has a token this
    // reader does not know), or an empty string.
    static QString formatError(const QString &format);
    // `?` and empty cells are null in the exports.
    static bool isNull(QStringView text);

    // Ok: *ms holds UTC epoch milliseconds. Null: an empty or `?` cell. Invalid: no
    // format matched.
    Result parse(QStringView text, qint64 *ms) const;

    const QStringList &formats() const { return m_sources; }
    const QTimeZone &zone() const { return m_zone; }

private:
    enum class Kind {
        Literal,
        Space,
        Day,
        Month,
        MonthShort,
        MonthLong,
        Year2,
        Year4,
        Hour24,
        Hour12,
        Minute,
        Second,
        Millis,
        AmPm
    };
    struct Token
    {
        Kind kind = Kind::Literal;
        QChar literal;
    };
    struct Format
    {
        bool iso = false;
        QList<Token> tokens;
    };

    static bool compile(const QString &source, Format *format, QString *error);
    bool parseWith(const Format &format, QStringView text, qint64 *ms) const;
    bool parseIso(QStringView text, qint64 *ms) const;

    QStringList m_sources;
    QList<Format> m_formats;
    QTimeZone m_zone = QTimeZone::utc();
    bool m_utc = true;
};

} // namespace nocturne::core
