#include "testentries.h"

#include <array>

void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace nocturne::models::test {

namespace {

const std::array<const char *, 5> Titles = {
    "Sorter S2 jam at induction, throughput down", "Payment gateway errors: Adyen declines spiking",
    "WMS outage: wave release failing", "Handheld scanners cannot sync", "Fraud spike on gift cards",
};
const std::array<const char *, 4> Services = { "Material Handling", "Payment Gateway", "WMS", "Fraud Detection" };
const std::array<const char *, 3> Sites = { "DC Rotterdam", "Store London Oxford St", "Finance Hub Dublin" };
const std::array<const char *, 4> People = { "", "ana", "bram", "chen" };

} // namespace

core::QueueEntry entry(int n)
{
    core::QueueEntry e;
    e.id = QStringLiteral("0190-test-%1").arg(n, 6, 10, QLatin1Char('0'));
    e.number = QStringLiteral("INC%1").arg(n, 7, 10, QLatin1Char('0'));
    e.title = QString::fromUtf8(Titles[n % Titles.size()]);
    e.service = QString::fromUtf8(Services[n % Services.size()]);
    e.configurationItem = QStringLiteral("CI-%1").arg(n % 17);
    e.site = QString::fromUtf8(Sites[n % Sites.size()]);
    e.assignmentGroup = QStringLiteral("Ops L1");
    e.assignee = QString::fromUtf8(People[n % People.size()]);
    e.category = QStringLiteral("Hardware");
    e.priority = 1 + n % 5;
    e.state = n % 7 == 0 ? core::IncidentState::OnHold
                         : (n % 3 == 0 ? core::IncidentState::New : core::IncidentState::InProgress);
    if (e.state == core::IncidentState::OnHold)
        e.holdReason = core::HoldReason::AwaitingVendor;
    e.openedAt = Now - (n + 1) * 7 * Minute;
    e.acknowledgedAt = e.state == core::IncidentState::New ? 0 : e.openedAt + 5 * Minute;
    e.updatedAt = e.openedAt + 10 * Minute;
    return e;
}

core::QueueEntriesPtr entries(int count)
{
    auto out = std::make_shared<core::QueueEntries>();
    for (int n = 0; n < count; ++n)
        out->append(entry(n));
    return out;
}

core::QueueEntriesPtr only(const core::QueueEntry &e)
{
    return std::make_shared<core::QueueEntries>(core::QueueEntries { e });
}

core::QueueEntriesPtr list(const QList<core::QueueEntry> &items)
{
    return std::make_shared<core::QueueEntries>(items);
}

} // namespace nocturne::models::test
