#include "CatalogLoader.h"

#include "PostgresCatalog.h"
#include "SqliteCatalog.h"

#include <QElapsedTimer>

namespace tw::catalog {

Result<Snapshot> readSnapshot(db::Session &session)
{
    QElapsedTimer timer;
    timer.start();
    auto snapshot = session.profile().driver == config::Driver::Postgres ? readPostgresSnapshot(session)
                                                                         : readSqliteSnapshot(session);
    if (!snapshot)
        return snapshot;
    snapshot.value().connection = session.profile().name;
    snapshot.value().driver = session.profile().driver;
    snapshot.value().loadedAt = QDateTime::currentDateTimeUtc();
    snapshot.value().loadMs = timer.elapsed();
    return snapshot;
}

} // namespace tw::catalog
