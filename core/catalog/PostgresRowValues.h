#pragma once

#include "Snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QVariant>

// Conversions of QPSQL values shared by the PostgreSQL catalog readers.
namespace tw::catalog::pgvalues {

// Arrays arrive as array_to_json(...)::text: QPSQL hands arrays over as
// "{a,b}" with PostgreSQL's quoting rules, JSON has one well-defined parser.
inline QJsonArray jsonArray(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

inline QStringList jsonStrings(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = jsonArray(value);
    out.reserve(array.size());
    for (const auto &item : array)
        out << item.toString();
    return out;
}

// A "char" column ('r', 'a', …): QPSQL gives it as a one-letter string.
inline QChar letter(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QChar() : text.front();
}

// Two parts, never "schema.name": names may hold dots.
inline QualifiedName qualified(const QString &schema, const QString &name)
{
    return name.isEmpty() ? QualifiedName() : QualifiedName{schema, name};
}

} // namespace tw::catalog::pgvalues
