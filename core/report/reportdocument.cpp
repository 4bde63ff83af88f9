#include "reportdocument.h"

namespace nocturne::core {

ReportSection &ReportSection::paragraph(const QString &text)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Paragraph;
    b.text = text;
    blocks << b;
    return *this;
}

ReportSection &ReportSection::link(const QString &text, const QString &target)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Link;
    b.text = text;
    b.target = target;
    blocks << b;
    return *this;
}

ReportSection &ReportSection::keyValues(const QList<QPair<QString, QString>> &pairs)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::KeyValues;
    b.pairs = pairs;
    blocks << b;
    return *this;
}

ReportSection &ReportSection::table(const ReportTable &table)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Table;
    b.table = table;
    blocks << b;
    return *this;
}

ReportSection &ReportSection::verbatim(const QString &text)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Verbatim;
    b.text = text;
    blocks << b;
    return *this;
}

ReportSection &ReportDocument::addSection(const QString &sectionTitle)
{
    sections.append(ReportSection { sectionTitle, {} });
    return sections.last();
}

namespace {

QString escapeInline(const QString &text, bool blockStarts)
{
    QString out;
    out.reserve(text.size() + 8);
    bool lineStart = true;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
            out += QLatin1Char('\\');
            out += c;
            break;
        case '#': case '+': case '-':
            // Only at the start of a line do these make a heading or a list item.
            if (lineStart && blockStarts)
                out += QLatin1Char('\\');
            out += c;
            break;
        default: out += c;
        }
        lineStart = c == QLatin1Char('\n');
    }
    return out;
}

} // namespace

QString escapeMarkdown(const QString &text) { return escapeInline(text, true); }

QString escapeMarkdownCell(const QString &text)
{
    // Inside a table row nothing starts a block, so "-12 %" needs no escape.
    QString cell = escapeInline(text.trimmed(), false);
    cell.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    cell.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return cell;
}

namespace {

QString markdownTable(const ReportTable &t)
{
    if (t.rows.isEmpty() && !t.emptyText.isEmpty())
        return escapeMarkdown(t.emptyText) + QLatin1Char('\n');
    QString out;
    auto row = [&out](const QStringList &cells, int columns) {
        out += QLatin1Char('|');
        for (int c = 0; c < columns; ++c)
            out += QLatin1Char(' ') + escapeMarkdownCell(cells.value(c)) + QStringLiteral(" |");
        out += QLatin1Char('\n');
    };
    const int columns = int(t.header.size());
    row(t.header, columns);
    out += QLatin1Char('|');
    for (int c = 0; c < columns; ++c) {
        switch (t.alignmentOf(c)) {
        case ReportTable::Align::Left: out += QStringLiteral(" --- |"); break;
        case ReportTable::Align::Right: out += QStringLiteral(" ---: |"); break;
        case ReportTable::Align::Center: out += QStringLiteral(" :---: |"); break;
        }
    }
    out += QLatin1Char('\n');
    for (const QStringList &r : t.rows)
        row(r, columns);
    return out;
}

QString htmlText(const QString &text)
{
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return escaped;
}

QString htmlTable(const ReportTable &t)
{
    if (t.rows.isEmpty() && !t.emptyText.isEmpty())
        return QStringLiteral("<p class=\"empty\">%1</p>\n").arg(htmlText(t.emptyText));
    auto align = [&t](int c) {
        switch (t.alignmentOf(c)) {
        case ReportTable::Align::Right: return QStringLiteral(" align=\"right\"");
        case ReportTable::Align::Center: return QStringLiteral(" align=\"center\"");
        case ReportTable::Align::Left: break;
        }
        return QString();
    };
    // Short cells (numbers, priorities, states, ages) are kept on one line: a narrow page
    // or preview would otherwise break "INC0000032" or "Critical" between letters. Long
    // text still wraps at spaces.
    const auto noWrap = [](const QString &text) {
        return text.size() <= 14 ? QStringLiteral(" style=\"white-space: nowrap\"") : QString();
    };
    // QTextDocument ignores most table CSS but honours these attributes.
    QString out = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<thead><tr>");
    for (int c = 0; c < t.header.size(); ++c)
        out += QStringLiteral("<th%1%2%3>%4</th>")
                   .arg(align(c), c == t.wideColumn ? QStringLiteral(" width=\"30%\"") : QString(), noWrap(t.header.at(c)),
                        htmlText(t.header.at(c)));
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const QStringList &r : t.rows) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < t.header.size(); ++c)
            out += QStringLiteral("<td%1%2>%3</td>").arg(align(c), noWrap(r.value(c)), htmlText(r.value(c)));
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n");
    return out;
}

} // namespace

QString ReportDocument::toMarkdown() const
{
    QString out = QStringLiteral("# ") + escapeMarkdown(title) + QStringLiteral("\n\n");
    if (!subtitle.isEmpty())
        out += escapeMarkdown(subtitle) + QStringLiteral("\n\n");
    for (const QString &line : meta)
        out += escapeMarkdown(line) + QStringLiteral("  \n");
    if (!meta.isEmpty())
        out += QLatin1Char('\n');
    for (const ReportSection &s : sections) {
        out += QStringLiteral("## ") + escapeMarkdown(s.title) + QStringLiteral("\n\n");
        for (const ReportBlock &b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Paragraph: out += escapeMarkdown(b.text) + QLatin1Char('\n'); break;
            case ReportBlock::Kind::Link:
                out += QStringLiteral("[%1](%2)\n").arg(escapeMarkdown(b.text), b.target);
                break;
            case ReportBlock::Kind::KeyValues:
                for (const auto &[key, value] : b.pairs)
                    out += QStringLiteral("- **%1:** %2\n").arg(escapeMarkdown(key), escapeMarkdown(value));
                break;
            case ReportBlock::Kind::Table: out += markdownTable(b.table); break;
            case ReportBlock::Kind::Verbatim:
                out += b.text;
                if (!b.text.endsWith(QLatin1Char('\n')))
                    out += QLatin1Char('\n');
                break;
            }
            out += QLatin1Char('\n');
        }
    }
    return out;
}

QString ReportDocument::toHtml() const
{
    QString out = QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n<style>\n"
        "body { font-family: sans-serif; font-size: 9pt; color: #1d2330; }\n"
        "h1 { font-size: 16pt; margin-bottom: 2px; }\n"
        "h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; color: #24406e; }\n"
        "p.subtitle { font-size: 10pt; color: #4a5366; }\n"
        "p.meta { color: #4a5366; margin: 0px; }\n"
        "p.empty { color: #6b7385; font-style: italic; }\n"
        "th { background-color: #e6ebf3; font-weight: bold; }\n"
        "table { border-color: #b8c0cc; border-style: solid; margin-bottom: 6px; }\n"
        "div.verbatim { white-space: pre-wrap; font-family: monospace; background-color: #f5f6f8; }\n"
        "</style></head><body>\n")
                      .arg(title.toHtmlEscaped());
    out += QStringLiteral("<h1>%1</h1>\n").arg(htmlText(title));
    if (!subtitle.isEmpty())
        out += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(htmlText(subtitle));
    for (const QString &line : meta)
        out += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(htmlText(line));
    for (const ReportSection &s : sections) {
        out += QStringLiteral("<h2>%1</h2>\n").arg(htmlText(s.title));
        for (const ReportBlock &b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Paragraph: out += QStringLiteral("<p>%1</p>\n").arg(htmlText(b.text)); break;
            case ReportBlock::Kind::Link:
                out += QStringLiteral("<p><a href=\"%1\">%2</a></p>\n").arg(b.target.toHtmlEscaped(), htmlText(b.text));
                break;
            case ReportBlock::Kind::KeyValues:
                out += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">\n");
                for (const auto &[key, value] : b.pairs)
                    out += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>\n").arg(htmlText(key), htmlText(value));
                out += QStringLiteral("</table>\n");
                break;
            case ReportBlock::Kind::Table: out += htmlTable(b.table); break;
            case ReportBlock::Kind::Verbatim:
                out += QStringLiteral("<div class=\"verbatim\">%1</div>\n").arg(b.text.toHtmlEscaped());
                break;
            }
        }
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

} // namespace nocturne::core
