// The REST API against a real nocturne-server, once on SQLite and once on PostgreSQL:
// roles on every kind of route, refused requests that write nothing, idempotent
// Alertmanager ingestion, health and metrics.
#include "serverfixture.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <thread>

using namespace nocturne;
using namespace nocturne::tests;

namespace {

class ServerApi : public ::testing::TestWithParam<const char *>
{
protected:
    void SetUp() override
    {
        QString error;
        m_backend = sharedBackend(QLatin1StringView(GetParam()), &error);
        if (!m_backend && QLatin1StringView(GetParam()) == QLatin1StringView("postgresql")
            && error.contains(QLatin1StringView("PostgreSQL")))
            GTEST_SKIP() << "PostgreSQL cannot run here: " << error.toStdString();
        ASSERT_NE(m_backend, nullptr) << error.toStdString();
    }

    QUrl url(const QString &path) const { return m_backend->server.url(path); }
    HttpReply get(const QString &path, const char *role) const { return httpRequest("GET", url(path), m_backend->token(role)); }
    HttpReply post(const QString &path, const char *role, const QByteArray &body) const
    {
        return httpRequest("POST", url(path), m_backend->token(role), body);
    }
    static QString errorMessage(const HttpReply &reply)
    {
        return reply.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    }
    static QString errorCode(const HttpReply &reply)
    {
        return reply.json().object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    qint64 now() const { return QDateTime::currentMSecsSinceEpoch(); }

    ServerBackend *m_backend = nullptr;
};

std::string compactJson(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).toStdString();
}

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(NOCTURNE_FIXTURE_DIR) + QLatin1Char('/') + QLatin1StringView(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

TEST_P(ServerApi, HealthzAnswersWithoutATokenAndNamesTheBackend)
{
    const HttpReply reply = httpRequest("GET", url(QStringLiteral("/healthz")));
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    EXPECT_EQ(reply.header("Content-Type"), "application/json");
    EXPECT_FALSE(reply.header("X-Request-Id").isEmpty());
    const QJsonObject health = reply.json().object();
    EXPECT_EQ(health.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    EXPECT_EQ(health.value(QStringLiteral("backend")).toString(), QLatin1StringView(GetParam()));
    EXPECT_GE(health.value(QStringLiteral("revision")).toInteger(-1), 0);
}

TEST_P(ServerApi, OperatorEventsAreAcceptedOnceAndComeBackSinceARevision)
{
    const qint64 before = m_backend->revision();
    const core::Event opened = openedEvent(m_backend->user("operator"), QStringLiteral("Sorter 3 jammed"), now());
    const core::Event comment = commentEvent(opened.incidentId, m_backend->user("operator"), QStringLiteral("on it"), now(), 1);
    const QByteArray body = eventsBody({ opened, comment });
    const HttpReply first = post(QStringLiteral("/api/v1/events"), "operator", body);
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    const QJsonArray results = first.json().object().value(QStringLiteral("results")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    EXPECT_EQ(results[1].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    const HttpReply again = post(QStringLiteral("/api/v1/events"), "operator", body);
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.json()[QStringLiteral("results")][0][QStringLiteral("status")].toString(), QStringLiteral("duplicate"));
    EXPECT_EQ(again.json()[QStringLiteral("results")][0][QStringLiteral("revision")].toInteger(),
              results[0].toObject().value(QStringLiteral("revision")).toInteger());

    const HttpReply since = get(QStringLiteral("/api/v1/events?since=%1").arg(before), "auditor");
    ASSERT_EQ(since.status, 200) << since.body.toStdString();
    QStringList ids;
    for (const QJsonValue &e : since.json()[QStringLiteral("events")].toArray())
        ids << e[QStringLiteral("id")].toString();
    EXPECT_TRUE(ids.contains(opened.id));
    EXPECT_TRUE(ids.contains(comment.id));
    EXPECT_EQ(ids.count(opened.id), 1);

    const HttpReply incident = get(QStringLiteral("/api/v1/incidents/%1").arg(opened.incidentId), "auditor");
    ASSERT_EQ(incident.status, 200) << incident.body.toStdString();
    EXPECT_EQ(incident.json()[QStringLiteral("incident")][QStringLiteral("title")].toString(), QStringLiteral("Sorter 3 jammed"));
    EXPECT_TRUE(incident.json()[QStringLiteral("incident")][QStringLiteral("number")].toString().startsWith(QLatin1StringView("INC")));
}

TEST_P(ServerApi, AnOperatorCannotWriteInSomeoneElsesNameButTheOtherEventsOfTheBatchPass)
{
    const core::Event mine = openedEvent(m_backend->user("operator"), QStringLiteral("Scanner offline"), now());
    const core::Event theirs = openedEvent(QStringLiteral("somebody-else"), QStringLiteral("Not mine"), now(), 1);
    const HttpReply reply = post(QStringLiteral("/api/v1/events"), "operator", eventsBody({ mine, theirs }));
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    const QJsonArray results = reply.json()[QStringLiteral("results")].toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results[0][QStringLiteral("status")].toString(), QStringLiteral("accepted"));
    EXPECT_EQ(results[1][QStringLiteral("status")].toString(), QStringLiteral("rejected"));
    EXPECT_EQ(results[1][QStringLiteral("code")].toString(), QStringLiteral("forbidden"));
    EXPECT_FALSE(results[1][QStringLiteral("reason")].toString().isEmpty());
    EXPECT_EQ(get(QStringLiteral("/api/v1/incidents/%1").arg(theirs.incidentId), "auditor").status, 404);
}

TEST_P(ServerApi, AnAuditorReadsButCannotPostEventsAndNothingIsWritten)
{
    EXPECT_EQ(get(QStringLiteral("/api/v1/incidents?scope=all"), "auditor").status, 200);
    const qint64 before = m_backend->revision();
    const core::Event event = openedEvent(m_backend->user("auditor"), QStringLiteral("Auditor tries"), now());
    const HttpReply reply = post(QStringLiteral("/api/v1/events"), "auditor", eventsBody({ event }));
    EXPECT_EQ(reply.status, 403);
    EXPECT_EQ(errorCode(reply), QStringLiteral("forbidden"));
    EXPECT_TRUE(errorMessage(reply).contains(QLatin1StringView("auditor"))) << errorMessage(reply).toStdString();
    EXPECT_EQ(m_backend->revision(), before);
    const HttpReply since = get(QStringLiteral("/api/v1/events?since=%1").arg(before), "auditor");
    EXPECT_EQ(since.json()[QStringLiteral("events")].toArray().size(), 0);
}

TEST_P(ServerApi, AnIntegrationTokenOnlyIngests)
{
    const qint64 before = m_backend->revision();
    EXPECT_EQ(get(QStringLiteral("/api/v1/incidents"), "integration").status, 403);
    EXPECT_EQ(get(QStringLiteral("/api/v1/events?since=0"), "integration").status, 403);
    const core::Event event = openedEvent(m_backend->user("integration"), QStringLiteral("Integration writes"), now());
    EXPECT_EQ(post(QStringLiteral("/api/v1/events"), "integration", eventsBody({ event })).status, 403);
    EXPECT_EQ(m_backend->revision(), before);

    const QByteArray trigger = R"({"event_action":"trigger","dedup_key":"integration-only-)" + QByteArray::number(now())
        + R"(","payload":{"summary":"Payment gateway errors","source":"pgw-1","severity":"critical"}})";
    const HttpReply ingested = post(QStringLiteral("/api/v1/integrations/events"), "integration", trigger);
    ASSERT_EQ(ingested.status, 202) << ingested.body.toStdString();
    EXPECT_EQ(ingested.json()[QStringLiteral("incidents")].toArray().size(), 1);
    EXPECT_GT(m_backend->revision(), before);
}

TEST_P(ServerApi, OnlyAnAdminCreatesUsersAndTokens)
{
    const QByteArray user = R"({"name":"temp-)" + QByteArray::number(now()) + R"(","role":"operator"})";
    EXPECT_EQ(post(QStringLiteral("/api/v1/users"), "operator", user).status, 403);
    EXPECT_EQ(post(QStringLiteral("/api/v1/users/%1/tokens").arg(m_backend->user("operator")), "operator", "{}").status, 403);
    EXPECT_EQ(post(QStringLiteral("/api/v1/users/%1/tokens").arg(m_backend->user("operator")), "supervisor", "{}").status, 403);
    EXPECT_EQ(get(QStringLiteral("/api/v1/users"), "auditor").status, 403);

    const HttpReply created = post(QStringLiteral("/api/v1/users/%1/tokens").arg(m_backend->user("operator")), "admin",
                                   R"({"label":"second laptop"})");
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QByteArray token = created.json()[QStringLiteral("token")].toString().toLatin1();
    const QString id = created.json()[QStringLiteral("id")].toString();
    EXPECT_TRUE(token.startsWith("noc_"));
    EXPECT_TRUE(id.startsWith(QLatin1StringView("tok_")));
    const HttpReply whoami = httpRequest("GET", url(QStringLiteral("/api/v1/whoami")), token);
    ASSERT_EQ(whoami.status, 200);
    EXPECT_EQ(whoami.json()[QStringLiteral("user")].toString(), m_backend->user("operator"));
    EXPECT_EQ(whoami.json()[QStringLiteral("role")].toString(), QStringLiteral("operator"));

    // Revoked: refused at once, with the challenge header.
    EXPECT_EQ(httpRequest("DELETE", url(QStringLiteral("/api/v1/tokens/%1").arg(id)), m_backend->token("admin")).status, 204);
    const HttpReply revoked = httpRequest("GET", url(QStringLiteral("/api/v1/whoami")), token);
    EXPECT_EQ(revoked.status, 401);
    EXPECT_TRUE(revoked.header("WWW-Authenticate").startsWith("Bearer"));

    const HttpReply added = post(QStringLiteral("/api/v1/users"), "admin", user);
    EXPECT_EQ(added.status, 201) << added.body.toStdString();
    EXPECT_EQ(post(QStringLiteral("/api/v1/users"), "admin", user).status, 409);
}

TEST_P(ServerApi, BadRequestsGetAClientErrorWithAMessageAndWriteNothing)
{
    const qint64 before = m_backend->revision();
    const QString events = QStringLiteral("/api/v1/events");
    const core::Event valid = openedEvent(m_backend->user("operator"), QStringLiteral("Valid"), now());
    QJsonObject wire = QJsonDocument::fromJson(eventsBody({ valid })).object();

    struct Case
    {
        const char *what;
        HttpReply reply;
        int status;
        const char *mentions;
    };
    QJsonObject unknownField = wire;
    unknownField.insert(QStringLiteral("colour"), QStringLiteral("red"));
    QJsonArray wrongTypeEvents = wire[QStringLiteral("events")].toArray();
    QJsonObject wrongType = wrongTypeEvents[0].toObject();
    wrongType.insert(QStringLiteral("occurred_at"), QStringLiteral("yesterday"));
    wrongTypeEvents[0] = wrongType;
    QList<core::Event> many;
    for (int i = 0; i < 1001; ++i)
        many << commentEvent(valid.incidentId, m_backend->user("operator"), QStringLiteral("c%1").arg(i), now(), i);
    const QByteArray huge = R"({"events":[)" + QByteArray(5 * 1024 * 1024, ' ') + "]}";

    const QList<Case> cases = {
        { "malformed JSON", post(events, "operator", R"({"events": [)"), 400, "offset" },
        { "not JSON", httpRequest("POST", url(events), m_backend->token("operator"), "events=1", "text/plain"), 415, "JSON" },
        { "5 MB body", post(events, "operator", huge), 413, "4194304" },
        { "unknown field", post(events, "operator", QJsonDocument(unknownField).toJson()), 400, "colour" },
        { "wrong type", post(events, "operator", QJsonDocument(QJsonObject { { QStringLiteral("events"), wrongTypeEvents } }).toJson()),
          422, "events[0]" },
        { "events not an array", post(events, "operator", R"({"events": {}})"), 400, "events" },
        { "1001 events", post(events, "operator", eventsBody(many)), 400, "1001" },
        { "no events", post(events, "operator", R"({"events": []})"), 400, "events" },
        { "missing token", httpRequest("POST", url(events), {}, eventsBody({ valid })), 401, "token" },
        { "bad token", httpRequest("POST", url(events), "noc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", eventsBody({ valid })),
          401, "token" },
        { "not a bearer token", httpRequest("POST", url(events), "", eventsBody({ valid })), 401, "token" },
        { "unknown list parameter", get(QStringLiteral("/api/v1/incidents?colour=red"), "operator"), 400, "colour" },
        { "limit out of range", get(QStringLiteral("/api/v1/incidents?limit=501"), "operator"), 400, "limit" },
        { "unknown route", get(QStringLiteral("/api/v1/nothing"), "operator"), 404, "/api/v1/nothing" },
        { "wrong method", httpRequest("PUT", url(events), m_backend->token("operator"), eventsBody({ valid })), 405, "PUT" },
        { "unknown incident", get(QStringLiteral("/api/v1/incidents/INC9999999"), "operator"), 404, "INC9999999" },
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.what);
        EXPECT_EQ(c.reply.status, c.status) << c.reply.body.left(300).toStdString();
        EXPECT_EQ(c.reply.header("Content-Type"), "application/json");
        EXPECT_FALSE(errorCode(c.reply).isEmpty());
        EXPECT_TRUE(errorMessage(c.reply).contains(QLatin1StringView(c.mentions))) << errorMessage(c.reply).toStdString();
    }
    EXPECT_EQ(m_backend->revision(), before);
}

TEST_P(ServerApi, AlertmanagerWebhooksDeliveredTwiceOpenAndResolveEachIncidentOnce)
{
    const QList<QByteArray> webhooks = { fixture("webhook-01-firing.json"), fixture("webhook-02-resolved.json"),
                                         fixture("webhook-03-firing.json") };
    ASSERT_FALSE(webhooks[0].isEmpty());
    QList<QJsonArray> firstNumbers;
    for (const QByteArray &body : webhooks) {
        const HttpReply reply = post(QStringLiteral("/api/v1/integrations/alertmanager"), "integration", body);
        ASSERT_EQ(reply.status, 202) << reply.body.toStdString();
        firstNumbers << reply.json()[QStringLiteral("incidents")].toArray();
    }
    EXPECT_EQ(firstNumbers[0].size(), 2);
    EXPECT_EQ(firstNumbers[1], firstNumbers[0]);
    EXPECT_EQ(firstNumbers[2].size(), 1);
    EXPECT_FALSE(firstNumbers[0].contains(firstNumbers[2][0])) << "a new firing period is a new incident";
    const qint64 afterFirst = m_backend->revision();

    for (int i = 0; i < webhooks.size(); ++i) {
        const HttpReply reply = post(QStringLiteral("/api/v1/integrations/alertmanager"), "integration", webhooks[i]);
        ASSERT_EQ(reply.status, 202);
        EXPECT_EQ(reply.json()[QStringLiteral("incidents")].toArray(), firstNumbers[i]);
    }
    EXPECT_EQ(m_backend->revision(), afterFirst) << "the second delivery wrote nothing";

    for (const QJsonValue &number : firstNumbers[0]) {
        const HttpReply incident = get(QStringLiteral("/api/v1/incidents/%1").arg(number.toString()), "auditor");
        ASSERT_EQ(incident.status, 200);
        const QJsonObject json = incident.json()[QStringLiteral("incident")].toObject();
        EXPECT_EQ(json[QStringLiteral("state")].toString(), QStringLiteral("resolved"));
        EXPECT_EQ(json[QStringLiteral("resolution_code")].toString(), QStringLiteral("auto_resolved"));
        EXPECT_EQ(json[QStringLiteral("title")].toString(), QStringLiteral("p95 latency above 250 ms"));
        EXPECT_EQ(json[QStringLiteral("channel")].toString(), QStringLiteral("monitoring"));
        EXPECT_EQ(json[QStringLiteral("service")].toString(), QStringLiteral("api"));
        EXPECT_EQ(json[QStringLiteral("priority")].toInt(), 3); // warning → 2/2
        int attached = 0;
        for (const QJsonValue &e : incident.json()[QStringLiteral("events")].toArray())
            attached += e[QStringLiteral("kind")].toString() == QLatin1StringView("alert_attached");
        EXPECT_EQ(attached, 1);
    }
    const HttpReply open = get(QStringLiteral("/api/v1/incidents/%1").arg(firstNumbers[2][0].toString()), "auditor");
    EXPECT_EQ(open.json()[QStringLiteral("incident")][QStringLiteral("state")].toString(), QStringLiteral("new"));
}

TEST_P(ServerApi, MetricsCountRequestsAndAcceptedEvents)
{
    ASSERT_EQ(get(QStringLiteral("/api/v1/incidents?limit=5"), "operator").status, 200);
    const core::Event event = openedEvent(m_backend->user("operator"), QStringLiteral("Counted"), now());
    ASSERT_EQ(post(QStringLiteral("/api/v1/events"), "operator", eventsBody({ event })).status, 200);
    ASSERT_EQ(get(QStringLiteral("/api/v1/events?since=0&limit=1"), "auditor").status, 200);
    const HttpReply metrics = httpRequest("GET", url(QStringLiteral("/metrics")));
    ASSERT_EQ(metrics.status, 200);
    EXPECT_TRUE(metrics.header("Content-Type").startsWith("text/plain"));
    const QString text = QString::fromUtf8(metrics.body);
    EXPECT_TRUE(text.contains(QLatin1StringView(R"(nocturne_http_requests_total{route="/api/v1/incidents",method="GET",status="200"})")))
        << metrics.body.left(2000).toStdString();
    EXPECT_TRUE(text.contains(QLatin1StringView(R"(nocturne_http_request_duration_seconds_bucket{route="/api/v1/events",le="+Inf"})")));
    EXPECT_TRUE(text.contains(QLatin1StringView("nocturne_events_accepted_total ")));
    EXPECT_FALSE(text.contains(QLatin1StringView("nocturne_events_accepted_total 0\n")));
    EXPECT_TRUE(text.contains(QLatin1StringView("nocturne_store_revision ")));
    EXPECT_TRUE(text.contains(QLatin1StringView("nocturne_sync_lag_revisions ")));
    EXPECT_TRUE(text.contains(QLatin1StringView("nocturne_events_rejected_total ")));
    EXPECT_TRUE(text.contains(QLatin1StringView("nocturne_events_duplicate_total ")));
}

TEST_P(ServerApi, TheListPageFollowsNewEvents)
{
    const QString path = QStringLiteral("/api/v1/incidents?scope=all&limit=500");
    const HttpReply first = get(path, "operator");
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(get(path, "operator").body, first.body) << "unchanged store, same answer";
    const core::Event event = openedEvent(m_backend->user("operator"), QStringLiteral("Fresh one"), now());
    ASSERT_EQ(post(QStringLiteral("/api/v1/events"), "operator", eventsBody({ event })).status, 200);
    const HttpReply second = get(path, "operator");
    ASSERT_EQ(second.status, 200);
    EXPECT_EQ(second.json()[QStringLiteral("total")].toInteger(), first.json()[QStringLiteral("total")].toInteger() + 1);
    EXPECT_GT(second.json()[QStringLiteral("revision")].toInteger(), first.json()[QStringLiteral("revision")].toInteger());
}

// The list page is cached by the store's head revision, which is read again at most
// every tenth of a second: a second server on the same store writes, and the first one's
// list shows it that soon, without a restart or a write of its own.
TEST_P(ServerApi, TheListPageShowsWhatAnotherServerWroteWithinATenthOfASecond)
{
    const QString path = QStringLiteral("/api/v1/incidents?scope=all&limit=500");
    const HttpReply before = get(path, "operator");
    ASSERT_EQ(before.status, 200);
    ServerProcess other;
    QString error;
    ASSERT_TRUE(other.start(m_backend->database, {}, &error)) << error.toStdString();
    const core::Event event = openedEvent(m_backend->user("operator"), QStringLiteral("Written next door"), now());
    const HttpReply written
        = httpRequest("POST", other.url(QStringLiteral("/api/v1/events")), m_backend->token("operator"), eventsBody({ event }));
    ASSERT_EQ(written.status, 200) << written.body.toStdString();
    std::this_thread::sleep_for(std::chrono::milliseconds(150)); // the server is another process
    const HttpReply after = get(path, "operator");
    ASSERT_EQ(after.status, 200);
    EXPECT_EQ(after.json()[QStringLiteral("total")].toInteger(), before.json()[QStringLiteral("total")].toInteger() + 1);
    EXPECT_TRUE(after.body.contains("Written next door"));
}

// The KPI report through the API is the one nocturnectl computes from the same store;
// a PostgreSQL store says it cannot compute it rather than answer with empty figures.
TEST_P(ServerApi, KpisAreTheReportTheCliComputesFromTheSameStore)
{
    const core::Event event = openedEvent(m_backend->user("operator"), QStringLiteral("Pallet wrapper W2 down"), now() - 3'600'000);
    ASSERT_EQ(post(QStringLiteral("/api/v1/events"), "operator", eventsBody({ event })).status, 200);
    const QString from = QDateTime::fromMSecsSinceEpoch(now() - 2 * 86'400'000LL, Qt::UTC).toString(Qt::ISODate);
    const QString to = QDateTime::fromMSecsSinceEpoch(now() + 60'000, Qt::UTC).toString(Qt::ISODate);
    const QString query = QStringLiteral("from=%1&to=%2&tz=Europe/Berlin").arg(from, to);

    EXPECT_EQ(get(QStringLiteral("/api/v1/kpis?") + query, "integration").status, 403);
    const HttpReply reply = get(QStringLiteral("/api/v1/kpis?") + query, "auditor");
    if (QLatin1StringView(GetParam()) == QLatin1StringView("postgresql")) {
        EXPECT_EQ(reply.status, 501) << reply.body.toStdString();
        EXPECT_EQ(errorCode(reply), QStringLiteral("not_implemented"));
        EXPECT_TRUE(errorMessage(reply).contains(QStringLiteral("postgresql"))) << errorMessage(reply).toStdString();
        return;
    }
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    const QJsonObject api = reply.json().object();

    for (const QStringList &filter : { QStringList {}, QStringList { QStringLiteral("--priority"), QStringLiteral("P1,P2") } }) {
        SCOPED_TRACE(filter.join(u' ').toStdString());
        const QJsonObject fromApi = filter.isEmpty()
            ? api
            : get(QStringLiteral("/api/v1/kpis?priority=P1,P2&") + query, "auditor").json().object();
        QByteArray output, errors;
        ASSERT_EQ(runCtl(QStringList { QStringLiteral("--db"), m_backend->database, QStringLiteral("kpi"),
                                       QStringLiteral("--json"), QStringLiteral("--from"), from, QStringLiteral("--to"),
                                       to, QStringLiteral("--tz"), QStringLiteral("Europe/Berlin") }
                             + filter,
                         &output, &errors),
                  0)
            << errors.toStdString();
        const QJsonObject fromCli = QJsonDocument::fromJson(output).object();
        ASSERT_FALSE(fromCli.isEmpty()) << output.left(400).toStdString();
        // Not the computation time, nor the backlog series, whose last point is "now".
        for (const char *key : { "query", "incidents_considered", "previous", "targets", "weeks", "category_pareto",
                                 "compliance_by_priority" })
            EXPECT_EQ(compactJson(fromApi.value(QLatin1StringView(key))), compactJson(fromCli.value(QLatin1StringView(key))))
                << key;
        const QJsonObject current = fromApi.value(QStringLiteral("current")).toObject();
        EXPECT_EQ(current.value(QStringLiteral("opened")), fromCli.value(QStringLiteral("current")).toObject().value(QStringLiteral("opened")));
    }
    EXPECT_GE(api.value(QStringLiteral("current")).toObject().value(QStringLiteral("opened")).toInt(), 1);
    EXPECT_EQ(api.value(QStringLiteral("query")).toObject().value(QStringLiteral("time_zone")).toString(),
              QStringLiteral("Europe/Berlin"));

    // Bad values are named, like every other query string of the API.
    const HttpReply bad = get(QStringLiteral("/api/v1/kpis?priority=P9"), "auditor");
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(errorMessage(bad).contains(QStringLiteral("P9"))) << errorMessage(bad).toStdString();
    const HttpReply backwards = get(QStringLiteral("/api/v1/kpis?from=2026-11-20&to=2026-11-10"), "auditor");
    EXPECT_EQ(backwards.status, 400);
    EXPECT_EQ(errorMessage(backwards), QStringLiteral("from must be before to"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerApi, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<const char *> &info) { return std::string(info.param); });

} // namespace
