#pragma once

#include "core/storage/databaseerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace nocturne::server {

// The one mapping from what went wrong to an HTTP status and the JSON error body
// {"error": {"code", "message"}}. Controllers return an ApiError; only this file knows
// which status a kind of error gets.
enum class ApiErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    Unprocessable,
    Unavailable,
    NotImplemented,
    Internal,
};

class ApiError
{
public:
    ApiError(ApiErrorCode code, QString message) : m_code(code), m_message(std::move(message)) { }

    ApiErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    int httpStatus() const;
    QString codeName() const; // "bad_request", …
    QJsonObject toJson() const;

    // A store failure: a locked or missing database is "unavailable" (retry later), data
    // the store refused is "unprocessable", anything else "internal".
    static ApiError fromDatabase(const core::DatabaseError &error);

private:
    ApiErrorCode m_code;
    QString m_message;
};

// What a route answers. Every body the API writes is JSON except /metrics.
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse error(const ApiError &error);
    static ApiResponse noContent();
};

} // namespace nocturne::server
