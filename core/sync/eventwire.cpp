#include "eventwire.h"

#include <QCoreApplication>

namespace nocturne::core {

namespace {

// The translation context of this file's strings (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EventWire)
};

const QStringList &requiredKeys()
{
    static const QStringList keys = { QStringLiteral("id"),          QStringLiteral("incident_id"),
                                      QStringLiteral("kind"),        QStringLiteral("payload"),
                                      QStringLiteral("actor"),       QStringLiteral("origin_node"),
                                      QStringLiteral("hlc"),         QStringLiteral("occurred_at"),
                                      QStringLiteral("content_hash") };
    return keys;
}

// JSON numbers are doubles: an integer is exact only up to 2^53, far beyond any epoch ms.
bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d == double(qint64(d)) && d >= 0 && d < 9007199254740992.0;
}

} // namespace

QJsonObject eventToWire(const Event &event)
{
    const QByteArray payloadJson = event.payloadJson();
    QJsonObject json {
        { QStringLiteral("id"), event.id },
        { QStringLiteral("incident_id"), event.incidentId },
        { QStringLiteral("kind"), toName(event.kind) },
        { QStringLiteral("payload"), event.payload },
        { QStringLiteral("actor"), event.actor },
        { QStringLiteral("origin_node"), event.originNode },
        { QStringLiteral("hlc"), event.hlc.toString() },
        { QStringLiteral("occurred_at"), event.occurredAt },
        { QStringLiteral("content_hash"), QString::fromLatin1(event.computeContentHash(payloadJson)) },
    };
    if (event.serverRevision)
        json.insert(QStringLiteral("server_revision"), event.serverRevision);
    return json;
}

QJsonArray eventsToWire(const QList<Event> &events)
{
    QJsonArray array;
    for (const Event &event : events)
        array.append(eventToWire(event));
    return array;
}

std::optional<Event> eventFromWire(const QJsonObject &json, const QString &where, bool allowRevision, QString *error)
{
    auto failWith = [&](const QString &message) {
        *error = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
        return std::nullopt;
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!requiredKeys().contains(it.key()) && !(allowRevision && it.key() == QLatin1StringView("server_revision")))
            return failWith(Text::tr("unknown field \"%1\"").arg(it.key()));
    }
    for (const QString &key : requiredKeys()) {
        if (!json.contains(key))
            return failWith(Text::tr("the field \"%1\" is missing").arg(key));
    }
    for (const char *key : { "id", "incident_id", "kind", "actor", "origin_node", "hlc", "content_hash" }) {
        if (!json.value(QLatin1StringView(key)).isString())
            return failWith(Text::tr("\"%1\" must be a string").arg(QLatin1StringView(key)));
    }
    if (!json.value(QStringLiteral("payload")).isObject())
        return failWith(Text::tr("\"payload\" must be an object"));
    if (!isInteger(json.value(QStringLiteral("occurred_at"))))
        return failWith(
            Text::tr("\"occurred_at\" must be an integer (UTC milliseconds since 1970)"));

    Event event;
    event.id = json.value(QStringLiteral("id")).toString();
    event.incidentId = json.value(QStringLiteral("incident_id")).toString();
    const QString kind = json.value(QStringLiteral("kind")).toString();
    const auto parsedKind = eventKindFromName(kind);
    if (!parsedKind)
        return failWith(Text::tr("unknown event kind \"%1\"").arg(kind));
    event.kind = *parsedKind;
    event.payload = json.value(QStringLiteral("payload")).toObject();
    event.actor = json.value(QStringLiteral("actor")).toString();
    event.originNode = json.value(QStringLiteral("origin_node")).toString();
    const QString hlc = json.value(QStringLiteral("hlc")).toString();
    event.hlc = HlcTimestamp::fromString(hlc);
    if (event.hlc.isNull() || event.hlc.toString() != hlc)
        return failWith(Text::tr("\"hlc\" is not a clock timestamp: \"%1\"").arg(hlc));
    event.occurredAt = qint64(json.value(QStringLiteral("occurred_at")).toDouble());
    if (allowRevision && json.contains(QStringLiteral("server_revision"))) {
        if (!isInteger(json.value(QStringLiteral("server_revision"))))
            return failWith(Text::tr("\"server_revision\" must be a positive integer"));
        event.serverRevision = qint64(json.value(QStringLiteral("server_revision")).toDouble());
    }
    if (const QString bad = event.formatError(); !bad.isEmpty())
        return failWith(bad);
    const QByteArray claimed = json.value(QStringLiteral("content_hash")).toString().toLatin1();
    if (event.computeContentHash() != claimed)
        return failWith(Text::tr("the content hash does not match the event's content"));
    return event;
}

} // namespace nocturne::core
