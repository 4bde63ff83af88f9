#include "testsupport.h"

#include "core/domain/uuid7.h"
#include "core/storage/incidentrepository.h"

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

// Six incidents that differ in every field a queue filters on.
class IncidentRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.ok());
        struct Seed
        {
            const char *title, *service, *ci, *site;
            int impact, urgency;
            const char *group, *assignee;
            A then;
        };
        const Seed seeds[] = {
            { "Sorter jam", "Sortation", "SORTER-01", "DC Rotterdam", 1, 1, "Warehouse Ops", "ana", A::Acknowledge },
            { "WMS slow", "WMS", "WMS-APP", "DC Rotterdam", 2, 2, "WMS Support", "", A::Comment },
            { "Checkout 100% failing", "Web Shop", "CHECKOUT", "Store London", 1, 2, "Retail Web", "ben", A::Hold },
            { "Scanner battery", "Scanners", "SCAN-7", "DC Leipzig", 3, 3, "Warehouse Ops", "ana", A::Resolve },
            { "Fraud spike", "Payments", "FRAUD-ENGINE", "Finance Hub", 2, 1, "", "", A::Cancel },
            { "Printer offline", "Printing", "PRN_01", "DC Leipzig", 3, 2, "", "", A::Comment },
        };
        for (const Seed &s : seeds) {
            h.clock().advanceMs(Minute);
            QJsonObject p = openPayload(QLatin1StringView(s.title), s.impact, s.urgency);
            p.remove(QStringLiteral("priority"));
            p.insert(QStringLiteral("service"), QLatin1StringView(s.service));
            p.insert(QStringLiteral("ci"), QLatin1StringView(s.ci));
            p.insert(QStringLiteral("site"), QLatin1StringView(s.site));
            p.insert(QStringLiteral("assignment_group"), QLatin1StringView(s.group));
            const CommandResult opened = h.run(A::Open, {}, p);
            ASSERT_TRUE(opened.ok()) << opened.error.toStdString();
            const QString number = opened.incident.number;
            numbers << number;
            if (*s.assignee) {
                ASSERT_TRUE(h.run(A::Assign, number, { { QStringLiteral("assignee"), QLatin1StringView(s.assignee) } }).ok());
            }
            switch (s.then) {
            case A::Acknowledge: ASSERT_TRUE(h.run(A::Acknowledge, number).ok()); break;
            case A::Hold:
                ASSERT_TRUE(h.run(A::Acknowledge, number).ok());
                ASSERT_TRUE(h.run(A::Hold, number, { { QStringLiteral("hold_reason"), QStringLiteral("awaiting_vendor") } }).ok());
                break;
            case A::Resolve: ASSERT_TRUE(h.run(A::Resolve, number, { { QStringLiteral("code"), QStringLiteral("fixed") } }).ok()); break;
            case A::Cancel: ASSERT_TRUE(h.run(A::Cancel, number).ok()); break;
            default: break;
            }
        }
    }

    QStringList listed(const IncidentFilter &filter)
    {
        IncidentRepository repository(h.database().connection(), h.path());
        QStringList out;
        for (const Incident &i : repository.list(filter))
            out << i.number;
        EXPECT_FALSE(repository.lastError().isError());
        if (!filter.limit) {
            EXPECT_EQ(repository.count(filter), out.size());
        }
        return out;
    }

    QString n(int index) const { return numbers.at(index - 1); }

    StoreHarness h;
    QStringList numbers;
};

TEST_F(IncidentRepositoryTest, ListsEverythingByPriorityThenAge)
{
    // P1: #1 (1/1); P2: #3 (1/2), #5 (2/1); P3: #2 (2/2); P4: #6 (3/2); P5: #4 (3/3).
    EXPECT_EQ(listed({}), (QStringList { n(1), n(3), n(5), n(2), n(6), n(4) }));
}

TEST_F(IncidentRepositoryTest, FiltersByStatePriorityAndPeople)
{
    IncidentFilter open;
    open.states = { IncidentState::New, IncidentState::InProgress, IncidentState::OnHold };
    EXPECT_EQ(listed(open), (QStringList { n(1), n(3), n(2), n(6) }));

    IncidentFilter p3;
    p3.priority = 3;
    EXPECT_EQ(listed(p3), QStringList { n(2) });

    IncidentFilter urgent;
    urgent.maxPriority = 2;
    EXPECT_EQ(listed(urgent), (QStringList { n(1), n(3), n(5) }));

    IncidentFilter ana;
    ana.assignee = QStringLiteral("ana");
    EXPECT_EQ(listed(ana), (QStringList { n(1), n(4) }));

    IncidentFilter group;
    group.group = QStringLiteral("Warehouse Ops");
    EXPECT_EQ(listed(group), (QStringList { n(1), n(4) }));

    IncidentFilter unassignedOpen = open;
    unassignedOpen.unassigned = true;
    EXPECT_EQ(listed(unassignedOpen), (QStringList { n(2), n(6) }));

    IncidentFilter site;
    site.site = QStringLiteral("DC Leipzig");
    EXPECT_EQ(listed(site), (QStringList { n(6), n(4) }));

    IncidentFilter service;
    service.service = QStringLiteral("WMS");
    EXPECT_EQ(listed(service), QStringList { n(2) });
}

TEST_F(IncidentRepositoryTest, TextSearchCoversNumberTitleServiceCiSiteAndAssignee)
{
    auto search = [this](const char *text) {
        IncidentFilter f;
        f.text = QLatin1StringView(text);
        return listed(f);
    };
    EXPECT_EQ(search("jam"), QStringList { n(1) });
    EXPECT_EQ(search("scanners"), QStringList { n(4) }); // case-insensitive, service
    EXPECT_EQ(search("FRAUD-ENG"), QStringList { n(5) }); // CI
    EXPECT_EQ(search("london"), QStringList { n(3) }); // site
    EXPECT_EQ(search("ben"), QStringList { n(3) }); // assignee
    EXPECT_EQ(search(n(6).toLatin1().constData()), QStringList { n(6) }); // number
    // LIKE wildcards are searched for literally.
    EXPECT_EQ(search("100%"), QStringList { n(3) });
    EXPECT_EQ(search("%"), QStringList { n(3) });
    EXPECT_EQ(search("PRN_"), QStringList { n(6) });
    EXPECT_EQ(search("SCAN_7"), QStringList {}); // "_" is not "any character" (SCAN-7)
    EXPECT_EQ(search("'; DROP TABLE incidents; --"), QStringList {});
    EXPECT_EQ(listed({}).size(), 6);
}

TEST_F(IncidentRepositoryTest, PagesWithLimitAndOffset)
{
    IncidentFilter page;
    page.limit = 2;
    page.offset = 2;
    EXPECT_EQ(listed(page), (QStringList { n(5), n(2) }));
    page.offset = 5;
    EXPECT_EQ(listed(page), QStringList { n(4) });
}

TEST_F(IncidentRepositoryTest, ForEachVisitsWhatListReturns)
{
    IncidentRepository repository(h.database().connection(), h.path());
    QList<Incident> visited;
    EXPECT_TRUE(repository.forEach({}, [&visited](const Incident &i) { visited << i; }));
    EXPECT_EQ(visited, repository.list({}));
}

TEST_F(IncidentRepositoryTest, FindsByIdOrNumberButNotIncidentsNeverOpened)
{
    IncidentRepository repository(h.database().connection(), h.path());
    const auto byNumber = repository.find(n(2));
    ASSERT_TRUE(byNumber.has_value());
    EXPECT_EQ(repository.find(byNumber->id), byNumber);
    EXPECT_EQ(repository.find(n(2).toLower()), byNumber);
    EXPECT_FALSE(repository.find(QStringLiteral("INC0999999")).has_value());
    EXPECT_FALSE(repository.lastError().isError());

    // A comment that arrived from a peer before the incident's open event.
    const QString early = createUuidV7(T0);
    ASSERT_EQ(h.store().append({ makeEvent(A::Comment, early, HlcTimestamp { T0, 0, QStringLiteral("peer") }, T0,
                                           { { QStringLiteral("text"), QStringLiteral("early") } }) }).appended, 1);
    EXPECT_FALSE(repository.find(early).has_value());
    EXPECT_EQ(repository.list({}).size(), 6);
    EXPECT_EQ(repository.events(early).size(), 1);
}

TEST_F(IncidentRepositoryTest, ReportsTheIncidentsChangedSinceASequence)
{
    IncidentRepository repository(h.database().connection(), h.path());
    const qint64 last = repository.lastSequence();
    EXPECT_GT(last, 6);
    qint64 newLast = 0;
    EXPECT_TRUE(repository.incidentsChangedSince(last, &newLast).isEmpty());
    EXPECT_EQ(newLast, last);

    ASSERT_TRUE(h.run(A::Comment, n(2), { { QStringLiteral("text"), QStringLiteral("x") } }).ok());
    ASSERT_TRUE(h.run(A::Acknowledge, n(6)).ok());
    ASSERT_TRUE(h.run(A::Comment, n(2), { { QStringLiteral("text"), QStringLiteral("y") } }).ok());
    const QSet<QString> changed = repository.incidentsChangedSince(last, &newLast);
    EXPECT_EQ(changed, (QSet<QString> { repository.find(n(2))->id, repository.find(n(6))->id }));
    EXPECT_EQ(newLast, last + 3);
    EXPECT_EQ(repository.lastSequence(), last + 3);
}

TEST_F(IncidentRepositoryTest, EventsComeInFoldOrderWithTheirHashes)
{
    IncidentRepository repository(h.database().connection(), h.path());
    const QList<StoredEvent> events = repository.events(repository.find(n(3))->id);
    ASSERT_EQ(events.size(), 4); // open, assign, acknowledge, hold
    for (int i = 1; i < events.size(); ++i) {
        EXPECT_TRUE(foldsBefore(events.at(i - 1).event, events.at(i).event));
        EXPECT_LT(events.at(i - 1).seq, events.at(i).seq);
    }
    EXPECT_EQ(events.first().event.kind, EventKind::Opened);
    EXPECT_EQ(events.last().event.kind, EventKind::StateChanged);
    for (const StoredEvent &s : events)
        EXPECT_EQ(s.contentHash, s.event.computeContentHash());
}

} // namespace
} // namespace nocturne::core::test
