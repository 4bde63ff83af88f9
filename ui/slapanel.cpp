#include "slapanel.h"

#include <core/domain/clock.h>
#include <core/domain/labels.h>
#include <models/queueformat.h>
#include <models/slacountdown.h>

#include <QDateTime>
#include <QLabel>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace nocturne::ui {

namespace {

// A long history keeps its latest stretches; the CLI's `sla show` has them all.
constexpr int MaxSegmentsShown = 6;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// "2024-01-15 10:30 – 11:05": the end without its date when it is the same day.
QString span(qint64 fromMs, qint64 toMs)
{
    const QString from = core::formatLocalTime(fromMs);
    if (toMs == 0)
        return SlaPanel::tr("%1 – now").arg(from);
    const QString to = core::formatLocalTime(toMs);
    return SlaPanel::tr("%1 – %2").arg(from, to.left(10) == from.left(10) ? to.mid(11) : to);
}

QString clockTitle(const core::SlaClockStatus &clock, bool severalCycles)
{
    if (clock.kind == core::SlaKind::Resolution && severalCycles)
        return SlaPanel::tr("Resolution (cycle %1)").arg(clock.cycle);
    return models::slaKindLabel(clock.kind);
}

QString segmentLine(const core::ClockSegment &segment)
{
    if (segment.running)
        return SlaPanel::tr("▶ Running %1 (%2)").arg(span(segment.fromUtcMs, segment.toUtcMs),
                                                     models::formatDuration(segment.businessMs));
    const QString why = segment.reason == core::HoldReason::None ? SlaPanel::tr("not counting")
                                                                 : core::holdReasonLabel(segment.reason);
    return SlaPanel::tr("⏸ Paused, %1: %2").arg(why, span(segment.fromUtcMs, segment.toUtcMs));
}

// Target, elapsed, paused and remaining as two rows of label/value pairs.
QString factsTable(const core::SlaClockStatus &clock)
{
    const qint64 remaining = clock.remainingMs;
    const QString left = remaining >= 0 ? models::formatDuration(remaining)
                                        : SlaPanel::tr("overdue %1").arg(models::formatDuration(-remaining));
    const QString row = QStringLiteral("<tr><td>%1&nbsp;</td><td><b>%2</b>&nbsp;&nbsp;&nbsp;</td>"
                                       "<td>%3&nbsp;</td><td><b>%4</b></td></tr>");
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">")
        + row.arg(SlaPanel::tr("Target:"), models::formatDuration(clock.targetMs), SlaPanel::tr("Elapsed:"),
                  SlaPanel::tr("%1 business").arg(models::formatDuration(clock.elapsedMs)))
        + row.arg(SlaPanel::tr("Paused:"), models::formatDuration(clock.pausedMs), SlaPanel::tr("Remaining:"),
                  SlaPanel::tr("%1 business").arg(left))
        + QStringLiteral("</table>");
}

QString clockHtml(const core::SlaClockStatus &clock, bool severalCycles, qint64 now)
{
    const models::SlaLevel level = models::slaLevelAt(clock, now);
    const QColor background = models::slaLevelBackground(level);
    const QColor foreground = models::slaLevelForeground(level);
    QString chip = escaped(models::slaCountdownText(clock, now));
    if (background.isValid())
        chip = QStringLiteral("<span style=\"background:%1; color:%2;\">&nbsp;%3&nbsp;</span>")
                   .arg(background.name(), foreground.name(), chip);

    QString when;
    if (clock.breachedAt != 0)
        when = SlaPanel::tr("Breached at %1").arg(core::formatLocalTime(clock.breachedAt));
    else if (clock.state == core::ClockState::Met)
        when = SlaPanel::tr("Met at %1").arg(core::formatLocalTime(clock.stoppedAt));
    else if (clock.isActive() && clock.deadlineAt != 0)
        when = SlaPanel::tr("Deadline %1").arg(core::formatLocalTime(clock.deadlineAt));
    else if (clock.isActive())
        when = SlaPanel::tr("No deadline while paused");

    // The state only when it adds to the countdown ("Running", "Paused, breached"; not "Met Met").
    const QString state = models::clockStateLabel(clock, now);
    const QString stateHtml = state == models::slaCountdownText(clock, now)
        ? QString()
        : QStringLiteral(" &nbsp;<span style=\"color:#616161;\">%1</span>").arg(escaped(state));
    QString html = QStringLiteral("<p style=\"margin-top:6px; margin-bottom:2px;\"><b>%1</b> &nbsp;%2%3</p>")
                       .arg(escaped(clockTitle(clock, severalCycles)), chip, stateHtml);
    html += factsTable(clock);
    if (!when.isEmpty())
        html += QStringLiteral("<div>%1</div>").arg(escaped(when));
    const qsizetype first = std::max<qsizetype>(0, clock.segments.size() - MaxSegmentsShown);
    QStringList lines;
    if (first > 0)
        lines << escaped(SlaPanel::tr("… %n earlier stretch(es)", nullptr, int(first)));
    for (qsizetype i = first; i < clock.segments.size(); ++i)
        lines << escaped(segmentLine(clock.segments.at(i)));
    if (!lines.isEmpty())
        html += QStringLiteral("<div style=\"color:#757575;\">%1</div>").arg(lines.join(QStringLiteral("<br>")));
    return html;
}

} // namespace

SlaPanel::SlaPanel(const core::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_body(new QLabel(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("slaPanel"));
    auto *title = new QLabel(tr("SLA"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_body->setObjectName(QStringLiteral("slaClocks"));
    m_body->setTextFormat(Qt::RichText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(m_body);

    // The countdown derives from the clock: a re-render once a second keeps it live
    // without the engine sending anything.
    m_countdown->setObjectName(QStringLiteral("slaCountdownTimer"));
    connect(m_countdown, &QTimer::timeout, this, &SlaPanel::render);
    render();
}

SlaPanel::~SlaPanel() = default;

void SlaPanel::showLoading(const QString &incidentId)
{
    m_incidentId = incidentId;
    m_policyName.clear();
    m_clocks.clear();
    m_loading = true;
    render();
}

void SlaPanel::showClocks(const QString &incidentId, const QString &policyName,
                          const QList<core::SlaClockStatus> &clocks)
{
    m_incidentId = incidentId;
    m_policyName = policyName;
    m_clocks = clocks;
    m_loading = false;
    render();
}

QString SlaPanel::plainText() const
{
    QTextDocument document;
    document.setHtml(m_body->text());
    return document.toPlainText();
}

void SlaPanel::render()
{
    const bool live = std::any_of(m_clocks.cbegin(), m_clocks.cend(),
                                  [](const core::SlaClockStatus &c) { return c.isActive(); });
    if (live && !m_countdown->isActive())
        m_countdown->start(1000);
    else if (!live)
        m_countdown->stop();

    if (m_loading) {
        m_body->setText(QStringLiteral("<i>%1</i>").arg(escaped(tr("Loading the SLA clocks…"))));
        return;
    }
    if (m_clocks.isEmpty()) {
        m_body->setText(QStringLiteral("<i>%1</i>").arg(escaped(tr("No SLA policy applies to this incident."))));
        return;
    }
    const qint64 now = m_clock.nowMs();
    int resolutionCycles = 0;
    for (const core::SlaClockStatus &clock : m_clocks)
        resolutionCycles += clock.kind == core::SlaKind::Resolution ? 1 : 0;
    QString html = QStringLiteral("<div>%1</div>").arg(escaped(tr("Policy: %1").arg(m_policyName)));
    for (const core::SlaClockStatus &clock : m_clocks)
        html += clockHtml(clock, resolutionCycles > 1, now);
    m_body->setText(html);
}

} // namespace nocturne::ui
