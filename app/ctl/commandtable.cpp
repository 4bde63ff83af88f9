#include "commands.h"

#include <QtGlobal>

namespace nocturne::ctl {

const QList<CommandInfo> &allCommands()
{
    // QT_TRANSLATE_NOOP marks the summaries for translation; main.cpp translates them.
    static const QList<CommandInfo> commands = {
        { "init", QT_TRANSLATE_NOOP("nocturnectl", "Create a new database, or upgrade an existing one"), runInit },
        { "demo", QT_TRANSLATE_NOOP("nocturnectl", "Generate a realistic demo history"), runDemo },
        { "create", QT_TRANSLATE_NOOP("nocturnectl", "Open a new incident"), runCreate },
        { "list", QT_TRANSLATE_NOOP("nocturnectl", "List incidents with filters (--json)"), runList },
        { "show", QT_TRANSLATE_NOOP("nocturnectl", "Show an incident's fields and timeline (--json)"), runShow },
        { "ack", QT_TRANSLATE_NOOP("nocturnectl", "Acknowledge incidents"), runAcknowledge },
        { "assign", QT_TRANSLATE_NOOP("nocturnectl", "Assign incidents to a group or person"), runAssign },
        { "hold", QT_TRANSLATE_NOOP("nocturnectl", "Put incidents on hold (--reason)"), runHold },
        { "resume", QT_TRANSLATE_NOOP("nocturnectl", "Resume incidents that are on hold"), runResume },
        { "resolve", QT_TRANSLATE_NOOP("nocturnectl", "Resolve incidents (--code, --notes)"), runResolve },
        { "close", QT_TRANSLATE_NOOP("nocturnectl", "Close resolved incidents"), runClose },
        { "reopen", QT_TRANSLATE_NOOP("nocturnectl", "Reopen resolved incidents"), runReopen },
        { "cancel", QT_TRANSLATE_NOOP("nocturnectl", "Cancel open incidents"), runCancel },
        { "comment", QT_TRANSLATE_NOOP("nocturnectl", "Add a comment (--text)"), runComment },
        { "export", QT_TRANSLATE_NOOP("nocturnectl", "Export incidents as CSV or JSON"), runExport },
        { "import", QT_TRANSLATE_NOOP("nocturnectl", "Import history from a ServiceNow or Jira CSV export"), runImport },
        { "audit", QT_TRANSLATE_NOOP("nocturnectl", "\"audit verify\": check the tamper-evident trail"), runAudit },
        { "sla", QT_TRANSLATE_NOOP("nocturnectl", "SLA policies, calendars and clocks (\"sla --help\")"), runSla },
        { "oncall", QT_TRANSLATE_NOOP("nocturnectl", "\"oncall who\": who is on call"), runOncall },
        { "kpi", QT_TRANSLATE_NOOP("nocturnectl", "KPIs for a period and filters (--json; \"kpi targets\")"), runKpi },
        { "report", QT_TRANSLATE_NOOP("nocturnectl", "KPI and shift-handover reports as files (\"report --help\")"), runReport },
        { "sync", QT_TRANSLATE_NOOP("nocturnectl", "Sync with the server; \"sync status\", \"sync conflicts\" (--server)"), runSync },
        { "user", QT_TRANSLATE_NOOP("nocturnectl", "Server accounts: \"user add\", \"user list\" (--db PATH or postgresql:// URL)"), runUser },
        { "token", QT_TRANSLATE_NOOP("nocturnectl", "API tokens: \"token create\", \"token list\", \"token revoke\""), runToken },
    };
    return commands;
}

} // namespace nocturne::ctl
