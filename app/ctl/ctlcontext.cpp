#include "ctlcontext.h"

#include <core/storage/syncrepository.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimeZone>

#include <cstdio>

namespace nocturne::ctl {

CtlContext::CtlContext(QString databasePath, QString actor)
    : m_databasePath(std::move(databasePath))
    , m_actor(std::move(actor))
    , m_out(stdout)
    , m_err(stderr)
{
}

bool CtlContext::openDatabase(Access access)
{
    const bool create = access == Access::Create;
    core::DatabaseOptions options;
    options.mode = create ? core::DatabaseOptions::Mode::CreateIfMissing
                          : (access == Access::ReadOnly ? core::DatabaseOptions::Mode::ReadOnly
                                                        : core::DatabaseOptions::Mode::MustExist);
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("NOCTURNE_BUSY_TIMEOUT_MS", &ok);
    if (ok && timeout >= 0)
        options.busyTimeoutMs = timeout;
    // The default database lives in a data folder that may not exist on a first run.
    if (create && !QDir().mkpath(QFileInfo(m_databasePath).absolutePath())) {
        m_err << QCoreApplication::translate("nocturnectl", "error: cannot create the folder %1")
                     .arg(QFileInfo(m_databasePath).absolutePath())
              << Qt::endl;
        return false;
    }
    if (auto error = m_database.open(m_databasePath, options)) {
        fail(error);
        return false;
    }
    if (access == Access::ReadOnly)
        return true;
    m_store = std::make_unique<core::EventStore>(m_database, m_clock);
    if (auto error = m_store->initialise()) {
        fail(error);
        return false;
    }
    // Before the command writes: what it opens gets a provisional number.
    if (m_sync.isConfigured()) {
        if (auto error = core::SyncRepository::markReplica(*m_store)) {
            fail(error);
            return false;
        }
    }
    return true;
}

int CtlContext::parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                      const QString &synopsis)
{
    parser.setApplicationDescription(synopsis);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") },
                                  QCoreApplication::translate("nocturnectl", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList { QStringLiteral("nocturnectl ") + command } + arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        // Qt names the executable's full path and not the command word; say it as typed.
        QString text = parser.helpText();
        const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
        const QString positional = text.left(firstLineEnd).section(QStringLiteral("[options]"), 1);
        text.replace(0, firstLineEnd,
                     QStringLiteral("Usage: nocturnectl [--db PATH] ") + command + QStringLiteral(" [options]") + positional);
        m_out << text;
        m_out.flush();
        return Ok;
    }
    return -1;
}

bool CtlContext::parseTime(const QString &text, qint64 *ms)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        usage(QCoreApplication::translate("nocturnectl",
                                          "\"%1\" is not an ISO 8601 time (e.g. 2026-11-27T14:05 or "
                                          "2026-11-27T13:05:00Z)")
                  .arg(text));
        return false;
    }
    *ms = t.toMSecsSinceEpoch();
    return true;
}

int CtlContext::fail(const core::DatabaseError &error)
{
    m_err << QCoreApplication::translate("nocturnectl", "error: %1").arg(error.message) << Qt::endl;
    return Usage;
}

int CtlContext::usage(const QString &message)
{
    m_err << QCoreApplication::translate("nocturnectl", "error: %1").arg(message) << Qt::endl
          << QCoreApplication::translate("nocturnectl", "Run \"nocturnectl --help\" for the commands.") << Qt::endl;
    return Usage;
}

} // namespace nocturne::ctl
