#pragma once

#include "Snapshot.h"

namespace tw::catalog::sqliteddl {

// SQLite keeps each object's CREATE statement: DDL is those texts, each
// ending with ";".

QString statement(const QString &sql);
// The table's statement, then its indexes' and triggers'.
QString relationScript(const Relation &relation);
// Tables, views, indexes, triggers of the relations whose schema passes.
QString scopeScript(const Snapshot &snapshot, const QString &schema = {});

} // namespace tw::catalog::sqliteddl
