// nocturne-server: parses its options, opens the store, listens, and stops gracefully
// on SIGTERM or SIGINT. Everything else lives in the server/ library.
#include "server/routetable.h"
#include "server/serverapplication.h"

#include "core/domain/clock.h"
#include "core/storage/serverstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <optional>

#include <sys/socket.h>
#include <unistd.h>

using namespace nocturne;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturne-server", text); }

constexpr int ExitBadUsage = 2;
constexpr int ExitUnavailable = 1;
constexpr int DrainTimeoutMs = 5000;

int signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

QString defaultDatabasePath()
{
    // The same file nocturnectl and the console use by default.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/nocturne.db");
}

struct Options
{
    QString database;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8470;
    QString tlsCert;
    QString tlsKey;
    qint64 maxBody = 4 * 1024 * 1024;
    bool create = false;
};

void printHelp(QTextStream &out)
{
    out << tr("Usage: nocturne-server [options]") << "\n\n"
        << tr("The central Nocturne store behind the REST API v1 (docs/api.md).") << "\n\n"
        << tr("  --db SPEC             A database file or postgresql://user[:password]@host[:port]/name\n"
              "                        (default: %1)")
               .arg(defaultDatabasePath())
        << '\n'
        << tr("  --create              Create the database if it does not exist") << '\n'
        << tr("  --listen HOST:PORT    Where to listen (default 127.0.0.1:8470; port 0: any free port)") << '\n'
        << tr("  --tls-cert FILE       PEM certificate: serve HTTPS (needs --tls-key)") << '\n'
        << tr("  --tls-key FILE        PEM private key of the certificate") << '\n'
        << tr("  --max-body BYTES      Largest request body accepted (default 4194304)") << '\n'
        << tr("  --routes              Print the API's routes (METHOD PATH) and exit") << '\n'
        << tr("  --version             Print the version") << '\n'
        << tr("  -h, --help            This help") << "\n\n"
        << tr("Stops on SIGTERM or SIGINT after answering the requests in flight. Exit codes: 0 stopped; "
              "1 the store or the address is unusable; 2 bad usage.")
        << '\n';
    out.flush();
}

// Parses HOST:PORT ("[::1]:8470" for IPv6).
bool parseListen(const QString &text, Options *options)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    const QString bare = host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')) ? host.mid(1, host.size() - 2) : host;
    QHostAddress address;
    if (bare == QLatin1StringView("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(bare))
        return false;
    options->address = address;
    options->host = host;
    options->port = quint16(port);
    return true;
}

std::optional<Options> parseArguments(const QStringList &arguments, QTextStream &out, QTextStream &err, int *exitCode)
{
    Options options;
    options.database = defaultDatabasePath();
    QStringList rest = arguments;
    auto fail = [&](const QString &message) {
        err << "nocturne-server: " << message << '\n' << tr("Try \"nocturne-server --help\".") << '\n';
        err.flush();
        *exitCode = ExitBadUsage;
        return std::nullopt;
    };
    while (!rest.isEmpty()) {
        QString option = rest.takeFirst();
        QString value;
        bool hasInlineValue = false;
        if (option.startsWith(QLatin1StringView("--")) && option.contains(QLatin1Char('='))) {
            value = option.mid(option.indexOf(QLatin1Char('=')) + 1);
            option = option.left(option.indexOf(QLatin1Char('=')));
            hasInlineValue = true;
        }
        auto takeValue = [&]() -> bool {
            if (hasInlineValue)
                return true;
            if (rest.isEmpty())
                return false;
            value = rest.takeFirst();
            return true;
        };
        if (option == QLatin1StringView("--help") || option == QLatin1StringView("-h")) {
            printHelp(out);
            *exitCode = 0;
            return std::nullopt;
        }
        if (option == QLatin1StringView("--version")) {
            out << "nocturne-server " << QStringLiteral(NOCTURNE_VERSION) << '\n';
            out.flush();
            *exitCode = 0;
            return std::nullopt;
        }
        if (option == QLatin1StringView("--routes")) {
            for (const server::Route &route : server::apiRoutes())
                out << route.method << ' ' << route.path << '\n';
            out.flush();
            *exitCode = 0;
            return std::nullopt;
        }
        if (option == QLatin1StringView("--create")) {
            options.create = true;
            continue;
        }
        const bool takesValue = option == QLatin1StringView("--db") || option == QLatin1StringView("--listen")
            || option == QLatin1StringView("--tls-cert") || option == QLatin1StringView("--tls-key")
            || option == QLatin1StringView("--max-body");
        if (!takesValue)
            return fail(tr("unknown option \"%1\"").arg(option));
        if (!takeValue() || value.isEmpty())
            return fail(tr("%1 needs a value").arg(option));
        if (option == QLatin1StringView("--db")) {
            options.database = value;
        } else if (option == QLatin1StringView("--listen")) {
            if (!parseListen(value, &options))
                return fail(tr("--listen takes HOST:PORT with an IP address or localhost and a port 0..65535, not \"%1\"").arg(value));
        } else if (option == QLatin1StringView("--tls-cert")) {
            options.tlsCert = value;
        } else if (option == QLatin1StringView("--tls-key")) {
            options.tlsKey = value;
        } else {
            bool ok = false;
            options.maxBody = value.toLongLong(&ok);
            if (!ok || options.maxBody < 1024 || options.maxBody > qint64(1) << 30)
                return fail(tr("--max-body takes a number of bytes from 1024 to 1073741824, not \"%1\"").arg(value));
        }
    }
    if (options.tlsCert.isEmpty() != options.tlsKey.isEmpty())
        return fail(tr("--tls-cert and --tls-key go together"));
    return options;
}

QByteArray readFile(const QString &path, const char *option, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1 %2: %3").arg(QLatin1StringView(option), path, file.errorString());
        return {};
    }
    return file.readAll();
}

// Sets up TLS on the server; an error message when the files are unusable.
QString setUpTls(server::ServerApplication &server, const Options &options)
{
    if (!QSslSocket::supportsSsl())
        return tr("this Qt has no TLS support (OpenSSL not found)");
    QString error;
    const QByteArray certificateData = readFile(options.tlsCert, "--tls-cert", &error);
    if (!error.isEmpty())
        return error;
    const QByteArray keyData = readFile(options.tlsKey, "--tls-key", &error);
    if (!error.isEmpty())
        return error;
    const QSslCertificate certificate(certificateData, QSsl::Pem);
    if (certificate.isNull())
        return tr("--tls-cert %1 is not a PEM certificate").arg(options.tlsCert);
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return tr("--tls-key %1 is not an unencrypted PEM RSA or EC private key").arg(options.tlsKey);
    server.sslSetup(certificate, key);
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Nocturne"));
    QCoreApplication::setApplicationName(QStringLiteral("nocturne"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOCTURNE_VERSION));

    QTextStream out(stdout), err(stderr);
    int exitCode = 0;
    const std::optional<Options> options = parseArguments(QCoreApplication::arguments().mid(1), out, err, &exitCode);
    if (!options)
        return exitCode;

    const core::SystemClock clock;
    core::DatabaseError error;
    std::unique_ptr<core::ServerStore> store = core::ServerStore::open(options->database, clock, options->create, &error);
    if (!store) {
        err << "nocturne-server: " << tr("cannot open the store: %1").arg(error.message) << '\n';
        return ExitUnavailable;
    }

    server::ServerOptions serverOptions;
    serverOptions.maxBodyBytes = options->maxBody;
    server::ServerApplication server(*store, clock, serverOptions);
    const bool tls = !options->tlsCert.isEmpty();
    if (tls) {
        if (const QString problem = setUpTls(server, *options); !problem.isEmpty()) {
            err << "nocturne-server: " << problem << '\n';
            return ExitBadUsage;
        }
    }

    // SIGTERM/SIGINT through a self-pipe: the handler only writes a byte, the loop does the rest.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        err << "nocturne-server: " << tr("cannot set up signal handling") << '\n';
        return ExitUnavailable;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &application, [&] {
        notifier.setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[0], &byte, 1);
        server.shutdown(DrainTimeoutMs);
        QCoreApplication::quit();
    });

    const quint16 port = server.listenOn(options->address, options->port);
    if (port == 0) {
        err << "nocturne-server: " << tr("cannot listen on %1:%2").arg(options->host).arg(options->port) << '\n';
        return ExitUnavailable;
    }
    const QString host = options->address.protocol() == QAbstractSocket::IPv6Protocol && !options->host.startsWith(QLatin1Char('['))
        ? QLatin1Char('[') + options->host + QLatin1Char(']')
        : options->host;
    std::printf("nocturne-server listening on %s://%s:%u\n", tls ? "https" : "http", qPrintable(host), unsigned(port));
    std::fflush(stdout);

    const int code = QCoreApplication::exec();
    store.reset();
    err << "nocturne-server stopped" << '\n';
    err.flush();
    return code;
}
