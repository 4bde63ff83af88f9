#include "canonicaljson.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace nocturne::core {

void appendJsonString(QByteArray &out, const QString &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = value.toUtf8();
    out += '"';
    const bool plain = std::none_of(utf8.cbegin(), utf8.cend(), [](char c) {
        return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
    });
    if (plain) { // the usual case: one copy, no per-character work
        out += utf8;
        out += '"';
        return;
    }
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendCanonicalJson(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Integral values (every time and level we store) print as integers.
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9007199254740992.0)
            out += QByteArray::number(value.toInteger());
        else if (std::isfinite(d))
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        else
            out += "null";
        break;
    }
    case QJsonValue::String: appendJsonString(out, value.toString()); break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            appendCanonicalJson(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        // QJsonObject iterates its keys in sorted order.
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, it.key());
            out += ':';
            appendCanonicalJson(out, it.value());
        }
        out += '}';
        break;
    }
    }
}

QByteArray canonicalJson(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(256);
    appendCanonicalJson(out, object);
    return out;
}

} // namespace nocturne::core
