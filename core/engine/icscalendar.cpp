#include "icscalendar.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include <optional>

// A deliberately small reader of RFC 5545: holidays only. Recurring events (RRULE, RDATE)
// are refused rather than expanded: a holiday list is finite and an open-ended yearly rule
// would have to be cut off at some arbitrary year, silently; calendar applications can
// export the occurrences instead, which is what the error message asks for.

namespace nocturne::core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("IcsCalendar", text); }

constexpr qint64 MsPerDay = 86'400'000;
constexpr qint64 JulianDayOfEpoch = 2'440'588; // 1970-01-01

// One unfolded content line, "NAME;PARAM=VALUE:VALUE", and the physical line it starts on.
struct ContentLine
{
    int line = 0;
    QString name; // upper case
    QList<std::pair<QString, QString>> parameters; // names upper case, values unquoted
    QString value;

    QString parameter(const QString &parameterName) const
    {
        for (const auto &[key, parameterValue] : parameters) {
            if (key == parameterName)
                return parameterValue;
        }
        return {};
    }
};

// A DTSTART or DTEND: a date, or a date-time resolved to a UTC instant.
struct IcsTime
{
    int line = 0;
    QString text; // as written, for messages
    bool isDate = false;
    QDate date;
    QTime time;
    QTimeZone zone; // the zone the local date-time is read in (UTC for "Z")
    qint64 utcMs = 0;
};

struct IcsDuration
{
    int line = 0;
    qint64 days = 0; // nominal days (weeks included): the same wall time that many days on
    qint64 exactMs = 0; // hours, minutes, seconds
};

struct PendingEvent
{
    int beginLine = 0;
    QString summary;
    bool cancelled = false;
    std::optional<IcsTime> start;
    std::optional<IcsTime> end;
    std::optional<IcsDuration> duration;
};

// Thrown from deep inside the reader and caught in parseIcsHolidays: it never leaves this file.
struct ParseError
{
    ParseError(int line, QString message) : line(line), message(std::move(message)) { }
    int line;
    QString message;
};

QString unescapeText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'\\' || i + 1 == text.size()) {
            out.append(c);
            continue;
        }
        const QChar next = text.at(++i);
        if (next == u'n' || next == u'N')
            out.append(u'\n');
        else if (next == u'\\' || next == u';' || next == u',')
            out.append(next);
        else
            out.append(c).append(next);
    }
    return out;
}

// Physical lines joined where a line starting with a space or a tab continues the
// previous one (RFC 5545 3.1); CRLF and bare LF both end a line.
QList<std::pair<int, QString>> unfold(const QString &text)
{
    QList<std::pair<int, QString>> logical;
    const QStringList physical = text.split(u'\n');
    for (qsizetype i = 0; i < physical.size(); ++i) {
        QString line = physical.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!logical.isEmpty() && !line.isEmpty() && (line.at(0) == u' ' || line.at(0) == u'\t'))
            logical.last().second.append(QStringView(line).mid(1));
        else if (!line.trimmed().isEmpty())
            logical.append({ int(i) + 1, line });
    }
    return logical;
}

ContentLine parseContentLine(int line, const QString &text)
{
    ContentLine content;
    content.line = line;
    qsizetype i = 0;
    while (i < text.size() && text.at(i) != u';' && text.at(i) != u':')
        ++i;
    content.name = text.left(i).trimmed().toUpper();
    while (i < text.size() && text.at(i) == u';') {
        const qsizetype equals = text.indexOf(u'=', i + 1);
        if (equals < 0)
            break;
        const QString key = text.mid(i + 1, equals - i - 1).trimmed().toUpper();
        i = equals + 1;
        QString value;
        if (i < text.size() && text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0)
                break;
            value = text.mid(i + 1, close - i - 1);
            i = close + 1;
        } else {
            const qsizetype begin = i;
            while (i < text.size() && text.at(i) != u';' && text.at(i) != u':')
                ++i;
            value = text.mid(begin, i - begin);
        }
        content.parameters.append({ key, value });
    }
    if (content.name.isEmpty() || i >= text.size() || text.at(i) != u':')
        throw ParseError(line, tr("\"%1\" is not a NAME:VALUE line").arg(text.left(60)));
    content.value = text.mid(i + 1);
    return content;
}

// RFC 5545 3.3.5: a wall time that occurs twice means its first occurrence; one that does
// not exist (skipped by a spring-forward) is read with the offset from before the gap.
qint64 localToUtc(const QTimeZone &zone, QDate date, QTime time)
{
    const qint64 local = (date.toJulianDay() - JulianDayOfEpoch) * MsPerDay + time.msecsSinceStartOfDay();
    const auto offsetAt = [&zone](qint64 utcMs) {
        return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
    };
    const qint64 offsetBefore = offsetAt(local - MsPerDay);
    const qint64 offsetAfter = offsetAt(local + MsPerDay);
    const qint64 early = local - offsetBefore;
    const qint64 late = local - offsetAfter;
    const bool earlyValid = offsetAt(early) == offsetBefore;
    const bool lateValid = offsetAt(late) == offsetAfter;
    if (earlyValid && lateValid)
        return std::min(early, late);
    if (lateValid)
        return late;
    return early;
}

IcsTime parseTime(const ContentLine &content, const QTimeZone &calendarZone, const QString &calendarZoneId)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})(Z?))?$"));
    IcsTime result;
    result.line = content.line;
    result.text = content.value.trimmed();
    const QRegularExpressionMatch match = pattern.match(result.text);
    if (!match.hasMatch())
        throw ParseError(content.line, tr("%1 %2 is neither a date (YYYYMMDD) nor a date-time (YYYYMMDDTHHMMSS)")
                                           .arg(content.name, result.text));
    result.date = QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    if (!result.date.isValid())
        throw ParseError(content.line, tr("%1 %2 is not a valid date").arg(content.name, result.text));
    result.isDate = !match.hasCaptured(4);
    const QString valueType = content.parameter(QStringLiteral("VALUE")).toUpper();
    if (valueType == u"DATE" && !result.isDate)
        throw ParseError(content.line, tr("%1 %2 is not a date, but VALUE=DATE says it is").arg(content.name, result.text));
    if (result.isDate)
        return result;

    result.time = QTime(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt());
    if (!result.time.isValid())
        throw ParseError(content.line, tr("%1 %2 is not a valid time of day").arg(content.name, result.text));
    const QString tzid = content.parameter(QStringLiteral("TZID"));
    if (!match.captured(7).isEmpty()) {
        result.zone = QTimeZone::utc();
    } else if (!tzid.isEmpty()) {
        result.zone = timeZoneNamed(tzid);
        if (!result.zone.isValid())
            throw ParseError(content.line, tr("unknown time zone \"%1\" in TZID").arg(tzid));
    } else {
        result.zone = calendarZone;
        if (!result.zone.isValid())
            throw ParseError(content.line, tr("%1 %2 is a floating time, but the calendar's time zone \"%3\" is unknown")
                                               .arg(content.name, result.text, calendarZoneId));
    }
    result.utcMs = localToUtc(result.zone, result.date, result.time);
    return result;
}

IcsDuration parseDuration(const ContentLine &content)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(-?)\\+?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"));
    const QString text = content.value.trimmed();
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || text.endsWith(u'P') || text.endsWith(u'T'))
        throw ParseError(content.line, tr("DURATION %1 is not a valid duration (e.g. P1D, PT2H30M)").arg(text));
    if (!match.captured(1).isEmpty())
        throw ParseError(content.line, tr("DURATION %1 is negative").arg(text));
    IcsDuration duration;
    duration.line = content.line;
    duration.days = match.captured(2).toLongLong() * 7 + match.captured(3).toLongLong();
    duration.exactMs = ((match.captured(4).toLongLong() * 60 + match.captured(5).toLongLong()) * 60
                        + match.captured(6).toLongLong()) * 1000;
    return duration;
}

Holiday finishEvent(const PendingEvent &event)
{
    if (!event.start)
        throw ParseError(event.beginLine, tr("VEVENT has no DTSTART"));
    const IcsTime &start = *event.start;
    if (event.end && event.duration)
        throw ParseError(event.duration->line, tr("VEVENT has both DTEND and DURATION"));
    if (event.end && event.end->isDate != start.isDate)
        throw ParseError(event.end->line, start.isDate ? tr("DTEND %1 must be a date, as DTSTART %2 is").arg(event.end->text, start.text)
                                                       : tr("DTEND %1 must be a date-time, as DTSTART %2 is").arg(event.end->text, start.text));
    Holiday holiday;
    holiday.name = event.summary;
    if (start.isDate) {
        holiday.firstDate = start.date;
        holiday.endDate = start.date.addDays(1);
        if (event.end) {
            if (event.end->date <= start.date)
                throw ParseError(event.end->line, tr("DTEND %1 is not after DTSTART %2").arg(event.end->text, start.text));
            holiday.endDate = event.end->date;
        } else if (event.duration) {
            if (event.duration->exactMs != 0 || event.duration->days == 0)
                throw ParseError(event.duration->line, tr("the DURATION of an all-day event must be whole days"));
            holiday.endDate = start.date.addDays(event.duration->days);
        }
        return holiday;
    }
    holiday.startUtcMs = start.utcMs;
    if (event.end) {
        holiday.endUtcMs = event.end->utcMs;
        if (holiday.endUtcMs <= holiday.startUtcMs)
            throw ParseError(event.end->line, tr("DTEND %1 is not after DTSTART %2").arg(event.end->text, start.text));
    } else if (event.duration) {
        // Days are nominal (RFC 5545 3.3.6): the same wall time, whatever DST did meanwhile.
        holiday.endUtcMs = localToUtc(start.zone, start.date.addDays(event.duration->days), start.time)
                           + event.duration->exactMs;
        if (holiday.endUtcMs <= holiday.startUtcMs)
            throw ParseError(event.duration->line, tr("DURATION of a timed holiday must not be zero"));
    } else {
        throw ParseError(start.line, tr("a timed VEVENT needs DTEND or DURATION"));
    }
    return holiday;
}

QList<Holiday> parse(const QString &text, const QString &calendarTimeZone)
{
    const QTimeZone calendarZone = timeZoneNamed(calendarTimeZone);
    QList<Holiday> holidays;
    QStringList open; // the BEGIN/END nesting, outermost first
    PendingEvent event;
    bool sawCalendar = false;
    int lastLine = 1;
    for (const auto &[lineNumber, lineText] : unfold(text)) {
        lastLine = lineNumber;
        if (!sawCalendar && lineText.trimmed().compare(u"BEGIN:VCALENDAR", Qt::CaseInsensitive) != 0)
            throw ParseError(lineNumber, tr("not an iCalendar file: expected BEGIN:VCALENDAR"));
        const ContentLine content = parseContentLine(lineNumber, lineText);
        if (content.name == u"BEGIN") {
            const QString component = content.value.trimmed().toUpper();
            if (open.isEmpty() && component != u"VCALENDAR")
                throw ParseError(content.line, tr("%1 outside BEGIN:VCALENDAR ... END:VCALENDAR").arg(component));
            if (component == u"VEVENT" && open.size() == 1) {
                event = PendingEvent();
                event.beginLine = content.line;
            }
            open.append(component);
            sawCalendar = true;
            continue;
        }
        if (open.isEmpty())
            throw ParseError(content.line, tr("%1 after END:VCALENDAR").arg(content.name));
        if (content.name == u"END") {
            const QString component = content.value.trimmed().toUpper();
            if (component != open.last())
                throw ParseError(content.line, tr("END:%1 where END:%2 was expected").arg(component, open.last()));
            open.removeLast();
            if (component == u"VEVENT" && open.size() == 1 && !event.cancelled)
                holidays.append(finishEvent(event));
            continue;
        }
        // Only the event's own properties count; an alarm inside it has DURATION too.
        if (open.size() != 2 || open.last() != u"VEVENT")
            continue;
        const auto once = [&content](const auto &slot) {
            if (slot)
                throw ParseError(content.line, tr("%1 appears twice in one VEVENT").arg(content.name));
        };
        if (content.name == u"SUMMARY") {
            event.summary = unescapeText(content.value);
        } else if (content.name == u"DTSTART") {
            once(event.start);
            event.start = parseTime(content, calendarZone, calendarTimeZone);
        } else if (content.name == u"DTEND") {
            once(event.end);
            event.end = parseTime(content, calendarZone, calendarTimeZone);
        } else if (content.name == u"DURATION") {
            once(event.duration);
            event.duration = parseDuration(content);
        } else if (content.name == u"RRULE" || content.name == u"RDATE") {
            throw ParseError(content.line, tr("recurring events (%1) are not supported; expand them first").arg(content.name));
        } else if (content.name == u"STATUS") {
            event.cancelled = content.value.trimmed().compare(u"CANCELLED", Qt::CaseInsensitive) == 0;
        }
    }
    if (!sawCalendar)
        throw ParseError(1, tr("not an iCalendar file: expected BEGIN:VCALENDAR"));
    if (open.size() >= 2 && open.at(1) == u"VEVENT")
        throw ParseError(event.beginLine, tr("VEVENT is not terminated (no END:VEVENT)"));
    if (!open.isEmpty())
        throw ParseError(lastLine, tr("%1 is not terminated (no END:%1)").arg(open.last()));
    return holidays;
}

} // namespace

IcsHolidays parseIcsHolidays(const QByteArray &ics, const QString &calendarTimeZone, const QString &source)
{
    QString text = QString::fromUtf8(ics);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    try {
        return { parse(text, calendarTimeZone), {} };
    } catch (const ParseError &error) {
        const QString location = source.isEmpty() ? tr("line %1").arg(error.line)
                                                  : source + u':' + QString::number(error.line);
        return { {}, { location, error.message } };
    }
}

} // namespace nocturne::core
