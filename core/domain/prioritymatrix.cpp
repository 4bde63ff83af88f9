#include "prioritymatrix.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace nocturne::core {

PriorityMatrix::PriorityMatrix()
    : m_table { { { 1, 2, 3 }, { 2, 3, 4 }, { 3, 4, 5 } } }
{
}

int PriorityMatrix::priorityFor(int impact, int urgency) const
{
    if (!isValidLevel(impact) || !isValidLevel(urgency))
        return 0;
    return m_table[impact - 1][urgency - 1];
}

void PriorityMatrix::setPriority(int impact, int urgency, int priority)
{
    if (isValidLevel(impact) && isValidLevel(urgency) && isValidPriority(priority))
        m_table[impact - 1][urgency - 1] = priority;
}

QJsonObject PriorityMatrix::toJson() const
{
    QJsonArray rows;
    for (const auto &row : m_table)
        rows.append(QJsonArray { row[0], row[1], row[2] });
    return { { QStringLiteral("matrix"), rows } };
}

std::optional<PriorityMatrix> PriorityMatrix::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QJsonArray rows = json.value(QStringLiteral("matrix")).toArray();
    if (rows.size() != 3)
        return fail(QCoreApplication::translate("PriorityMatrix",
                                                "\"matrix\" must hold 3 rows (impact 1..3)"));
    PriorityMatrix m;
    for (int i = 0; i < 3; ++i) {
        const QJsonArray row = rows.at(i).toArray();
        if (row.size() != 3)
            return fail(QCoreApplication::translate("PriorityMatrix",
                                                    "row %1 must hold 3 priorities (urgency 1..3)")
                            .arg(i + 1));
        for (int j = 0; j < 3; ++j) {
            const int p = row.at(j).toInt(0);
            if (!isValidPriority(p))
                return fail(QCoreApplication::translate(
                                "PriorityMatrix", "impact %1, urgency %2: priority must be 1..5")
                                .arg(i + 1)
                                .arg(j + 1));
            m.m_table[i][j] = p;
        }
    }
    return m;
}

} // namespace nocturne::core
