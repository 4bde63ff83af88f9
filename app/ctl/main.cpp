// nocturnectl: the core engines from the command line. Parses the global options,
// picks the command and hands it the rest of the arguments.
#include "commands.h"
#include "ctlcontext.h"
#include "reportcommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace nocturne::ctl;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/nocturne.db");
}

void printHelp(QTextStream &out)
{
    out << tr("Usage: nocturnectl [--db PATH] [--actor NAME] [--server URL] COMMAND [options]") << "\n\n"
        << tr("Nocturne incident operations from the command line.") << "\n\n"
        << tr("Global options:") << '\n'
        << tr("  --db PATH      The database (default: %1)").arg(QDir::toNativeSeparators(defaultDatabasePath())) << '\n'
        << tr("  --actor NAME   Who is acting (default: the login name)") << '\n'
        << tr("  --server URL   Sync with this server (or NOCTURNE_SERVER): the database is a replica,") << '\n'
        << tr("                 and commands that write sync afterwards (see \"nocturnectl sync --help\")") << '\n'
        << tr("  --token-file F Read the server's API token from F (default: NOCTURNE_TOKEN)") << '\n'
        << tr("  --ca-cert F    Trust this CA certificate (PEM) for an https:// server") << '\n'
        << tr("  --version      Print the version") << '\n'
        << tr("  -h, --help     This help; \"nocturnectl COMMAND --help\" for a command's options") << "\n\n"
        << tr("Commands:") << '\n';
    for (const CommandInfo &c : allCommands())
        out << QStringLiteral("  %1 %2").arg(QString::fromLatin1(c.name), -10).arg(QCoreApplication::translate("nocturnectl", c.summary)) << '\n';
    out << '\n'
        << tr("Exit codes: 0 success; 1 refused, not found or audit failed; 2 bad usage or unusable database.") << '\n';
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    // Only a PDF report needs the graphics system (fonts); decided from the raw arguments
    // because the application object must exist before Qt parses them.
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);
    const bool needsGui = reportWritesPdf(raw);
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application =
        needsGui ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nocturne"));
    QCoreApplication::setApplicationName(QStringLiteral("nocturne"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOCTURNE_VERSION));

    QTranslator qtTranslator, ownTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    if (ownTranslator.load(QLocale(), QStringLiteral("nocturne"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ownTranslator);

    QTextStream out(stdout), err(stderr);
    QString database = defaultDatabasePath();
    QString actor = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("operator")));
    QString server = qEnvironmentVariable("NOCTURNE_SERVER");
    QString tokenFile, caCertificate;

    QStringList rest = QCoreApplication::arguments().mid(1);
    // Global options come before the command word.
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1Char('-'))) {
        const QString option = rest.takeFirst();
        auto valueOf = [&](const QString &name, QString *target) {
            if (option == name) {
                if (rest.isEmpty())
                    return -1;
                *target = rest.takeFirst();
                return 1;
            }
            if (option.startsWith(name + QLatin1Char('='))) {
                *target = option.mid(name.size() + 1);
                return 1;
            }
            return 0;
        };
        int matched = valueOf(QStringLiteral("--db"), &database);
        if (matched == 0)
            matched = valueOf(QStringLiteral("--actor"), &actor);
        if (matched == 0)
            matched = valueOf(QStringLiteral("--server"), &server);
        if (matched == 0)
            matched = valueOf(QStringLiteral("--token-file"), &tokenFile);
        if (matched == 0)
            matched = valueOf(QStringLiteral("--ca-cert"), &caCertificate);
        if (matched < 0) {
            err << tr("error: %1 needs a value").arg(option) << Qt::endl;
            return Usage;
        }
        if (matched > 0)
            continue;
        if (option == QLatin1StringView("-h") || option == QLatin1StringView("--help")) {
            printHelp(out);
            return Ok;
        }
        if (option == QLatin1StringView("--version")) {
            out << QStringLiteral("nocturnectl %1").arg(QCoreApplication::applicationVersion()) << Qt::endl;
            return Ok;
        }
        err << tr("error: unknown option %1").arg(option) << Qt::endl;
        printHelp(err);
        return Usage;
    }
    if (actor.trimmed().isEmpty()) {
        // An empty name would be recorded as the automation's "system" actor.
        err << tr("error: --actor needs a name") << Qt::endl;
        return Usage;
    }
    if (rest.isEmpty()) {
        printHelp(err);
        return Usage;
    }
    nocturne::core::SyncSettings sync;
    if (QString problem; !syncSettingsFrom(server, tokenFile, caCertificate, actor, &sync, &problem)) {
        err << tr("error: %1").arg(problem) << Qt::endl;
        return Usage;
    }
    const QString command = rest.takeFirst();
    for (const CommandInfo &c : allCommands()) {
        if (command == QLatin1StringView(c.name)) {
            CtlContext context(database, actor);
            context.setSyncSettings(sync);
            return syncAfterWrite(context, command, c.run(context, rest));
        }
    }
    err << tr("error: unknown command \"%1\"").arg(command) << Qt::endl;
    printHelp(err);
    return Usage;
}
