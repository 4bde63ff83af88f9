#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace nocturne::core {

// A table of a report: a header, rows of already formatted cells, and each column's
// alignment (numbers right). Cells are plain text; the writers escape them.
struct ReportTable
{
    enum class Align { Left, Right, Center };
    QStringList header;
    QList<Align> alignment; // per column; a missing entry is Left
    QList<QStringList> rows;
    QString emptyText; // shown instead of the table when there are no rows

    Align alignmentOf(int column) const { return column < alignment.size() ? alignment.at(column) : Align::Left; }
};

// One block of a section, in reading order.
struct ReportBlock
{
    enum class Kind {
        Paragraph, // plain text, escaped
        Link, // `text` pointing at `target`
        KeyValues, // "Period: …" lines
        Table,
        Verbatim, // text kept exactly as typed (a supervisor's Markdown notes)
    };
    Kind kind = Kind::Paragraph;
    QString text;
    QString target;
    QList<QPair<QString, QString>> pairs;
    ReportTable table;
};

struct ReportSection
{
    QString title;
    QList<ReportBlock> blocks;

    ReportSection &paragraph(const QString &text);
    ReportSection &link(const QString &text, const QString &target);
    ReportSection &keyValues(const QList<QPair<QString, QString>> &pairs);
    ReportSection &table(const ReportTable &table);
    ReportSection &verbatim(const QString &text);
};

// A small structured document that every report is built as, GUI-free, so the same
// content comes out as Markdown (files, tickets, chat) and as HTML (the console's
// preview and, through QTextDocument in the report library, PDF). The writers own all
// escaping: builders put plain text in.
struct ReportDocument
{
    QString title;
    QString subtitle;
    QStringList meta; // short lines under the title: period, filters, generated at
    QList<ReportSection> sections;

    ReportSection &addSection(const QString &title);

    // GitHub-flavoured Markdown: pipes in cells escaped, line breaks in cells as <br>.
    QString toMarkdown() const;
    // A self-contained HTML page with a small stylesheet that QTextDocument understands.
    QString toHtml() const;
};

// Escapes the characters Markdown would read as formatting in running text.
QString escapeMarkdown(const QString &text);
// The same for a table cell: also pipes, and line breaks become <br>.
QString escapeMarkdownCell(const QString &text);

} // namespace nocturne::core
