#pragma once

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <initializer_list>

// Small helpers shared by the import tests (CSV reader, ServiceNow, Jira).
namespace nocturne::core::test {

inline QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

// A hand-written CSV under tests/data/import/.
inline QString importDataFile(const char *name)
{
    return QStringLiteral(NOCTURNE_TEST_DATA "/import/") + QLatin1StringView(name);
}

inline qint64 utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace nocturne::core::test
