#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace nocturne::tests {

// A throwaway PostgreSQL 15 cluster for one test process: initdb and pg_ctl from
// /usr/lib/postgresql/15/bin, run as the postgres user (runuser) when the tests run as
// root, listening on 127.0.0.1 on a free port with a socket directory of its own. Stopped
// (pg_ctl stop -m fast) and removed on destruction.
class PostgresCluster final
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // Starts the cluster; false with a reason (missing binaries, initdb failed, …).
    bool start(QString *error);
    bool isRunning() const { return m_port != 0; }
    int port() const { return m_port; }
    // Creates an empty database and returns its postgresql:// URL.
    QString createDatabase(const QString &name, QString *error);

    // The one cluster of this test process, started on first use; nullptr with the
    // reason in `error` when it cannot run.
    static PostgresCluster *shared(QString *error);

private:
    bool run(const QStringList &command, QString *output);

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
};

} // namespace nocturne::tests
