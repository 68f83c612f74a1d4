#pragma once

#include "db/Pool.h"

#include <QStringList>
#include <QTest>

// One check of Session::readRows for both drivers' pool tests: NULL, an
// empty text, UTF-8, a 64-bit number and several rows, read on the native
// handle; a failing statement is an error that names what failed.
namespace tw::test {

inline QStringList nativeRowsSeen(db::Pool &pool, const QString &sql)
{
    QFuture<Result<QStringList>> job = pool.run([sql](db::Session &s) -> Result<QStringList> {
        QStringList seen;
        const Status read = s.readRows(sql, [&seen](const db::NativeRow &row) {
            seen << QStringLiteral("%1 %2 %3 [%4] %5 %6")
                        .arg(row.isNull(0))
                        .arg(row.text(0).isNull())
                        .arg(row.text(1).isNull())
                        .arg(row.text(1), row.text(2))
                        .arg(row.int64(3));
        });
        if (!read.ok())
            return read.error();
        return seen;
    });
    job.waitForFinished();
    const auto result = job.result();
    return result ? result.value() : QStringList{QStringLiteral("error: ") + result.error().message()};
}

inline QString nativeRowsQuery()
{
    return QStringLiteral("SELECT NULL, '', 'grüße ✓', 9007199254740993 UNION ALL SELECT 'a', 'b', NULL, -42 ORDER BY 4 DESC");
}

inline QStringList nativeRowsExpected()
{
    return {QStringLiteral("1 1 0 [] grüße ✓ 9007199254740993"), QStringLiteral("0 0 0 [b]  -42")};
}

// The whole check, for a pool of one connection: the rows, then a failing
// statement, then the rows again on the same connection.
inline void verifyNativeRows(db::Pool &pool)
{
    QCOMPARE(nativeRowsSeen(pool, nativeRowsQuery()), nativeRowsExpected());
    const QStringList broken = nativeRowsSeen(pool, QStringLiteral("SELECT * FROM nowhere_at_all"));
    QCOMPARE(broken.size(), 1);
    QVERIFY2(broken.first().startsWith(QLatin1String("error: ")) && broken.first().contains(QLatin1String("nowhere_at_all")),
             qPrintable(broken.first()));
    QCOMPARE(nativeRowsSeen(pool, nativeRowsQuery()), nativeRowsExpected());
}

} // namespace tw::test
