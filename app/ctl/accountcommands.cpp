// `user add|list` and `token create|list|revoke`: the server's API accounts, on a SQLite
// file or a postgresql:// URL (--db), through the same ServerStore nocturne-server uses.
#include "commands.h"
#include "ctlcontext.h"
#include "slasupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <core/domain/apitoken.h>
#include <core/storage/serverstore.h>

namespace nocturne::ctl {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nocturnectl", text);
}

struct Subcommand
{
    const char *word;
    const char *summary;
    CommandFunction run;
};

int dispatch(CtlContext &ctx, const QString &command, const QList<Subcommand> &subcommands,
    const QStringList &arguments)
{
    auto help = [&](QTextStream &out) {
        out << tr("Usage: nocturnectl [--db PATH|URL] %1 SUBCOMMAND [options]").arg(command)
            << "\n\n"
            << tr("Subcommands:") << '\n';
        for (const Subcommand &s : subcommands)
            out << QStringLiteral("  %1 %2")
                       .arg(QString::fromLatin1(s.word), -10)
                       .arg(tr(s.summary))
                << '\n';
        out << '\n'
            << tr("--db names the server's database: a SQLite file or a "
                  "postgresql://user@host:port/name URL.")
            << '\n';
        out.flush();
    };
    if (arguments.isEmpty()) {
        help(ctx.err());
        return Usage;
    }
    if (arguments.first() == QLatin1StringView("-h")
        || arguments.first() == QLatin1StringView("--help")) {
        help(ctx.out());
        return Ok;
    }
    for (const Subcommand &s : subcommands) {
        if (arguments.first() == QLatin1StringView(s.word))
            return s.run(ctx, arguments.mid(1));
    }
    ctx.err() << tr("error: unknown %1 subcommand \"%2\"").arg(command, arguments.first())
              << Qt::endl;
    help(ctx.err());
    return Usage;
}

std::unique_ptr<core::ServerStore> openStore(CtlContext &ctx, bool createIfMissing)
{
    core::DatabaseError error;
    auto store = core::ServerStore::open(ctx.databasePath(), ctx.clock(), createIfMissing, &error);
    if (!store)
        ctx.fail(error);
    return store;
}

// An option not given is an empty text, never a null one (which a store binds as NULL).
QString valueOf(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? parser.value(option) : QStringLiteral("");
}

// Refusals the user can act on (an unknown user or token, a name taken) exit 1; a
// database that cannot be used exits 2, like every other command.
int failed(CtlContext &ctx, const core::DatabaseError &error)
{
    if (error.kind != core::DatabaseError::Kind::InvalidData)
        return ctx.fail(error);
    ctx.err() << tr("error: %1").arg(error.message) << Qt::endl;
    return Refused;
}

void printJson(CtlContext &ctx, const QJsonObject &object)
{
    ctx.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    ctx.out().flush();
}

int runUserAdd(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption role(
        QStringLiteral("role"), tr("The role: %1.").arg(core::allRoleNames()), tr("ROLE"));
    const QCommandLineOption displayName(
        QStringLiteral("display-name"), tr("The name people see."), tr("TEXT"));
    parser.addOptions({ role, displayName });
    parser.addPositionalArgument(
        QStringLiteral("NAME"), tr("The account name (what events record as the actor)."));
    if (const int code = ctx.parse(parser, QStringLiteral("user add"), arguments,
            tr("Add an account of the server. It signs in with tokens (\"token create\")."));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1
        || parser.positionalArguments().first().trimmed().isEmpty())
        return ctx.usage(tr("user add needs exactly one user name"));
    if (!parser.isSet(role))
        return ctx.usage(tr("user add needs --role (%1)").arg(core::allRoleNames()));
    const auto parsedRole = core::roleFromName(parser.value(role));
    if (!parsedRole)
        return ctx.usage(tr("unknown role \"%1\"; the roles are: %2")
                             .arg(parser.value(role), core::allRoleNames()));

    auto store = openStore(ctx, true);
    if (!store)
        return Usage;
    const core::UserAccount user { parser.positionalArguments().first(),
        valueOf(parser, displayName), *parsedRole };
    if (auto error = store->addUser(user))
        return failed(ctx, error);
    ctx.out() << tr("Added user %1 (%2)").arg(user.name, core::toName(user.role)) << Qt::endl;
    return Ok;
}

int runUserList(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the users as JSON."));
    parser.addOption(json);
    if (const int code = ctx.parse(
            parser, QStringLiteral("user list"), arguments, tr("List the server's accounts."));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("user list takes no arguments"));
    auto store = openStore(ctx, false);
    if (!store)
        return Usage;
    core::DatabaseError error;
    const auto users = store->users(&error);
    if (!users)
        return failed(ctx, error);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const core::UserAccount &user : *users)
            array.append(QJsonObject { { QStringLiteral("name"), user.name },
                { QStringLiteral("role"), core::toName(user.role) },
                { QStringLiteral("display_name"), user.displayName } });
        printJson(ctx, { { QStringLiteral("users"), array } });
        return Ok;
    }
    if (users->isEmpty()) {
        ctx.out() << tr("No users. Add one with \"nocturnectl user add NAME --role ROLE\".")
                  << Qt::endl;
        return Ok;
    }
    ctx.out() << QStringLiteral("%1 %2 %3")
                     .arg(tr("NAME"), -20)
                     .arg(tr("ROLE"), -12)
                     .arg(tr("DISPLAY NAME"))
              << '\n';
    for (const core::UserAccount &user : *users)
        ctx.out() << QStringLiteral("%1 %2 %3")
                         .arg(user.name, -20)
                         .arg(core::toName(user.role), -12)
                         .arg(user.displayName)
                  << '\n';
    ctx.out().flush();
    return Ok;
}

int runTokenCreate(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption label(
        QStringLiteral("label"), tr("What the token is for (e.g. the machine)."), tr("TEXT"));
    const QCommandLineOption json(
        QStringLiteral("json"), tr("Print the id and the token as JSON."));
    parser.addOptions({ label, json });
    parser.addPositionalArgument(QStringLiteral("USER"), tr("The account the token signs in as."));
    if (const int code = ctx.parse(parser, QStringLiteral("token create"), arguments,
            tr("Create an API token for a user. The token is printed once; the server keeps "
               "only its hash."));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(tr("token create needs exactly one user name"));
    auto store = openStore(ctx, false);
    if (!store)
        return Usage;
    const core::ApiToken token = core::generateApiToken();
    const core::TokenInfo info { token.id, parser.positionalArguments().first(),
        valueOf(parser, label), ctx.clock().nowMs(), 0, 0 };
    if (auto error = store->addToken(info, token.sha256Hex))
        return failed(ctx, error);
    if (parser.isSet(json)) {
        printJson(ctx,
            { { QStringLiteral("id"), token.id }, { QStringLiteral("user"), info.user },
                { QStringLiteral("label"), info.label },
                { QStringLiteral("token"), token.secret } });
    } else {
        ctx.out() << token.secret << Qt::endl;
    }
    ctx.err() << tr(
        "warning: token %1 for %2 is shown only now and cannot be shown again; store it safely.")
                     .arg(token.id, info.user)
              << Qt::endl;
    return Ok;
}

int runTokenList(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the tokens as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(
        QStringLiteral("USER"), tr("Only this user's tokens."), QStringLiteral("[USER]"));
    if (const int code = ctx.parse(parser, QStringLiteral("token list"), arguments,
            tr("List API tokens by id (never the tokens themselves)."));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() > 1)
        return ctx.usage(tr("token list takes at most one user name"));
    auto store = openStore(ctx, false);
    if (!store)
        return Usage;
    core::DatabaseError error;
    const auto tokens
        = store->tokens(parser.positionalArguments().value(0, QStringLiteral("")), &error);
    if (!tokens)
        return failed(ctx, error);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const core::TokenInfo &token : *tokens) {
            QJsonObject o { { QStringLiteral("id"), token.id },
                { QStringLiteral("user"), token.user }, { QStringLiteral("label"), token.label },
                { QStringLiteral("revoked"), token.revokedAtMs != 0 } };
            sla::insertTime(o, QStringLiteral("created_at"), token.createdAtMs);
            sla::insertTime(o, QStringLiteral("last_used_at"), token.lastUsedAtMs);
            sla::insertTime(o, QStringLiteral("revoked_at"), token.revokedAtMs);
            array.append(o);
        }
        printJson(ctx, { { QStringLiteral("tokens"), array } });
        return Ok;
    }
    if (tokens->isEmpty()) {
        ctx.out() << tr("No tokens.") << Qt::endl;
        return Ok;
    }
    ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(tr("ID"), -17)
                     .arg(tr("USER"), -16)
                     .arg(tr("CREATED"), -17)
                     .arg(tr("LAST USED"), -17)
                     .arg(tr("STATUS"), -8)
                     .arg(tr("LABEL"))
              << '\n';
    for (const core::TokenInfo &token : *tokens)
        ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                         .arg(token.id, -17)
                         .arg(token.user, -16)
                         .arg(sla::localTime(token.createdAtMs), -17)
                         .arg(sla::localTime(token.lastUsedAtMs), -17)
                         .arg(token.revokedAtMs ? tr("revoked") : tr("active"), -8)
                         .arg(token.label)
                  << '\n';
    ctx.out().flush();
    return Ok;
}

int runTokenRevoke(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("ID"), tr("The token's id (tok_…, see \"token list\")."));
    if (const int code = ctx.parse(parser, QStringLiteral("token revoke"), arguments,
            tr("Revoke an API token: the server refuses it from now on."));
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(tr("token revoke needs exactly one token id"));
    const QString id = parser.positionalArguments().first();
    if (core::looksLikeApiToken(id))
        return ctx.usage(tr("give the token's id (tok_…), not the token itself"));
    auto store = openStore(ctx, false);
    if (!store)
        return Usage;
    if (auto error = store->revokeToken(id, ctx.clock().nowMs()))
        return failed(ctx, error);
    ctx.out() << tr("Revoked token %1").arg(id) << Qt::endl;
    return Ok;
}

} // namespace

int runUser(CtlContext &ctx, const QStringList &arguments)
{
    static const QList<Subcommand> subcommands = {
        { "add",
            QT_TRANSLATE_NOOP(
                "nocturnectl", "Add an account (NAME --role ROLE [--display-name TEXT])"),
            runUserAdd },
        { "list", QT_TRANSLATE_NOOP("nocturnectl", "List the accounts (--json)"), runUserList },
    };
    return dispatch(ctx, QStringLiteral("user"), subcommands, arguments);
}

int runToken(CtlContext &ctx, const QStringList &arguments)
{
    static const QList<Subcommand> subcommands = {
        { "create",
            QT_TRANSLATE_NOOP(
                "nocturnectl", "Create a token for USER, printed once (--label, --json)"),
            runTokenCreate },
        { "list",
            QT_TRANSLATE_NOOP("nocturnectl", "List tokens by id, of one USER or all (--json)"),
            runTokenList },
        { "revoke", QT_TRANSLATE_NOOP("nocturnectl", "Revoke a token by its id"), runTokenRevoke },
    };
    return dispatch(ctx, QStringLiteral("token"), subcommands, arguments);
}

} // namespace nocturne::ctl
