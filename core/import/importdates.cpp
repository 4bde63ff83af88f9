#include "importdates.h"

#include <QCoreApplication>
#include <QDateTime>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ImportDates)
};

constexpr qint64 DayMs = 86'400'000;
constexpr qint64 UnixEpochJulianDay = 2'440'588;

const char *const MonthNames[12] = { "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december" };

// Reads between minDigits and maxDigits digits (greedy).
bool readNumber(QStringView text, qsizetype *pos, int minDigits, int maxDigits, int *value)
{
    int n = 0;
    int digits = 0;
    while (*pos < text.size() && digits < maxDigits && text.at(*pos).isDigit()) {
        n = n * 10 + text.at(*pos).digitValue();
        ++*pos;
        ++digits;
    }
    *value = n;
    return digits >= minDigits;
}

// An English month name (or its first three letters when `shortName`).
bool readMonthName(QStringView text, qsizetype *pos, bool shortName, int *month)
{
    qsizetype end = *pos;
    while (end < text.size() && text.at(end).isLetter())
        ++end;
    const QString word = text.mid(*pos, end - *pos).toString().toLower();
    for (int i = 0; i < 12; ++i) {
        const QString name = QString::fromLatin1(MonthNames[i]);
        if (shortName ? word == name.left(3) : (word == name || word == name.left(3))) {
            *month = i + 1;
            *pos = end;
            return true;
        }
    }
    return false;
}

} // namespace

ImportDates::ImportDates(const QStringList &formats, const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
    m_utc = m_zone == QTimeZone::utc() || m_zone.id() == "UTC" || m_zone.id() == "Etc/UTC";
    for (const QString &source : formats) {
        Format format;
        QString error;
        if (compile(source, &format, &error)) {
            m_sources << source;
            m_formats << format;
        }
    }
}

bool ImportDates::isNull(QStringView text)
{
    const QStringView t = text.trimmed();
    return t.isEmpty() || t == u"?";
}

QString ImportDates::formatError(const QString &format)
{
    Format compiled;
    QString error;
    compile(format, &compiled, &error);
    return error;
}

bool ImportDates::compile(const QString &source, Format *format, QString *error)
{
    if (source.trimmed().compare(QLatin1StringView("ISO"), Qt::CaseInsensitive) == 0) {
        format->iso = true;
        return true;
    }
    bool day = false, month = false, year = false, hour12 = false, ampm = false;
    qsizetype i = 0;
    while (i < source.size()) {
        const QChar c = source.at(i);
        if (c == u'\'') {
            // Quoted literal text; '' is a quote.
            ++i;
            while (i < source.size()) {
                if (source.at(i) == u'\'') {
                    if (i + 1 < source.size() && source.at(i + 1) == u'\'') {
                        format->tokens << Token { Kind::Literal, u'\'' };
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                format->tokens << Token { Kind::Literal, source.at(i++) };
            }
            continue;
        }
        qsizetype run = 1;
        while (i + run < source.size() && source.at(i + run) == c)
            ++run;
        const char letter = c.toLatin1();
        Kind kind = Kind::Literal;
        bool known = true;
        switch (letter) {
        case 'd':
            kind = Kind::Day;
            known = run <= 2;
            day = true;
            break;
        case 'M':
            kind = run <= 2 ? Kind::Month : (run == 3 ? Kind::MonthShort : Kind::MonthLong);
            known = run <= 4;
            month = true;
            break;
        case 'y':
            kind = run == 2 ? Kind::Year2 : Kind::Year4;
            known = run == 2 || run == 4;
            year = true;
            break;
        case 'H':
            kind = Kind::Hour24;
            known = run <= 2;
            break;
        case 'h':
            kind = Kind::Hour12;
            known = run <= 2;
            hour12 = true;
            break;
        case 'm':
            kind = Kind::Minute;
            known = run <= 2;
            break;
        case 's':
            kind = Kind::Second;
            known = run <= 2;
            break;
        case 'z':
            kind = Kind::Millis;
            known = run == 1 || run == 3;
            break;
        case 'A':
        case 'a':
            kind = Kind::AmPm;
            run = (i + 1 < source.size() && (source.at(i + 1) == u'P' || source.at(i + 1) == u'p'))
                ? 2
                : 1;
            ampm = true;
            break;
        case 't':
            known = false;
            break;
        default:
            for (qsizetype k = 0; k < run; ++k)
                format->tokens << Token { c.isSpace() ? Kind::Space : Kind::Literal, c };
            i += run;
            continue;
        }
        if (!known) {
            *error = Text::tr("the date format \"%1\" uses \"%2\", which an import cannot read")
                         .arg(source, QString(run, c));
            return false;
        }
        format->tokens << Token { kind, {} };
        i += run;
    }
    if (!day || !month || !year) {
        *error = Text::tr(
            "the date format \"%1\" must name the day (d), the month (M) and the year (yy or yyyy)")
                     .arg(source);
        return false;
    }
    if (hour12 && !ampm) {
        *error = Text::tr("the date format \"%1\" has a 12-hour clock (h) but no AM/PM (AP)")
                     .arg(source);
        return false;
    }
    return true;
}

ImportDates::Result ImportDates::parse(QStringView text, qint64 *ms) const
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t == u"?")
        return Result::Null;
    for (const Format &format : m_formats) {
        if (format.iso ? parseIso(t, ms) : parseWith(format, t, ms))
            return Result::Ok;
    }
    return Result::Invalid;
}

bool ImportDates::parseWith(const Format &format, QStringView text, qint64 *ms) const
{
    int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0, millis = 0;
    int pm = -1; // -1 none, 0 AM, 1 PM
    bool twelve = false;
    qsizetype pos = 0;
    for (const Token &token : format.tokens) {
        bool ok = true;
        switch (token.kind) {
        case Kind::Literal:
            ok = pos < text.size() && text.at(pos) == token.literal;
            ++pos;
            break;
        case Kind::Space:
            ok = pos < text.size() && text.at(pos).isSpace();
            while (pos < text.size() && text.at(pos).isSpace())
                ++pos;
            break;
        case Kind::Day:
            ok = readNumber(text, &pos, 1, 2, &day);
            break;
        case Kind::Month:
            ok = readNumber(text, &pos, 1, 2, &month);
            break;
        case Kind::MonthShort:
            ok = readMonthName(text, &pos, true, &month);
            break;
        case Kind::MonthLong:
            ok = readMonthName(text, &pos, false, &month);
            break;
        case Kind::Year2:
            ok = readNumber(text, &pos, 2, 2, &year);
            year += year < 70 ? 2000 : 1900;
            break;
        case Kind::Year4:
            ok = readNumber(text, &pos, 4, 4, &year);
            break;
        case Kind::Hour24:
            ok = readNumber(text, &pos, 1, 2, &hour);
            break;
        case Kind::Hour12:
            ok = readNumber(text, &pos, 1, 2, &hour) && hour >= 1 && hour <= 12;
            twelve = true;
            break;
        case Kind::Minute:
            ok = readNumber(text, &pos, 1, 2, &minute);
            break;
        case Kind::Second:
            ok = readNumber(text, &pos, 1, 2, &second);
            break;
        case Kind::Millis: {
            const qsizetype start = pos;
            ok = readNumber(text, &pos, 1, 3, &millis);
            for (qsizetype d = pos - start; d < 3; ++d)
                millis *= 10;
            break;
        }
        case Kind::AmPm: {
            const QStringView word = text.mid(pos, 2);
            if (word.compare(u"AM", Qt::CaseInsensitive) == 0)
                pm = 0;
            else if (word.compare(u"PM", Qt::CaseInsensitive) == 0)
                pm = 1;
            else
                ok = false;
            pos += 2;
            break;
        }
        }
        if (!ok)
            return false;
    }
    if (pos != text.size())
        return false;
    if (twelve)
        hour = (hour % 12) + (pm == 1 ? 12 : 0);
    else if (pm == 1 && hour < 12)
        hour += 12;
    const QDate date(year, month, day);
    if (!date.isValid() || hour > 23 || minute > 59 || second > 59)
        return false;
    const qint64 timeMs = ((hour * 60LL + minute) * 60 + second) * 1000 + millis;
    if (m_utc) {
        *ms = (date.toJulianDay() - UnixEpochJulianDay) * DayMs + timeMs;
        return true;
    }
    const QDateTime local(date, QTime(hour, minute, second, millis), m_zone);
    if (!local.isValid())
        return false;
    *ms = local.toMSecsSinceEpoch();
    return true;
}

bool ImportDates::parseIso(QStringView text, qint64 *ms) const
{
    const QString s = text.toString();
    QDateTime parsed = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return false;
    // Without an offset the text is wall-clock time in the import's zone.
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), m_zone);
    if (!parsed.isValid())
        return false;
    *ms = parsed.toMSecsSinceEpoch();
    return true;
}

} // namespace nocturne::core
