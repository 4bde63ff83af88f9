#pragma once

#include "../domain/vocabulary.h"

#include <QList>
#include <QString>

namespace nocturne::core {

// What `list` and queues select. Empty fields do not filter.
struct IncidentFilter
{
    QList<IncidentState> states;
    int priority = 0; // 1..5, or 0 for any
    int maxPriority = 0; // e.g. 2 for "P1-P2"; 0 for any
    QString assignee;
    QString group;
    QString service;
    QString site;
    QString text; // substring of number, title, service, CI, site or assignee
    bool unassigned = false;
    qint64 updatedSinceMs = 0; // changed at or after this time; 0 for any
    int limit = 0; // 0 = no limit
    int offset = 0;
};

} // namespace nocturne::core
