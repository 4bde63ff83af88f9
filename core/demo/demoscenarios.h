#pragma once

#include "../storage/referencedata.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nocturne::core::demo {

// The catalogue the demo generator draws from, read from resources/demo/scenarios.json:
// realistic sites, services, people and incident templates for each domain.
struct DemoService
{
    QString name;
    QStringList ciPatterns; // may contain {site}, the site's short code
};

struct DemoTemplate
{
    QString title; // may contain {ci} and {site}
    QString category;
    QString subcategory;
    QString service;
    int severity = 3; // the template's typical priority
    QString group;
    QString channel;
    QStringList resolutionCodes;
};

struct DemoSite
{
    Site site;
    QString code;
};

struct DemoDomain
{
    QString domain;
    double weight = 1;
    double weekendFactor = 1;
    QList<DemoService> services;
    QList<DemoTemplate> templates;
    QList<int> siteIndexes; // into DemoCatalogue::sites
};

struct DemoCatalogue
{
    QList<DemoSite> sites;
    QList<Group> groups;
    QList<User> users;
    QList<DemoDomain> domains;
    QStringList comments;

    // Loads the built-in catalogue; an error names what is wrong in it.
    static DemoCatalogue builtIn(QString *error);
    QStringList usersOf(const QString &group) const;
};

} // namespace nocturne::core::demo
