#pragma once

#include <QLatin1Char>
#include <QString>

#include <array>

// Private to slaconfiguration*.cpp (not installed API): the spellings and units that the
// parser and the serialiser must agree on, kept in one place so the two cannot drift.
namespace nocturne::core::detail {

inline constexpr qint64 MinuteMs = 60'000;

// The document's day keys, in CalendarDefinition::week order (index 0 = Monday).
inline constexpr std::array<const char *, 7> WeekdayNames { "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday" };

// A minute of the day as the document writes it: "HH:MM", with 1440 as "24:00".
inline QString minuteText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

} // namespace nocturne::core::detail
