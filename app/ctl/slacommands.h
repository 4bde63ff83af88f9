#pragma once

#include <QStringList>

// The subcommands of `nocturnectl sla`; runSla (commands.h) picks one by its words.
namespace nocturne::ctl {

class CtlContext;

int runSlaPolicyImport(CtlContext &context, const QStringList &arguments);
int runSlaPolicyExport(CtlContext &context, const QStringList &arguments);
int runSlaPolicyHistory(CtlContext &context, const QStringList &arguments);
int runSlaCalendarImportIcs(CtlContext &context, const QStringList &arguments);
int runSlaShow(CtlContext &context, const QStringList &arguments);
int runSlaSimulate(CtlContext &context, const QStringList &arguments);
int runSlaTick(CtlContext &context, const QStringList &arguments);

} // namespace nocturne::ctl
