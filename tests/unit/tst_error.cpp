#include "error/Error.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using tw::Error;
using tw::ErrorCode;
using tw::Result;
using tw::Status;

Q_DECLARE_METATYPE(tw::ErrorCode)

namespace {
// ErrorCode has no count enumerator; MigrationLocked is the last one. A code
// added after it without updating this constant fails allCodesHaveDistinctNames().
constexpr int kLastCode = int(ErrorCode::MigrationLocked);

QList<ErrorCode> allCodes()
{
    QList<ErrorCode> codes;
    for (int i = 0; i <= kLastCode; ++i)
        codes << ErrorCode(i);
    return codes;
}
} // namespace

class TstError : public QObject
{
    Q_OBJECT

private slots:
    void allCodesHaveDistinctNames()
    {
        QSet<QString> names;
        static const QRegularExpression wire(QStringLiteral("^[A-Z][A-Z_]*[A-Z]$"));
        for (ErrorCode code : allCodes()) {
            const QString name = tw::errorCodeName(code);
            QVERIFY2(wire.match(name).hasMatch(), qPrintable(name));
            QVERIFY2(!names.contains(name), qPrintable(QStringLiteral("duplicate name ") + name));
            names.insert(name);
        }
        QCOMPARE(names.size(), kLastCode + 1);
        // INTERNAL is also the fallback for unknown values: only Internal may map to it.
        QCOMPARE(tw::errorCodeName(ErrorCode::Internal), QStringLiteral("INTERNAL"));
    }

    void nameRoundTrip()
    {
        for (ErrorCode code : allCodes()) {
            const auto back = tw::errorCodeFromName(tw::errorCodeName(code));
            QVERIFY(back.has_value());
            QCOMPARE(int(*back), int(code));
        }
        QVERIFY(!tw::errorCodeFromName(QStringLiteral("NO_SUCH_CODE")).has_value());
        QVERIFY(!tw::errorCodeFromName(QStringLiteral("not_found")).has_value());
        QVERIFY(!tw::errorCodeFromName(QString()).has_value());
    }

    void httpStatus_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::newRow("pool timeout") << ErrorCode::PoolTimeout << "POOL_TIMEOUT" << 503;
        QTest::newRow("not found") << ErrorCode::NotFound << "NOT_FOUND" << 404;
        QTest::newRow("table not found") << ErrorCode::TableNotFound << "TABLE_NOT_FOUND" << 404;
        QTest::newRow("validation") << ErrorCode::ValidationFailed << "VALIDATION_FAILED" << 400;
        QTest::newRow("unauthenticated") << ErrorCode::Unauthenticated << "UNAUTHENTICATED" << 401;
        QTest::newRow("permission") << ErrorCode::PermissionDenied << "PERMISSION_DENIED" << 403;
        QTest::newRow("conflict") << ErrorCode::Conflict << "CONFLICT" << 409;
        QTest::newRow("db unavailable") << ErrorCode::DbUnavailable << "DB_UNAVAILABLE" << 503;
        QTest::newRow("internal") << ErrorCode::Internal << "INTERNAL" << 500;
        QTest::newRow("migration locked") << ErrorCode::MigrationLocked << "MIGRATION_LOCKED" << 423;
    }

    void httpStatus()
    {
        QFETCH(ErrorCode, code);
        QFETCH(QString, name);
        QFETCH(int, status);
        QCOMPARE(tw::errorCodeName(code), name);
        QCOMPARE(tw::httpStatusFor(code), status);
        QCOMPARE(Error(code, QStringLiteral("x")).httpStatus(), status);
    }

    void everyStatusIsAnHttpError()
    {
        for (ErrorCode code : allCodes()) {
            const int status = tw::httpStatusFor(code);
            QVERIFY2(status >= 400 && status <= 599, qPrintable(tw::errorCodeName(code)));
        }
    }

    void errorAccessorsAndToString()
    {
        const Error e(ErrorCode::PoolTimeout, QStringLiteral("no connection within 5000 ms"),
                      {{QStringLiteral("connection"), QStringLiteral("pg")}}, QStringLiteral("raise pool.size"));
        QCOMPARE(e.code(), ErrorCode::PoolTimeout);
        QCOMPARE(e.codeName(), QStringLiteral("POOL_TIMEOUT"));
        QCOMPARE(e.message(), QStringLiteral("no connection within 5000 ms"));
        QCOMPARE(e.details().value(QStringLiteral("connection")).toString(), QStringLiteral("pg"));
        QCOMPARE(e.hint(), QStringLiteral("raise pool.size"));
        QCOMPARE(e.toString(), QStringLiteral("POOL_TIMEOUT: no connection within 5000 ms"));

        const Error defaulted;
        QCOMPARE(defaulted.code(), ErrorCode::Internal);
        QVERIFY(defaulted.message().isEmpty());
    }

    void withDetailChainsAndOverwrites()
    {
        Error e(ErrorCode::TableNotFound, QStringLiteral("no table x"));
        Error &same = e.withDetail(QStringLiteral("table"), QStringLiteral("x"))
                          .withDetail(QStringLiteral("available"), QStringList{QStringLiteral("a"), QStringLiteral("b")})
                          .withHint(QStringLiteral("check the name"));
        QCOMPARE(&same, &e);
        QCOMPARE(e.details().size(), 2);
        QCOMPARE(e.details().value(QStringLiteral("available")).toStringList(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        e.withDetail(QStringLiteral("table"), QStringLiteral("y"));
        QCOMPARE(e.details().value(QStringLiteral("table")).toString(), QStringLiteral("y"));
        QCOMPARE(e.details().size(), 2);
        QCOMPARE(e.hint(), QStringLiteral("check the name"));
    }

    void equality()
    {
        const Error a(ErrorCode::Conflict, QStringLiteral("m"), {{QStringLiteral("k"), 1}});
        Error b = a;
        QVERIFY(a == b);
        b.withDetail(QStringLiteral("k"), 2);
        QVERIFY(!(a == b));
        QVERIFY(!(a == Error(ErrorCode::NotFound, QStringLiteral("m"), {{QStringLiteral("k"), 1}})));
    }

    void resultHoldsValueOrError()
    {
        Result<int> good = 42;
        QVERIFY(good.ok());
        QVERIFY(bool(good));
        QCOMPARE(good.value(), 42);
        QCOMPARE(good.valueOr(7), 42);
        good.value() = 43;
        QCOMPARE(good.value(), 43);

        Result<int> bad = Error(ErrorCode::NotFound, QStringLiteral("gone"));
        QVERIFY(!bad.ok());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code(), ErrorCode::NotFound);
        QCOMPARE(bad.error().message(), QStringLiteral("gone"));
        QCOMPARE(bad.valueOr(7), 7);
    }

    void resultMovesValueOut()
    {
        Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
        QVERIFY(r.ok());
        std::unique_ptr<int> p = std::move(r).value();
        QVERIFY(p);
        QCOMPARE(*p, 5);
    }

    void resultOfStringIsNotConfusedWithError()
    {
        // Result<QString> must pick the value constructor for a string.
        Result<QString> r = QStringLiteral("secret-free");
        QVERIFY(r.ok());
        QCOMPARE(r.value(), QStringLiteral("secret-free"));
    }

    void status()
    {
        const Status fine;
        QVERIFY(fine.ok());
        QVERIFY(bool(fine));

        const Status failed = Error(ErrorCode::MigrationLocked, QStringLiteral("held by pid 7"));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::MigrationLocked);
        QCOMPARE(failed.error().httpStatus(), 423);
    }

    void errorIsAMetaType()
    {
        const Error e(ErrorCode::Busy, QStringLiteral("locked"));
        const QVariant v = QVariant::fromValue(e);
        QVERIFY(v.canConvert<Error>());
        QCOMPARE(v.value<Error>().code(), ErrorCode::Busy);
    }
};

QTEST_GUILESS_MAIN(TstError)
#include "tst_error.moc"
