#pragma once

// One table's part of the OpenAPI document (internal to OpenApiDocument).

#include "OpenApiDocument.h"
#include "OpenApiTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace tw::http::openapi {

struct TableEntry
{
    QString path;                // "/rest/<connection>/<table>", each segment percent-encoded
    QJsonObject pathItem;        // get, head, and post/patch/delete as the caller may
    QJsonObject schema;          // components/schemas[schemaKey]
    QJsonObject response;        // components/responses[schemaKey]: the rows as answered
    QList<std::pair<QString, QJsonObject>> parameters; // components/parameters: one filter per visible column
};

// `schemaKey`: the table's component key (schema and response), unique in the document; filter
// parameters are named "rowFilter.<schemaKey>.<column>".
TableEntry tableEntry(const QString &connection, bool postgres, const catalog::Relation &relation,
                      const OpenApiTableAccess &access, const QString &schemaKey, const TypeMapper &types);

} // namespace tw::http::openapi
