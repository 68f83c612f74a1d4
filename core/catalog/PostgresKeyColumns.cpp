#include "PostgresKeyColumns.h"

namespace tw::catalog {

namespace {

// System columns by attnum (src/include/access/sysattr.h, PostgreSQL 12+).
QString systemColumn(int attnum)
{
    switch (attnum) {
    case -1: return QStringLiteral("ctid");
    case -2: return QStringLiteral("xmin");
    case -3: return QStringLiteral("cmin");
    case -4: return QStringLiteral("xmax");
    case -5: return QStringLiteral("cmax");
    case -6: return QStringLiteral("tableoid");
    default: return {};
    }
}

} // namespace

void PostgresKeyColumns::add(qint64 relation, int attnum, const QString &name)
{
    if (attnum <= 0)
        return;
    QStringList &names = m_names[relation];
    if (names.size() <= attnum)
        names.resize(attnum + 1);
    names[attnum] = name;
}

QList<int> PostgresKeyColumns::parseAttnums(const QString &text)
{
    QList<int> out;
    int value = 0;
    bool negative = false;
    bool inNumber = false;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            value = value * 10 + (c.unicode() - u'0');
            inNumber = true;
            continue;
        }
        if (inNumber)
            out << (negative ? -value : value);
        value = 0;
        inNumber = false;
        negative = c == u'-';
    }
    if (inNumber)
        out << (negative ? -value : value);
    return out;
}

std::optional<QStringList> PostgresKeyColumns::names(qint64 relation, const QVariant &attnums,
                                                     bool skipExpressions) const
{
    if (attnums.isNull())
        return QStringList();
    const auto it = m_names.constFind(relation);
    const QList<int> numbers = parseAttnums(attnums.toString());
    QStringList out;
    out.reserve(numbers.size());
    for (const int attnum : numbers) {
        if (attnum == 0 && skipExpressions)
            continue;
        QString name;
        if (attnum < 0)
            name = systemColumn(attnum);
        else if (it != m_names.constEnd() && attnum < it->size())
            name = it->at(attnum);
        if (name.isEmpty())   // 0: an expression key; or not loaded
            return std::nullopt;
        out << name;
    }
    return out;
}

} // namespace tw::catalog
