#pragma once

#include "catalog/Snapshot.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace tw::http::openapi {

// The engine's column types as JSON Schema (OpenAPI 3.0 dialect), written for
// the values the REST answers carry: what PostgreSQL's json rendering gives
// (numeric is a JSON number, bytea a "\x…" hex string, json/jsonb any value,
// arrays JSON arrays, enums their labels) and what SQLite's json_object()
// gives (booleans are 0/1, and a column without a declared type holds
// anything). Types named in the snapshot (PostgreSQL enums, domains,
// composites) are looked up there; an unknown type is a string, which is what
// PostgreSQL renders for any type without a JSON form (ranges, inet, …).
class TypeMapper
{
public:
    explicit TypeMapper(const catalog::Snapshot &snapshot);

    // The schema of one value of `nativeType` (no nullable, no description).
    QJsonObject schemaFor(const QString &nativeType) const;
    // A column's property schema: the type's schema plus nullable, readOnly
    // (generated and GENERATED ALWAYS identity columns) and a description
    // naming the native type, the comment and the notes given.
    QJsonObject columnSchema(const catalog::Column &column, const QStringList &notes = {}) const;
    // NOT NULL without any default (default expression, identity, generated):
    // an insert must name it.
    static bool requiredOnInsert(const catalog::Column &column);

private:
    QJsonObject postgres(const QString &type, int depth) const;
    QJsonObject postgresBuiltin(const QString &type) const;
    QJsonObject postgresNamed(const QString &type, int depth) const;
    QJsonObject sqlite(const QString &type) const;

    const catalog::Snapshot &m_snapshot;
    bool m_postgres = false;
    // format_type() spellings ("public.mood", "public.\"Mood\"") and the
    // same without quotes → index into the snapshot's lists.
    QHash<QString, qsizetype> m_enums;
    QHash<QString, qsizetype> m_domains;
    QHash<QString, qsizetype> m_composites;
};

} // namespace tw::http::openapi
