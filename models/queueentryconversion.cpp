#include "queueentryconversion.h"

namespace nocturne::models {

core::QueueEntry toQueueEntry(const core::Incident &i)
{
    core::QueueEntry e;
    e.id = i.id;
    e.number = i.number;
    e.title = i.title;
    e.service = i.service;
    e.configurationItem = i.configurationItem;
    e.site = i.site;
    e.assignmentGroup = i.assignmentGroup;
    e.assignee = i.assignee;
    e.category = i.category;
    e.priority = i.priority;
    e.impact = i.impact;
    e.urgency = i.urgency;
    e.state = i.state;
    e.holdReason = i.holdReason;
    e.domain = i.domain;
    e.openedAt = i.openedAt;
    e.acknowledgedAt = i.acknowledgedAt;
    e.resolvedAt = i.resolvedAt;
    e.updatedAt = i.updatedAt;
    e.eventCount = i.eventCount;
    return e;
}

} // namespace nocturne::models
