#include "testsupport.h"

#include "core/engine/icscalendar.h"

#include <QDateTime>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

// Wraps VEVENT lines in a calendar; line 1 is BEGIN:VCALENDAR, line 3 the first event line.
QByteArray calendarOf(const QByteArray &events, const QByteArray &lineEnd = "\r\n")
{
    QByteArray text = "BEGIN:VCALENDAR\nPRODID:-//Nocturne//Tests//EN\n" + events + "END:VCALENDAR\n";
    return text.replace("\n", lineEnd);
}

IcsHolidays parse(const QByteArray &ics, const QString &zone = QStringLiteral("Europe/Berlin"))
{
    return parseIcsHolidays(ics, zone, QStringLiteral("holidays.ics"));
}

void expectRefused(const QByteArray &ics, int line, const QString &fragment)
{
    const IcsHolidays result = parse(ics);
    EXPECT_TRUE(result.error.isError());
    EXPECT_EQ(result.error.location, QStringLiteral("holidays.ics:") + QString::number(line)) << result.error.toString().toStdString();
    EXPECT_TRUE(result.error.message.contains(fragment)) << result.error.toString().toStdString();
    EXPECT_TRUE(result.holidays.isEmpty());
}

TEST(IcsCalendar, ReadsSingleAndMultiDayAllDayEvents)
{
    const IcsHolidays result = parse(calendarOf("BEGIN:VEVENT\n"
                                                "UID:1@nocturne\n"
                                                "DTSTART;VALUE=DATE:20261003\n"
                                                "SUMMARY:Tag der Deutschen Einheit\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART;VALUE=DATE:20261224\n"
                                                "DTEND;VALUE=DATE:20261227\n"
                                                "SUMMARY:Weihnachten\n"
                                                "END:VEVENT\n"));
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 2);
    EXPECT_EQ(result.holidays[0].name, QStringLiteral("Tag der Deutschen Einheit"));
    EXPECT_EQ(result.holidays[0].firstDate, QDate(2026, 10, 3));
    EXPECT_EQ(result.holidays[0].endDate, QDate(2026, 10, 4));
    EXPECT_TRUE(result.holidays[1].isAllDay());
    EXPECT_EQ(result.holidays[1].firstDate, QDate(2026, 12, 24));
    EXPECT_EQ(result.holidays[1].endDate, QDate(2026, 12, 27));
}

TEST(IcsCalendar, ReadsTimedEventsInUtcInANamedZoneAndFloating)
{
    const IcsHolidays result = parse(calendarOf("BEGIN:VEVENT\n"
                                                "DTSTART:20260601T120000Z\n"
                                                "DTEND:20260601T140000Z\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART;TZID=America/New_York:20260308T010000\n"
                                                "DTEND;TZID=\"America/New_York\":20260308T040000\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART:20261031T130000\n"
                                                "DTEND:20261031T150000\n"
                                                "END:VEVENT\n"));
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 3);
    EXPECT_FALSE(result.holidays[0].isAllDay());
    EXPECT_EQ(result.holidays[0].startUtcMs, utc(2026, 6, 1, 12));
    EXPECT_EQ(result.holidays[0].endUtcMs, utc(2026, 6, 1, 14));
    // 01:00 EST and 04:00 EDT, either side of New York's spring-forward.
    EXPECT_EQ(result.holidays[1].startUtcMs, utc(2026, 3, 8, 6));
    EXPECT_EQ(result.holidays[1].endUtcMs, utc(2026, 3, 8, 8));
    // Floating: the calendar's zone, Berlin, already back on CET.
    EXPECT_EQ(result.holidays[2].startUtcMs, utc(2026, 10, 31, 12));
    EXPECT_EQ(result.holidays[2].endUtcMs, utc(2026, 10, 31, 14));
}

TEST(IcsCalendar, UnfoldsLinesAndUnescapesTheSummary)
{
    const QByteArray ics = calendarOf("BEGIN:VEVENT\n"
                                      "DTSTART;VALU\n"
                                      " E=DATE:20261225\n"
                                      "SUMMARY;LANGUAGE=en:Christmas\\, Boxing Day\\; and\n"
                                      "  the Eve\\nclosed \\\\ no SLA\n"
                                      "END:VEVENT\n");
    for (const QByteArray &lineEnd : { QByteArray("\r\n"), QByteArray("\n") }) {
        QByteArray text = ics;
        const IcsHolidays result = parse(text.replace("\r\n", lineEnd));
        ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
        ASSERT_EQ(result.holidays.size(), 1);
        EXPECT_EQ(result.holidays[0].firstDate, QDate(2026, 12, 25));
        EXPECT_EQ(result.holidays[0].name, QStringLiteral("Christmas, Boxing Day; and the Eve\nclosed \\ no SLA"));
    }
}

TEST(IcsCalendar, DurationDaysAreNominalAcrossDst)
{
    const IcsHolidays result = parse(calendarOf("BEGIN:VEVENT\n"
                                                "DTSTART;TZID=Europe/Berlin:20260328T220000\n"
                                                "DURATION:P1D\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART:20260601T120000Z\n"
                                                "DURATION:PT1H30M\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART;VALUE=DATE:20260406\n"
                                                "DURATION:P1W\n"
                                                "END:VEVENT\n"));
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 3);
    // 22:00 CET to 22:00 CEST the next day: 23 hours.
    EXPECT_EQ(result.holidays[0].startUtcMs, utc(2026, 3, 28, 21));
    EXPECT_EQ(result.holidays[0].endUtcMs, utc(2026, 3, 29, 20));
    EXPECT_EQ(result.holidays[1].endUtcMs, utc(2026, 6, 1, 13, 30));
    EXPECT_EQ(result.holidays[2].endDate, QDate(2026, 4, 13));
}

TEST(IcsCalendar, SkippedAndRepeatedWallTimesFollowRfc5545)
{
    const IcsHolidays result = parse(calendarOf("BEGIN:VEVENT\n"
                                                "DTSTART;TZID=Europe/Berlin:20260329T023000\n"
                                                "DTEND;TZID=Europe/Berlin:20260329T050000\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART;TZID=Europe/Berlin:20261025T023000\n"
                                                "DTEND;TZID=Europe/Berlin:20261025T040000\n"
                                                "END:VEVENT\n"));
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 2);
    // 02:30 does not exist on 29 March: read with the offset before the gap (+01:00).
    EXPECT_EQ(result.holidays[0].startUtcMs, utc(2026, 3, 29, 1, 30));
    // 02:30 happens twice on 25 October: the first time (+02:00).
    EXPECT_EQ(result.holidays[1].startUtcMs, utc(2026, 10, 25, 0, 30));
    EXPECT_EQ(result.holidays[1].endUtcMs, utc(2026, 10, 25, 3));
}

TEST(IcsCalendar, IgnoresOtherComponentsAlarmsUnknownPropertiesAndCancelledEvents)
{
    const IcsHolidays result = parse(calendarOf("BEGIN:VTIMEZONE\n"
                                                "TZID:Europe/Berlin\n"
                                                "BEGIN:STANDARD\n"
                                                "DTSTART:19701025T030000\n"
                                                "TZOFFSETTO:+0100\n"
                                                "END:STANDARD\n"
                                                "END:VTIMEZONE\n"
                                                "BEGIN:VTODO\n"
                                                "DTSTART:20260101T000000Z\n"
                                                "END:VTODO\n"
                                                "BEGIN:VEVENT\n"
                                                "X-MICROSOFT-CDO-BUSYSTATUS:FREE\n"
                                                "DTSTART;VALUE=DATE:20260501\n"
                                                "BEGIN:VALARM\n"
                                                "TRIGGER:-PT15M\n"
                                                "DURATION:PT5M\n"
                                                "END:VALARM\n"
                                                "SUMMARY:Tag der Arbeit\n"
                                                "END:VEVENT\n"
                                                "BEGIN:VEVENT\n"
                                                "DTSTART;VALUE=DATE:20260502\n"
                                                "STATUS:CANCELLED\n"
                                                "END:VEVENT\n"));
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 1);
    EXPECT_EQ(result.holidays[0].name, QStringLiteral("Tag der Arbeit"));
    EXPECT_EQ(result.holidays[0].endDate, QDate(2026, 5, 2));
}

// What an exporter writes: CRLF, 75-octet folding, a VTIMEZONE, escaped text.
TEST(IcsCalendar, HolidaysFromAFileShapeABusinessCalendar)
{
    const QByteArray ics = "BEGIN:VCALENDAR\r\n"
                           "VERSION:2.0\r\n"
                           "PRODID:-//Example Corp//Holidays DE 2026//EN\r\n"
                           "BEGIN:VTIMEZONE\r\n"
                           "TZID:Europe/Berlin\r\n"
                           "END:VTIMEZONE\r\n"
                           "BEGIN:VEVENT\r\n"
                           "UID:xmas-2026@example.com\r\n"
                           "DTSTAMP:20251201T000000Z\r\n"
                           "DTSTART;VALUE=DATE:20261224\r\n"
                           "DTEND;VALUE=DATE:20261227\r\n"
                           "SUMMARY:Heiligabend\\, 1. und 2. Weihnachtstag (Betriebsruhe bei allen Standort\r\n"
                           " en)\r\n"
                           "END:VEVENT\r\n"
                           "BEGIN:VEVENT\r\n"
                           "UID:party-2026@example.com\r\n"
                           "DTSTART;TZID=Europe/Berlin:20261223T140000\r\n"
                           "DTEND;TZID=Europe/Berlin:20261223T170000\r\n"
                           "SUMMARY:Weihnachtsfeier\r\n"
                           "END:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    const IcsHolidays result = parse(ics);
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 2);
    EXPECT_EQ(result.holidays[0].name, QStringLiteral("Heiligabend, 1. und 2. Weihnachtstag (Betriebsruhe bei allen Standorten)"));

    CalendarDefinition definition;
    definition.timeZone = QStringLiteral("Europe/Berlin");
    for (int day = 0; day < 5; ++day)
        definition.week[size_t(day)] = { { 9 * 60, 17 * 60 } };
    definition.holidays = result.holidays;
    const BusinessCalendar calendar(definition, QTimeZone("Europe/Berlin"));
    // Monday 21 .. Sunday 27 December: Monday, Tuesday and Wednesday minus the party.
    EXPECT_EQ(calendar.businessMsBetween(utc(2026, 12, 20, 23), utc(2026, 12, 27, 23)), 21 * Hour);
}

TEST(IcsCalendar, MapsWindowsZoneNames)
{
    const IcsHolidays result = parse(calendarOf("BEGIN:VEVENT\n"
                                                "DTSTART;TZID=W. Europe Standard Time:20260601T090000\n"
                                                "DTEND;TZID=W. Europe Standard Time:20260601T100000\n"
                                                "END:VEVENT\n"));
    ASSERT_FALSE(result.error.isError()) << result.error.toString().toStdString();
    ASSERT_EQ(result.holidays.size(), 1);
    EXPECT_EQ(result.holidays[0].startUtcMs, utc(2026, 6, 1, 7));
}

TEST(IcsCalendar, RefusesAnInvalidDate)
{
    expectRefused(calendarOf("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261345\nEND:VEVENT\n"), 4,
                  QStringLiteral("DTSTART 20261345 is not a valid date"));
}

TEST(IcsCalendar, RefusesDtendNotAfterDtstart)
{
    expectRefused(calendarOf("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261225\nEND:VEVENT\n"), 5,
                  QStringLiteral("DTEND 20261225 is not after DTSTART 20261225"));
    expectRefused(calendarOf("BEGIN:VEVENT\nDTSTART:20260601T140000Z\nDTEND:20260601T120000Z\nEND:VEVENT\n"), 5,
                  QStringLiteral("is not after"));
}

TEST(IcsCalendar, RefusesAnUnknownTzid)
{
    expectRefused(calendarOf("BEGIN:VEVENT\nSUMMARY:x\nDTSTART;TZID=Europe/Atlantis:20260601T120000\nEND:VEVENT\n"), 5,
                  QStringLiteral("unknown time zone \"Europe/Atlantis\""));
    // Qt alone would take "Berlin" for a POSIX rule at UTC+0.
    expectRefused(calendarOf("BEGIN:VEVENT\nDTSTART;TZID=Berlin:20260601T120000\nEND:VEVENT\n"), 4,
                  QStringLiteral("unknown time zone \"Berlin\""));
    const IcsHolidays floating = parseIcsHolidays(calendarOf("BEGIN:VEVENT\nDTSTART:20260601T120000\nEND:VEVENT\n"),
                                                  QStringLiteral("Berlin"), QStringLiteral("holidays.ics"));
    EXPECT_EQ(floating.error.location, QStringLiteral("holidays.ics:4"));
    EXPECT_TRUE(floating.error.message.contains(QStringLiteral("floating"))) << floating.error.toString().toStdString();
}

TEST(IcsCalendar, RefusesAnUnterminatedEventAtItsBeginLine)
{
    expectRefused("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\n", 2,
                  QStringLiteral("no END:VEVENT"));
    expectRefused("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VCALENDAR\r\n", 4,
                  QStringLiteral("END:VEVENT was expected"));
    expectRefused("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT\n\n", 4,
                  QStringLiteral("VCALENDAR is not terminated"));
}

TEST(IcsCalendar, RefusesWhatIsNotACalendar)
{
    expectRefused("{\"calendars\": []}\n", 1, QStringLiteral("not an iCalendar file"));
    expectRefused("\n\nBEGIN:VEVENT\nEND:VEVENT\n", 3, QStringLiteral("expected BEGIN:VCALENDAR"));
    expectRefused("", 1, QStringLiteral("not an iCalendar file"));
}

TEST(IcsCalendar, RefusesRecurringEventsAndEventsWithoutStart)
{
    expectRefused(calendarOf("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY\nEND:VEVENT\n"), 5,
                  QStringLiteral("recurring events (RRULE) are not supported; expand them first"));
    expectRefused(calendarOf("BEGIN:VEVENT\nSUMMARY:nothing\nEND:VEVENT\n"), 3, QStringLiteral("no DTSTART"));
    expectRefused(calendarOf("BEGIN:VEVENT\nDTSTART:20260601T120000Z\nEND:VEVENT\n"), 4,
                  QStringLiteral("needs DTEND or DURATION"));
}

TEST(IcsCalendar, CountsPhysicalLinesPastFoldedOnes)
{
    expectRefused(calendarOf("BEGIN:VEVENT\n"
                             "SUMMARY:a long\n"
                             " summary folded\n"
                             "\tover three lines\n"
                             "DTSTART;VALUE=DATE:2026\n"
                             " 0230\n"
                             "END:VEVENT\n"),
                  7, QStringLiteral("DTSTART 20260230 is not a valid date"));
}

TEST(IcsCalendar, LocatesErrorsByLineWithoutASourceName)
{
    const IcsHolidays result = parseIcsHolidays("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026\nEND:VEVENT\nEND:VCALENDAR\n",
                                                QStringLiteral("UTC"));
    EXPECT_EQ(result.error.location, QStringLiteral("line 3"));
    EXPECT_TRUE(result.error.message.contains(QStringLiteral("DTSTART 2026"))) << result.error.toString().toStdString();
}

} // namespace
} // namespace nocturne::core::test
