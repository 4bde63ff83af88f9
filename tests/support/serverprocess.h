#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace nocturne::tests {

// A real nocturne-server process on a free loopback port (--listen 127.0.0.1:0; the port
// is read from the line it prints once it listens).
class ServerProcess final
{
public:
    ServerProcess() = default;
    ~ServerProcess(); // SIGTERM, then SIGKILL after 5 s
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // `db` is a file path or a postgresql:// URL; extra arguments are appended. Unless they
    // hold a --listen of their own, the server listens on 127.0.0.1:0; the marker
    // "--no-listen-default" leaves --listen out altogether (to check the default).
    bool start(const QString &db, const QStringList &extraArguments, QString *error);
    void terminate(); // SIGTERM and wait for the exit
    void kill(); // SIGKILL, as a crash would
    bool isRunning() const;
    int exitCode() const;
    QByteArray output() const; // everything it printed so far (stdout + stderr)

    int port() const { return m_port; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QUrl url(const QString &path = {}) const; // http(s)://127.0.0.1:<port><path>
    QString scheme() const { return m_scheme; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_db;
    QStringList m_arguments;
    int m_port = 0;
    QString m_scheme = QStringLiteral("http");
    QByteArray m_seen;
};

// A blocking HTTP client for tests (its own event loop): never used by product code.
struct HttpReply
{
    int status = 0; // 0: no HTTP answer (connection refused, reset)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QByteArray header(const QByteArray &name) const;
};

HttpReply httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &token = {},
                      const QByteArray &body = {}, const QByteArray &contentType = "application/json",
                      int timeoutMs = 15000);
// The same over TLS with a configuration that trusts the test's own certificate.
HttpReply httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &token, const QByteArray &body,
                      const QByteArray &contentType, int timeoutMs, const QSslConfiguration &ssl);

// The nocturnectl and nocturne-server binaries next to the test executable.
QString binaryPath(const QString &name);

} // namespace nocturne::tests
