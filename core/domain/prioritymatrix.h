#pragma once

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>

namespace nocturne::core {

// Impact (1 high .. 3 low) x urgency (1 high .. 3 low) -> priority P1..P5.
// The default is ServiceNow's widely used matrix; admins may configure another.
class PriorityMatrix
{
public:
    PriorityMatrix(); // the default matrix

    static bool isValidLevel(int level) { return level >= 1 && level <= 3; }
    static bool isValidPriority(int p) { return p >= 1 && p <= 5; }

    // Returns 0 for an impact or urgency outside 1..3.
    int priorityFor(int impact, int urgency) const;
    void setPriority(int impact, int urgency, int priority);

    QJsonObject toJson() const;
    // Accepts {"matrix": [[p,p,p],[p,p,p],[p,p,p]]} indexed [impact-1][urgency-1].
    static std::optional<PriorityMatrix> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const PriorityMatrix &, const PriorityMatrix &) = default;

private:
    std::array<std::array<int, 3>, 3> m_table;
};

} // namespace nocturne::core
