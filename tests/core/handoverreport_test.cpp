// The shift-handover report on a real database with a hand-made shift [T0, T0+8h):
// exactly which incidents are open, at risk, changed and escalated, and notes verbatim.
#include "testsupport.h"

#include "core/engine/slaconfiguration.h"
#include "core/report/handoverreport.h"
#include "core/storage/slarepository.h"

#include <gtest/gtest.h>

#include <QHash>

namespace nocturne::core::test {
namespace {

using A = IncidentAction;

// 24x7: respond within 1 h, resolve within 8 h.
const char *const policyJson = R"({
  "policies": [ { "id": "all", "name": "Round the clock", "response_minutes": 60, "resolution_minutes": 480 } ]
})";

class HandoverReportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.ok()) << h.openError().message.toStdString();
        const ParsedConfiguration parsed = parseSlaConfiguration(policyJson);
        ASSERT_FALSE(parsed.error.isError()) << parsed.error.toString().toStdString();
        SlaRepository sla(h.database().connection());
        ASSERT_FALSE(sla.saveConfiguration(parsed.configuration, QStringLiteral("ana"), T0 - 48 * Hour).error);

        a = open(QStringLiteral("Conveyor C3 stopped"), 1, 1, T0 - 10 * Hour); // P1, never acknowledged
        act(A::Escalate, a, { { QStringLiteral("target"), QStringLiteral("Warehouse lead") }, { QStringLiteral("level"), 1 } },
            T0 - 9 * Hour - 30 * Minute, QStringLiteral("system")); // before the shift
        act(A::Assign, a, { { QStringLiteral("group"), QStringLiteral("Field Service") } }, T0 + Hour);

        b = open(QStringLiteral("Label printer offline"), 2, 2, T0 + Hour); // resolved in the shift
        act(A::Acknowledge, b, {}, T0 + Hour + 10 * Minute);
        act(A::Resolve, b, { { QStringLiteral("code"), QStringLiteral("fixed") } }, T0 + 2 * Hour);

        c = open(QStringLiteral("WMS slow"), 2, 2, T0 + Hour + 30 * Minute); // 6.5 h of 8 used at the end
        act(A::Acknowledge, c, {}, T0 + Hour + 35 * Minute);
        act(A::Escalate, c,
            { { QStringLiteral("target"), QStringLiteral("Duty manager") }, { QStringLiteral("level"), 2 },
              { QStringLiteral("reason"), QStringLiteral("Customer impact") }, { QStringLiteral("rule"), QStringLiteral("manual") } },
            T0 + 3 * Hour);

        d = open(QStringLiteral("Scanner battery low"), 3, 3, T0 + 6 * Hour); // 2 h of 8
        act(A::Acknowledge, d, {}, T0 + 6 * Hour + 5 * Minute);

        e = open(QStringLiteral("Old printer jam"), 3, 3, T0 - 20 * Hour); // all before the shift
        act(A::Resolve, e, { { QStringLiteral("code"), QStringLiteral("fixed") } }, T0 - 12 * Hour);

        f = open(QStringLiteral("After the shift"), 2, 2, T0 + 9 * Hour);
    }

    QString open(const QString &title, int impact, int urgency, qint64 at)
    {
        h.clock().setNowMs(at);
        QJsonObject payload = openPayload(title, impact, urgency);
        payload.remove(QStringLiteral("priority"));
        const CommandResult r = h.run(A::Open, {}, payload, at);
        EXPECT_TRUE(r.ok()) << r.error.toStdString();
        ids.insert(r.incident.number, r.incident.id);
        return r.incident.number;
    }
    void act(A action, const QString &number, const QJsonObject &payload, qint64 at,
             const QString &actor = QStringLiteral("ana"))
    {
        h.clock().setNowMs(at);
        const CommandResult r = h.run(action, ids.value(number), payload, at, actor);
        EXPECT_TRUE(r.ok()) << r.error.toStdString();
    }
    HandoverData load()
    {
        HandoverQuery q;
        q.fromUtcMs = T0;
        q.toUtcMs = T0 + 8 * Hour;
        DatabaseError error;
        const auto data = loadHandover(h.database().connection(), h.path(), q, T0 + 10 * Hour, &error);
        EXPECT_TRUE(data.has_value()) << error.message.toStdString();
        return data.value_or(HandoverData {});
    }

    StoreHarness h;
    QHash<QString, QString> ids; // number -> id
    QString a, b, c, d, e, f;
};

TEST_F(HandoverReportTest, OpenIncidentsAreThoseOpenAtTheShiftEndMostUrgentFirst)
{
    const HandoverData data = load();
    QStringList numbers;
    for (const HandoverOpenIncident &i : data.open)
        numbers << i.number;
    EXPECT_EQ(numbers, (QStringList { a, c, d }));
}

TEST_F(HandoverReportTest, AtRiskAreBreachedClocksAndThoseThreeQuartersUsed)
{
    const HandoverData data = load();
    ASSERT_EQ(data.open.size(), 3);
    EXPECT_EQ(data.open.at(0).riskReasons, (QStringList { QStringLiteral("Response breached"), QStringLiteral("Resolution breached") }));
    EXPECT_EQ(data.open.at(1).riskReasons, (QStringList { QStringLiteral("Resolution at 81 %") }));
    EXPECT_DOUBLE_EQ(data.open.at(1).resolutionPercent, 81.25);
    EXPECT_FALSE(data.open.at(2).atRisk());
    EXPECT_DOUBLE_EQ(data.open.at(2).resolutionPercent, 25.0);
    EXPECT_EQ(data.open.at(1).policyName, QStringLiteral("Round the clock"));
}

TEST_F(HandoverReportTest, ChangesAreTheEventsInsideTheWindowOnly)
{
    const HandoverData data = load();
    QStringList seen;
    for (const HandoverChange &ch : data.changes)
        seen << ch.number + QLatin1Char(':') + handoverChangeLabel(ch.action);
    // In the order they happened (occurred_at), not the order they were recorded.
    EXPECT_EQ(seen, (QStringList { a + QStringLiteral(":Reassigned"), b + QStringLiteral(":Opened"),
                                   b + QStringLiteral(":Acknowledged"), c + QStringLiteral(":Opened"),
                                   c + QStringLiteral(":Acknowledged"), b + QStringLiteral(":Resolved"),
                                   c + QStringLiteral(":Escalated"), d + QStringLiteral(":Opened"),
                                   d + QStringLiteral(":Acknowledged") }));
}

TEST_F(HandoverReportTest, EscalationsAreThoseOfTheShiftWithLevelTargetAndRule)
{
    const HandoverData data = load();
    ASSERT_EQ(data.escalations.size(), 1);
    const HandoverEscalation &x = data.escalations.first();
    EXPECT_EQ(x.number, c);
    EXPECT_EQ(x.level, 2);
    EXPECT_EQ(x.target, QStringLiteral("Duty manager"));
    EXPECT_EQ(x.rule, QStringLiteral("manual"));
    EXPECT_EQ(x.at, T0 + 3 * Hour);
}

TEST_F(HandoverReportTest, TheDocumentListsEachSectionAndKeepsTheNotesVerbatim)
{
    const QString notes = QStringLiteral("## Watch\n- Conveyor *C3* restarts at 06:00 | ask Ben\n");
    const QString md = handoverDocument(load(), notes).toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("## Supervisor's notes\n\n") + notes)) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("- **Open at the shift end:** 3\n- **At risk:** 2\n"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| %1 | P3 - Moderate | WMS slow | Resolution at 81 % |").arg(c))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Reassigned | 1 |"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| Opened | 3 |"))) << md.toStdString();
    EXPECT_FALSE(md.contains(e)) << "an incident untouched during the shift appears";
    EXPECT_FALSE(md.contains(f)) << "an incident opened after the shift appears";
}

TEST_F(HandoverReportTest, SiteAndGroupNarrowTheReport)
{
    HandoverQuery q;
    q.fromUtcMs = T0;
    q.toUtcMs = T0 + 8 * Hour;
    q.group = QStringLiteral("Field Service");
    DatabaseError error;
    const auto data = loadHandover(h.database().connection(), h.path(), q, T0 + 10 * Hour, &error);
    ASSERT_TRUE(data.has_value());
    ASSERT_EQ(data->open.size(), 1);
    EXPECT_EQ(data->open.first().number, a);
    ASSERT_EQ(data->changes.size(), 1);
    EXPECT_TRUE(data->escalations.isEmpty());
}

} // namespace
} // namespace nocturne::core::test
