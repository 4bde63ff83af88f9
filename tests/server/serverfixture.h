#pragma once

#include "support/serverprocess.h"

#include "core/domain/event.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace nocturne::tests {

// One database and one running nocturne-server per backend, shared by the tests of this
// process (starting PostgreSQL and a server per test would make the suite slow). Tests
// that need a server of their own (TLS, signals) start one.
struct ServerBackend
{
    QString name; // "sqlite" or "postgresql"
    QString database; // a path or a postgresql:// URL
    ServerProcess server;
    QMap<QString, QByteArray> tokens; // by role name: a user of that role ("<role>1")

    QByteArray token(const char *role) const { return tokens.value(QLatin1StringView(role)); }
    QString user(const char *role) const { return QLatin1StringView(role) + QStringLiteral("1"); }
    // The store's head revision, through /healthz.
    qint64 revision() const;
};

// The shared backend, started on first use; nullptr with a reason (then the test skips
// when the backend is PostgreSQL and the cluster cannot run here).
ServerBackend *sharedBackend(const QString &name, QString *error);
// Stops the shared servers (from main, while Qt is still up).
void stopSharedBackends();
// A fresh database of the backend kind for a test's own server.
QString freshDatabase(const QString &backend, const QString &tag, QTemporaryDir &dir, QString *error);

// Runs the real nocturnectl; returns the exit code, stdout in `output`.
int runCtl(const QStringList &arguments, QByteArray *output = nullptr, QByteArray *errors = nullptr);
// Adds a user with a role and returns a fresh token for it (empty on failure).
QByteArray addUserWithToken(const QString &database, const QString &user, const QString &role, QString *error);

// A well-formed `opened` event (content hash computed by eventToWire).
core::Event openedEvent(const QString &actor, const QString &title, qint64 atMs, int counter = 0);
core::Event commentEvent(const QString &incidentId, const QString &actor, const QString &text, qint64 atMs, int counter = 0);
QByteArray eventsBody(const QList<core::Event> &events);

} // namespace nocturne::tests
