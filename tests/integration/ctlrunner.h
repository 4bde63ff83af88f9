#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the real nocturnectl executable and captures what a user would see.
struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CtlRun runCtl(const QString &database, const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// Writes an input file for a command (a policy, notes, targets); returns its path.
QString writeFile(const QString &path, const QByteArray &content);

// SHA-256 of a file's bytes, to prove a command left it untouched.
QByteArray fileDigest(const QString &path);
