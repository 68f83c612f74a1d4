#pragma once

#include "RestQuery.h"
#include "error/Error.h"

#include <QString>
#include <QStringList>

namespace tw::http::rest {

// select=*,alias:col,col::text,data->a->>b,amount.sum(),total:count()::int
// Embedding (rel(cols), alias:rel!inner(…)) and spread (...rel(cols)) are
// refused as not supported.
Result<QList<SelectItem>> parseSelect(const QString &text);

// columns=a,b and on_conflict=a,b: names separated by commas. `param` names
// the parameter in the error message.
Result<QStringList> parseColumnList(const QString &param, const QString &text);

// order=a.desc.nullslast,data->>b,c.nullsfirst
Result<QList<OrderTerm>> parseOrder(const QString &text);

Aggregate aggregateFromName(QStringView name);
QString aggregateName(Aggregate aggregate);

} // namespace tw::http::rest
