#pragma once

#include <QString>

namespace nocturne::core {

// Reference data: the places, services and people incidents name. Minimal for now.
struct Site
{
    QString name;
    QString timeZone; // IANA, e.g. Europe/Berlin
    QString domain;
    QString description;
};

struct Service
{
    QString name;
    QString domain;
    QString description;
};

struct ConfigurationItem
{
    QString name;
    QString service;
    QString site;
    int criticality = 3; // 1 (business critical) .. 3
};

struct Group
{
    QString name;
    QString description;
};

struct User
{
    QString name;
    QString displayName;
    QString group;
    QString role = QStringLiteral("operator");
};

} // namespace nocturne::core
