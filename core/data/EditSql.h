#pragma once

#include "TableShape.h"
#include "db/Dialect.h"

#include <QString>
#include <QStringList>
#include <QVariant>

namespace tw::data {

// The statements of one commit, built once per table: every row of a change
// set is addressed by the same key predicate, so the text of a statement
// depends only on the set of columns written and the prepared-statement
// cache serves the second row onwards. Identifiers are quoted here and only
// here; values are always '?' placeholders.
class EditSql
{
public:
    EditSql(const db::Dialect &dialect, const TableShape &shape);

    // The row's current version, with the row locked against other writers
    // until the transaction ends. PostgreSQL: xmin::text ... FOR UPDATE.
    // SQLite: tw_row_version(every column, in shape order); BEGIN IMMEDIATE
    // already holds the database's write lock. Binds: the key.
    QString versionQuery() const;
    // Binds: the values of `columns`, then the key.
    QString updateStatement(const QStringList &columns) const;
    // Binds: the key.
    QString deleteStatement() const;
    // Binds: the values of `columns`; none gives DEFAULT VALUES.
    QString insertStatement(const QStringList &columns) const;

    // A value as the driver must receive it (see Page.h for what arrives).
    // NULL stays a null QVariant; a null QString or QByteArray inside a
    // valid QVariant is an empty value, never NULL (the drivers would turn
    // it into NULL). PostgreSQL bytea goes as its \x hex text input form.
    static QVariant bindable(config::Driver driver, const QVariant &value);

private:
    QString keyColumnSql(const QString &name) const;

    const db::Dialect &m_dialect;
    const TableShape &m_shape;
    QString m_table;
    QString m_whereKey;
};

} // namespace tw::data
