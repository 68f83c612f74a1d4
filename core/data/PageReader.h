#pragma once

#include "Page.h"
#include "PageRequest.h"
#include "TableShape.h"
#include "db/Session.h"
#include "error/Error.h"

namespace tw::data {

// The in-job halves of DataService: run on the worker that owns `session`.
Result<Page> readPage(db::Session &session, const TableShape &shape, const PageRequest &request);
Result<qint64> countRows(db::Session &session, const TableShape &shape, const PageRequest &request);
Result<qint64> estimateRows(db::Session &session, const TableShape &shape, const PageRequest &request);
Result<QVariant> readCell(db::Session &session, const TableShape &shape, const QVariantList &key, const QString &column);

} // namespace tw::data
