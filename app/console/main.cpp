// nocturne: the desktop incident-operations console. Parses arguments, loads
// translations and wires the session to the main window; nothing else.

#include <core/domain/clock.h>
#include <ui/consolesession.h>
#include <ui/consolesettings.h>
#include <ui/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

namespace {

void loadTranslations(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("nocturne"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

// The user the console connects to its server as, since the server takes events only in
// that name; standalone, the login name.
QString defaultUser()
{
    const nocturne::ui::ConsoleSettings settings;
    if (!settings.serverUrl().isEmpty() && !settings.serverUser().isEmpty())
        return settings.serverUser();
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nocturne"));
    QCoreApplication::setApplicationName(QStringLiteral("nocturne"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOCTURNE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Nocturne"));
    QGuiApplication::setDesktopFileName(QStringLiteral("nocturne"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/nocturne.svg")));
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Nocturne — incident operations console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString defaultDb =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/nocturne.db");
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("main", "The incident database (default: %1).")
                                          .arg(QDir::toNativeSeparators(defaultDb)),
                                      QStringLiteral("path"), defaultDb);
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QCoreApplication::translate("main", "Act as this operator (default: your user on the server, or $USER)."),
                                        QStringLiteral("name"), defaultUser());
    parser.addOption(dbOption);
    parser.addOption(userOption);
    parser.process(app);

    const nocturne::core::SystemClock clock;
    nocturne::ui::ConsoleSession session(clock, parser.value(userOption));
    session.setUserGivenExplicitly(parser.isSet(userOption));
    nocturne::ui::MainWindow window(session);
    // A database that cannot be used at all ends the program once the operator read why.
    QObject::connect(&window, &nocturne::ui::MainWindow::unusableDatabaseAcknowledged, &app,
                     [] { QCoreApplication::exit(2); });
    session.open(QDir::cleanPath(parser.value(dbOption)));
    window.show();
    return QApplication::exec();
}
