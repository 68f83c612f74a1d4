#include "PageSql.h"

// The keyset half of PageSql: which rows come after an order key.
namespace tw::data {

namespace {

const QString kComma = QStringLiteral(", ");
const QString kAnd = QStringLiteral(" AND ");

} // namespace

bool PageSql::rowValueKeyset(const QVariantList &key) const
{
    if (key.size() != m_order.size() || m_order.isEmpty())
        return false;
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        if (!m_order.at(i).notNull || key.at(i).isNull() || m_order.at(i).descending != m_order.first().descending)
            return false;
    }
    return true;
}

QString PageSql::keysetCondition(const QVariantList &key, bool backwards, bool inclusive, QVariantList &binds) const
{
    const qsizetype n = m_order.size();
    bool rowValues = true;
    for (qsizetype i = 0; i < n; ++i) {
        rowValues = rowValues && m_order.at(i).notNull && !key.at(i).isNull()
                    && m_order.at(i).descending == m_order.first().descending;
    }
    if (rowValues) {
        // One comparison the planner can turn into an index range.
        const bool descending = m_order.first().descending != backwards;
        const QString op = QLatin1String(descending ? "<" : ">") + QLatin1String(inclusive ? "=" : "");
        QStringList columns;
        QStringList values;
        for (qsizetype i = 0; i < n; ++i) {
            columns << m_order.at(i).sql;
            values << bind(Placeholders::QtSql, binds, key.at(i));
        }
        if (n == 1)
            return columns.first() + QLatin1Char(' ') + op + QLatin1Char(' ') + values.first();
        return QLatin1Char('(') + columns.join(kComma) + QStringLiteral(") ") + op + QStringLiteral(" (")
               + values.join(kComma) + QLatin1Char(')');
    }

    // NULL is the largest value: (s1 > v1) OR (s1 = v1 AND s2 > v2) OR …,
    // with "=" on NULL spelled IS NULL and "greater than NULL" impossible.
    // Placeholders are positional: every use of a value binds it again.
    auto equal = [&](qsizetype j) {
        const OrderColumn &column = m_order.at(j);
        return key.at(j).isNull() ? column.sql + QStringLiteral(" IS NULL")
                                  : column.sql + QStringLiteral(" = ") + bind(Placeholders::QtSql, binds, key.at(j));
    };
    auto greaterPossible = [&](qsizetype i) {
        return (m_order.at(i).descending != backwards) || !key.at(i).isNull();
    };
    auto greater = [&](qsizetype i) {
        const OrderColumn &column = m_order.at(i);
        const QVariant &value = key.at(i);
        if (column.descending != backwards) {
            return value.isNull() ? column.sql + QStringLiteral(" IS NOT NULL")
                                  : column.sql + QStringLiteral(" < ") + bind(Placeholders::QtSql, binds, value);
        }
        const QString p = bind(Placeholders::QtSql, binds, value);
        return column.notNull ? column.sql + QStringLiteral(" > ") + p
                              : QStringLiteral("(%1 > %2 OR %1 IS NULL)").arg(column.sql, p);
    };
    QStringList disjuncts;
    for (qsizetype i = 0; i < n; ++i) {
        if (!greaterPossible(i))
            continue;
        QStringList terms;
        for (qsizetype j = 0; j < i; ++j)
            terms << equal(j);
        terms << greater(i);
        disjuncts << QLatin1Char('(') + terms.join(kAnd) + QLatin1Char(')');
    }
    if (inclusive) {
        QStringList terms;
        for (qsizetype j = 0; j < n; ++j)
            terms << equal(j);
        disjuncts << QLatin1Char('(') + terms.join(kAnd) + QLatin1Char(')');
    }
    if (disjuncts.isEmpty())
        return QStringLiteral("1 = 0");
    return QLatin1Char('(') + disjuncts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QList<SqlStatement> PageSql::segments(Bound bound, const QVariantList &key, bool backwards) const
{
    // The rows after a key, in browse order, are a concatenation of ranges
    // that each match one index range: for the last order column, the rows
    // sharing every earlier value and past this one; then for the one
    // before, and so on. NULL is the largest value: an ascending nullable
    // column adds the rows where it IS NULL after those greater than the key;
    // a descending one reads NULL first, so "after NULL" is IS NOT NULL.
    // One OR-chain statement would give the same rows, but no engine can walk
    // an index for it: each page would scan from the start of the order.
    QList<SqlStatement> out;
    QStringList filters;
    QVariantList filterBinds;
    conditions(filters, filterBinds, Placeholders::QtSql);
    // Rows equal to the key on columns [0, column), then `op` on `column`
    // (with `value` bound unless null), ordered by the columns from `orderFrom`.
    auto segment = [&](qsizetype column, const QString &op, const QVariant &value, qsizetype orderFrom) {
        SqlStatement s;
        QStringList where = filters;
        s.binds = filterBinds;
        for (qsizetype j = 0; j < column; ++j) {
            const OrderColumn &c = m_order.at(j);
            where << (key.at(j).isNull() ? c.sql + QStringLiteral(" IS NULL")
                                         : c.sql + QStringLiteral(" = ") + bind(Placeholders::QtSql, s.binds, key.at(j)));
        }
        if (column < m_order.size()) {
            QString text = m_order.at(column).sql + op;
            if (value.isValid())
                text += bind(Placeholders::QtSql, s.binds, value);
            where << text;
        }
        s.sql = QStringLiteral("SELECT ") + selectList() + QStringLiteral(" FROM ") + m_table + whereOf(where)
                + orderBy(backwards, orderFrom, orderFrom == column) + QStringLiteral(" LIMIT ?");
        out << s;
    };
    const qsizetype n = m_order.size();
    if (bound == Bound::AtOrAfter)
        segment(n, QString(), QVariant(), n); // the key's own row
    for (qsizetype i = n - 1; i >= 0; --i) {
        const OrderColumn &c = m_order.at(i);
        const bool descending = c.descending != backwards;
        const QVariant &value = key.at(i);
        if (!descending) {
            if (value.isNull())
                continue; // nothing is greater than NULL
            segment(i, QStringLiteral(" > "), value, i);
            if (!c.notNull)
                segment(i, QStringLiteral(" IS NULL"), QVariant(), i + 1);
        } else if (value.isNull()) {
            segment(i, QStringLiteral(" IS NOT NULL"), QVariant(), i);
        } else {
            segment(i, QStringLiteral(" < "), value, i);
        }
    }
    return out;
}

} // namespace tw::data
