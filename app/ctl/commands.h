#pragma once

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

} // namespace nocturne::ctl
