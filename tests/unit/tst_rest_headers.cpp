// PostgREST's request headers (issue 8): Prefer (one or several values,
// strict and lenient handling, what Preference-Applied echoes), Range and
// its intersection with limit/offset, and the wire shape of their errors.
#include "http/rest/PreferHeader.h"
#include "http/rest/RangeHeader.h"
#include "http/rest/RestError.h"
#include "http/rest/RestQueryParser.h"

#include <QtTest>

#include <limits>

using namespace tw;
using namespace tw::http::rest;

namespace {

QString errorText(const Error &e)
{
    return pgrstCode(e) + u' ' + e.message() + QStringLiteral(" | ") + pgrstDetails(e) + QStringLiteral(" | ") + e.hint();
}

} // namespace

class TestRestHeaders : public QObject
{
    Q_OBJECT

private slots:
    void preferHeaderIsRead_data()
    {
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<QString>("applied");   // preferenceApplied()
        QTest::addColumn<QStringList>("invalid");
        QTest::newRow("none") << QList<QByteArray>{} << QString() << QStringList{};
        QTest::newRow("one of each")
            << QList<QByteArray>{"return=representation, count=exact, resolution=merge-duplicates, missing=default, tx=rollback"}
            << u"resolution=merge-duplicates, missing=default, return=representation, count=exact, tx=rollback"_qs << QStringList{};
        QTest::newRow("several headers") << QList<QByteArray>{"count=planned", "return=minimal"}
                                         << u"return=minimal, count=planned"_qs << QStringList{};
        QTest::newRow("first occurrence wins") << QList<QByteArray>{"tx=commit, tx=rollback", "count=estimated,count=exact"}
                                               << u"count=estimated, tx=commit"_qs << QStringList{};
        QTest::newRow("spaces are free") << QList<QByteArray>{"  return=headers-only  ,resolution=ignore-duplicates "}
                                         << u"resolution=ignore-duplicates, return=headers-only"_qs << QStringList{};
        QTest::newRow("lenient ignores unknown") << QList<QByteArray>{"handling=lenient, foo, count=exact"}
                                                 << u"count=exact, handling=lenient"_qs << QStringList{u"foo"_qs};
        QTest::newRow("max-affected only echoed when strict") << QList<QByteArray>{"max-affected=5"} << QString()
                                                              << QStringList{};
        QTest::newRow("strict max-affected") << QList<QByteArray>{"handling=strict", "max-affected=5"}
                                             << u"handling=strict, max-affected=5"_qs << QStringList{};
        QTest::newRow("bad max-affected is invalid") << QList<QByteArray>{"max-affected=x"} << QString()
                                                     << QStringList{u"max-affected=x"_qs};
        QTest::newRow("values are case-sensitive") << QList<QByteArray>{"count=EXACT"} << QString()
                                                   << QStringList{u"count=EXACT"_qs};
        QTest::newRow("timezone kept") << QList<QByteArray>{"timezone=America/Los_Angeles"}
                                       << u"timezone=America/Los_Angeles"_qs << QStringList{};
        QTest::newRow("rpc params not recognized") << QList<QByteArray>{"params=single-object"} << QString()
                                                   << QStringList{u"params=single-object"_qs};
    }
    void preferHeaderIsRead()
    {
        QFETCH(QList<QByteArray>, headers);
        QFETCH(QString, applied);
        QFETCH(QStringList, invalid);
        const auto prefs = parsePrefer(headers);
        QVERIFY2(prefs.ok(), prefs.ok() ? "" : qPrintable(errorText(prefs.error())));
        QCOMPARE(QString::fromUtf8(preferenceApplied(prefs.value())), applied);
        QCOMPARE(prefs.value().invalid, invalid);
    }

    void preferFieldsAreSet()
    {
        const auto prefs = parsePrefer({"return=representation,count=exact", "resolution=ignore-duplicates, missing=null",
                                        "handling=strict, tx=rollback, max-affected=10"});
        QVERIFY(prefs.ok());
        const Preferences &p = prefs.value();
        QCOMPARE(p.returning, Preferences::Return::Representation);
        QCOMPARE(p.count, Preferences::Count::Exact);
        QCOMPARE(p.resolution, Preferences::Resolution::IgnoreDuplicates);
        QCOMPARE(p.missing, Preferences::Missing::Null);
        QCOMPARE(p.handling, Preferences::Handling::Strict);
        QCOMPARE(p.tx, Preferences::Tx::Rollback);
        QCOMPARE(p.maxAffected, std::optional<qint64>(10));
        QCOMPARE(p.recognized.size(), 7);
    }

    void strictHandlingRefusesInvalidPreferences()
    {
        const auto prefs = parsePrefer({"handling=strict, foo, bar"});
        QVERIFY(!prefs.ok());
        QCOMPARE(pgrstCode(prefs.error()), QStringLiteral("PGRST122"));
        QCOMPARE(prefs.error().message(), QStringLiteral("Invalid preferences given with handling=strict"));
        QCOMPARE(pgrstDetails(prefs.error()), QStringLiteral("Invalid preferences: foo, bar"));
        // strict named in a later header still applies to all of them
        QVERIFY(!parsePrefer({"count=nope", "handling=strict"}).ok());
        // the first handling wins: lenient then strict stays lenient
        QVERIFY(parsePrefer({"handling=lenient, handling=strict, foo"}).ok());
    }

    void rangeHeaderIsRead_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<QByteArray>("unit");
        QTest::addColumn<bool>("present");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("limit"); // -1: none
        QTest::newRow("0-24") << QByteArray("0-24") << QByteArray("items") << true << qint64(0) << qint64(25);
        QTest::newRow("10-19 no unit") << QByteArray("10-19") << QByteArray() << true << qint64(10) << qint64(10);
        QTest::newRow("open end") << QByteArray("10-") << QByteArray() << true << qint64(10) << qint64(-1);
        QTest::newRow("spaces trimmed") << QByteArray(" 0-24 ") << QByteArray("Items") << true << qint64(0) << qint64(25);
        QTest::newRow("single item") << QByteArray("5-5") << QByteArray() << true << qint64(5) << qint64(1);
        QTest::newRow("absent") << QByteArray() << QByteArray() << false << qint64(0) << qint64(-1);
        QTest::newRow("garbage ignored") << QByteArray("bytes=0-1") << QByteArray() << false << qint64(0) << qint64(-1);
        QTest::newRow("negative ignored") << QByteArray("-5") << QByteArray() << false << qint64(0) << qint64(-1);
        QTest::newRow("other unit ignored") << QByteArray("0-1") << QByteArray("bytes") << false << qint64(0) << qint64(-1);
    }
    void rangeHeaderIsRead()
    {
        QFETCH(QByteArray, range);
        QFETCH(QByteArray, unit);
        QFETCH(bool, present);
        QFETCH(qint64, offset);
        QFETCH(qint64, limit);
        const auto parsed = parseRangeHeader(range, unit);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().has_value(), present);
        if (!present)
            return;
        QCOMPARE(parsed.value()->offset, offset);
        QCOMPARE(parsed.value()->limit, limit < 0 ? std::optional<qint64>() : std::optional<qint64>(limit));
    }

    void backwardsRangeIsUnsatisfiable()
    {
        const auto parsed = parseRangeHeader("10-2", "items");
        QVERIFY(!parsed.ok());
        QCOMPARE(pgrstCode(parsed.error()), QStringLiteral("PGRST103"));
    }

    void rangeHeaderAndLimitIntersect()
    {
        QCOMPARE(effectiveRange(std::nullopt, std::nullopt, std::nullopt), (RowRange{0, std::nullopt}));
        QCOMPARE(effectiveRange(std::nullopt, 15, 30), (RowRange{30, 15}));
        QCOMPARE(effectiveRange(RowRange{0, 25}, std::nullopt, std::nullopt), (RowRange{0, 25}));
        QCOMPARE(effectiveRange(RowRange{0, 25}, 10, std::nullopt), (RowRange{0, 10}));
        QCOMPARE(effectiveRange(RowRange{5, 20}, 100, 10), (RowRange{10, 15}));
        // Ends near 2^63 saturate instead of overflowing.
        const qint64 huge = std::numeric_limits<qint64>::max();
        const RowRange far = effectiveRange(RowRange{5, 20}, huge, huge);
        QCOMPARE(far.offset, huge);
        QCOMPARE(effectiveRange(RowRange{10, std::nullopt}, 5, std::nullopt), (RowRange{10, 0}));
        QCOMPARE(effectiveRange(std::nullopt, 0, std::nullopt), (RowRange{0, 0}));
    }

    void errorsKeepTheWireShape()
    {
        const auto parsed = parseRestQuery(QByteArray("a=noop.1"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(parsed.error().message(), QStringLiteral("failed to parse filter (a=noop.1)"));
        QVERIFY(pgrstDetails(parsed.error()).startsWith(u"unknown operator \"noop\""_qs));
        QVERIFY(pgrstDetails(parsed.error()).endsWith(u"(column 1)"_qs));
    }
};

QTEST_GUILESS_MAIN(TestRestHeaders)
#include "tst_rest_headers.moc"
