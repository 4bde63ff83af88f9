// ServiceNow import on hand-written exports (tests/data/import): histories rebuilt from
// rows out of order, the source's counts, SLA verdict and priority kept, re-imports that
// append nothing or only what is new, skipped rows and number collisions.
#include "core/domain/incidentfold.h"
#include "core/import/importwriter.h"
#include "core/import/servicenowimporter.h"
#include "importtestsupport.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace nocturne::core;
using namespace nocturne::core::test;

namespace {

class ServiceNowImport : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_h.ok()) << m_h.openError().message.toStdString(); }

    ImportResult import(const char *name, ImportOptions options = {},
        const ImportProgress &progress = {}, const CancelFlag *cancel = nullptr)
    {
        return importFile(QStringLiteral("servicenow"), importDataFile(name), options, m_h.database(),
            m_h.store(), progress, cancel);
    }
    Incident incident(const char *number)
    {
        const auto found = m_h.projected(QString::fromLatin1(number));
        EXPECT_TRUE(found.has_value()) << number;
        return found.value_or(Incident {});
    }
    // The history refolded from the stored events: no transition may have been refused.
    QStringList flagged(const Incident &i)
    {
        return foldEvents(m_h.storedEvents(i.id)).flaggedEventIds;
    }

    StoreHarness m_h;
};

} // namespace

TEST_F(ServiceNowImport, RebuildsEachIncidentFromItsRowsInModCountOrder)
{
    const ImportResult r = import("servicenow_history.csv");
    ASSERT_TRUE(r.ok()) << r.fatal.toStdString() << r.error.toStdString();
    EXPECT_EQ(r.rowsRead, 17);
    EXPECT_EQ(r.incidentsCreated, 4);
    EXPECT_EQ(r.eventsAppended, 10 + 5 + 5 + 4);

    const Incident i = incident("INC0000045");
    EXPECT_EQ(i.source, QStringLiteral("servicenow"));
    EXPECT_EQ(i.title, QStringLiteral("Symptom 72"));
    EXPECT_EQ(i.state, IncidentState::Closed);
    EXPECT_EQ(i.openedAt, utc(2016, 2, 29, 1, 16));
    EXPECT_EQ(i.acknowledgedAt, utc(2016, 2, 29, 1, 29)); // first move out of New
    EXPECT_EQ(i.resolvedAt, utc(2016, 3, 1, 9, 59)); // resolved_at, not the row's update time
    EXPECT_EQ(i.closedAt, utc(2016, 3, 6, 12, 0));
    EXPECT_EQ(i.resolutionCode, QStringLiteral("code 5"));
    EXPECT_EQ(i.impact, 1);
    EXPECT_EQ(i.urgency, 2);
    EXPECT_EQ(i.priority, 2);
    EXPECT_EQ(i.assignmentGroup, QStringLiteral("Group 70"));
    EXPECT_EQ(i.assignee, QStringLiteral("Resolver 31"));
    EXPECT_EQ(i.reporter, QStringLiteral("Caller 2403"));
    EXPECT_EQ(i.category, QStringLiteral("Category 55"));
    EXPECT_EQ(i.subcategory, QStringLiteral("Subcategory 170"));
    EXPECT_EQ(i.site, QStringLiteral("Location 143"));
    EXPECT_EQ(i.channel, Channel::Phone);
    EXPECT_EQ(i.reassignmentCount, 1);
    EXPECT_EQ(i.reopenCount, 0);
    EXPECT_EQ(i.madeSla, 0); // the last row says false
    EXPECT_EQ(
        i.customFields.value(QStringLiteral("knowledge")).toString(), QStringLiteral("false"));
    EXPECT_EQ(
        i.customFields.value(QStringLiteral("notify")).toString(), QStringLiteral("Do Not Notify"));
    EXPECT_EQ(i.customFields.value(QStringLiteral("u_extra_note")).toString(),
        QStringLiteral("note, with comma"));
    EXPECT_FALSE(i.customFields.contains(QStringLiteral("problem_id"))); // "?" is null
    EXPECT_TRUE(flagged(i).isEmpty());

    const QList<Event> events = m_h.storedEvents(i.id);
    QStringList kinds;
    for (const Event &e : events)
        kinds << toName(e.kind);
    EXPECT_EQ(kinds,
        L({ "opened", "assigned", "acknowledged", "assigned", "state_changed", "prioritized",
            "state_changed", "resolved", "closed", "updated" }));
    EXPECT_EQ(events.at(1).actor, QStringLiteral("Updated by 642"));
    EXPECT_EQ(events.at(0).actor, QStringLiteral("Opened by 8"));
    EXPECT_EQ(events.at(7).actor, QStringLiteral("Resolved by 149"));
    EXPECT_EQ(events.at(4).payload.value(QStringLiteral("hold_reason")).toString(),
        QStringLiteral("awaiting_caller"));
}

TEST_F(ServiceNowImport, InsertsTheStepsOurLifecycleNeedsAndKeepsTheSourcePriority)
{
    ASSERT_TRUE(import("servicenow_history.csv").ok());

    // First row already Awaiting Vendor: acknowledged and put on hold at that row's time.
    const Incident vendor = incident("INC0000046");
    EXPECT_EQ(vendor.state, IncidentState::Resolved);
    EXPECT_EQ(vendor.acknowledgedAt, utc(2016, 3, 1, 7, 30));
    EXPECT_EQ(vendor.resolvedAt, utc(2016, 3, 2, 16, 45)); // resolved_at "?": the row's time
    EXPECT_EQ(vendor.resolutionCode, QStringLiteral("Resolved"));
    EXPECT_EQ(vendor.priority, 1); // "1 - Critical", although 2 × 2 is P3 in our matrix
    EXPECT_EQ(vendor.impact, 2);
    EXPECT_EQ(vendor.channel, Channel::Portal); // Self service
    EXPECT_EQ(vendor.customFields.value(QStringLiteral("u_extra_note")).toString(),
        QStringLiteral("line one\nline two \"quoted\""));
    EXPECT_EQ(
        vendor.customFields.value(QStringLiteral("vendor")).toString(), QStringLiteral("Vendor 2"));
    EXPECT_EQ(vendor.madeSla, 1);
    EXPECT_TRUE(flagged(vendor).isEmpty());

    // Resolved straight from New, reopened, resolved again; "-100" rows change nothing.
    const Incident reopened = incident("INC0000047");
    EXPECT_EQ(reopened.state, IncidentState::Resolved);
    EXPECT_EQ(reopened.reopenCount, 1);
    EXPECT_EQ(reopened.acknowledgedAt, 0);
    EXPECT_EQ(reopened.resolvedAt, utc(2016, 3, 3, 11, 0));
    EXPECT_EQ(reopened.configurationItem, QStringLiteral("CI 3"));
    EXPECT_EQ(reopened.channel, Channel::Email);
    EXPECT_TRUE(flagged(reopened).isEmpty());

    // One row, already Closed: resolved at resolved_at, closed at closed_at.
    const Incident closed = incident("INC0000048");
    EXPECT_EQ(closed.state, IncidentState::Closed);
    EXPECT_EQ(closed.resolvedAt, utc(2016, 3, 4, 12, 20));
    EXPECT_EQ(closed.closedAt, utc(2016, 3, 4, 12, 30));
    EXPECT_EQ(closed.priority, 4); // "4 - Low"; our matrix would say P5 for 3 × 3
    EXPECT_EQ(closed.channel, Channel::Chat);
    EXPECT_EQ(closed.title, QStringLiteral("Category 1 — INC0000048"));
    EXPECT_TRUE(flagged(closed).isEmpty());
}

TEST_F(ServiceNowImport, ReportsSkippedRowsWithTheirRowLineAndReason)
{
    const ImportResult r = import("servicenow_history.csv");
    ASSERT_EQ(r.skipped.size(), 3);
    EXPECT_EQ(r.skipped[0].row, 5);
    EXPECT_EQ(r.skipped[0].line, 6);
    EXPECT_EQ(r.skipped[0].reason, QStringLiteral("no number"));
    EXPECT_EQ(r.skipped[1].row, 10);
    EXPECT_EQ(r.skipped[1].line, 12);
    EXPECT_TRUE(r.skipped[1].reason.contains(QStringLiteral("\"31/13/2016 25:00\" in opened_at")))
        << r.skipped[1].reason.toStdString();
    EXPECT_EQ(r.skipped[2].row, 16);
    EXPECT_TRUE(
        r.skipped[2].reason.contains(QStringLiteral("unknown incident_state \"Sleeping\"")));
    EXPECT_FALSE(m_h.projected(QStringLiteral("INC0000050")).has_value());
}

TEST_F(ServiceNowImport, ReimportingTheSameExportAppendsNothing)
{
    ASSERT_TRUE(import("servicenow_history.csv").ok());
    const ImportResult again = import("servicenow_history.csv");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.eventsAppended, 0);
    EXPECT_EQ(again.incidentsCreated, 0);
    EXPECT_EQ(again.incidentsUnchanged, 4);
    EXPECT_TRUE(again.conflicts.isEmpty()) << again.conflicts.join(u'\n').toStdString();
}

TEST_F(ServiceNowImport, ALongerExportAppendsOnlyTheNewEvents)
{
    ASSERT_TRUE(import("servicenow_history.csv").ok());
    const ImportResult longer = import("servicenow_history_longer.csv");
    ASSERT_TRUE(longer.ok());
    EXPECT_EQ(longer.eventsAppended, 3); // INC0000047 closed; INC0000049 opened + its counts
    EXPECT_EQ(longer.incidentsCreated, 1);
    EXPECT_EQ(longer.incidentsUpdated, 1);
    EXPECT_EQ(longer.incidentsUnchanged, 3);
    const Incident i = incident("INC0000047");
    EXPECT_EQ(i.state, IncidentState::Closed);
    EXPECT_EQ(i.closedAt, utc(2016, 3, 8, 11, 0));
    EXPECT_EQ(i.eventCount, 6);
    EXPECT_TRUE(flagged(i).isEmpty());
}

TEST_F(ServiceNowImport, GivesANumberHeldByALocalIncidentTheSourcePrefix)
{
    const QString local = m_h.openIncident();
    ASSERT_EQ(local, QStringLiteral("INC0000001"));
    const ImportResult r = import("servicenow_collision.csv");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.renumbered, (QStringList { QStringLiteral("INC0000001 → SN-INC0000001") }));
    const Incident imported = incident("SN-INC0000001");
    EXPECT_EQ(imported.source, QStringLiteral("servicenow"));
    EXPECT_EQ(imported.customFields.value(QStringLiteral("number")).toString(),
        QStringLiteral("INC0000001"));
    EXPECT_EQ(incident("INC0000001").source, QString()); // the local one is untouched
    EXPECT_EQ(import("servicenow_collision.csv").eventsAppended, 0);
}

TEST_F(ServiceNowImport, LocalNumbersContinuePastImportedOnes)
{
    ASSERT_TRUE(import("servicenow_history.csv").ok());
    EXPECT_EQ(m_h.openIncident(), QStringLiteral("INC0000049"));
}

TEST_F(ServiceNowImport, ReportsProgressAndStopsBetweenBatchesWhenCancelled)
{
    ImportOptions options;
    options.incidentsPerBatch = 1;
    CancelFlag cancel { false };
    qint64 lastWritten = 0, total = 0;
    int batches = 0;
    const ImportResult r = import(
        "servicenow_history.csv", options,
        [&](ImportPhase phase, qint64 done, qint64 all) {
            if (phase != ImportPhase::Writing)
                return;
            lastWritten = done;
            total = all;
            if (++batches == 2)
                cancel.store(true);
        },
        &cancel);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.incidentsCreated, 2); // two whole incidents, nothing of the others
    EXPECT_EQ(total, 14);
    EXPECT_LT(lastWritten, total);
    EXPECT_FALSE(m_h.projected(QStringLiteral("INC0000047")).has_value());

    // Finishing the job later imports the rest and nothing twice.
    const ImportResult rest = import("servicenow_history.csv");
    EXPECT_EQ(rest.incidentsCreated, 2);
    EXPECT_EQ(rest.incidentsUnchanged, 2);
}

TEST_F(ServiceNowImport, ADryRunWritesNothing)
{
    ImportOptions options;
    options.dryRun = true;
    const ImportResult r = import("servicenow_history.csv", options);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.incidentsCreated, 4);
    EXPECT_EQ(r.eventsAppended, 24);
    EXPECT_FALSE(m_h.projected(QStringLiteral("INC0000045")).has_value());
}

TEST_F(ServiceNowImport, ReadsOtherDateFormatsWhenTold)
{
    ImportOptions options;
    options.dateFormats = { QStringLiteral("yyyy-MM-dd HH:mm") };
    const ImportResult r = import("servicenow_history.csv", options);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.incidentsCreated, 0); // every day-first date is now unreadable
    EXPECT_EQ(r.skipped.size(), 17);
    EXPECT_TRUE(r.skipped[0].reason.contains(QStringLiteral("formats tried: yyyy-MM-dd HH:mm")));
}

TEST_F(ServiceNowImport, RefusesAFileWithoutANumberColumnOrAnUnterminatedQuote)
{
    ImportResult r = importFile(
        QStringLiteral("servicenow"), importDataFile("jira_export.csv"), {}, m_h.database(), m_h.store());
    EXPECT_TRUE(r.fatal.contains(QStringLiteral("no \"number\" column"))) << r.fatal.toStdString();
    r = import("servicenow_malformed.csv");
    EXPECT_TRUE(r.fatal.contains(QStringLiteral("line 2: a quoted field")))
        << r.fatal.toStdString();
    r = import("no_such_file.csv");
    EXPECT_TRUE(r.fatal.contains(QStringLiteral("cannot open"))) << r.fatal.toStdString();
}
