// `report kpi` and `report handover`: the supervisor's reports as files (docs/reports.md).
// Files are written through QSaveFile (a temporary file in the target folder, renamed
// when complete), so a failure never leaves half a report behind.
#include "reportcommands.h"

#include "commands.h"
#include "ctlcontext.h"
#include "kpiarguments.h"
#include "slasupport.h"

#include <core/engine/kpicalculator.h>
#include <core/engine/kpijson.h>
#include <core/report/handoverreport.h>
#include <core/report/kpicsv.h>
#include <core/report/kpireportdocument.h>
#include <core/storage/kpirepository.h>
#include <report/pdfwriter.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSaveFile>

namespace nocturne::ctl {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("nocturnectl", text); }
constexpr qint64 DefaultShiftMs = 8LL * 3600 * 1000;

// The output file, opened before any work so an unwritable path fails fast; nothing
// appears under its name until commit().
class Output final
{
public:
    explicit Output(const QString &path)
        : m_file(path)
    {
    }
    bool open(CtlContext &ctx)
    {
        if (m_file.open(QIODevice::WriteOnly))
            return true;
        ctx.err() << tr("error: cannot write %1: %2").arg(QFileInfo(m_file.fileName()).absoluteFilePath(), m_file.errorString())
                  << Qt::endl;
        return false;
    }
    QSaveFile *device() { return &m_file; }
    int commit(CtlContext &ctx, const QByteArray &bytes)
    {
        if (m_file.write(bytes) != bytes.size() || !m_file.commit()) {
            ctx.err() << tr("error: cannot write %1: %2").arg(QFileInfo(m_file.fileName()).absoluteFilePath(), m_file.errorString())
                      << Qt::endl;
            return Usage;
        }
        ctx.out() << tr("Wrote %1").arg(QFileInfo(m_file.fileName()).absoluteFilePath()) << Qt::endl;
        return Ok;
    }
    int commitPdf(CtlContext &ctx, const core::ReportDocument &document)
    {
        QString error;
        if (!report::writePdf(document, &m_file, &error)) {
            ctx.err() << tr("error: %1").arg(error) << Qt::endl;
            return Usage;
        }
        return commit(ctx, {});
    }

private:
    QSaveFile m_file;
};

// --format and --out, checked before the database is opened.
bool readOutput(CtlContext &ctx, const QCommandLineParser &parser, const QCommandLineOption &format,
                const QCommandLineOption &out, const QStringList &formats, QString *chosen)
{
    if (!parser.isSet(format)) {
        ctx.usage(tr("--format is required (%1)").arg(formats.join(QLatin1Char('|'))));
        return false;
    }
    *chosen = parser.value(format).toLower();
    if (!formats.contains(*chosen)) {
        ctx.usage(tr("--format: unknown format \"%1\" (use %2)").arg(parser.value(format), formats.join(QLatin1Char('|'))));
        return false;
    }
    if (!parser.isSet(out) || parser.value(out).isEmpty()) {
        ctx.usage(tr("--out FILE is required"));
        return false;
    }
    if (*chosen == QLatin1StringView("pdf") && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        ctx.usage(tr("PDF output needs the graphics system, which could not be started"));
        return false;
    }
    return true;
}

int runReportKpi(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), tr("pdf, md, csv or json."), tr("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), tr("The file to write (replaced only when complete)."), tr("FILE"));
    parser.addOptions({ format, out });
    const KpiArguments kpiArguments;
    kpiArguments.addTo(parser);
    if (const int code = ctx.parse(parser, QStringLiteral("report kpi"), arguments,
                                   tr("Write the KPI report of a period: definitions, key figures against targets, "
                                      "weekly series, SLA compliance, availability and Pareto (docs/reports.md).")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("report kpi takes no arguments besides its options"));
    QString chosen;
    if (!readOutput(ctx, parser, format, out, { QStringLiteral("pdf"), QStringLiteral("md"), QStringLiteral("csv"), QStringLiteral("json") }, &chosen))
        return Usage;
    const qint64 now = ctx.clock().nowMs();
    core::KpiQuery query;
    if (!kpiArguments.read(ctx, parser, now, &query))
        return Usage;
    Output output(parser.value(out));
    if (!output.open(ctx))
        return Usage;
    if (!ctx.openDatabase())
        return Usage;

    core::KpiRepository repository(ctx.database().connection());
    // Outcomes first, as the console's KPI worker does: the compliance figures read them.
    if (!repository.refreshOutcomes(now))
        return ctx.fail(repository.lastError());
    const auto facts = repository.loadFacts();
    const auto targets = facts ? repository.loadTargets() : std::nullopt;
    if (!facts || !targets)
        return ctx.fail(repository.lastError());
    const core::KpiReport report = core::computeKpis(*facts, query, *targets, now);

    if (chosen == QLatin1StringView("md"))
        return output.commit(ctx, core::kpiReportDocument(report).toMarkdown().toUtf8());
    if (chosen == QLatin1StringView("csv"))
        return output.commit(ctx, core::kpiReportToCsv(report));
    if (chosen == QLatin1StringView("json"))
        return output.commit(ctx, QJsonDocument(core::kpiReportToJson(report)).toJson(QJsonDocument::Indented));
    return output.commitPdf(ctx, core::kpiReportDocument(report));
}

int runReportHandover(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), tr("pdf or md."), tr("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), tr("The file to write (replaced only when complete)."), tr("FILE"));
    const QCommandLineOption start(QStringLiteral("shift-start"), tr("Start of the shift (ISO 8601, in --tz unless an offset is given). Default: 8 hours before the end."), tr("DATETIME"));
    const QCommandLineOption end(QStringLiteral("shift-end"), tr("End of the shift (excluded). Default: now."), tr("DATETIME"));
    const QCommandLineOption notesFile(QStringLiteral("notes"), tr("The supervisor's notes from a file (UTF-8, Markdown allowed)."), tr("FILE"));
    const QCommandLineOption note(QStringLiteral("note"), tr("The supervisor's notes as text."), tr("TEXT"));
    const QCommandLineOption site(QStringLiteral("site"), tr("Only incidents of this site."), tr("SITE"));
    const QCommandLineOption group(QStringLiteral("group"), tr("Only incidents of this assignment group."), tr("GROUP"));
    const QCommandLineOption zone(QStringLiteral("tz"), tr("Time zone of the times shown (IANA id). Default: the system's."), tr("ZONE"));
    parser.addOptions({ format, out, start, end, notesFile, note, site, group, zone });
    if (const int code = ctx.parse(parser, QStringLiteral("report handover"), arguments,
                                   tr("Write the shift-handover report: open incidents, those at risk, what changed "
                                      "during the shift, escalations and the supervisor's notes.")); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(tr("report handover takes no arguments besides its options"));
    QString chosen;
    if (!readOutput(ctx, parser, format, out, { QStringLiteral("pdf"), QStringLiteral("md") }, &chosen))
        return Usage;
    if (parser.isSet(notesFile) && parser.isSet(note))
        return ctx.usage(tr("give the notes either with --notes FILE or with --note TEXT, not both"));

    core::HandoverQuery query;
    query.site = parser.value(site);
    query.group = parser.value(group);
    if (!readTimeZone(ctx, parser.value(zone), &query.timeZone))
        return Usage;
    const qint64 now = ctx.clock().nowMs();
    query.toUtcMs = now;
    if (parser.isSet(end) && !parseDateIn(ctx, QStringLiteral("--shift-end"), parser.value(end), query.timeZone, false, &query.toUtcMs))
        return Usage;
    query.fromUtcMs = query.toUtcMs - DefaultShiftMs;
    if (parser.isSet(start)
        && !parseDateIn(ctx, QStringLiteral("--shift-start"), parser.value(start), query.timeZone, false, &query.fromUtcMs))
        return Usage;
    if (query.fromUtcMs >= query.toUtcMs)
        return ctx.usage(tr("--shift-start must be before --shift-end"));
    QString notes = parser.value(note);
    if (parser.isSet(notesFile)) {
        QByteArray bytes;
        if (!sla::readFile(ctx, parser.value(notesFile), &bytes))
            return Usage;
        notes = QString::fromUtf8(bytes);
    }
    Output output(parser.value(out));
    if (!output.open(ctx))
        return Usage;
    if (!ctx.openDatabase(CtlContext::Access::ReadOnly))
        return Usage;
    core::DatabaseError error;
    const auto data = core::loadHandover(ctx.database().connection(), ctx.databasePath(), query, now, &error);
    if (!data)
        return ctx.fail(error);
    const core::ReportDocument document = core::handoverDocument(*data, notes);
    if (chosen == QLatin1StringView("md"))
        return output.commit(ctx, document.toMarkdown().toUtf8());
    return output.commitPdf(ctx, document);
}

void printReportHelp(QTextStream &out)
{
    out << tr("Usage: nocturnectl [--db PATH] report kpi|handover --format FORMAT --out FILE [options]") << "\n\n"
        << tr("Reports as files.") << "\n\n"
        << tr("Subcommands:") << '\n'
        << QStringLiteral("  %1 %2").arg(QStringLiteral("kpi"), -10).arg(tr("KPI report as pdf, md, csv or json")) << '\n'
        << QStringLiteral("  %1 %2").arg(QStringLiteral("handover"), -10).arg(tr("Shift-handover report as pdf or md")) << "\n\n"
        << tr("\"nocturnectl report SUBCOMMAND --help\" shows a subcommand's options.") << '\n';
    out.flush();
}

} // namespace

bool reportWritesPdf(const QStringList &arguments)
{
    const qsizetype command = arguments.indexOf(QStringLiteral("report"));
    if (command < 0)
        return false;
    for (qsizetype i = command + 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if ((a == QLatin1StringView("--format") || a == QLatin1StringView("-format")) && i + 1 < arguments.size())
            return arguments.at(i + 1).compare(QLatin1StringView("pdf"), Qt::CaseInsensitive) == 0;
        if (a.startsWith(QLatin1StringView("--format=")) || a.startsWith(QLatin1StringView("-format=")))
            return a.section(QLatin1Char('='), 1).compare(QLatin1StringView("pdf"), Qt::CaseInsensitive) == 0;
    }
    return false;
}

int runReport(CtlContext &ctx, const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        printReportHelp(ctx.err());
        return Usage;
    }
    const QString &sub = arguments.first();
    if (sub == QLatin1StringView("-h") || sub == QLatin1StringView("--help")) {
        printReportHelp(ctx.out());
        return Ok;
    }
    if (sub == QLatin1StringView("kpi"))
        return runReportKpi(ctx, arguments.mid(1));
    if (sub == QLatin1StringView("handover"))
        return runReportHandover(ctx, arguments.mid(1));
    ctx.err() << tr("error: unknown report \"%1\" (use kpi or handover)").arg(sub) << Qt::endl;
    printReportHelp(ctx.err());
    return Usage;
}

} // namespace nocturne::ctl
