#include "incidentcsv.h"

#include "incidentjson.h"

namespace nocturne::core {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray incidentCsvHeader()
{
    return QByteArrayLiteral("number,title,state,priority,impact,urgency,domain,category,subcategory,service,ci,site,"
                             "assignment_group,assignee,reporter,channel,hold_reason,started_at,detected_at,opened_at,"
                             "acknowledged_at,resolved_at,closed_at,resolution_code,resolution_notes,"
                             "reassignment_count,reopen_count,escalation_count,tags,id\r\n");
}

QByteArray incidentCsvRow(const Incident &i)
{
    const QStringList fields {
        i.number, i.title, toName(i.state), QString::number(i.priority), QString::number(i.impact),
        QString::number(i.urgency), toName(i.domain), i.category, i.subcategory, i.service, i.configurationItem,
        i.site, i.assignmentGroup, i.assignee, i.reporter, toName(i.channel), toName(i.holdReason),
        isoUtc(i.startedAt), isoUtc(i.detectedAt), isoUtc(i.openedAt), isoUtc(i.acknowledgedAt),
        isoUtc(i.resolvedAt), isoUtc(i.closedAt), i.resolutionCode, i.resolutionNotes,
        QString::number(i.reassignmentCount), QString::number(i.reopenCount), QString::number(i.escalationCount),
        i.tags.join(QLatin1Char(';')), i.id,
    };
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << csvField(f);
    return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace nocturne::core
