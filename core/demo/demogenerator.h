#pragma once

#include "demoscenarios.h"
#include "../domain/event.h"
#include "../storage/databaseerror.h"

#include <QList>

#include <functional>

namespace nocturne::core {

class Clock;
class EventStore;
class ReferenceRepository;

namespace demo {

struct DemoOptions
{
    int incidents = 3000;
    int days = 60;
    quint64 seed = 42;
    // Share of incidents that stall and stay open (a backlog), on top of the ones
    // still being worked at the end of the period.
    double stalledShare = 0.0;
    qint64 endMs = 0; // end of the simulated period; 0 means the clock's now
    int batchIncidents = 2000; // incidents per transaction
};

struct DemoResult
{
    qint64 incidents = 0;
    qint64 events = 0;
    qint64 elapsedMs = 0;
    DatabaseError error;
};

// Generates a realistic, reproducible incident history for the warehouse, retail,
// finance and IT domains: arrivals by hour and weekday in each site's time zone, a
// realistic priority mix, acknowledgement and resolution times by priority, holds,
// reassignments, escalations, reopens and cancellations. The same seed and options
// give the same events, ids included.
class DemoGenerator final
{
public:
    DemoGenerator(EventStore &store, ReferenceRepository &reference, const Clock &clock);

    DemoResult generate(const DemoOptions &options,
                        const std::function<void(qint64 done, qint64 total)> &progress = {});

private:
    EventStore &m_store;
    ReferenceRepository &m_reference;
    const Clock &m_clock;
};

} // namespace demo
} // namespace nocturne::core
