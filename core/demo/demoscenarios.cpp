#include "demoscenarios.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nocturne::core::demo {

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1StringView(key)).toString(); }

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

} // namespace

DemoCatalogue DemoCatalogue::builtIn(QString *error)
{
    DemoCatalogue c;
    QFile file(QStringLiteral(":/demo/scenarios.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the demo catalogue is missing from the program's resources");
        return c;
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("scenarios.json at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return c;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("sites")).toArray()) {
        const QJsonObject o = v.toObject();
        c.sites << DemoSite { Site { str(o, "name"), str(o, "time_zone"), str(o, "domain"), {} }, str(o, "code") };
    }
    for (const QJsonValue &v : root.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject o = v.toObject();
        c.groups << Group { str(o, "name"), str(o, "description") };
    }
    for (const QJsonValue &v : root.value(QStringLiteral("users")).toArray()) {
        const QJsonObject o = v.toObject();
        c.users << User { str(o, "name"), str(o, "display_name"), str(o, "group"), QStringLiteral("operator") };
    }
    for (const QJsonValue &v : root.value(QStringLiteral("domains")).toArray()) {
        const QJsonObject o = v.toObject();
        DemoDomain d;
        d.domain = str(o, "domain");
        d.weight = o.value(QStringLiteral("weight")).toDouble(1);
        d.weekendFactor = o.value(QStringLiteral("weekend_factor")).toDouble(1);
        for (const QJsonValue &s : o.value(QStringLiteral("services")).toArray())
            d.services << DemoService { str(s.toObject(), "name"), strings(s.toObject().value(QStringLiteral("cis"))) };
        for (const QJsonValue &t : o.value(QStringLiteral("templates")).toArray()) {
            const QJsonObject to = t.toObject();
            d.templates << DemoTemplate { str(to, "title"), str(to, "category"), str(to, "subcategory"),
                                          str(to, "service"), to.value(QStringLiteral("severity")).toInt(3),
                                          str(to, "group"), str(to, "channel"),
                                          strings(to.value(QStringLiteral("codes"))) };
        }
        for (int i = 0; i < c.sites.size(); ++i) {
            if (c.sites.at(i).site.domain == d.domain)
                d.siteIndexes << i;
        }
        if (d.templates.isEmpty() || d.siteIndexes.isEmpty() || d.services.isEmpty()) {
            *error = QStringLiteral("scenarios.json: domain \"%1\" needs templates, services and sites").arg(d.domain);
            return c;
        }
        c.domains << d;
    }
    c.comments = strings(root.value(QStringLiteral("comments")));
    return c;
}

QStringList DemoCatalogue::usersOf(const QString &group) const
{
    QStringList out;
    for (const User &u : users) {
        if (u.group == group)
            out << u.name;
    }
    return out;
}

} // namespace nocturne::core::demo
