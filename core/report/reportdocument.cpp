#include "reportdocument.h"

#include <algorithm>
#include <cmath>
#include <vector>

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

QList<int> columnPercents(const ReportTable &t)
{
    // In average characters of the body font: what an A4 line holds, a cell's padding and
    // border, and how much wider than average the widest words (numbers, codes) are.
    constexpr double Line = 90;
    constexpr double Padding = 2;
    constexpr double WideGlyphs = 1.15;
    constexpr int Cap = 40; // a column's text beyond this wraps anyway
    const size_t columns = size_t(t.header.size());
    std::vector<int> longestWord(columns, 1), longestLine(columns, 1);
    const auto measure = [&](size_t c, const QString &text) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            longestLine[c] = std::max(longestLine[c], std::min(int(line.size()), Cap));
            for (const QString &word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                longestWord[c] = std::max(longestWord[c], std::min(int(word.size()), Cap));
        }
    };
    std::vector<double> minimum(columns), natural(columns);
    double minimumTotal = 0, extraTotal = 0;
    for (size_t c = 0; c < columns; ++c) {
        measure(c, t.header.at(qsizetype(c)));
        for (const QStringList &r : t.rows)
            measure(c, r.value(qsizetype(c)));
        minimum[c] = longestWord[c] * WideGlyphs + Padding;
        natural[c] = std::max(minimum[c], longestLine[c] + Padding);
        minimumTotal += minimum[c];
        extraTotal += natural[c] - minimum[c];
    }
    const double spare = std::max(0.0, Line - minimumTotal);
    std::vector<double> share(columns);
    double total = 0;
    for (size_t c = 0; c < columns; ++c) {
        share[c] = minimum[c] + (extraTotal > 0 ? spare * (natural[c] - minimum[c]) / extraTotal : 0.0);
        total += share[c];
    }
    // Rounded to whole percents that add up to exactly 100 (a table wider than the page
    // loses its right border): the widest column absorbs the rounding.
    QList<int> out;
    int sum = 0;
    qsizetype widest = 0;
    for (size_t c = 0; c < columns; ++c) {
        out << std::max(1, int(std::lround(100.0 * share[c] / total)));
        sum += out.last();
        if (out.last() > out.at(widest))
            widest = out.size() - 1;
    }
    if (!out.isEmpty())
        out[widest] += 100 - sum;
    return out;
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
    // Column widths from the content, because QTextDocument, unlike a browser, breaks a
    // word between letters before it widens a column ("INC00 00032", "resolutio n"): each
    // column first gets its longest word, the rest of the width goes where text is longer.
    // Widths are percentages of a nominal A4 line, so the preview and the page share the
    // layout.
    const QList<int> percent = columnPercents(t);
    const auto width = [&percent](int column) { return QStringLiteral(" width=\"%1%\"").arg(percent.value(column)); };
    // QTextDocument ignores most table CSS but honours these attributes.
    QString out = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<thead><tr>");
    for (int c = 0; c < t.header.size(); ++c)
        out += QStringLiteral("<th%1%2>%3</th>").arg(align(c), width(c), htmlText(t.header.at(c)));
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const QStringList &r : t.rows) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < t.header.size(); ++c)
            out += QStringLiteral("<td%1%2>%3</td>").arg(align(c), width(c), htmlText(r.value(c)));
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
