#include "postgrescluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>

#include <cstdlib>
#include <mutex>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace nocturne::tests {

namespace {

const QString BinDir = QStringLiteral("/usr/lib/postgresql/15/bin");
constexpr int CommandTimeoutMs = 120000;

QString bin(const char *name)
{
    return BinDir + QLatin1Char('/') + QLatin1StringView(name);
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// PostgreSQL refuses to run as root: the server side runs as `postgres`, which must own
// the data directory and be able to reach it.
bool handToPostgres(const QString &path, QString *error)
{
    if (!runningAsRoot())
        return true;
    const passwd *user = ::getpwnam("postgres");
    if (!user) {
        *error = QStringLiteral("running as root, but there is no postgres user to run PostgreSQL");
        return false;
    }
    if (::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0) {
        *error = QStringLiteral("cannot hand %1 to the postgres user").arg(path);
        return false;
    }
    return true;
}

// The command as the user who may run the server: itself, or postgres when we are root.
QStringList asServerUser(const QStringList &command)
{
    if (!runningAsRoot())
        return command;
    return QStringList { QStringLiteral("/usr/sbin/runuser"), QStringLiteral("-u"),
        QStringLiteral("postgres"), QStringLiteral("--") }
    + command;
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

QString tail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    return QString::fromUtf8(all.right(2000));
}

// initdb costs a second or two, and every gtest case runs in its own process under
// ctest: one initialised cluster per machine is kept as a template and copied.
QString templateDir()
{
    return QDir::tempPath() + QStringLiteral("/nocturne-pg15-template-%1").arg(::geteuid());
}

} // namespace

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    if (m_port != 0) {
        QString ignored;
        run({ bin("pg_ctl"), QStringLiteral("stop"), QStringLiteral("-D"),
                m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                QStringLiteral("fast"), QStringLiteral("-w") },
            &ignored);
        m_port = 0;
    }
}

bool PostgresCluster::run(const QStringList &command, QString *output)
{
    const QStringList full = asServerUser(command);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_dir)
        process.setWorkingDirectory(m_dir->path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.remove(QStringLiteral("PGDATA"));
    environment.remove(QStringLiteral("PGPORT"));
    process.setProcessEnvironment(environment);
    process.start(full.first(), full.mid(1));
    if (!process.waitForStarted(CommandTimeoutMs)) {
        *output = QStringLiteral("%1 did not start: %2").arg(full.first(), process.errorString());
        return false;
    }
    if (!process.waitForFinished(CommandTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *output = QStringLiteral("%1 did not finish").arg(command.first());
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PostgresCluster::start(QString *error)
{
    if (m_port != 0)
        return true;
    if (!QFileInfo::exists(bin("pg_ctl")) || !QFileInfo::exists(bin("initdb"))) {
        *error
            = QStringLiteral("PostgreSQL 15 is not installed (no initdb/pg_ctl in %1)").arg(BinDir);
        return false;
    }
    m_dir
        = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/nocturne-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory for the cluster");
        return false;
    }
    QFile::setPermissions(m_dir->path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther);
    const QString data = m_dir->filePath(QStringLiteral("data"));
    const QString socket = m_dir->filePath(QStringLiteral("sock"));
    const QString log = m_dir->filePath(QStringLiteral("server.log"));
    QDir(m_dir->path()).mkdir(QStringLiteral("sock"));
    if (!handToPostgres(m_dir->path(), error) || !handToPostgres(socket, error))
        return false;

    QString output;
    const QString cached = templateDir();
    if (!QFileInfo::exists(cached + QStringLiteral("/PG_VERSION"))) {
        // Initialise into a private directory and rename: concurrent test processes
        // either see no template or a complete one.
        const QString fresh = m_dir->filePath(QStringLiteral("template"));
        if (!run({ bin("initdb"), QStringLiteral("-A"), QStringLiteral("trust"),
                     QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--no-sync"),
                     QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                     QStringLiteral("-D"), fresh },
                &output)) {
            *error = QStringLiteral("initdb failed: %1").arg(output.trimmed());
            return false;
        }
        if (!QDir().rename(fresh, cached)
            && !QFileInfo::exists(cached + QStringLiteral("/PG_VERSION"))) {
            *error = QStringLiteral("cannot keep the initialised cluster in %1").arg(cached);
            return false;
        }
        QDir(fresh).removeRecursively(); // when another process was faster
    }
    if (!run({ QStringLiteral("/bin/cp"), QStringLiteral("-a"), cached, data }, &output)) {
        *error = QStringLiteral("cannot copy the cluster template: %1").arg(output.trimmed());
        return false;
    }

    // Another process may take the port between the probe and the server's bind: retry.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int port = freePort();
        if (port == 0) {
            *error = QStringLiteral("no free port on 127.0.0.1");
            return false;
        }
        const QString options
            = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=on")
                  .arg(port)
                  .arg(socket);
        if (run({ bin("pg_ctl"), QStringLiteral("start"), QStringLiteral("-w"),
                    QStringLiteral("-t"), QStringLiteral("120"), QStringLiteral("-D"), data,
                    QStringLiteral("-l"), log, QStringLiteral("-o"), options },
                &output)) {
            m_port = port;
            break;
        }
        *error = QStringLiteral("pg_ctl start failed: %1\n%2").arg(output.trimmed(), tail(log));
        // A half-started server would hold the data directory.
        QString ignored;
        run({ bin("pg_ctl"), QStringLiteral("stop"), QStringLiteral("-D"), data,
                QStringLiteral("-m"), QStringLiteral("immediate") },
            &ignored);
    }
    if (m_port == 0)
        return false;

    // If this process dies without its destructors (a crash, ctest's timeout), a watchdog
    // stops the server and removes its files, so no stray postgres outlives the tests.
    const QString watchdog
        = QStringLiteral("exec </dev/null >/dev/null 2>&1; while kill -0 %1 2>/dev/null; do sleep "
                         "1; done; %2 %3 stop -D '%4' -m immediate "
                         ">/dev/null 2>&1; rm -rf '%5'")
              .arg(::getpid())
              .arg(runningAsRoot() ? QStringLiteral("/usr/sbin/runuser -u postgres --") : QString(),
                  bin("pg_ctl"), data, m_dir->path());
    QProcess::startDetached(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), watchdog });
    return true;
}

QString PostgresCluster::createDatabase(const QString &name, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!valid.match(name).hasMatch()) {
        *error = QStringLiteral("not a plain database name: %1").arg(name);
        return {};
    }
    QString output;
    if (!run({ bin("psql"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"),
                 QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-v"),
                 QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"),
                 QStringLiteral("CREATE DATABASE %1").arg(name) },
            &output)) {
        *error = QStringLiteral("CREATE DATABASE %1 failed: %2").arg(name, output.trimmed());
        return {};
    }
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

PostgresCluster *PostgresCluster::shared(QString *error)
{
    static std::mutex mutex;
    static PostgresCluster *cluster = nullptr;
    static QString failure;
    std::lock_guard lock(mutex);
    if (cluster)
        return cluster;
    if (!failure.isEmpty()) {
        *error = failure;
        return nullptr;
    }
    auto *fresh = new PostgresCluster;
    if (!fresh->start(&failure)) {
        delete fresh;
        *error = failure;
        return nullptr;
    }
    cluster = fresh;
    // Stopped when the test process leaves normally; the watchdog covers the rest.
    std::atexit([] {
        delete cluster;
        cluster = nullptr;
    });
    return cluster;
}

} // namespace nocturne::tests
