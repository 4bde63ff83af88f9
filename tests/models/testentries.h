#pragma once

#include <core/storage/queueentry.h>

#include <QString>

#include <ostream>

void PrintTo(const QString &text, std::ostream *os);

namespace nocturne::models::test {

// 2024-01-15T09:30:00Z, a Monday: "now" in every model test.
constexpr qint64 Now = 1'705'311'000'000;
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

// A realistic open incident; `n` picks the number, the strings and the priority.
core::QueueEntry entry(int n);
core::QueueEntriesPtr entries(int count);
core::QueueEntriesPtr only(const core::QueueEntry &e);
core::QueueEntriesPtr list(const QList<core::QueueEntry> &items);

} // namespace nocturne::models::test
