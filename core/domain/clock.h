#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <atomic>

namespace nocturne::core {

// Every engine takes "now" from a Clock so that tests can drive time by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    // UTC milliseconds since the Unix epoch.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

// A clock that only moves when told to; safe to read from any thread.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 0) : m_nowMs(startMs) { }
    qint64 nowMs() const override { return m_nowMs.load(); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms); }
    void advanceMs(qint64 ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace nocturne::core
