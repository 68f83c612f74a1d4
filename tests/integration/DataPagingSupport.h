#pragma once

// Shared by tst_data_paging_postgres and tst_data_paging_sqlite: the
// DataService front door on a real registry, and direct queries that say
// what a page must hold.
#include "TestEnv.h"
#include "data/DataService.h"
#include "db/ConnectionRegistry.h"

#include <QStringList>
#include <QtTest>

namespace tw::test {

// One cell as text, NULL distinct from every string.
inline QString rendered(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("<NULL>");
    if (value.typeId() == QMetaType::QByteArray)
        return QStringLiteral("x:") + QString::fromLatin1(value.toByteArray().toHex());
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

inline QStringList rendered(const QVariantList &values)
{
    QStringList out;
    for (const QVariant &v : values)
        out << rendered(v);
    return out;
}

inline QList<QStringList> rendered(const data::Page &page)
{
    QList<QStringList> out;
    for (const data::Row &row : page.rows)
        out << rendered(row.values);
    return out;
}

class DataHarness
{
public:
    db::ConnectionRegistry registry;
    QString connection;

    Status open(const config::ConnectionProfile &profile)
    {
        connection = profile.name;
        auto opened = registry.open(profile);
        waitFor(opened, 30000);
        return opened.result();
    }

    // Rows of a direct query, rendered.
    QList<QStringList> direct(const QString &sql, const QVariantList &binds = {})
    {
        auto result = resultOf(registry.pool(connection)->run([sql, binds](db::Session &s) -> Result<QList<QStringList>> {
            auto rows = s.exec(sql, binds);
            if (!rows)
                return rows.error();
            QList<QStringList> out;
            const int width = rows.value().record().count();
            while (rows.value().next()) {
                QStringList row;
                for (int i = 0; i < width; ++i)
                    row << rendered(rows.value().value(i));
                out << row;
            }
            return out;
        }));
        if (!result.ok())
            qWarning() << "direct query failed:" << result.error().toString() << sql;
        return result.valueOr({});
    }

    QString scalar(const QString &sql)
    {
        const auto rows = direct(sql);
        return rows.isEmpty() || rows.first().isEmpty() ? QString() : rows.first().first();
    }

    Status script(const QString &sql)
    {
        return resultOf(registry.pool(connection)->run([sql](db::Session &s) { return s.executeScript(sql); }));
    }

    Result<data::TableShape> describe(const QString &schema, const QString &name)
    {
        return resultOf(data::describeTable(registry, connection, {schema, name}));
    }

    Result<data::Page> page(const data::TableShape &shape, const data::PageRequest &request)
    {
        return resultOf(data::startPageLoad(registry, connection, shape, request).future);
    }

    Result<qint64> count(const data::TableShape &shape, const data::PageRequest &request)
    {
        return resultOf(data::startCount(registry, connection, shape, request).future);
    }

    Result<qint64> estimate(const data::TableShape &shape, const data::PageRequest &request)
    {
        return resultOf(data::estimateCount(registry, connection, shape, request));
    }
};

inline data::PageRequest request(QList<data::SortKey> order = {}, QList<data::Filter> filters = {}, int limit = 200)
{
    data::PageRequest r;
    r.order = std::move(order);
    r.filters = std::move(filters);
    r.limit = limit;
    return r;
}

inline data::PageRequest anchored(data::PageRequest r, data::PageAnchor anchor)
{
    r.anchor = std::move(anchor);
    return r;
}

// Every row of a browse, read page after page from the first (or, backwards,
// from the last), in browse order; stops after maxPages or at an error.
inline QList<QStringList> walkForwards(DataHarness &db, const data::TableShape &s, const data::PageRequest &r,
                                       int maxPages = 400)
{
    QList<QStringList> seen;
    Result<data::Page> page = db.page(s, anchored(r, data::PageAnchor::first()));
    for (int n = 0; n < maxPages && page.ok(); ++n) {
        seen << rendered(page.value());
        if (page.value().atEnd || page.value().rows.isEmpty())
            break;
        page = db.page(s, anchored(r, data::PageAnchor::after(page.value().rows.last().orderKey)));
    }
    if (!page.ok())
        qWarning() << page.error().toString();
    return seen;
}

inline QList<QStringList> walkBackwards(DataHarness &db, const data::TableShape &s, const data::PageRequest &r,
                                        int maxPages = 400)
{
    QList<QStringList> seen;
    Result<data::Page> page = db.page(s, anchored(r, data::PageAnchor::last()));
    for (int n = 0; n < maxPages && page.ok(); ++n) {
        seen = rendered(page.value()) + seen;
        if (page.value().atStart || page.value().rows.isEmpty())
            break;
        page = db.page(s, anchored(r, data::PageAnchor::before(page.value().rows.first().orderKey)));
    }
    if (!page.ok())
        qWarning() << page.error().toString();
    return seen;
}

} // namespace tw::test

// Unwraps a Result in a test slot, failing with the error's text.
#define TW_OK(expr)                                                                                   \
    [&]() {                                                                                           \
        auto r_ = (expr);                                                                             \
        if (!r_.ok())                                                                                 \
            qWarning().noquote() << "error:" << r_.error().toString() << r_.error().details();       \
        return r_;                                                                                    \
    }()
