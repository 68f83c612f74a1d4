#include "EditSql.h"

#include "db/SqliteFunctions.h"

namespace tw::data {

namespace {

const QString kComma = QStringLiteral(", ");

} // namespace

EditSql::EditSql(const db::Dialect &dialect, const TableShape &shape)
    : m_dialect(dialect)
    , m_shape(shape)
    , m_table(dialect.qualifiedName(shape.table.schema, shape.table.name))
{
    QStringList terms;
    for (const QString &key : shape.keyColumns)
        terms << keyColumnSql(key) + QStringLiteral(" = ?");
    m_whereKey = QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

QString EditSql::keyColumnSql(const QString &name) const
{
    // The pseudo columns are keywords of the engine, not column names:
    // quoted, "rowid" would stop meaning the rowid (the describer picks an
    // alias that no real column uses). Same rule as PageSql::columnSql().
    const bool pseudo = (m_shape.identity == RowIdentity::Rowid || m_shape.identity == RowIdentity::Ctid)
                        && m_shape.keyColumns.size() == 1 && m_shape.keyColumns.first() == name
                        && !m_shape.column(name);
    // Spliced unquoted, so only the engines' own names qualify.
    static const QStringList known = {QStringLiteral("rowid"), QStringLiteral("_rowid_"), QStringLiteral("oid"),
                                      QStringLiteral("ctid")};
    if (pseudo && known.contains(name.toLower()))
        return name.toLower();
    return m_dialect.quoteIdentifier(name);
}

QString EditSql::versionQuery() const
{
    if (m_dialect.driver() == config::Driver::Postgres)
        return QStringLiteral("SELECT xmin::text FROM ") + m_table + m_whereKey + QStringLiteral(" FOR UPDATE");
    QStringList columns;
    for (const ColumnInfo &column : m_shape.columns)
        columns << m_dialect.quoteIdentifier(column.name);
    return QStringLiteral("SELECT ") + QLatin1String(db::kSqliteRowVersionFunction) + QLatin1Char('(')
           + columns.join(kComma) + QStringLiteral(") FROM ") + m_table + m_whereKey;
}

QString EditSql::updateStatement(const QStringList &columns) const
{
    QStringList assignments;
    for (const QString &column : columns)
        assignments << m_dialect.quoteIdentifier(column) + QStringLiteral(" = ?");
    return QStringLiteral("UPDATE ") + m_table + QStringLiteral(" SET ") + assignments.join(kComma) + m_whereKey;
}

QString EditSql::deleteStatement() const
{
    return QStringLiteral("DELETE FROM ") + m_table + m_whereKey;
}

QString EditSql::insertStatement(const QStringList &columns) const
{
    if (columns.isEmpty())
        return QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" DEFAULT VALUES");
    QStringList quoted;
    QStringList placeholders;
    for (const QString &column : columns) {
        quoted << m_dialect.quoteIdentifier(column);
        placeholders << QStringLiteral("?");
    }
    return QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") + quoted.join(kComma)
           + QStringLiteral(") VALUES (") + placeholders.join(kComma) + QLatin1Char(')');
}

QVariant EditSql::bindable(config::Driver driver, const QVariant &value)
{
    if (!value.isValid())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::QString:
        // QtSql binds a null QString as SQL NULL; the contract says only an
        // invalid QVariant is NULL (a line edit's empty text is a null QString).
        if (value.toString().isNull())
            return QVariant(QStringLiteral(""));
        return value;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        if (driver == config::Driver::Postgres) {
            // QPSQL would escape the bytes into a string literal whose
            // meaning depends on standard_conforming_strings; the hex input
            // form is plain ASCII and unambiguous, and the statement's
            // context ($n in a bytea position) makes the server read it as bytea.
            return QVariant(QStringLiteral("\\x") + QString::fromLatin1(bytes.toHex()));
        }
        if (bytes.isNull())
            return QVariant(QByteArray("", 0));
        return value;
    }
    default:
        return value;
    }
}

} // namespace tw::data
