#include "serverstore.h"

#include "postgresserverstore.h"
#include "sqliteserverstore.h"

namespace nocturne::core {

std::optional<KpiReport> ServerStore::kpis(const KpiQuery &, qint64, DatabaseError *error)
{
    *error = DatabaseError { DatabaseError::Kind::InvalidData,
                             QStringLiteral("the %1 store does not compute KPIs").arg(backend()) };
    return std::nullopt;
}

bool ServerStore::isPostgresUrl(const QString &spec)
{
    return spec.startsWith(QLatin1StringView("postgresql://")) || spec.startsWith(QLatin1StringView("postgres://"));
}

std::unique_ptr<ServerStore> ServerStore::open(const QString &spec, const Clock &clock, bool createIfMissing,
                                               DatabaseError *error)
{
    if (isPostgresUrl(spec))
        return PostgresServerStore::open(spec, clock, createIfMissing, error);
    auto store = std::make_unique<SqliteServerStore>(clock);
    if (auto failure = store->open(spec, createIfMissing)) {
        *error = failure;
        return nullptr;
    }
    return store;
}

} // namespace nocturne::core
