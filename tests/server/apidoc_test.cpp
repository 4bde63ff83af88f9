// docs/api.md is executable: every ```http request in it runs, in order, against a live
// server on SQLite, and the answer must have the documented status and the documented
// keys (recursively). Every route the server has must appear in the document.
#include "serverfixture.h"

#include "core/domain/uuid7.h"
#include "core/sync/eventwire.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>

using namespace nocturne;
using namespace nocturne::tests;

namespace {

struct Example
{
    int line = 0; // of the request block, for messages
    QByteArray method;
    QString path;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString body;
    QString responseLanguage; // json or text
    int status = 0;
    QString response;
};

struct Block
{
    int line;
    QString info;
    QString text;
};

QList<Block> fencedBlocks(const QString &markdown)
{
    QList<Block> blocks;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(QLatin1StringView("```")) || lines[i].trimmed() == QLatin1StringView("```"))
            continue;
        Block block { i + 1, lines[i].mid(3).trimmed(), {} };
        QStringList body;
        for (++i; i < lines.size() && lines[i].trimmed() != QLatin1StringView("```"); ++i)
            body << lines[i];
        block.text = body.join(QLatin1Char('\n'));
        blocks << block;
    }
    return blocks;
}

// The document's convention: a ```http block (request line, headers, blank line, body)
// followed by its response, a ```json or ```text block whose info string says
// status=NNN.
QList<Example> examplesOf(const QString &markdown, QString *error)
{
    const QList<Block> blocks = fencedBlocks(markdown);
    QList<Example> examples;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        if (blocks[i].info != QLatin1StringView("http"))
            continue;
        Example example;
        example.line = blocks[i].line;
        const QString text = blocks[i].text;
        const qsizetype blank = text.indexOf(QStringLiteral("\n\n"));
        const QStringList head = (blank < 0 ? text : text.left(blank)).split(QLatin1Char('\n'));
        example.body = blank < 0 ? QString() : text.mid(blank + 2).trimmed();
        const QStringList request = head.value(0).split(QLatin1Char(' '));
        example.method = request.value(0).toLatin1();
        example.path = request.value(1);
        for (qsizetype h = 1; h < head.size(); ++h) {
            const qsizetype colon = head[h].indexOf(QLatin1Char(':'));
            example.headers.append({ head[h].left(colon).trimmed().toLatin1(), head[h].mid(colon + 1).trimmed().toUtf8() });
        }
        static const QRegularExpression info(QStringLiteral(R"(^(json|text)\s+status=(\d{3})$)"));
        const QRegularExpressionMatch m = i + 1 < blocks.size() ? info.match(blocks[i + 1].info) : QRegularExpressionMatch();
        if (!m.hasMatch()) {
            *error = QStringLiteral("line %1: the request is not followed by a ```json status=NNN block").arg(example.line);
            return {};
        }
        example.responseLanguage = m.captured(1);
        example.status = m.captured(2).toInt();
        example.response = blocks[i + 1].text;
        examples << example;
    }
    return examples;
}

// Placeholders: {{name}} in a request is replaced (tokens, fresh ids, times, values
// captured earlier); {{name}} as a string value in a response captures the actual value.
class Variables
{
public:
    QString substitute(QString text)
    {
        static const QRegularExpression placeholder(QStringLiteral(R"(\{\{([a-z_0-9:]+)\}\})"));
        QString out;
        qsizetype last = 0;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += text.mid(last, m.capturedStart() - last);
            out += m.captured(1) == QLatin1StringView("content_hash") ? m.captured(0) : value(m.captured(1));
            last = m.capturedEnd();
        }
        return out + text.mid(last);
    }

    QString value(const QString &name)
    {
        if (m_values.contains(name))
            return m_values.value(name);
        QString made;
        if (name.endsWith(QLatin1StringView("_id")) || name.startsWith(QLatin1StringView("id:")))
            made = core::createUuidV7(m_now);
        else if (name.startsWith(QLatin1StringView("hlc")))
            made = core::HlcTimestamp { m_now, quint32(name.section(QLatin1Char(':'), 1).toUInt()), QStringLiteral("console-7f3a") }
                       .toString();
        else if (name == QLatin1StringView("now_ms"))
            made = QString::number(m_now);
        else if (name == QLatin1StringView("unique"))
            made = QString::number(m_now, 36);
        else
            return QStringLiteral("{{unknown:%1}}").arg(name);
        m_values.insert(name, made);
        return made;
    }

    void set(const QString &name, const QString &value) { m_values.insert(name, value); }

private:
    qint64 m_now = QDateTime::currentMSecsSinceEpoch();
    QMap<QString, QString> m_values;
};

// Fills "content_hash": "{{content_hash}}" in a body's events with the real hash.
QByteArray withContentHashes(const QByteArray &body)
{
    QJsonObject json = QJsonDocument::fromJson(body).object();
    if (!json.contains(QStringLiteral("events")))
        return body;
    QJsonArray events = json.value(QStringLiteral("events")).toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        QJsonObject e = events[i].toObject();
        if (e.value(QStringLiteral("content_hash")).toString() != QLatin1StringView("{{content_hash}}"))
            continue;
        core::Event event;
        event.id = e.value(QStringLiteral("id")).toString();
        event.incidentId = e.value(QStringLiteral("incident_id")).toString();
        event.kind = core::eventKindFromName(e.value(QStringLiteral("kind")).toString()).value_or(core::EventKind::Commented);
        event.payload = e.value(QStringLiteral("payload")).toObject();
        event.actor = e.value(QStringLiteral("actor")).toString();
        event.originNode = e.value(QStringLiteral("origin_node")).toString();
        event.hlc = core::HlcTimestamp::fromString(e.value(QStringLiteral("hlc")).toString());
        event.occurredAt = e.value(QStringLiteral("occurred_at")).toInteger();
        e.insert(QStringLiteral("content_hash"), QString::fromLatin1(event.computeContentHash()));
        events[i] = e;
    }
    json.insert(QStringLiteral("events"), events);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// Objects whose keys are data, not schema.
bool isFreeForm(const QString &key)
{
    return key == QLatin1StringView("payload") || key == QLatin1StringView("labels")
        || key == QLatin1StringView("custom_details") || key == QLatin1StringView("custom_fields");
}

void compareShape(const QJsonValue &documented, const QJsonValue &actual, const QString &where, Variables &variables,
                  QStringList *problems)
{
    static const QRegularExpression capture(QStringLiteral(R"(^\{\{([a-z_0-9]+)\}\}$)"));
    if (documented.isString()) {
        if (const auto m = capture.match(documented.toString()); m.hasMatch())
            variables.set(m.captured(1), actual.isString() ? actual.toString() : QString::number(actual.toInteger()));
        return;
    }
    if (documented.isObject()) {
        if (!actual.isObject()) {
            *problems << QStringLiteral("%1: documented an object").arg(where);
            return;
        }
        const QJsonObject doc = documented.toObject(), got = actual.toObject();
        QStringList docKeys = doc.keys(), gotKeys = got.keys();
        if (docKeys != gotKeys)
            *problems << QStringLiteral("%1: documented keys [%2], the server answered [%3]")
                             .arg(where, docKeys.join(u','), gotKeys.join(u','));
        for (const QString &key : docKeys) {
            if (got.contains(key) && !isFreeForm(key))
                compareShape(doc.value(key), got.value(key), where + QLatin1Char('.') + key, variables, problems);
        }
        return;
    }
    if (documented.isArray()) {
        if (!actual.isArray()) {
            *problems << QStringLiteral("%1: documented an array").arg(where);
            return;
        }
        const QJsonArray doc = documented.toArray(), got = actual.toArray();
        if (!doc.isEmpty() && got.isEmpty())
            *problems << QStringLiteral("%1: documented elements, the server answered none").arg(where);
        else if (!doc.isEmpty())
            compareShape(doc.at(0), got.at(0), where + QStringLiteral("[0]"), variables, problems);
    }
}

QString readDoc()
{
    QFile file(QStringLiteral(NOCTURNE_SOURCE_DIR "/docs/api.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QRegularExpression routePattern(const QString &path)
{
    QString pattern = QRegularExpression::escape(path);
    pattern.replace(QRegularExpression(QStringLiteral(R"(\\\{[a-z_]+\\\})")), QStringLiteral("[^/]+"));
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'));
}

TEST(ApiDocumentation, EveryRouteOfTheServerIsDocumentedWithAnExample)
{
    QString error;
    const QList<Example> examples = examplesOf(readDoc(), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_FALSE(examples.isEmpty());
    QProcess routes;
    routes.start(binaryPath(QStringLiteral("nocturne-server")), { QStringLiteral("--routes") });
    ASSERT_TRUE(routes.waitForFinished(20000));
    const QStringList lines = QString::fromUtf8(routes.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 10);
    for (const QString &line : lines) {
        const QString method = line.section(QLatin1Char(' '), 0, 0), path = line.section(QLatin1Char(' '), 1);
        const QRegularExpression pattern = routePattern(path);
        const bool documented = std::any_of(examples.cbegin(), examples.cend(), [&](const Example &e) {
            const QString bare = e.path.section(QLatin1Char('?'), 0, 0);
            return QString::fromLatin1(e.method) == method && pattern.match(bare).hasMatch();
        });
        EXPECT_TRUE(documented) << "docs/api.md has no example of " << line.toStdString();
    }
}

TEST(ApiDocumentation, EveryExampleAnswersAsDocumented)
{
    QString error;
    const QList<Example> examples = examplesOf(readDoc(), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_GE(examples.size(), 20);

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("apidoc.db"));
    ServerProcess server;
    ASSERT_TRUE(server.start(db, {}, &error)) << error.toStdString();
    Variables variables;
    // The accounts the examples use, made with the real nocturnectl.
    for (const auto &[user, role] : { std::pair { "root", "admin" }, { "alice", "operator" }, { "audrey", "auditor" },
                                      { "am-bridge", "integration" } }) {
        const QByteArray token = addUserWithToken(db, QLatin1StringView(user), QLatin1StringView(role), &error);
        ASSERT_FALSE(token.isEmpty()) << error.toStdString();
        variables.set(QLatin1StringView(role) + QStringLiteral("_token"), QString::fromLatin1(token));
    }

    for (const Example &example : examples) {
        SCOPED_TRACE(QStringLiteral("docs/api.md:%1 %2 %3").arg(example.line).arg(QString::fromLatin1(example.method), example.path).toStdString());
        QByteArray token, contentType;
        for (const auto &[name, value] : example.headers) {
            const QByteArray filled = variables.substitute(QString::fromUtf8(value)).toUtf8();
            if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
                token = filled.mid(7);
            else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
                contentType = filled;
        }
        const QString path = variables.substitute(example.path);
        const QByteArray body = withContentHashes(variables.substitute(example.body).toUtf8());
        ASSERT_FALSE(path.contains(QLatin1StringView("{{unknown"))) << path.toStdString();
        ASSERT_FALSE(body.contains("{{unknown")) << body.toStdString();
        const HttpReply reply = httpRequest(example.method, server.url(path), token, body, contentType);
        ASSERT_EQ(reply.status, example.status) << reply.body.left(600).toStdString();
        if (example.responseLanguage == QLatin1StringView("text")) {
            // Every metric name the example shows is in the answer.
            for (const QString &line : example.response.split(QLatin1Char('\n'))) {
                if (line.startsWith(QLatin1StringView("nocturne_"))) {
                    const QString name = line.section(QRegularExpression(QStringLiteral("[{ ]")), 0, 0);
                    EXPECT_TRUE(reply.body.contains(name.toUtf8())) << name.toStdString();
                }
            }
            continue;
        }
        if (example.response.trimmed().isEmpty()) {
            EXPECT_TRUE(reply.body.isEmpty());
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument documented = QJsonDocument::fromJson(example.response.toUtf8(), &parseError);
        ASSERT_EQ(parseError.error, QJsonParseError::NoError)
            << "the documented response is not JSON: " << parseError.errorString().toStdString() << " at " << parseError.offset;
        EXPECT_EQ(reply.header("Content-Type"), "application/json");
        QStringList problems;
        compareShape(documented.object(), reply.json().object(), QStringLiteral("response"), variables, &problems);
        EXPECT_TRUE(problems.isEmpty()) << problems.join(u'\n').toStdString() << "\n" << reply.body.left(1500).toStdString();
    }
}

} // namespace
