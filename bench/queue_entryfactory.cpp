#include "queue_entryfactory.h"

#include <QStringList>

#include <random>

namespace nocturne::bench {

namespace {

const QStringList &titles()
{
    static const QStringList list {
        QStringLiteral("Sorter %1 jam at induction, throughput down"),
        QStringLiteral("Conveyor %1 stopped: motor overload"),
        QStringLiteral("WMS outage: wave release failing at %1"),
        QStringLiteral("Robotic picking errors on %1: wrong item rate above 2%"),
        QStringLiteral("Handheld scanners cannot sync at %1"),
        QStringLiteral("Website down: 5xx above 30% on %1"),
        QStringLiteral("Payment gateway errors: %1 declines spiking"),
        QStringLiteral("Checkout latency p95 above 3 s on %1"),
        QStringLiteral("Mobile app crashes on launch after release (%1)"),
        QStringLiteral("Fraud spike: card-not-present declines on %1"),
        QStringLiteral("Settlement mismatch: %1 totals differ from bank file"),
        QStringLiteral("Regulatory report failure: %1 rejected by regulator"),
    };
    return list;
}

QStringList numbered(const QString &pattern, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << pattern.arg(i + 1);
    return out;
}

} // namespace

core::QueueEntriesPtr makeQueueEntries(int count, qint64 nowMs, quint32 seed)
{
    std::mt19937 rng(seed);
    const QStringList services { QStringLiteral("Material Handling"), QStringLiteral("WMS"),
                                QStringLiteral("Robotic Picking"), QStringLiteral("Handheld Scanners"),
                                QStringLiteral("Website"), QStringLiteral("Payment Gateway"), QStringLiteral("Checkout"),
                                QStringLiteral("Mobile App"), QStringLiteral("Fraud Detection"),
                                QStringLiteral("Settlement"), QStringLiteral("Regulatory Reporting") };
    const QStringList sites { QStringLiteral("DC Rotterdam"), QStringLiteral("DC Leipzig"), QStringLiteral("DC Memphis"),
                             QStringLiteral("DC Reno"), QStringLiteral("Store London Oxford St"),
                             QStringLiteral("Store New York 5th Ave"), QStringLiteral("Store Singapore Orchard"),
                             QStringLiteral("eCommerce Frankfurt DC"), QStringLiteral("Finance Hub Dublin"),
                             QStringLiteral("Finance Hub Charlotte"), QStringLiteral("HQ Amsterdam") };
    const QStringList groups { QStringLiteral("Warehouse Ops L1"), QStringLiteral("Automation Engineering"),
                              QStringLiteral("WMS Support"), QStringLiteral("Retail Ops L1"),
                              QStringLiteral("Web Platform SRE"), QStringLiteral("Payments Team"),
                              QStringLiteral("Finance Ops") };
    const QStringList people = numbered(QStringLiteral("operator.%1"), 60);
    const QStringList cis = numbered(QStringLiteral("CONV-%1"), 400);

    auto entries = std::make_shared<core::QueueEntries>();
    entries->reserve(count);
    // The realistic priority mix of a backlog: few P1, most P3/P4.
    std::discrete_distribution<int> priority { 2, 10, 40, 35, 13 };
    for (int i = 0; i < count; ++i) {
        core::QueueEntry e;
        e.id = QStringLiteral("0190a1b2-%1-7000-8000-%2").arg(i, 4, 16, QLatin1Char('0')).arg(rng(), 12, 16, QLatin1Char('0'));
        e.number = QStringLiteral("INC%1").arg(i + 1, 7, 10, QLatin1Char('0'));
        e.configurationItem = cis.at(int(rng() % cis.size()));
        e.title = titles().at(int(rng() % titles().size())).arg(e.configurationItem);
        e.service = services.at(int(rng() % services.size()));
        e.site = sites.at(int(rng() % sites.size()));
        e.assignmentGroup = groups.at(int(rng() % groups.size()));
        e.assignee = rng() % 5 == 0 ? QString() : people.at(int(rng() % people.size()));
        e.category = QStringLiteral("Hardware");
        e.priority = 1 + priority(rng);
        e.impact = 1 + int(rng() % 3);
        e.urgency = 1 + int(rng() % 3);
        const int kind = int(rng() % 10);
        e.state = kind < 2 ? core::IncidentState::New
                           : (kind < 8 ? core::IncidentState::InProgress : core::IncidentState::OnHold);
        e.holdReason = e.state == core::IncidentState::OnHold ? core::HoldReason::AwaitingVendor : core::HoldReason::None;
        e.domain = core::Domain::Warehouse;
        e.openedAt = nowMs - qint64(rng() % (90LL * 24 * 3600)) * 1000;
        e.acknowledgedAt = e.state == core::IncidentState::New ? 0 : e.openedAt + 600'000;
        e.updatedAt = e.openedAt + 900'000;
        entries->append(e);
    }
    return entries;
}

core::QueueEntry changedEntry(const core::QueueEntry &entry, quint32 variant, qint64 nowMs)
{
    core::QueueEntry e = entry;
    e.updatedAt = nowMs;
    switch (variant % 3) {
    case 0: e.state = core::IncidentState::InProgress, e.acknowledgedAt = nowMs; break;
    case 1: e.assignee = QStringLiteral("operator.%1").arg(variant % 60 + 1); break;
    case 2: e.priority = 1 + int(variant % 5); break;
    }
    return e;
}

} // namespace nocturne::bench
