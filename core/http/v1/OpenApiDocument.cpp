#include "OpenApiDocument.h"

#include "OpenApiParts.h"
#include "OpenApiTable.h"
#include "OpenApiTypes.h"

#include <QJsonArray>
#include <QSet>

namespace tw::http {

namespace {

const char kDescription[] =
    "Generated for the caller from the live catalog and its permissions: the tables it may read under "
    "`/rest/{connection}/{table}` with PostgREST 12's grammar (postgrest-js works unchanged), writes where its roles "
    "allow them and the connection is not readonly, and the fixed `/api/v1` routes.\n\n"
    "Rows: `select`, filters `column=operator.value` (one query parameter per column), `or=(…)`/`and=(…)`, "
    "`order`, `limit`/`offset` or the `Range` header; `Prefer` for counts, returns, upserts; `Accept: "
    "application/vnd.pgrst.object+json` for exactly one row, `text/csv` for CSV. Errors are "
    "`{\"code\",\"message\",\"details\",\"hint\"}` with PostgREST's codes. Columns hidden from the caller by the "
    "policy (deny_columns) are not listed and are refused when named.";

bool readableKind(catalog::ObjectKind kind)
{
    switch (kind) {
    case catalog::ObjectKind::Table:
    case catalog::ObjectKind::PartitionedTable:
    case catalog::ObjectKind::View:
    case catalog::ObjectKind::MaterializedView:
    case catalog::ObjectKind::ForeignTable: return true;
    default: return false;
    }
}

QString engineName(config::Driver driver)
{
    return driver == config::Driver::Postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
}

} // namespace

QList<OpenApiTableAccess> openApiTables(const catalog::Snapshot &snapshot, const Policy &policy, const QStringList &roles,
                                        const QString &connection, bool readonly)
{
    const QString defaultSchema = snapshot.driver == config::Driver::Postgres ? QStringLiteral("public") : QStringLiteral("main");
    QList<OpenApiTableAccess> tables;
    for (qsizetype i = 0; i < snapshot.relations.size(); ++i) {
        const catalog::Relation &r = snapshot.relations[i];
        if (!readableKind(r.kind) || r.isPartition() || !r.readable)
            continue;
        // /rest splits {table} at its first dot: a schema with a dot in its
        // name cannot be addressed there.
        if (r.schema.contains(u'.'))
            continue;
        const QString qualified = r.schema + u'.' + r.name;
        if (!policy.allows(roles, Permission::Read, connection, qualified))
            continue;
        OpenApiTableAccess access;
        access.relation = i;
        // A bare name is read as one in the default schema, so only a name
        // without a dot may drop its schema.
        access.restName = r.schema == defaultSchema && !r.name.contains(u'.') ? r.name : qualified;
        const bool writableKind = r.kind == catalog::ObjectKind::Table || r.kind == catalog::ObjectKind::PartitionedTable;
        if (writableKind && !readonly) {
            access.insert = access.update = policy.allows(roles, Permission::Write, connection, qualified);
            access.remove = policy.allows(roles, Permission::Delete, connection, qualified);
        }
        access.hiddenColumns = policy.deniedColumns(roles, connection, qualified);
        tables << access;
    }
    return tables;
}

QJsonObject buildOpenApiDocument(const QList<OpenApiConnection> &connections, const OpenApiOptions &options)
{
    const openapi::FixedOptions fixed{options.issuer, options.metricsPublic, options.migrationStatus, options.migrationApply};
    QJsonObject components = openapi::sharedComponents(fixed);
    QJsonObject schemas = components.value(QStringLiteral("schemas")).toObject();
    QJsonObject parameters = components.value(QStringLiteral("parameters")).toObject();
    QJsonObject responses = components.value(QStringLiteral("responses")).toObject();
    QJsonObject paths = openapi::fixedPaths(fixed);
    QJsonArray tags{QJsonObject{{QStringLiteral("name"), QStringLiteral("api")},
                                {QStringLiteral("description"), QStringLiteral("Server, connections and catalog (/api/v1).")}}};
    QJsonArray problems;
    QSet<QString> schemaKeys;

    for (const OpenApiConnection &connection : connections) {
        QString tagText = QStringLiteral("Connection %1 (%2%3)")
                              .arg(connection.name, engineName(connection.driver),
                                   connection.readonly ? QStringLiteral(", readonly") : QString());
        tags.append(QJsonObject{{QStringLiteral("name"), connection.name}, {QStringLiteral("description"), tagText}});
        if (connection.problem) {
            problems.append(QJsonObject{{QStringLiteral("connection"), connection.name},
                                        {QStringLiteral("code"), connection.problem->codeName()},
                                        {QStringLiteral("message"), connection.problem->message()}});
            continue;
        }
        const bool postgres = connection.snapshot.driver == config::Driver::Postgres;
        const openapi::TypeMapper types(connection.snapshot);
        for (const OpenApiTableAccess &access : connection.tables) {
            if (access.relation < 0 || access.relation >= connection.snapshot.relations.size())
                continue;
            const catalog::Relation &relation = connection.snapshot.relations[access.relation];
            // Sanitised names may meet ("a b" and "a_b"): the later one gets a suffix.
            const QString base = openapi::componentKey(connection.name + u'.' + relation.schema + u'.' + relation.name);
            QString key = base;
            for (int n = 2; schemaKeys.contains(key); ++n)
                key = base + u'-' + QString::number(n);
            schemaKeys.insert(key);

            openapi::TableEntry entry = openapi::tableEntry(connection.name, postgres, relation, access, key, types);
            schemas.insert(key, entry.schema);
            responses.insert(key, entry.response);
            for (const auto &[name, parameter] : std::as_const(entry.parameters))
                parameters.insert(name, parameter);
            paths.insert(entry.path, entry.pathItem);
        }
    }
    components.insert(QStringLiteral("schemas"), schemas);
    components.insert(QStringLiteral("parameters"), parameters);
    components.insert(QStringLiteral("responses"), responses);

    QJsonObject document{
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Tablewright API")},
                                             {QStringLiteral("version"), options.version.isEmpty() ? QStringLiteral("0") : options.version},
                                             {QStringLiteral("description"), QString::fromUtf8(kDescription)}}},
        // Relative: the document is served by the server it describes, also
        // behind a proxy that changes the host.
        {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("/")}}}},
        {QStringLiteral("security"), openapi::globalSecurity(fixed)},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), components},
    };
    if (!problems.isEmpty())
        document.insert(QStringLiteral("x-tablewright-problems"), problems);
    return document;
}

} // namespace tw::http
