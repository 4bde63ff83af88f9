// Jira Service Management import on hand-written exports: one row per issue, repeated
// columns, Jira's dates, satisfaction and first response, and a later export of the
// same issues.
#include "core/domain/incidentfold.h"
#include "core/import/importwriter.h"
#include "importtestsupport.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace nocturne::core;
using namespace nocturne::core::test;

namespace {

class JiraImport : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_h.ok()); }

    ImportResult import(const char *name, ImportOptions options = {})
    {
        return importFile(
            QStringLiteral("jira"), importDataFile(name), options, m_h.database(), m_h.store());
    }
    Incident incident(const char *key)
    {
        const auto found = m_h.projected(QString::fromLatin1(key));
        EXPECT_TRUE(found.has_value()) << key;
        return found.value_or(Incident {});
    }
    QStringList flagged(const Incident &i)
    {
        return foldEvents(m_h.storedEvents(i.id)).flaggedEventIds;
    }

    StoreHarness m_h;
};

} // namespace

TEST_F(JiraImport, BuildsAClosedIssueFieldByField)
{
    const ImportResult r = import("jira_export.csv");
    ASSERT_TRUE(r.ok()) << r.fatal.toStdString();
    EXPECT_EQ(r.rowsRead, 7);
    EXPECT_EQ(r.incidentsCreated, 5);

    const Incident i = incident("ITSM-101");
    EXPECT_EQ(i.source, QStringLiteral("jira"));
    EXPECT_EQ(i.title, QStringLiteral("Checkout page down, payments failing"));
    EXPECT_EQ(i.description, QStringLiteral("Multi\nline description"));
    EXPECT_EQ(i.category, QStringLiteral("Incident"));
    EXPECT_EQ(i.service, QStringLiteral("Payments"));
    EXPECT_EQ(i.tags, L({ "outage", "p1" }));
    EXPECT_EQ(i.priority, 1);
    EXPECT_EQ(i.impact, 1);
    EXPECT_EQ(i.urgency, 1);
    EXPECT_EQ(i.assignee, QStringLiteral("ana"));
    EXPECT_EQ(i.reporter, QStringLiteral("ben"));
    EXPECT_EQ(i.state, IncidentState::Closed);
    EXPECT_EQ(i.openedAt, utc(2026, 11, 27, 9, 41));
    EXPECT_EQ(i.acknowledgedAt, utc(2026, 11, 27, 9, 50)); // the first-response column
    EXPECT_EQ(i.resolvedAt, utc(2026, 11, 27, 13, 30));
    EXPECT_EQ(i.closedAt, utc(2026, 11, 27, 14, 5)); // Updated
    EXPECT_EQ(i.resolutionCode, QStringLiteral("Done"));
    EXPECT_EQ(i.csat, 4);
    EXPECT_EQ(i.customFields.value(QStringLiteral("Issue id")).toString(), QStringLiteral("10101"));
    EXPECT_EQ(i.customFields.value(QStringLiteral("Custom field (Store)")).toString(),
        QStringLiteral("Store 12"));
    EXPECT_EQ(i.customFields.value(QStringLiteral("Component/s")).toArray(),
        QJsonArray::fromStringList(L({ "Payments", "Web" })));
    EXPECT_EQ(i.customFields.value(QStringLiteral("Comment")).toArray(),
        QJsonArray::fromStringList(L({ "27/Nov/26 9:45 AM;ana;Looking" })));
    EXPECT_TRUE(flagged(i).isEmpty());
}

TEST_F(JiraImport, MapsStatusesOntoOurLifecycle)
{
    ASSERT_TRUE(import("jira_export.csv").ok());

    const Incident working = incident("ITSM-102"); // ISO Created, first response as a duration
    EXPECT_EQ(working.state, IncidentState::InProgress);
    EXPECT_EQ(working.openedAt, utc(2026, 11, 26, 8, 0));
    EXPECT_EQ(working.acknowledgedAt, utc(2026, 11, 26, 8, 30));
    EXPECT_EQ(working.priority, 3);
    EXPECT_EQ(working.csat, 0);

    const Incident waiting = incident("ITSM-103");
    EXPECT_EQ(waiting.state, IncidentState::OnHold);
    EXPECT_EQ(waiting.holdReason, HoldReason::AwaitingCaller);
    EXPECT_EQ(waiting.acknowledgedAt, utc(2026, 11, 25, 17, 0)); // no first response: Updated
    EXPECT_EQ(waiting.priority, 4);
    EXPECT_TRUE(flagged(waiting).isEmpty());

    const Incident open = incident("ITSM-104");
    EXPECT_EQ(open.state, IncidentState::New);
    EXPECT_EQ(open.acknowledgedAt, 0);
    EXPECT_EQ(open.priority, 5);
    EXPECT_EQ(open.tags, L({ "facilities" })); // the third Labels column

    const Incident resolved = incident("ITSM-107");
    EXPECT_EQ(resolved.state, IncidentState::Resolved);
    EXPECT_EQ(resolved.resolutionCode, QStringLiteral("Fixed"));
    EXPECT_EQ(resolved.resolvedAt, utc(2026, 11, 20, 12, 0));
    EXPECT_EQ(resolved.priority, 2);
    EXPECT_EQ(resolved.csat, 5);
    EXPECT_TRUE(flagged(resolved).isEmpty());
}

TEST_F(JiraImport, SkipsRowsWithAnUnknownPriorityOrAnUnreadableDate)
{
    const ImportResult r = import("jira_export.csv");
    ASSERT_EQ(r.skipped.size(), 2);
    EXPECT_EQ(r.skipped[0].row, 6);
    EXPECT_EQ(r.skipped[0].line, 7);
    EXPECT_TRUE(r.skipped[0].reason.contains(QStringLiteral("unknown Priority \"Urgent!!\"")));
    EXPECT_EQ(r.skipped[1].row, 7);
    EXPECT_TRUE(r.skipped[1].reason.contains(QStringLiteral("\"yesterday\" in Created")))
        << r.skipped[1].reason.toStdString();
}

TEST_F(JiraImport, ALaterExportUpdatesWithoutDuplicating)
{
    ASSERT_TRUE(import("jira_export.csv").ok());
    EXPECT_EQ(import("jira_export.csv").eventsAppended, 0);

    const ImportResult later = import("jira_export_updated.csv");
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later.incidentsUpdated, 2);
    EXPECT_EQ(later.incidentsUnchanged, 3);
    const Incident resolved = incident("ITSM-102");
    EXPECT_EQ(resolved.state, IncidentState::Resolved);
    EXPECT_EQ(resolved.resolvedAt, utc(2026, 11, 26, 15, 0));
    EXPECT_EQ(resolved.acknowledgedAt, utc(2026, 11, 26, 8, 30));
    const Incident renamed = incident("ITSM-103");
    EXPECT_EQ(renamed.title, QStringLiteral("Printer jam at store 7"));
    EXPECT_EQ(renamed.state, IncidentState::OnHold);
    EXPECT_TRUE(flagged(renamed).isEmpty());
    EXPECT_TRUE(flagged(resolved).isEmpty());
    EXPECT_TRUE(later.conflicts.isEmpty()) << later.conflicts.join(u'\n').toStdString();

    EXPECT_EQ(import("jira_export_updated.csv").eventsAppended, 0);
}
