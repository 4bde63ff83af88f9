#include "kpitile.h"

#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <cmath>

#include <models/queueformat.h>

namespace nocturne::ui {

using core::KpiMeasure;

namespace {

enum class Unit { Duration, Percent, Count, Score };

Unit unitOf(KpiMeasure measure)
{
    switch (measure) {
    case KpiMeasure::Mttd:
    case KpiMeasure::Mtta:
    case KpiMeasure::Mttr:
    case KpiMeasure::MttaBusiness:
    case KpiMeasure::MttrBusiness:
    case KpiMeasure::MttrCritical:
        return Unit::Duration;
    case KpiMeasure::FirstContactResolution:
    case KpiMeasure::ResponseCompliance:
    case KpiMeasure::ResolutionCompliance:
    case KpiMeasure::ReopenRate:
    case KpiMeasure::Availability:
        return Unit::Percent;
    case KpiMeasure::Volume:
    case KpiMeasure::Backlog:
        return Unit::Count;
    case KpiMeasure::Csat:
        return Unit::Score;
    }
    return Unit::Count;
}

// Good and bad read the same on light and dark palettes: tinted grounds, dark text.
const QColor GoodText(0x1b, 0x5e, 0x20);
const QColor BadText(0xb7, 0x1c, 0x1c);

} // namespace

QString kpiShortLabel(KpiMeasure measure)
{
    switch (measure) {
    case KpiMeasure::Mttd:
        return KpiTileWidget::tr("MTTD");
    case KpiMeasure::Mtta:
        return KpiTileWidget::tr("MTTA");
    case KpiMeasure::Mttr:
        return KpiTileWidget::tr("MTTR");
    case KpiMeasure::MttaBusiness:
        return KpiTileWidget::tr("MTTA (business)");
    case KpiMeasure::MttrBusiness:
        return KpiTileWidget::tr("MTTR (business)");
    case KpiMeasure::MttrCritical:
        return KpiTileWidget::tr("MTTR P1");
    case KpiMeasure::FirstContactResolution:
        return KpiTileWidget::tr("First-contact resolution");
    case KpiMeasure::ResponseCompliance:
        return KpiTileWidget::tr("Response SLA");
    case KpiMeasure::ResolutionCompliance:
        return KpiTileWidget::tr("Resolution SLA");
    case KpiMeasure::ReopenRate:
        return KpiTileWidget::tr("Reopen rate");
    case KpiMeasure::Volume:
        return KpiTileWidget::tr("Opened");
    case KpiMeasure::Backlog:
        return KpiTileWidget::tr("Backlog");
    case KpiMeasure::Availability:
        return KpiTileWidget::tr("Availability");
    case KpiMeasure::Csat:
        return KpiTileWidget::tr("CSAT");
    }
    return {};
}

QString formatKpiValue(KpiMeasure measure, double value)
{
    const QLocale locale;
    switch (unitOf(measure)) {
    case Unit::Duration:
        return models::formatDuration(qint64(std::llround(value)));
    case Unit::Percent:
        return KpiTileWidget::tr("%1 %").arg(locale.toString(value, 'f', 1));
    case Unit::Count:
        return locale.toString(qint64(std::llround(value)));
    case Unit::Score:
        return KpiTileWidget::tr("%1 / 5").arg(locale.toString(value, 'f', 1));
    }
    return {};
}

QString kpiDefinition(KpiMeasure measure)
{
    switch (measure) {
    case KpiMeasure::Mttd:
        return KpiTileWidget::tr("Mean of detected − started, incidents opened in the period.");
    case KpiMeasure::Mtta:
        return KpiTileWidget::tr("Mean of acknowledged − opened (wall clock), incidents opened in "
                                 "the period and acknowledged.");
    case KpiMeasure::Mttr:
        return KpiTileWidget::tr(
            "Mean of resolved − opened (wall clock), incidents resolved in the period.");
    case KpiMeasure::MttaBusiness:
        return KpiTileWidget::tr(
            "Mean time to acknowledge in the business hours of each incident's SLA calendar.");
    case KpiMeasure::MttrBusiness:
        return KpiTileWidget::tr(
            "Mean time to resolve in the business hours of each incident's SLA calendar.");
    case KpiMeasure::MttrCritical:
        return KpiTileWidget::tr(
            "Mean of resolved − opened for P1 incidents resolved in the period.");
    case KpiMeasure::FirstContactResolution:
        return KpiTileWidget::tr(
            "Share of incidents resolved in the period with no reassignment and no escalation.");
    case KpiMeasure::ResponseCompliance:
        return KpiTileWidget::tr(
            "Response clocks met ÷ response clocks decided, incidents opened in the period.");
    case KpiMeasure::ResolutionCompliance:
        return KpiTileWidget::tr(
            "Resolution clocks met ÷ decided, incidents resolved in the period.");
    case KpiMeasure::ReopenRate:
        return KpiTileWidget::tr(
            "Share of incidents resolved in the period that were reopened at least once.");
    case KpiMeasure::Volume:
        return KpiTileWidget::tr("Incidents opened in the period.");
    case KpiMeasure::Backlog:
        return KpiTileWidget::tr("Incidents still open at the end of the period.");
    case KpiMeasure::Availability:
        return KpiTileWidget::tr("1 − merged outage time ÷ period; an outage is an impact-1 "
                                 "incident from its start to its resolution.");
    case KpiMeasure::Csat:
        return KpiTileWidget::tr(
            "Mean satisfaction score (1–5) of incidents resolved in the period that have one.");
    }
    return {};
}

KpiTileWidget::KpiTileWidget(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_target(new QLabel(this))
    , m_change(new QLabel(this))
{
    setObjectName(QStringLiteral("kpiTile"));
    setCursor(Qt::PointingHandCursor);
    setMinimumWidth(170);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    for (QLabel *label : { m_title, m_value, m_target, m_change }) {
        label->setTextInteractionFlags(Qt::NoTextInteraction);
        layout->addWidget(label);
    }
    layout->addStretch(1);
}

KpiTileWidget::~KpiTileWidget() = default;

void KpiTileWidget::setTile(const core::KpiTile &tile, int previousPeriodDays)
{
    m_tile = tile;
    setObjectName(QStringLiteral("kpiTile_") + core::toName(tile.measure));
    m_title->setText(kpiShortLabel(tile.measure));
    m_value->setText(tile.hasValue ? formatKpiValue(tile.measure, tile.value) : tr("—"));

    if (tile.hasTarget) {
        m_target->setText(tile.lowerIsBetter
                ? tr("target < %1").arg(formatKpiValue(tile.measure, tile.target))
                : tr("target > %1").arg(formatKpiValue(tile.measure, tile.target)));
    } else {
        m_target->setText(tr("no target"));
    }

    // Spelled out rather than "%n day(s)": the English text needs no translation file.
    const QString previous = previousPeriodDays == 1
        ? tr("vs previous day")
        : tr("vs previous %1 days").arg(previousPeriodDays);
    QColor changeColor = palette().color(QPalette::WindowText);
    if (!tile.hasValue || !tile.hasPrevious) {
        m_change->setText(tr("no data %1").arg(previous));
    } else if (qFuzzyCompare(tile.value + 1, tile.previous + 1)) {
        m_change->setText(tr("= %1").arg(previous));
    } else {
        const bool up = tile.value > tile.previous;
        const QString arrow = up ? QStringLiteral("▲") : QStringLiteral("▼");
        QString amount;
        if (unitOf(tile.measure) == Unit::Percent) {
            // A change of a percentage is told in points: 90 % → 95 % is "5.0 pts", not "5.6 %".
            amount = tr("%1 pts").arg(
                QLocale().toString(std::abs(tile.value - tile.previous), 'f', 1));
        } else if (tile.previous != 0) {
            amount = tr("%1 %").arg(QLocale().toString(
                std::abs(tile.value - tile.previous) / std::abs(tile.previous) * 100, 'f', 0));
        } else {
            amount = tr("from 0");
        }
        m_change->setText(QStringLiteral("%1 %2 %3").arg(arrow, amount, previous));
        changeColor = (up != tile.lowerIsBetter) ? GoodText : BadText;
    }
    QPalette changePalette = m_change->palette();
    changePalette.setColor(QPalette::WindowText, changeColor);
    m_change->setPalette(changePalette);

    QString ground = QStringLiteral("palette(base)");
    QString border = QStringLiteral("palette(mid)");
    switch (tile.judgement) {
    case core::KpiTile::Judgement::Met:
        ground = QStringLiteral("#e8f5e9");
        border = QStringLiteral("#2e7d32");
        break;
    case core::KpiTile::Judgement::Missed:
        ground = QStringLiteral("#fdecea");
        border = QStringLiteral("#c62828");
        break;
    default:
        break;
    }
    const bool tinted = tile.judgement == core::KpiTile::Judgement::Met
        || tile.judgement == core::KpiTile::Judgement::Missed;
    // The tint needs dark text whatever the palette.
    setStyleSheet(
        QStringLiteral("QFrame#%1 { background: %2; border: 2px solid %3; border-radius: 6px; }%4")
            .arg(objectName(), ground, border,
                tinted ? QStringLiteral(" QFrame#%1 QLabel { color: #212121; }").arg(objectName())
                       : QString()));
    // The tile's style sheet would override the change's palette colour; keep it explicit.
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(changeColor.name()));
    setToolTip(
        QStringLiteral("<b>%1</b><br>%2<br>%3")
            .arg(core::kpiLabel(tile.measure).toHtmlEscaped(),
                kpiDefinition(tile.measure).toHtmlEscaped(),
                (tile.samples == 1
                        ? tr("1 incident counted. Click to see it.")
                        : tr("%1 incidents counted. Click to see them.").arg(tile.samples))));
}

QString KpiTileWidget::titleText() const
{
    return m_title->text();
}
QString KpiTileWidget::valueText() const
{
    return m_value->text();
}
QString KpiTileWidget::targetText() const
{
    return m_target->text();
}
QString KpiTileWidget::changeText() const
{
    return m_change->text();
}

void KpiTileWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked(m_tile.measure);
    QFrame::mouseReleaseEvent(event);
}

} // namespace nocturne::ui
