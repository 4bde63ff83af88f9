#pragma once

#include "referencedata.h"
#include "../domain/prioritymatrix.h"

#include <QList>
#include <QMetaType>

namespace nocturne::core {

// Everything a dialog needs to offer choices, read once on the reader thread.
struct ReferenceSnapshot
{
    QList<Site> sites;
    QList<Service> services;
    QList<ConfigurationItem> configurationItems;
    QList<Group> groups;
    QList<User> users;
    PriorityMatrix priorityMatrix;
};

} // namespace nocturne::core
