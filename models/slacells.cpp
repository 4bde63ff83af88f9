#include "slacells.h"

#include "queuecolumns.h"
#include "queueformat.h"
#include "slacountdown.h"

#include <QCoreApplication>
#include <QFont>

namespace nocturne::models {

namespace {

const core::SlaClockStatus *clockOf(const core::IncidentSla &sla, int column)
{
    if (column == QueueColumn::ResponseSla)
        return sla.hasResponse ? &sla.response : nullptr;
    return sla.hasResolution ? &sla.resolution : nullptr;
}

QVariant clockData(const core::IncidentSla &sla, const core::SlaClockStatus *clock, int role, qint64 nowMs)
{
    if (role == QueueRole::RawValue)
        return clock ? slaSortKey(*clock) : NoDeadline;
    if (!clock)
        return {};
    switch (role) {
    case Qt::DisplayRole: return slaCountdownText(*clock, nowMs);
    case Qt::ToolTipRole: return slaClockToolTip(sla, *clock, nowMs);
    case Qt::BackgroundRole: {
        const QColor colour = slaLevelBackground(slaLevelAt(*clock, nowMs));
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case Qt::ForegroundRole: {
        const QColor colour = slaLevelForeground(slaLevelAt(*clock, nowMs));
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case Qt::FontRole:
        if (slaLevelAt(*clock, nowMs) == SlaLevel::Breached) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case QueueRole::SlaLevel: return int(slaLevelAt(*clock, nowMs));
    default: return {};
    }
}

QVariant riskData(const core::IncidentSla &sla, int role)
{
    switch (role) {
    case Qt::DisplayRole: return breachRiskText(sla.breachProbability);
    case Qt::ToolTipRole:
        if (sla.breachProbability < 0)
            return QCoreApplication::translate("SlaCells", "No forecast: too few similar resolved incidents");
        return QCoreApplication::translate("SlaCells",
                                           "Chance of breaching the resolution target: %1\n"
                                           "Estimated from %n similar resolved incident(s)",
                                           nullptr, sla.forecastSamples)
            .arg(breachRiskText(sla.breachProbability));
    case Qt::ForegroundRole:
        return sla.breachProbability >= 0.5 ? QVariant(slaLevelBackground(SlaLevel::Breached)) : QVariant();
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case QueueRole::RawValue: return sla.breachProbability;
    default: return {};
    }
}

} // namespace

bool isSlaColumn(int column)
{
    return column == QueueColumn::ResponseSla || column == QueueColumn::ResolutionSla
        || column == QueueColumn::BreachRisk;
}

QVariant slaCellData(const core::IncidentSla *sla, int column, int role, qint64 nowMs)
{
    if (column == QueueColumn::BreachRisk) {
        if (sla)
            return riskData(*sla, role);
        return role == QueueRole::RawValue ? QVariant(-1.0) : QVariant();
    }
    if (!sla)
        return role == QueueRole::RawValue ? QVariant(NoDeadline) : QVariant();
    return clockData(*sla, clockOf(*sla, column), role, nowMs);
}

} // namespace nocturne::models
