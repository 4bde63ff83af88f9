#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

namespace nocturne::tests {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int StopTimeoutMs = 5000;

} // namespace

ServerProcess::~ServerProcess()
{
    if (isRunning())
        terminate();
}

bool ServerProcess::start(const QString &db, const QStringList &extraArguments, QString *error)
{
    m_db = db;
    m_arguments = { QStringLiteral("--db"), db, QStringLiteral("--create") };
    // A test may choose its own --listen (e.g. to check the default); otherwise a free port.
    if (!extraArguments.contains(QStringLiteral("--listen")) && !extraArguments.contains(QStringLiteral("--no-listen-default")))
        m_arguments << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
    for (const QString &a : extraArguments) {
        if (a != QStringLiteral("--no-listen-default"))
            m_arguments << a;
    }
    m_port = 0;
    m_seen.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(binaryPath(QStringLiteral("nocturne-server")), m_arguments);
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        if (error)
            *error = QStringLiteral("nocturne-server did not start: ") + m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral(R"(nocturne-server listening on (https?)://[^\s:]+:(\d+))"));
    QByteArray seen;
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() || m_process->waitForReadyRead(200)) {
            while (m_process->canReadLine()) {
                const QByteArray line = m_process->readLine();
                seen += line;
                if (const auto m = listening.match(QString::fromUtf8(line)); m.hasMatch()) {
                    m_scheme = m.captured(1);
                    m_port = m.captured(2).toInt();
                    m_seen = seen;
                    return true;
                }
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
    }
    seen += m_process->readAllStandardOutput();
    if (error)
        *error = QStringLiteral("nocturne-server did not report listening (exit %1): %2 %3")
                     .arg(m_process->state() == QProcess::NotRunning ? m_process->exitCode() : -1)
                     .arg(QString::fromUtf8(seen), QString::fromUtf8(m_process->readAllStandardError()));
    kill();
    return false;
}

void ServerProcess::terminate()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate(); // SIGTERM
    if (!m_process->waitForFinished(StopTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(StopTimeoutMs);
    }
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(StopTimeoutMs);
}

bool ServerProcess::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

int ServerProcess::exitCode() const
{
    if (!m_process || m_process->state() != QProcess::NotRunning)
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QByteArray ServerProcess::output() const
{
    if (!m_process)
        return {};
    // Reading drains the pipes, so keep what was read for later calls.
    auto *self = const_cast<ServerProcess *>(this);
    self->m_seen += m_process->readAllStandardOutput();
    self->m_seen += m_process->readAllStandardError();
    return m_seen;
}

QUrl ServerProcess::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(m_scheme).arg(m_port).arg(path));
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpReply httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &token, const QByteArray &body,
                      const QByteArray &contentType, int timeoutMs)
{
    return httpRequest(method, url, token, body, contentType, timeoutMs, {});
}

HttpReply httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &token, const QByteArray &body,
                      const QByteArray &contentType, int timeoutMs, const QSslConfiguration &ssl)
{
    // One manager per request: tests are not about connection reuse, and a fresh manager
    // never carries state (cookies, a broken connection) from one test into the next.
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!contentType.isEmpty() && !body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!ssl.isNull())
        request.setSslConfiguration(ssl);
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpReply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.networkError = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && out.networkError.isEmpty())
        out.networkError = reply->errorString();
    delete reply;
    return out;
}

QString binaryPath(const QString &name)
{
    // Tests run from the build tree's bin folder; fall back on the configured output dir.
    const QString here = QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
    if (QFileInfo::exists(here))
        return here;
    return QStringLiteral(NOCTURNE_BINARY_DIR) + QLatin1Char('/') + name;
}

} // namespace nocturne::tests
