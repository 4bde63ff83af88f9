#include "testsupport.h"

#include "core/domain/prioritymatrix.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace nocturne::core::test {
namespace {

struct Cell
{
    int impact;
    int urgency;
    int priority;
};

// ServiceNow's default matrix, cell by cell.
constexpr Cell DefaultTable[] = {
    { 1, 1, 1 },
    { 1, 2, 2 }, { 2, 1, 2 },
    { 1, 3, 3 }, { 2, 2, 3 }, { 3, 1, 3 },
    { 2, 3, 4 }, { 3, 2, 4 },
    { 3, 3, 5 },
};

TEST(PriorityMatrix, DefaultIsTheServiceNowTable)
{
    const PriorityMatrix m;
    EXPECT_EQ(std::size(DefaultTable), 9u);
    for (const Cell &c : DefaultTable)
        EXPECT_EQ(m.priorityFor(c.impact, c.urgency), c.priority) << "impact " << c.impact << ", urgency " << c.urgency;
}

TEST(PriorityMatrix, LevelsOutsideOneToThreeGiveNoPriority)
{
    const PriorityMatrix m;
    for (auto [impact, urgency] : { std::pair { 0, 1 }, { 1, 0 }, { 4, 2 }, { 2, 4 }, { -1, -1 } })
        EXPECT_EQ(m.priorityFor(impact, urgency), 0) << impact << '/' << urgency;
}

TEST(PriorityMatrix, CellsAreConfigurable)
{
    PriorityMatrix m;
    m.setPriority(3, 3, 4); // nothing is "planning" here
    m.setPriority(1, 2, 1); // a high-impact incident is critical as soon as it is urgent-ish
    EXPECT_EQ(m.priorityFor(3, 3), 4);
    EXPECT_EQ(m.priorityFor(1, 2), 1);
    EXPECT_EQ(m.priorityFor(2, 1), 2); // the others keep their default
    EXPECT_NE(m, PriorityMatrix());
}

TEST(PriorityMatrix, InvalidConfigurationIsIgnored)
{
    PriorityMatrix m;
    m.setPriority(1, 1, 6);
    m.setPriority(1, 1, 0);
    m.setPriority(0, 1, 2);
    m.setPriority(1, 4, 2);
    EXPECT_EQ(m, PriorityMatrix());
}

TEST(PriorityMatrix, JsonRoundTripKeepsEveryCell)
{
    PriorityMatrix custom;
    custom.setPriority(3, 3, 4);
    custom.setPriority(2, 2, 2);
    for (const PriorityMatrix &m : { PriorityMatrix(), custom }) {
        // Through text, as it is stored in the database.
        const QByteArray text = QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact);
        QString error;
        const auto back = PriorityMatrix::fromJson(QJsonDocument::fromJson(text).object(), &error);
        ASSERT_TRUE(back.has_value()) << error.toStdString();
        EXPECT_TRUE(error.isEmpty());
        EXPECT_EQ(*back, m);
    }
}

TEST(PriorityMatrix, JsonLayoutIsRowsByImpact)
{
    const QJsonArray rows = PriorityMatrix().toJson().value(QStringLiteral("matrix")).toArray();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows.at(0).toArray(), (QJsonArray { 1, 2, 3 }));
    EXPECT_EQ(rows.at(1).toArray(), (QJsonArray { 2, 3, 4 }));
    EXPECT_EQ(rows.at(2).toArray(), (QJsonArray { 3, 4, 5 }));
}

struct Malformed
{
    const char *name;
    const char *json;
    const char *mustMention; // the position the message names
};

class PriorityMatrixMalformed : public ::testing::TestWithParam<Malformed>
{
};

TEST_P(PriorityMatrixMalformed, IsRefusedWithAMessageNamingThePosition)
{
    const Malformed &c = GetParam();
    QJsonParseError parse;
    const QJsonObject json = QJsonDocument::fromJson(QByteArray(c.json), &parse).object();
    ASSERT_EQ(parse.error, QJsonParseError::NoError) << c.json;
    QString error;
    const auto m = PriorityMatrix::fromJson(json, &error);
    EXPECT_FALSE(m.has_value());
    EXPECT_TRUE(error.contains(QLatin1StringView(c.mustMention))) << error.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PriorityMatrixMalformed,
    ::testing::Values(
        Malformed { "NoMatrix", R"({"table": [[1,2,3],[2,3,4],[3,4,5]]})", "matrix" },
        Malformed { "TwoRows", R"({"matrix": [[1,2,3],[2,3,4]]})", "3 rows" },
        Malformed { "FourRows", R"({"matrix": [[1,2,3],[2,3,4],[3,4,5],[5,5,5]]})", "3 rows" },
        Malformed { "ShortSecondRow", R"({"matrix": [[1,2,3],[2,3],[3,4,5]]})", "row 2" },
        Malformed { "RowNotAnArray", R"({"matrix": [[1,2,3],[2,3,4],"3,4,5"]})", "row 3" },
        Malformed { "PriorityZero", R"({"matrix": [[1,2,3],[2,3,4],[3,0,5]]})", "impact 3, urgency 2" },
        Malformed { "PrioritySix", R"({"matrix": [[1,2,6],[2,3,4],[3,4,5]]})", "impact 1, urgency 3" },
        Malformed { "PriorityAsText", R"({"matrix": [[1,2,3],["P2",3,4],[3,4,5]]})", "impact 2, urgency 1" },
        Malformed { "PriorityFraction", R"({"matrix": [[1,2,3],[2,3.5,4],[3,4,5]]})", "impact 2, urgency 2" }),
    [](const ::testing::TestParamInfo<Malformed> &info) { return std::string(info.param.name); });

TEST(PriorityMatrix, FromJsonToleratesANullErrorPointer)
{
    EXPECT_FALSE(PriorityMatrix::fromJson(QJsonObject {}, nullptr).has_value());
}

TEST(PriorityMatrix, TheStoreUsesAndPersistsTheConfiguredMatrix)
{
    StoreHarness h;
    ASSERT_TRUE(h.ok()) << h.openError().message.toStdString();
    PriorityMatrix custom;
    custom.setPriority(2, 2, 2);
    ASSERT_FALSE(h.store().setPriorityMatrix(custom).isError());

    const QString number = h.openIncident(QStringLiteral("Checkout latency"), 2, 2);
    ASSERT_FALSE(number.isEmpty());
    EXPECT_EQ(h.projected(number)->priority, 2);

    // A store opened later on the same file reads the same matrix.
    EventStore again(h.database(), h.clock());
    ASSERT_FALSE(again.initialise().isError());
    EXPECT_EQ(again.priorityMatrix(), custom);

    // Changing impact and urgency recomputes the priority with it.
    const CommandResult r = h.run(IncidentAction::Prioritize, number, { { QStringLiteral("impact"), 3 }, { QStringLiteral("urgency"), 3 } });
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.incident.priority, 5);
    EXPECT_EQ(r.event.payload.value(QStringLiteral("priority")).toInt(), 5);
}

} // namespace
} // namespace nocturne::core::test
