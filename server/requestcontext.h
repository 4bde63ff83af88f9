#pragma once

#include "apierror.h"

#include "core/storage/serverstore.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <variant>

namespace nocturne::server {

// A value or the API error that prevented it; controllers never throw.
template <typename T>
class Expected
{
public:
    Expected(T value) : m_value(std::move(value)) { }
    Expected(ApiError error) : m_value(std::move(error)) { }
    bool ok() const { return std::holds_alternative<T>(m_value); }
    const T &value() const { return std::get<T>(m_value); }
    const ApiError &error() const { return std::get<ApiError>(m_value); }

private:
    std::variant<T, ApiError> m_value;
};

// One request as a controller sees it: already authenticated and authorised by the
// dispatcher (serverapplication.cpp), with the {placeholders} of its route path.
struct RequestContext
{
    const QHttpServerRequest &request;
    QStringList pathArguments;
    core::Principal principal; // empty user on routes without authentication
    qint64 maxBodyBytes = 0;
};

// The request's body as a JSON object: 415 unless the content type is JSON, 413 past
// the size limit, 400 with the parse error's offset when it is not JSON or not an object.
Expected<QJsonObject> jsonBody(const RequestContext &context);

// Reads the fields of one JSON object strictly. The first problem wins and names the
// field with `where` in front ("payload.severity must be a string"); unknown fields are
// refused by name, so a typo never passes silently.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString where = {});

    void allowOnly(std::initializer_list<const char *> keys);
    QString string(const char *key, bool required = true);
    std::optional<qint64> integer(const char *key, bool required = true);
    QJsonObject object(const char *key, bool required = true);
    QJsonArray array(const char *key, bool required = true);
    // A string whose value must be one of `allowed`.
    QString oneOf(const char *key, const QStringList &allowed, bool required = true);

    bool ok() const { return !m_error.has_value(); }
    const ApiError &error() const { return *m_error; }
    void fail(ApiErrorCode code, const QString &message);

private:
    QString name(const char *key) const;
    bool present(const char *key, bool required);

    QJsonObject m_object;
    QString m_where;
    std::optional<ApiError> m_error;
};

} // namespace nocturne::server
