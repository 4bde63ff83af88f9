#include "apierror.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace nocturne::server {

namespace {

struct ErrorInfo
{
    ApiErrorCode code;
    int status;
    const char *name;
};

constexpr ErrorInfo Errors[] = {
    { ApiErrorCode::BadRequest, 400, "bad_request" },
    { ApiErrorCode::Unauthorized, 401, "unauthorized" },
    { ApiErrorCode::Forbidden, 403, "forbidden" },
    { ApiErrorCode::NotFound, 404, "not_found" },
    { ApiErrorCode::MethodNotAllowed, 405, "method_not_allowed" },
    { ApiErrorCode::Conflict, 409, "conflict" },
    { ApiErrorCode::PayloadTooLarge, 413, "payload_too_large" },
    { ApiErrorCode::UnsupportedMediaType, 415, "unsupported_media_type" },
    { ApiErrorCode::Unprocessable, 422, "unprocessable" },
    { ApiErrorCode::Unavailable, 503, "unavailable" },
    { ApiErrorCode::NotImplemented, 501, "not_implemented" },
    { ApiErrorCode::Internal, 500, "internal" },
};

const ErrorInfo &infoOf(ApiErrorCode code)
{
    for (const ErrorInfo &info : Errors) {
        if (info.code == code)
            return info;
    }
    return Errors[std::size(Errors) - 1];
}

} // namespace

int ApiError::httpStatus() const { return infoOf(m_code).status; }

QString ApiError::codeName() const { return QString::fromLatin1(infoOf(m_code).name); }

QJsonObject ApiError::toJson() const
{
    return { { QStringLiteral("error"),
               QJsonObject { { QStringLiteral("code"), codeName() }, { QStringLiteral("message"), m_message } } } };
}

ApiError ApiError::fromDatabase(const core::DatabaseError &error)
{
    using Kind = core::DatabaseError::Kind;
    switch (error.kind) {
    case Kind::Locked:
    case Kind::Missing:
    case Kind::Io:
        return { ApiErrorCode::Unavailable,
                 QCoreApplication::translate("ApiError", "The store is unavailable: %1").arg(error.message) };
    case Kind::InvalidData: return { ApiErrorCode::Unprocessable, error.message };
    default:
        return { ApiErrorCode::Internal,
                 QCoreApplication::translate("ApiError", "The store failed: %1").arg(error.message) };
    }
}

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse ApiResponse::error(const ApiError &error) { return json(error.toJson(), error.httpStatus()); }

ApiResponse ApiResponse::noContent()
{
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

} // namespace nocturne::server
