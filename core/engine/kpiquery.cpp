#include "kpiquery.h"

#include <QCoreApplication>

namespace nocturne::core {

QString KpiFilter::describe() const
{
    if (isEmpty())
        return QCoreApplication::translate("KpiFilter", "All incidents");
    QStringList parts;
    if (!priorities.isEmpty()) {
        QStringList p;
        for (int priority : priorities)
            p.append(QStringLiteral("P%1").arg(priority));
        parts.append(p.join(QStringLiteral(", ")));
    }
    if (!domains.isEmpty()) {
        QStringList d;
        for (Domain domain : domains)
            d.append(toName(domain));
        parts.append(d.join(QStringLiteral(", ")));
    }
    for (const QStringList *names : { &services, &sites, &groups }) {
        if (!names->isEmpty())
            parts.append(names->join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace nocturne::core
