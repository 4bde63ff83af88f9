#include "role.h"

#include <array>

namespace nocturne::core {

namespace {

struct RoleName
{
    Role role;
    const char *name;
};

constexpr std::array<RoleName, 5> Names { {
    { Role::Operator, "operator" },
    { Role::Supervisor, "supervisor" },
    { Role::Admin, "admin" },
    { Role::Auditor, "auditor" },
    { Role::Integration, "integration" },
} };

} // namespace

QString toName(Role role)
{
    for (const RoleName &entry : Names) {
        if (entry.role == role)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    for (const RoleName &entry : Names) {
        if (name == QLatin1StringView(entry.name))
            return entry.role;
    }
    return std::nullopt;
}

QString allRoleNames()
{
    QString out;
    for (const RoleName &entry : Names) {
        if (!out.isEmpty())
            out += QStringLiteral(", ");
        out += QLatin1StringView(entry.name);
    }
    return out;
}

} // namespace nocturne::core
