#include "serverstore.h"

#include "sqliteserverstore.h"
#if __has_include("postgresserverstore.h") // TEMPORARY until the PostgreSQL store lands
#include "postgresserverstore.h"
#define NOCTURNE_HAS_POSTGRES_STORE 1
#endif

#include <QCoreApplication>

namespace nocturne::core {

bool ServerStore::isPostgresUrl(const QString &spec)
{
    return spec.startsWith(QLatin1StringView("postgresql://")) || spec.startsWith(QLatin1StringView("postgres://"));
}

std::unique_ptr<ServerStore> ServerStore::open(const QString &spec, const Clock &clock, bool createIfMissing,
                                               DatabaseError *error)
{
    if (isPostgresUrl(spec)) {
#ifdef NOCTURNE_HAS_POSTGRES_STORE
        return PostgresServerStore::open(spec, clock, createIfMissing, error);
#else
        *error = { DatabaseError::Kind::Missing, QCoreApplication::translate("ServerStore", "PostgreSQL is not built in") };
        return nullptr;
#endif
    }
    auto store = std::make_unique<SqliteServerStore>(clock);
    if (auto failure = store->open(spec, createIfMissing)) {
        *error = failure;
        return nullptr;
    }
    return store;
}

} // namespace nocturne::core
