#pragma once

#include <core/sync/syncstatus.h>

#include <QString>
#include <QStringList>

namespace nocturne::ctl {

class CtlContext;

// Each command takes its own arguments (after the command word) and returns an exit code.
using CommandFunction = int (*)(CtlContext &context, const QStringList &arguments);

struct CommandInfo
{
    const char *name;
    const char *summary;
    CommandFunction run;
};

// The command table, in the order `--help` lists it.
const QList<CommandInfo> &allCommands();

int runInit(CtlContext &context, const QStringList &arguments);
int runDemo(CtlContext &context, const QStringList &arguments);
int runCreate(CtlContext &context, const QStringList &arguments);
int runList(CtlContext &context, const QStringList &arguments);
int runShow(CtlContext &context, const QStringList &arguments);
int runAcknowledge(CtlContext &context, const QStringList &arguments);
int runAssign(CtlContext &context, const QStringList &arguments);
int runHold(CtlContext &context, const QStringList &arguments);
int runResume(CtlContext &context, const QStringList &arguments);
int runResolve(CtlContext &context, const QStringList &arguments);
int runClose(CtlContext &context, const QStringList &arguments);
int runReopen(CtlContext &context, const QStringList &arguments);
int runCancel(CtlContext &context, const QStringList &arguments);
int runComment(CtlContext &context, const QStringList &arguments);
int runExport(CtlContext &context, const QStringList &arguments);
int runAudit(CtlContext &context, const QStringList &arguments);
int runSla(CtlContext &context, const QStringList &arguments);
int runOncall(CtlContext &context, const QStringList &arguments);
int runReport(CtlContext &context, const QStringList &arguments);
int runKpi(CtlContext &context, const QStringList &arguments);
int runImport(CtlContext &context, const QStringList &arguments);
int runSync(CtlContext &context, const QStringList &arguments);
// The server's accounts (accountcommands.cpp): `user add|list`, `token create|list|revoke`.
int runUser(CtlContext &context, const QStringList &arguments);
int runToken(CtlContext &context, const QStringList &arguments);

// The global sync options (synccommands.cpp): the server URL, the token (from the file
// when given, else NOCTURNE_TOKEN) and an extra CA certificate. False with a reason when
// the URL or the token file is unusable; an empty URL means no sync.
bool syncSettingsFrom(const QString &server, const QString &tokenFile, const QString &caCertificate,
                      const QString &actor, core::SyncSettings *settings, QString *error);
// After a command that wrote to a replica: one sync cycle. Nothing the command did is
// undone when the server cannot be reached; returns the command's own exit code.
int syncAfterWrite(CtlContext &context, const QString &command, int exitCode);

} // namespace nocturne::ctl
