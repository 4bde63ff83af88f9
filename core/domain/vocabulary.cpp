#include "vocabulary.h"

#include <array>
#include <utility>

namespace nocturne::core {

namespace {

template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char *>, N>;

constexpr NameTable<IncidentState, 6> stateNames { {
    { IncidentState::New, "new" },
    { IncidentState::InProgress, "in_progress" },
    { IncidentState::OnHold, "on_hold" },
    { IncidentState::Resolved, "resolved" },
    { IncidentState::Closed, "closed" },
    { IncidentState::Cancelled, "cancelled" },
} };

constexpr NameTable<HoldReason, 5> holdNames { {
    { HoldReason::None, "" },
    { HoldReason::AwaitingCaller, "awaiting_caller" },
    { HoldReason::AwaitingVendor, "awaiting_vendor" },
    { HoldReason::AwaitingChange, "awaiting_change" },
    { HoldReason::AwaitingProblem, "awaiting_problem" },
} };

constexpr NameTable<Domain, 4> domainNames { {
    { Domain::Warehouse, "warehouse" },
    { Domain::Retail, "retail" },
    { Domain::Finance, "finance" },
    { Domain::It, "it" },
} };

constexpr NameTable<Channel, 5> channelNames { {
    { Channel::Monitoring, "monitoring" },
    { Channel::Phone, "phone" },
    { Channel::Email, "email" },
    { Channel::Portal, "portal" },
    { Channel::Chat, "chat" },
} };

constexpr NameTable<EventKind, 13> kindNames { {
    { EventKind::Opened, "opened" },
    { EventKind::Acknowledged, "acknowledged" },
    { EventKind::Assigned, "assigned" },
    { EventKind::Prioritized, "prioritized" },
    { EventKind::StateChanged, "state_changed" },
    { EventKind::Updated, "updated" },
    { EventKind::Commented, "commented" },
    { EventKind::Escalated, "escalated" },
    { EventKind::AlertAttached, "alert_attached" },
    { EventKind::Resolved, "resolved" },
    { EventKind::Closed, "closed" },
    { EventKind::Reopened, "reopened" },
    { EventKind::LinkedProblem, "linked_problem" },
} };

template<typename Enum, std::size_t N>
QString nameOf(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N> &table, QStringView name)
{
    for (const auto &[v, n] : table) {
        if (name == QLatin1StringView(n))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString toName(IncidentState value) { return nameOf(stateNames, value); }
QString toName(HoldReason value) { return nameOf(holdNames, value); }
QString toName(Domain value) { return nameOf(domainNames, value); }
QString toName(Channel value) { return nameOf(channelNames, value); }
QString toName(EventKind value) { return nameOf(kindNames, value); }

std::optional<IncidentState> incidentStateFromName(QStringView n) { return valueOf(stateNames, n); }
std::optional<HoldReason> holdReasonFromName(QStringView n) { return valueOf(holdNames, n); }
std::optional<Domain> domainFromName(QStringView n) { return valueOf(domainNames, n); }
std::optional<Channel> channelFromName(QStringView n) { return valueOf(channelNames, n); }
std::optional<EventKind> eventKindFromName(QStringView n) { return valueOf(kindNames, n); }

} // namespace nocturne::core
