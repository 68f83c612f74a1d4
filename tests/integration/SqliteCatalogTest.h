#pragma once

// What the two halves of the SQLite catalog test share:
// tst_catalog_sqlite (the objects of tests/fixtures/schema/sqlite_objects.sql)
// and tst_catalog_sqlite_database (Chinook, generated, empty and broken
// databases, statement count and load time).
#include "TestEnv.h"
#include "catalog/CatalogLoader.h"
#include "db/Pool.h"

#include <QFile>
#include <QString>
#include <QStringList>

namespace tw::test {

inline QString errorText(const Error &e) { return e.toString(); }

// Runs `script` in the SQLite file (created empty when missing) and reads
// its snapshot through a pool named `name`.
inline Result<catalog::Snapshot> loadInto(const QString &file, const QString &script, const QString &name)
{
    if (!QFile::exists(file)) {
        QFile create(file);             // an empty file is a valid empty database
        if (!create.open(QIODevice::WriteOnly))
            return Error(ErrorCode::Internal, create.errorString());
    }
    db::Pool pool(sqliteProfile(file, name));
    if (!script.isEmpty()) {
        const Status loaded = resultOf(pool.run([script](db::Session &s) { return s.executeScript(script); }));
        if (!loaded)
            return loaded.error();
    }
    return resultOf(pool.run([](db::Session &s) { return catalog::readSnapshot(s); }));
}

inline const catalog::Constraint *findConstraint(const catalog::Relation &r, catalog::Constraint::Type type,
                                                 const QStringList &columns)
{
    for (const catalog::Constraint &c : r.constraints) {
        if (c.type == type && c.columns == columns)
            return &c;
    }
    return nullptr;
}

} // namespace tw::test
