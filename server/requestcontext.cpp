#include "requestcontext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace nocturne::server {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RequestContext", text); }

QByteArray headerOf(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &header : request.headers()) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

} // namespace

Expected<QJsonObject> jsonBody(const RequestContext &context)
{
    const QByteArray type = headerOf(context.request, "Content-Type").trimmed().toLower();
    const QByteArray mime = type.split(';').constFirst().trimmed();
    const QByteArray body = context.request.body();
    if (body.size() > context.maxBodyBytes)
        return ApiError(ApiErrorCode::PayloadTooLarge,
                        tr("The body has %1 bytes; this server takes at most %2").arg(body.size()).arg(context.maxBodyBytes));
    if (mime != "application/json")
        return ApiError(ApiErrorCode::UnsupportedMediaType,
                        tr("The body must be JSON (Content-Type: application/json), not \"%1\"")
                            .arg(QString::fromLatin1(type.isEmpty() ? QByteArray("none") : type)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError(ApiErrorCode::BadRequest, tr("The body is not valid JSON: %1 at offset %2")
                                                      .arg(parseError.errorString())
                                                      .arg(parseError.offset));
    if (!document.isObject())
        return ApiError(ApiErrorCode::BadRequest, tr("The body must be a JSON object"));
    return document.object();
}

JsonReader::JsonReader(const QJsonObject &object, QString where) : m_object(object), m_where(std::move(where)) { }

void JsonReader::fail(ApiErrorCode code, const QString &message)
{
    if (!m_error)
        m_error = ApiError(code, message);
}

QString JsonReader::name(const char *key) const
{
    return m_where.isEmpty() ? QString::fromLatin1(key) : m_where + QLatin1Char('.') + QLatin1StringView(key);
}

void JsonReader::allowOnly(std::initializer_list<const char *> keys)
{
    QStringList unknown;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        bool known = false;
        for (const char *key : keys)
            known = known || it.key() == QLatin1StringView(key);
        if (!known)
            unknown << (m_where.isEmpty() ? it.key() : m_where + QLatin1Char('.') + it.key());
    }
    if (!unknown.isEmpty())
        fail(ApiErrorCode::BadRequest, tr("Unknown field(s): %1").arg(unknown.join(QStringLiteral(", "))));
}

bool JsonReader::present(const char *key, bool required)
{
    const QJsonValue value = m_object.value(QLatin1StringView(key));
    if (!value.isUndefined() && !value.isNull())
        return true;
    if (required)
        fail(ApiErrorCode::BadRequest, tr("%1 is missing").arg(name(key)));
    return false;
}

QString JsonReader::string(const char *key, bool required)
{
    if (!present(key, required))
        return {};
    const QJsonValue value = m_object.value(QLatin1StringView(key));
    if (!value.isString()) {
        fail(ApiErrorCode::BadRequest, tr("%1 must be a string").arg(name(key)));
        return {};
    }
    return value.toString();
}

std::optional<qint64> JsonReader::integer(const char *key, bool required)
{
    if (!present(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(QLatin1StringView(key));
    const double number = value.toDouble();
    if (!value.isDouble() || number != double(qint64(number))) {
        fail(ApiErrorCode::BadRequest, tr("%1 must be an integer").arg(name(key)));
        return std::nullopt;
    }
    return qint64(number);
}

QJsonObject JsonReader::object(const char *key, bool required)
{
    if (!present(key, required))
        return {};
    const QJsonValue value = m_object.value(QLatin1StringView(key));
    if (!value.isObject()) {
        fail(ApiErrorCode::BadRequest, tr("%1 must be an object").arg(name(key)));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::array(const char *key, bool required)
{
    if (!present(key, required))
        return {};
    const QJsonValue value = m_object.value(QLatin1StringView(key));
    if (!value.isArray()) {
        fail(ApiErrorCode::BadRequest, tr("%1 must be an array").arg(name(key)));
        return {};
    }
    return value.toArray();
}

QString JsonReader::oneOf(const char *key, const QStringList &allowed, bool required)
{
    const QString value = string(key, required);
    if (!value.isEmpty() && !allowed.contains(value))
        fail(ApiErrorCode::BadRequest,
             tr("%1 must be one of %2, not \"%3\"").arg(name(key), allowed.join(QStringLiteral(", ")), value));
    return value;
}

} // namespace nocturne::server
