#pragma once

#include "businesscalendar.h"
#include "slaconfiguration.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace nocturne::core {

// Holidays read from an iCalendar (RFC 5545) file: all-day VEVENTs (DTSTART;VALUE=DATE,
// DTEND exclusive or absent = one day) and timed ones (DTSTART/DTEND in UTC "Z", with
// TZID=Zone, or floating = the calendar's zone). Folded lines and CRLF are handled; other
// components and properties are ignored. A malformed event refuses the whole file with
// its line number.
struct IcsHolidays
{
    QList<Holiday> holidays;
    ConfigurationError error;
};
IcsHolidays parseIcsHolidays(const QByteArray &ics, const QString &calendarTimeZone, const QString &source = {});

} // namespace nocturne::core
