#include "businesscalendar.h"

#include <QDateTime>

#include <algorithm>

namespace nocturne::core {

namespace {

constexpr qint64 MsPerMinute = 60'000;
constexpr qint64 MsPerDay = 86'400'000;
constexpr qint64 MinutesPerDay = 1440;
constexpr qint64 JulianDayOfEpoch = 2'440'588; // 1970-01-01

// The materialisable years. Clamping to them keeps a sentinel such as INT64_MAX from
// making the calendar build intervals for ever; no SLA comes near either end.
constexpr int FirstYear = 1900;
constexpr int LastYear = 2200;
// instantAfter gives up when this many successive years add no business time (a week
// with hours but holidays over all of them): the target is then out of reach.
constexpr int BarrenYearsBeforeGivingUp = 5;

constexpr qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
constexpr qint64 daysFromCivil(qint64 y, qint64 m, qint64 d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = floorDiv(y, 400);
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

constexpr qint64 startOfYearMs(int year) { return daysFromCivil(year, 1, 1) * MsPerDay; }
static_assert(startOfYearMs(1970) == 0 && startOfYearMs(2026) == 1'767'225'600'000);

constexpr qint64 MinMs = startOfYearMs(FirstYear);
constexpr qint64 MaxMs = startOfYearMs(LastYear + 1);

qint64 clampInstant(qint64 utcMs) { return std::clamp(utcMs, MinMs, MaxMs); }

int yearOf(qint64 utcMs) { return QDate::fromJulianDay(floorDiv(utcMs, MsPerDay) + JulianDayOfEpoch).year(); }

QDateTime utcDateTime(qint64 utcMs) { return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC); }

// The first element for which `before(element)` is false, in a range partitioned by it. A
// branch-free binary search: the engine asks ~10 of these per incident for 100k incidents,
// and a mispredicted branch per step costs more than the comparison.
template<typename T, typename Predicate>
const T *partitionPoint(const T *first, size_t count, Predicate before)
{
    if (count == 0)
        return first;
    while (count > 1) {
        const size_t half = count / 2;
        first = before(first[half]) ? first + half : first;
        count -= half;
    }
    return first + (before(*first) ? 1 : 0);
}

// partitionPoint for an answer expected near `first`: probes 1, 2, 4... elements ahead,
// then searches the last stretch. The end of a query range is usually a few intervals
// after its start, so this costs a handful of comparisons instead of a full search.
template<typename T, typename Predicate>
const T *gallop(const T *first, size_t count, Predicate before)
{
    size_t bound = 1;
    while (bound < count && before(first[bound - 1]))
        bound *= 2;
    const size_t low = bound / 2;
    return partitionPoint(first + low, std::min(bound, count) - low, before);
}

} // namespace

BusinessCalendar::BusinessCalendar(const CalendarDefinition &definition, const QTimeZone &zone)
    : m_definition(definition)
    , m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
    for (size_t day = 0; day < m_week.size(); ++day) {
        std::vector<DayInterval> intervals;
        for (const DayInterval &interval : definition.week[day]) {
            const int start = std::clamp(interval.startMinute, 0, int(MinutesPerDay));
            const int end = std::clamp(interval.endMinute, 0, int(MinutesPerDay));
            if (start < end)
                intervals.push_back({ start, end });
        }
        std::sort(intervals.begin(), intervals.end(),
                  [](const DayInterval &a, const DayInterval &b) { return a.startMinute < b.startMinute; });
        for (const DayInterval &interval : intervals) {
            if (!m_week[day].empty() && interval.startMinute <= m_week[day].back().endMinute)
                m_week[day].back().endMinute = std::max(m_week[day].back().endMinute, interval.endMinute);
            else
                m_week[day].push_back(interval);
        }
        m_hasBusinessHours = m_hasBusinessHours || !m_week[day].empty();
    }

    std::vector<Span> allDay;
    std::vector<Span> timed;
    for (const Holiday &holiday : definition.holidays) {
        if (holiday.isAllDay()) {
            const qint64 first = holiday.firstDate.toJulianDay();
            const qint64 end = holiday.endDate.isValid() ? holiday.endDate.toJulianDay() : first + 1;
            if (first < end)
                allDay.push_back({ first, end });
        } else if (holiday.startUtcMs < holiday.endUtcMs) {
            timed.push_back({ holiday.startUtcMs, holiday.endUtcMs });
        }
    }
    const auto sortAndMerge = [](std::vector<Span> spans, std::vector<Span> &into) {
        std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
        for (const Span &span : spans) {
            if (!into.empty() && span.start <= into.back().end)
                into.back().end = std::max(into.back().end, span.end);
            else
                into.push_back(span);
        }
    };
    sortAndMerge(std::move(allDay), m_allDayHolidays);
    sortAndMerge(std::move(timed), m_timedHolidays);
}

qint64 BusinessCalendar::businessMsBetween(qint64 fromUtcMs, qint64 toUtcMs) const
{
    if (toUtcMs <= fromUtcMs)
        return 0;
    if (m_definition.twentyFourSeven)
        return toUtcMs - fromUtcMs;
    if (!m_hasBusinessHours)
        return 0;
    const qint64 from = clampInstant(fromUtcMs);
    const qint64 to = clampInstant(toUtcMs);
    if (to <= from)
        return 0;
    ensureCovers(from, to);
    return cumulativeAt(to, firstEndingAfter(to)) - cumulativeAt(from, firstEndingAfter(from));
}

qint64 BusinessCalendar::instantAfter(qint64 fromUtcMs, qint64 businessMs) const
{
    if (businessMs <= 0)
        return fromUtcMs;
    if (m_definition.twentyFourSeven)
        return fromUtcMs + businessMs;
    const qint64 from = clampInstant(fromUtcMs);
    if (!m_hasBusinessHours || from >= MaxMs)
        return 0;
    ensureCovers(from, from);
    const qint64 target = cumulativeAt(from, firstEndingAfter(from)) + businessMs;
    int barrenYears = 0;
    while (materialisedTotal() < target) {
        if (m_lastYear >= LastYear || barrenYears >= BarrenYearsBeforeGivingUp)
            return 0;
        const qint64 totalBefore = materialisedTotal();
        ensureCovers(from, startOfYearMs(m_lastYear + 2)); // one more year
        barrenYears = materialisedTotal() == totalBefore ? barrenYears + 1 : 0;
    }
    // The first interval whose end reaches the target, so that reaching it exactly at an end
    // returns that end, not the next interval's start. `from` is located again: extending
    // may have joined its interval with the next year's first one.
    const Interval *atFrom = firstEndingAfter(from);
    const Interval *interval = gallop(atFrom, size_t(m_intervals.data() + m_intervals.size() - atFrom),
                                      [target](const Interval &i) { return i.before + (i.end - i.start) < target; });
    return interval->start + (target - interval->before);
}

bool BusinessCalendar::isBusinessTime(qint64 utcMs) const
{
    if (m_definition.twentyFourSeven)
        return true;
    if (!m_hasBusinessHours || utcMs < MinMs || utcMs >= MaxMs)
        return false;
    ensureCovers(utcMs, utcMs + 1);
    const Interval *interval = firstEndingAfter(utcMs);
    return interval != m_intervals.data() + m_intervals.size() && interval->start <= utcMs;
}

void BusinessCalendar::ensureCovers(qint64 fromUtcMs, qint64 toUtcMs) const
{
    const bool empty = m_lastYear < m_firstYear;
    if (!empty && fromUtcMs >= m_coveredFromMs && toUtcMs <= m_coveredToMs)
        return;
    const int firstYear = std::max(FirstYear, yearOf(fromUtcMs));
    const int lastYear = std::min(LastYear, yearOf(std::max(fromUtcMs, toUtcMs - 1)));
    if (empty) {
        append(buildYears(firstYear, lastYear));
        m_firstYear = firstYear;
        m_lastYear = lastYear;
    } else {
        if (firstYear < m_firstYear) {
            // Prepending shifts every running total: rebuild them all in one pass.
            std::vector<Span> spans = buildYears(firstYear, m_firstYear - 1);
            spans.reserve(spans.size() + m_intervals.size());
            for (const Interval &interval : m_intervals)
                spans.push_back({ interval.start, interval.end });
            m_intervals.clear();
            append(spans);
            m_firstYear = firstYear;
        }
        if (lastYear > m_lastYear) {
            append(buildYears(m_lastYear + 1, lastYear));
            m_lastYear = lastYear;
        }
    }
    m_coveredFromMs = startOfYearMs(m_firstYear);
    m_coveredToMs = startOfYearMs(m_lastYear + 1);
    rebuildDayIndex();
}

const BusinessCalendar::Interval *BusinessCalendar::firstEndingAfter(qint64 utcMs) const
{
    if (utcMs >= m_coveredToMs)
        return m_intervals.data() + m_intervals.size();
    const size_t day = size_t(std::max<qint64>(0, utcMs - m_coveredFromMs) / MsPerDay);
    const quint32 first = m_dayIndex[day];
    return partitionPoint(m_intervals.data() + first, m_dayIndex[day + 1] - first,
                          [utcMs](const Interval &i) { return i.end <= utcMs; });
}

void BusinessCalendar::rebuildDayIndex() const
{
    const size_t days = size_t((m_coveredToMs - m_coveredFromMs) / MsPerDay);
    m_dayIndex.resize(days + 1);
    size_t interval = 0;
    for (size_t day = 0; day <= days; ++day) {
        const qint64 dayStart = m_coveredFromMs + qint64(day) * MsPerDay;
        while (interval < m_intervals.size() && m_intervals[interval].end <= dayStart)
            ++interval;
        m_dayIndex[day] = quint32(interval);
    }
}

qint64 BusinessCalendar::cumulativeAt(qint64 utcMs, const Interval *firstEndingAfter) const
{
    if (firstEndingAfter == m_intervals.data() + m_intervals.size())
        return materialisedTotal();
    return firstEndingAfter->before + std::max<qint64>(0, utcMs - firstEndingAfter->start);
}

qint64 BusinessCalendar::materialisedTotal() const
{
    return m_intervals.empty() ? 0 : m_intervals.back().before + (m_intervals.back().end - m_intervals.back().start);
}

void BusinessCalendar::append(const std::vector<Span> &spans) const
{
    qint64 total = materialisedTotal();
    for (const Span &span : spans) {
        // Years are cut at UTC New Year; an interval running across it is joined again.
        if (!m_intervals.empty() && m_intervals.back().end == span.start)
            m_intervals.back().end = span.end;
        else
            m_intervals.push_back({ span.start, span.end, total });
        total += span.end - span.start;
    }
}

std::vector<BusinessCalendar::Span> BusinessCalendar::buildYears(int firstYear, int lastYear) const
{
    const qint64 from = startOfYearMs(firstYear);
    const qint64 to = startOfYearMs(lastYear + 1);

    // The zone's offset is constant between transitions; each such segment maps local
    // wall time to UTC by one subtraction, which is what makes DST days exact.
    std::vector<Span> spans;
    qint64 segmentStart = from;
    qint64 offsetMs = qint64(m_zone.offsetFromUtc(utcDateTime(from))) * 1000;
    if (m_zone.hasTransitions()) {
        const QTimeZone::OffsetDataList transitions = m_zone.transitions(utcDateTime(from), utcDateTime(to));
        for (const QTimeZone::OffsetData &transition : transitions) {
            const qint64 at = transition.atUtc.toMSecsSinceEpoch();
            if (at <= segmentStart || at >= to)
                continue;
            addSegment(segmentStart, at, offsetMs, spans);
            segmentStart = at;
            offsetMs = qint64(transition.offsetFromUtc) * 1000;
        }
    }
    addSegment(segmentStart, to, offsetMs, spans);

    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    std::vector<Span> merged;
    merged.reserve(spans.size());
    for (const Span &span : spans) {
        if (!merged.empty() && span.start <= merged.back().end)
            merged.back().end = std::max(merged.back().end, span.end);
        else
            merged.push_back(span);
    }
    if (m_timedHolidays.empty())
        return merged;

    std::vector<Span> result;
    result.reserve(merged.size());
    auto holiday = m_timedHolidays.begin();
    for (const Span &span : merged) {
        while (holiday != m_timedHolidays.end() && holiday->end <= span.start)
            ++holiday;
        qint64 cursor = span.start;
        for (auto h = holiday; h != m_timedHolidays.end() && h->start < span.end; ++h) {
            if (h->start > cursor)
                result.push_back({ cursor, h->start });
            cursor = std::max(cursor, h->end);
        }
        if (cursor < span.end)
            result.push_back({ cursor, span.end });
    }
    return result;
}

// Adds the business intervals of the UTC range [fromUtcMs, toUtcMs), over which the zone's
// offset is constant. Local times are held as "ms since the epoch, read as UTC".
void BusinessCalendar::addSegment(qint64 fromUtcMs, qint64 toUtcMs, qint64 offsetMs, std::vector<Span> &out) const
{
    const qint64 localFrom = fromUtcMs + offsetMs;
    const qint64 localTo = toUtcMs + offsetMs;
    for (qint64 day = floorDiv(localFrom, MsPerDay); day * MsPerDay < localTo; ++day) {
        if (isAllDayHoliday(day + JulianDayOfEpoch))
            continue;
        const qint64 dayStart = day * MsPerDay;
        const qint64 weekday = ((day + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
        for (const DayInterval &interval : m_week[size_t(weekday)]) {
            const qint64 start = std::max(localFrom, dayStart + interval.startMinute * MsPerMinute);
            const qint64 end = std::min(localTo, dayStart + interval.endMinute * MsPerMinute);
            if (start < end)
                out.push_back({ start - offsetMs, end - offsetMs });
        }
    }
}

bool BusinessCalendar::isAllDayHoliday(qint64 julianDay) const
{
    const auto it = std::upper_bound(m_allDayHolidays.begin(), m_allDayHolidays.end(), julianDay,
                                     [](qint64 value, const Span &span) { return value < span.end; });
    return it != m_allDayHolidays.end() && it->start <= julianDay;
}

// On Linux, Qt 6.4 reads an id missing from the tz database as a POSIX TZ rule: "Berlin" is
// then a "valid" zone at UTC+0. Only ids the database lists, or Area/Location paths it can
// load, count as known; Outlook's Windows zone names are mapped to IANA ones.
QTimeZone timeZoneNamed(const QString &id)
{
    const QByteArray iana = id.trimmed().toUtf8();
    if (QTimeZone::isTimeZoneIdAvailable(iana) || (iana.contains('/') && QTimeZone(iana).isValid()))
        return QTimeZone(iana);
    const QByteArray mapped = QTimeZone::windowsIdToDefaultIanaId(iana);
    return mapped.isEmpty() ? QTimeZone() : QTimeZone(mapped);
}

} // namespace nocturne::core
