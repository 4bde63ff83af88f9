#include "syncengine.h"

#include "eventwire.h"
#include "../domain/clock.h"
#include "../storage/eventstore.h"
#include "../storage/syncrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace nocturne::core {

namespace {

Q_LOGGING_CATEGORY(lcSync, "nocturne.sync", QtWarningMsg)

constexpr qint64 FirstRetryMs = 1000;
constexpr qint64 LongestRetryMs = 60'000;
// A refused token is not retried in a tight loop: new settings (or this long) first.
constexpr qint64 UnauthorizedRetryMs = 5 * 60'000;
// A stalled connection (a server that accepted the socket and hangs) counts as offline.
constexpr int RequestTimeoutMs = 60'000;

// The HTTP status a per-event refusal would have had as a whole request, for the view.
int statusForCode(const QString &code)
{
    if (code == QLatin1StringView("forbidden"))
        return 403;
    if (code == QLatin1StringView("conflict"))
        return 409;
    if (code == QLatin1StringView("unknown_incident"))
        return 404;
    return 422;
}

QString serverName(const QUrl &url) { return url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash); }

} // namespace

SyncEngine::SyncEngine(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<SyncCycleReport>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncEngine::beginCycle);
}

SyncEngine::~SyncEngine()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
}

DatabaseError SyncEngine::open(const QString &databasePath, const SyncSettings &settings, DatabaseOptions::Mode mode)
{
    DatabaseOptions options;
    options.mode = mode;
    if (auto error = m_database.open(databasePath, options))
        return error;
    m_store = std::make_unique<EventStore>(m_database, m_clock);
    if (auto error = m_store->initialise())
        return error;
    m_repository = std::make_unique<SyncRepository>(m_database.connection(), databasePath);
    return setSettings(settings);
}

DatabaseError SyncEngine::setSettings(const SyncSettings &settings)
{
    if (m_reply) {
        // Abandoned: its events stay in the outbox and go with the next cycle.
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
    const bool wasBusy = m_busy;
    m_busy = false;
    m_timer->stop();
    // Connections (and TLS sessions) made under the old settings are not reused.
    m_network->clearConnectionCache();
    m_settings = settings;
    m_settingsError.clear();
    m_failures = 0;
    m_batchLimit = PushBatch;
    m_status.offlineSinceMs = 0;
    m_status.nextAttemptMs = 0;
    m_status.inFlight = 0;
    m_status.lastError.clear();
    if (wasBusy) {
        m_report.error = tr("The sync settings changed during the cycle");
        m_report.state = m_status.state;
        Q_EMIT cycleFinished(m_report);
    }
    if (!m_settings.isConfigured()) {
        m_status.state = SyncStatus::State::Standalone;
        refreshStatus();
        return {};
    }
    if (!m_store)
        return {};
    if (auto error = SyncRepository::markReplica(*m_store))
        return error;
    if (auto error = m_repository->useServer(serverName(m_settings.serverUrl)))
        return error;
    if (!m_settings.caCertificatePath.isEmpty()) {
#if QT_CONFIG(ssl)
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!ssl.addCaCertificates(m_settings.caCertificatePath))
            m_settingsError = tr("Cannot read a CA certificate from %1").arg(m_settings.caCertificatePath);
#else
        m_settingsError = tr("This build has no TLS support for %1").arg(m_settings.caCertificatePath);
#endif
    }
    m_status.state = SyncStatus::State::Connecting;
    refreshStatus();
    if (m_running)
        schedule(0);
    return {};
}

void SyncEngine::start()
{
    m_running = true;
    if (!m_busy)
        schedule(0);
}

void SyncEngine::stop()
{
    m_running = false;
    m_again = false;
    m_timer->stop();
}

void SyncEngine::syncNow()
{
    // Always through the event loop, so that a caller waiting for cycleFinished is
    // listening before the cycle can end.
    if (m_busy)
        m_again = true;
    else
        schedule(0);
}

void SyncEngine::schedule(qint64 delayMs)
{
    m_timer->start(int(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
}

void SyncEngine::refreshStatus() { refreshCounts(true); }

void SyncEngine::refreshCounts(bool conflicts)
{
    if (m_repository) {
        if (const auto pending = m_repository->pendingCount())
            m_status.pending = int(*pending);
        if (const auto count = conflicts ? m_repository->conflictCount() : std::nullopt)
            m_status.conflicts = int(*count);
        if (const auto pulled = m_repository->pulledRevision())
            m_status.pulledRevision = *pulled;
    }
    publish();
}

void SyncEngine::publish()
{
    if (m_published && *m_published == m_status)
        return;
    m_published = m_status;
    Q_EMIT statusChanged(m_status);
}

void SyncEngine::setState(SyncStatus::State state)
{
    m_status.state = state;
    if (state != SyncStatus::State::Offline)
        m_status.offlineSinceMs = 0;
    if (state == SyncStatus::State::Syncing || state == SyncStatus::State::Online) {
        m_status.lastError.clear();
        m_status.nextAttemptMs = 0;
    }
}

std::optional<QList<SyncConflict>> SyncEngine::conflicts(DatabaseError *error)
{
    auto list = m_repository->conflicts();
    if (!list && error)
        *error = m_repository->lastError();
    return list;
}

DatabaseError SyncEngine::dismissConflict(const QString &eventId, bool *found)
{
    auto error = m_repository->dismiss(eventId, m_clock.nowMs(), found);
    refreshStatus();
    return error;
}

DatabaseError SyncEngine::retryConflict(const QString &eventId, bool *found)
{
    auto error = m_repository->retry(eventId, found);
    refreshStatus();
    if (!error && *found && m_settings.isConfigured())
        syncNow();
    return error;
}

bool SyncEngine::isCurrent(QNetworkReply *reply) const { return reply && reply == m_reply.data(); }

QNetworkRequest SyncEngine::request(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_settings.serverUrl;
    // A server behind a reverse proxy may live under a path of its own.
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    if (!query.isEmpty()) {
        QUrlQuery items;
        for (const auto &[key, value] : query)
            items.addQueryItem(key, value);
        url.setQuery(items);
    }
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_settings.token.toUtf8());
    r.setRawHeader("Accept", "application/json");
    r.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("nocturne-sync"));
    r.setTransferTimeout(RequestTimeoutMs);
#if QT_CONFIG(ssl)
    if (!m_settings.caCertificatePath.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_settings.caCertificatePath);
        r.setSslConfiguration(ssl);
    }
#endif
    return r;
}

QString SyncEngine::describe(QNetworkReply *reply, int httpStatus) const
{
    const QString server = serverName(m_settings.serverUrl);
    if (httpStatus == 0)
        return tr("Cannot reach %1: %2").arg(server, reply->errorString());
    const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    if (httpStatus == 401)
        return tr("%1 refused the token: %2").arg(server, message.isEmpty() ? tr("not valid") : message);
    if (httpStatus == 403)
        return tr("%1 does not let this token's account sync: %2").arg(server, message);
    return tr("%1 answered HTTP %2: %3").arg(server).arg(httpStatus).arg(message.isEmpty() ? reply->errorString() : message);
}

qint64 SyncEngine::backoffMs()
{
    const int doublings = std::clamp(m_failures - 1, 0, 6);
    const qint64 base = std::min(LongestRetryMs, FirstRetryMs << doublings);
    // ±20 %: replicas that lost the server together do not all come back at once.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return qint64(double(base) * jitter);
}

void SyncEngine::beginCycle()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_report = {};
    m_touched.clear();
    m_again = false;
    if (!m_store || !m_settings.isConfigured()) {
        m_report.error = tr("No server is configured");
        Q_EMIT cycleFinished(m_report);
        return;
    }
    m_busy = true;
    if (!m_settingsError.isEmpty()) {
        failCycle(Failure::Network, 0, m_settingsError);
        return;
    }
    if (m_status.state == SyncStatus::State::Online)
        setState(SyncStatus::State::Syncing);
    else if (m_status.state == SyncStatus::State::Standalone)
        setState(SyncStatus::State::Connecting);
    refreshCounts(false);
    pushNext();
}

void SyncEngine::failStorage(const DatabaseError &error)
{
    qCWarning(lcSync) << "sync: storage failed:" << error.message;
    Q_EMIT failed(error);
    failCycle(Failure::Network, 0, error.message);
}

void SyncEngine::failCycle(Failure kind, int httpStatus, const QString &message)
{
    m_busy = false;
    if (m_reply) {
        // The next page, asked for before this one failed to append.
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
    m_status.inFlight = 0;
    ++m_failures;
    const qint64 now = m_clock.nowMs();
    qint64 delay = 0;
    if (kind == Failure::Unauthorized) {
        m_status.state = SyncStatus::State::Unauthorized;
        m_status.offlineSinceMs = 0;
        delay = UnauthorizedRetryMs;
    } else {
        if (m_status.state != SyncStatus::State::Offline || !m_status.offlineSinceMs)
            m_status.offlineSinceMs = now;
        m_status.state = SyncStatus::State::Offline;
        delay = backoffMs();
    }
    m_status.lastError = message;
    m_status.nextAttemptMs = m_running ? now + delay : 0;
    qCInfo(lcSync) << "sync:" << message << "- next attempt in" << (m_running ? delay : -1) << "ms";
    refreshCounts(m_report.refused > 0 || m_report.pulled > 0);

    m_report.ok = false;
    m_report.httpStatus = httpStatus;
    m_report.error = message;
    m_report.state = m_status.state;
    m_report.incidentIds = QStringList(m_touched.cbegin(), m_touched.cend());
    if (!m_touched.isEmpty())
        Q_EMIT incidentsChanged(m_report.incidentIds);
    Q_EMIT cycleFinished(m_report);
    if (m_running)
        schedule(m_again ? std::min<qint64>(delay, FirstRetryMs) : delay);
    m_again = false;
}

void SyncEngine::finishCycle()
{
    m_busy = false;
    m_failures = 0;
    setState(SyncStatus::State::Online);
    m_status.lastSyncedAtMs = m_clock.nowMs();
    m_status.serverRevision = std::max(m_status.serverRevision, m_report.headRevision);
    // The conflict count scans the incidents: only when refusals or merges may have moved it.
    refreshCounts(m_report.refused > 0 || m_report.pulled > 0);

    m_report.ok = true;
    m_report.state = m_status.state;
    m_report.incidentIds = QStringList(m_touched.cbegin(), m_touched.cend());
    if (!m_touched.isEmpty())
        Q_EMIT incidentsChanged(m_report.incidentIds);
    Q_EMIT cycleFinished(m_report);
    if (m_again)
        schedule(0);
    else if (m_running)
        schedule(std::max(100, m_settings.pollIntervalMs));
    m_again = false;
}

void SyncEngine::pushNext()
{
    const auto batch = m_repository->outbox(m_batchLimit);
    if (!batch) {
        failStorage(m_repository->lastError());
        return;
    }
    if (batch->isEmpty()) {
        pullNext();
        return;
    }
    QStringList ids;
    ids.reserve(batch->size());
    for (const Event &event : *batch)
        ids << event.id;
    QNetworkRequest r = request(QStringLiteral("/api/v1/events"), {});
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject { { QStringLiteral("events"), eventsToWire(*batch) } }).toJson(QJsonDocument::Compact);
    m_status.inFlight = int(batch->size());
    publish();
    QNetworkReply *reply = m_network->post(r, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, ids] { onPushed(reply, ids); });
}

void SyncEngine::onPushed(QNetworkReply *reply, const QStringList &sentIds)
{
    reply->deleteLater();
    if (!isCurrent(reply))
        return;
    m_reply = nullptr;
    m_status.inFlight = 0;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus == 401 || httpStatus == 403) {
        failCycle(Failure::Unauthorized, httpStatus, describe(reply, httpStatus));
        return;
    }
    if (httpStatus == 400 || httpStatus == 413 || httpStatus == 422) {
        // The whole request was refused. Halving the batch finds the event at fault
        // without holding back the others; that one alone is recorded as refused, so it
        // is neither retried forever nor dropped silently.
        if (sentIds.size() > 1) {
            m_batchLimit = int(std::max<qsizetype>(1, sentIds.size() / 2));
            pushNext();
            return;
        }
        const QJsonObject error =
            QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toObject();
        const SyncRefusal refusal { sentIds.value(0), httpStatus, error.value(QStringLiteral("code")).toString(),
                                    error.value(QStringLiteral("message")).toString(reply->errorString()) };
        if (auto failure = m_repository->recordPushResults({}, { refusal }, m_clock.nowMs())) {
            failStorage(failure);
            return;
        }
        ++m_report.refused;
        m_status.pending = std::max(0, m_status.pending - 1);
        ++m_status.conflicts;
        m_batchLimit = PushBatch;
        pushNext();
        return;
    }
    if (httpStatus != 200) {
        failCycle(Failure::Network, httpStatus, describe(reply, httpStatus));
        return;
    }

    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const QSet<QString> sent(sentIds.cbegin(), sentIds.cend());
    QHash<QString, qint64> revisions;
    QList<SyncRefusal> refusals;
    int accepted = 0, duplicates = 0;
    for (const QJsonValue &value : body.value(QStringLiteral("results")).toArray()) {
        const QJsonObject result = value.toObject();
        const QString id = result.value(QStringLiteral("id")).toString();
        if (!sent.contains(id))
            continue;
        const QString status = result.value(QStringLiteral("status")).toString();
        const qint64 revision = result.value(QStringLiteral("revision")).toInteger();
        if ((status == QLatin1StringView("accepted") || status == QLatin1StringView("duplicate")) && revision > 0) {
            revisions.insert(id, revision);
            ++(status == QLatin1StringView("accepted") ? accepted : duplicates);
        } else if (status == QLatin1StringView("rejected")) {
            const QString code = result.value(QStringLiteral("code")).toString();
            refusals << SyncRefusal { id, statusForCode(code), code, result.value(QStringLiteral("reason")).toString() };
        }
    }
    if (auto failure = m_repository->recordPushResults(revisions, refusals, m_clock.nowMs())) {
        failStorage(failure);
        return;
    }
    m_report.pushed += accepted;
    m_report.duplicates += duplicates;
    m_report.refused += int(refusals.size());
    m_report.headRevision = std::max(m_report.headRevision, body.value(QStringLiteral("revision")).toInteger());
    if (revisions.size() + refusals.size() < sent.size()) {
        // Whatever was answered is kept; the rest waits for the next attempt rather than
        // being offered again and again in a loop.
        failCycle(Failure::Network, httpStatus,
                  tr("%1 answered for %2 of the %3 events sent")
                      .arg(serverName(m_settings.serverUrl))
                      .arg(revisions.size() + refusals.size())
                      .arg(sent.size()));
        return;
    }
    setState(SyncStatus::State::Syncing);
    m_batchLimit = std::min(PushBatch, m_batchLimit * 2);
    // Counted down rather than re-counted: a large outbox drains in hundreds of batches,
    // and the conflict count (a scan of the incidents) waits for the end of the cycle.
    m_status.pending = std::max(0, m_status.pending - int(revisions.size() + refusals.size()));
    m_status.conflicts += int(refusals.size());
    publish();
    pushNext();
}

void SyncEngine::pullNext(std::optional<qint64> since)
{
    if (!since)
        since = m_repository->pulledRevision();
    if (!since) {
        failStorage(m_repository->lastError());
        return;
    }
    QNetworkReply *reply = m_network->get(request(
        QStringLiteral("/api/v1/events"),
        { { QStringLiteral("since"), QString::number(*since) }, { QStringLiteral("limit"), QString::number(PullPage) } }));
    m_reply = reply;
    const qint64 from = *since;
    connect(reply, &QNetworkReply::finished, this, [this, reply, from] { onPulled(reply, from); });
}

void SyncEngine::onPulled(QNetworkReply *reply, qint64 since)
{
    reply->deleteLater();
    if (!isCurrent(reply))
        return;
    m_reply = nullptr;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus == 401 || httpStatus == 403) {
        failCycle(Failure::Unauthorized, httpStatus, describe(reply, httpStatus));
        return;
    }
    if (httpStatus != 200) {
        failCycle(Failure::Network, httpStatus, describe(reply, httpStatus));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const QJsonArray wire = body.value(QStringLiteral("events")).toArray();
    QList<Event> events;
    events.reserve(wire.size());
    for (qsizetype i = 0; i < wire.size(); ++i) {
        QString problem;
        auto event = eventFromWire(wire.at(i).toObject(), QStringLiteral("events[%1]").arg(i), true, &problem);
        if (!event) {
            failCycle(Failure::Network, httpStatus,
                      tr("%1 sent an event this replica cannot read: %2").arg(serverName(m_settings.serverUrl), problem));
            return;
        }
        events << *event;
    }
    const qint64 nextSince = body.value(QStringLiteral("next_since")).toInteger(since);
    const bool more = body.value(QStringLiteral("more")).toBool() && nextSince > since;
    // The server prepares the next page while this one is appended.
    if (more)
        pullNext(nextSince);
    // One transaction per page: the events, their projections, the revisions of this
    // replica's own events coming back. The position is written after it; a crash in
    // between only pulls the page again, which appends nothing twice.
    const AppendResult appended = m_store->append(events);
    if (appended.error) {
        failStorage(appended.error);
        return;
    }
    if (nextSince > since) {
        if (auto error = m_repository->setPulledRevision(nextSince)) {
            failStorage(error);
            return;
        }
    }
    m_report.pulled += appended.appended;
    m_report.headRevision = std::max(m_report.headRevision, body.value(QStringLiteral("revision")).toInteger());
    for (const Incident &incident : appended.incidents)
        m_touched.insert(incident.id);
    setState(SyncStatus::State::Syncing);
    m_status.pulledRevision = std::max(m_status.pulledRevision, nextSince);
    if (more) {
        publish();
        return;
    }
    finishCycle();
}

} // namespace nocturne::core
