#include "kpireport.h"

#include <QCoreApplication>

namespace nocturne::core {

QString toName(KpiMeasure measure)
{
    switch (measure) {
    case KpiMeasure::Mttd: return QStringLiteral("mttd");
    case KpiMeasure::Mtta: return QStringLiteral("mtta");
    case KpiMeasure::Mttr: return QStringLiteral("mttr");
    case KpiMeasure::MttaBusiness: return QStringLiteral("mtta_business");
    case KpiMeasure::MttrBusiness: return QStringLiteral("mttr_business");
    case KpiMeasure::MttrCritical: return QStringLiteral("mttr_critical");
    case KpiMeasure::FirstContactResolution: return QStringLiteral("first_contact_resolution");
    case KpiMeasure::ResponseCompliance: return QStringLiteral("response_compliance");
    case KpiMeasure::ResolutionCompliance: return QStringLiteral("resolution_compliance");
    case KpiMeasure::ReopenRate: return QStringLiteral("reopen_rate");
    case KpiMeasure::Volume: return QStringLiteral("volume");
    case KpiMeasure::Backlog: return QStringLiteral("backlog");
    case KpiMeasure::Availability: return QStringLiteral("availability");
    case KpiMeasure::Csat: return QStringLiteral("csat");
    }
    return {};
}

QString kpiLabel(KpiMeasure measure)
{
    const char *text = "";
    switch (measure) {
    case KpiMeasure::Mttd: text = QT_TRANSLATE_NOOP("KpiMeasure", "Mean time to detect"); break;
    case KpiMeasure::Mtta: text = QT_TRANSLATE_NOOP("KpiMeasure", "Mean time to acknowledge"); break;
    case KpiMeasure::Mttr: text = QT_TRANSLATE_NOOP("KpiMeasure", "Mean time to resolve"); break;
    case KpiMeasure::MttaBusiness: text = QT_TRANSLATE_NOOP("KpiMeasure", "Mean time to acknowledge (business hours)"); break;
    case KpiMeasure::MttrBusiness: text = QT_TRANSLATE_NOOP("KpiMeasure", "Mean time to resolve (business hours)"); break;
    case KpiMeasure::MttrCritical: text = QT_TRANSLATE_NOOP("KpiMeasure", "Mean time to resolve, critical"); break;
    case KpiMeasure::FirstContactResolution: text = QT_TRANSLATE_NOOP("KpiMeasure", "First-contact resolution"); break;
    case KpiMeasure::ResponseCompliance: text = QT_TRANSLATE_NOOP("KpiMeasure", "Response SLA compliance"); break;
    case KpiMeasure::ResolutionCompliance: text = QT_TRANSLATE_NOOP("KpiMeasure", "Resolution SLA compliance"); break;
    case KpiMeasure::ReopenRate: text = QT_TRANSLATE_NOOP("KpiMeasure", "Reopen rate"); break;
    case KpiMeasure::Volume: text = QT_TRANSLATE_NOOP("KpiMeasure", "Volume"); break;
    case KpiMeasure::Backlog: text = QT_TRANSLATE_NOOP("KpiMeasure", "Backlog"); break;
    case KpiMeasure::Availability: text = QT_TRANSLATE_NOOP("KpiMeasure", "Availability"); break;
    case KpiMeasure::Csat: text = QT_TRANSLATE_NOOP("KpiMeasure", "Customer satisfaction"); break;
    }
    return QCoreApplication::translate("KpiMeasure", text);
}

} // namespace nocturne::core
