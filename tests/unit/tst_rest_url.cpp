// The browser's request said as a REST URL and a postgrest-js call (issue 8):
// every filter kind of the browser, quoting and encoding of awkward values
// and names, the sort with its NULLs, what cannot be said, the base URL —
// and round trips: the URL's query read back by the server's own parser
// gives the browser's conditions, and the postgrest-js snippet, run by the
// real library, sends the same request as the URL.
#include "TestEnv.h"
#include "config/AppConfig.h"
#include "data/RestUrl.h"
#include "http/rest/RestQueryParser.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace tw;
using data::Filter;
using data::FilterOp;
namespace rest = tw::http::rest;

Q_DECLARE_METATYPE(tw::data::Filter)
Q_DECLARE_METATYPE(QList<tw::data::Filter>)

namespace {

data::RestBrowse browseOf(QList<Filter> filters, QList<data::SortKey> order = {}, QString where = {})
{
    data::RestBrowse browse;
    browse.baseUrl = QStringLiteral("http://127.0.0.1:8080");
    browse.connection = QStringLiteral("chinook");
    browse.table = {QStringLiteral("public"), QStringLiteral("track")};
    browse.browse.filters = std::move(filters);
    browse.browse.order = std::move(order);
    browse.browse.where = std::move(where);
    return browse;
}

Filter filter(const QString &column, FilterOp op, QVariantList values = {})
{
    return Filter{column, op, std::move(values)};
}

// What the server's parser must read for one browser filter, written out
// here independently of the translator.
QList<rest::Condition> expectedConditions(const Filter &f)
{
    rest::Condition c;
    c.field.name = f.column;
    const auto single = [&](rest::FilterOp op) {
        c.op = op;
        c.value = f.values.value(0).toString();
        return QList<rest::Condition>{c};
    };
    switch (f.op) {
    case FilterOp::Equal: return single(rest::FilterOp::Eq);
    case FilterOp::NotEqual: return single(rest::FilterOp::Neq);
    case FilterOp::Less: return single(rest::FilterOp::Lt);
    case FilterOp::LessOrEqual: return single(rest::FilterOp::Lte);
    case FilterOp::Greater: return single(rest::FilterOp::Gt);
    case FilterOp::GreaterOrEqual: return single(rest::FilterOp::Gte);
    case FilterOp::Like: return single(rest::FilterOp::Like);
    case FilterOp::ILike: return single(rest::FilterOp::ILike);
    case FilterOp::IsNull:
    case FilterOp::IsNotNull:
        c.op = rest::FilterOp::Is;
        c.isValue = rest::IsValue::Null;
        c.negated = f.op == FilterOp::IsNotNull;
        return {c};
    case FilterOp::In:
        c.op = rest::FilterOp::In;
        for (const QVariant &v : f.values)
            c.values << v.toString();
        return {c};
    case FilterOp::Between: {
        rest::Condition high = c;
        c.op = rest::FilterOp::Gte;
        c.value = f.values.value(0).toString();
        high.op = rest::FilterOp::Lte;
        high.value = f.values.value(1).toString();
        return {c, high};
    }
    }
    return {};
}

// The parsed top-level conditions; like patterns with PostgREST's '*' read
// back as '%', which is what the server runs.
QList<rest::Condition> parsedConditions(const rest::RestQuery &query)
{
    QList<rest::Condition> out;
    for (const rest::FilterNode &node : query.where.children) {
        rest::Condition c = node.condition;
        if (c.op == rest::FilterOp::Like || c.op == rest::FilterOp::ILike)
            c.value.replace(u'*', u'%');
        out << c;
    }
    return out;
}

QByteArray queryOfUrl(const QString &url)
{
    const QString firstLine = url.section(u'\n', 0, 0);
    return firstLine.section(u'?', 1).toLatin1();
}

// A sample of everything the browser can send, with awkward values.
QList<Filter> everyKind()
{
    return {
        filter(QStringLiteral("Name"), FilterOp::ILike, {QStringLiteral("%rock & roll = 100%+%")}),
        filter(QStringLiteral("Composer"), FilterOp::Like, {QStringLiteral("AC/DC_%")}),
        filter(QStringLiteral("TrackId"), FilterOp::Equal, {QStringLiteral("5")}),
        filter(QStringLiteral("AlbumId"), FilterOp::NotEqual, {QStringLiteral("1")}),
        filter(QStringLiteral("Milliseconds"), FilterOp::Less, {QStringLiteral("300000")}),
        filter(QStringLiteral("Bytes"), FilterOp::LessOrEqual, {QStringLiteral("9e6")}),
        filter(QStringLiteral("UnitPrice"), FilterOp::Greater, {QStringLiteral("0.5")}),
        filter(QStringLiteral("GenreId"), FilterOp::GreaterOrEqual, {QStringLiteral("2")}),
        filter(QStringLiteral("MediaTypeId"), FilterOp::IsNull),
        filter(QStringLiteral("Composer"), FilterOp::IsNotNull),
        filter(QStringLiteral("Name"), FilterOp::In,
               {QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("(x)"), QStringLiteral("back\\slash"),
                QStringLiteral("two words"), QStringLiteral("Zoë 東京 🎸"), QStringLiteral("1+1=2&3%"), QStringLiteral("plain")}),
        filter(QStringLiteral("Milliseconds"), FilterOp::Between, {QStringLiteral("1000"), QStringLiteral("2000")}),
        filter(QStringLiteral("my col"), FilterOp::Equal, {QStringLiteral("it's \"quoted\", (really)")}),
        filter(QStringLiteral("order"), FilterOp::Equal, {QStringLiteral("x")}),
        filter(QStringLiteral("prénom"), FilterOp::Equal, {QStringLiteral("Zoë")}),
        filter(QStringLiteral("we\"ird\\name"), FilterOp::Equal, {QStringLiteral("v")}),
        filter(QStringLiteral("a-b"), FilterOp::GreaterOrEqual, {QStringLiteral("-3")}),
    };
}

} // namespace

class TestRestUrl : public QObject
{
    Q_OBJECT

private slots:
    void eachBrowserFilterBecomesItsPostgrestOperator_data()
    {
        QTest::addColumn<Filter>("filter");
        QTest::addColumn<QString>("query");
        QTest::newRow("equal") << filter(QStringLiteral("id"), FilterOp::Equal, {5}) << QStringLiteral("id=eq.5");
        QTest::newRow("not equal") << filter(QStringLiteral("id"), FilterOp::NotEqual, {QStringLiteral("5")}) << QStringLiteral("id=neq.5");
        QTest::newRow("less") << filter(QStringLiteral("id"), FilterOp::Less, {QStringLiteral("5")}) << QStringLiteral("id=lt.5");
        QTest::newRow("less or equal") << filter(QStringLiteral("id"), FilterOp::LessOrEqual, {QStringLiteral("5")}) << QStringLiteral("id=lte.5");
        QTest::newRow("greater") << filter(QStringLiteral("id"), FilterOp::Greater, {QStringLiteral("5")}) << QStringLiteral("id=gt.5");
        QTest::newRow("greater or equal") << filter(QStringLiteral("id"), FilterOp::GreaterOrEqual, {QStringLiteral("5")}) << QStringLiteral("id=gte.5");
        QTest::newRow("like: % as PostgREST's *") << filter(QStringLiteral("name"), FilterOp::Like, {QStringLiteral("A%b_")})
                                                   << QStringLiteral("name=like.A*b_");
        QTest::newRow("ilike (the filter row's plain text)") << filter(QStringLiteral("name"), FilterOp::ILike, {QStringLiteral("%rock%")})
                                                             << QStringLiteral("name=ilike.*rock*");
        QTest::newRow("is null") << filter(QStringLiteral("c"), FilterOp::IsNull) << QStringLiteral("c=is.null");
        QTest::newRow("is not null") << filter(QStringLiteral("c"), FilterOp::IsNotNull) << QStringLiteral("c=not.is.null");
        QTest::newRow("in") << filter(QStringLiteral("id"), FilterOp::In, {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")})
                            << QStringLiteral("id=in.(1,2,3)");
        QTest::newRow("between: two conditions on one column")
            << filter(QStringLiteral("ms"), FilterOp::Between, {QStringLiteral("10"), QStringLiteral("20")})
            << QStringLiteral("ms=gte.10&ms=lte.20");
        QTest::newRow("boolean value") << filter(QStringLiteral("b"), FilterOp::Equal, {true}) << QStringLiteral("b=eq.true");
    }

    void eachBrowserFilterBecomesItsPostgrestOperator()
    {
        QFETCH(Filter, filter);
        QFETCH(QString, query);
        QStringList notes;
        QCOMPARE(QString::fromLatin1(data::restQueryString(browseOf({filter}), &notes)), query);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(u'\n')));
    }

    void valuesAreFormEncodedWithPlusAsPercent2B_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plus") << QStringLiteral("a+b") << QStringLiteral("a%2Bb");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("a%20b");
        QTest::newRow("percent") << QStringLiteral("100%") << QStringLiteral("100%25");
        QTest::newRow("ampersand") << QStringLiteral("a&b") << QStringLiteral("a%26b");
        QTest::newRow("equals") << QStringLiteral("a=b") << QStringLiteral("a%3Db");
        QTest::newRow("hash and question") << QStringLiteral("#?") << QStringLiteral("%23%3F");
        QTest::newRow("quote and comma stay a single value") << QStringLiteral("say \"hi\", (x)")
                                                             << QStringLiteral("say%20%22hi%22,%20(x)");
        QTest::newRow("unicode as UTF-8") << QStringLiteral("Zoë🎸") << QStringLiteral("Zo%C3%AB%F0%9F%8E%B8");
    }

    void valuesAreFormEncodedWithPlusAsPercent2B()
    {
        QFETCH(QString, value);
        QFETCH(QString, encoded);
        const auto query = data::restQueryString(browseOf({filter(QStringLiteral("c"), FilterOp::Equal, {value})}));
        QCOMPARE(QString::fromLatin1(query), QStringLiteral("c=eq.") + encoded);
    }

    void inListItemsAreQuotedPerPostgrestRules()
    {
        const auto query = data::restQueryString(browseOf({filter(
            QStringLiteral("c"), FilterOp::In,
            {QStringLiteral("a,b"), QStringLiteral("(x)"), QStringLiteral("say \"hi\""), QStringLiteral("back\\slash"),
             QStringLiteral("two words"), QStringLiteral("plain"), QStringLiteral("1+1")})}));
        QCOMPARE(QUrl::fromPercentEncoding(query),
                 QStringLiteral("c=in.(\"a,b\",\"(x)\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"two words\",plain,1+1)"));
        QVERIFY(query.contains("1%2B1)"));
    }

    void awkwardColumnNamesAreQuoted_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("key");
        QTest::newRow("plain") << QStringLiteral("Track_Id$") << QStringLiteral("Track_Id$");
        QTest::newRow("unicode letters stay bare") << QStringLiteral("prénom") << QStringLiteral("prénom");
        QTest::newRow("space") << QStringLiteral("my col") << QStringLiteral("\"my col\"");
        QTest::newRow("reserved key order") << QStringLiteral("order") << QStringLiteral("\"order\"");
        QTest::newRow("reserved key or") << QStringLiteral("or") << QStringLiteral("\"or\"");
        QTest::newRow("dash (JSON arrow lookalike)") << QStringLiteral("a->b") << QStringLiteral("\"a->b\"");
        QTest::newRow("dot") << QStringLiteral("a.b") << QStringLiteral("\"a.b\"");
        QTest::newRow("quote and backslash") << QStringLiteral("we\"ird\\") << QStringLiteral("\"we\\\"ird\\\\\"");
    }

    void awkwardColumnNamesAreQuoted()
    {
        QFETCH(QString, column);
        QFETCH(QString, key);
        const auto query = data::restQueryString(browseOf({filter(column, FilterOp::Equal, {QStringLiteral("1")})}));
        QCOMPARE(QUrl::fromPercentEncoding(query), key + QStringLiteral("=eq.1"));
        // …and the server reads the name back.
        auto parsed = rest::parseRestQuery(query);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QCOMPARE(parsed.value().where.children.value(0).condition.field.name, column);
    }

    void sortKeepsNullsLastInBothDirectionsThenTheRowIdentity()
    {
        auto browse = browseOf({}, {{QStringLiteral("Composer"), true}, {QStringLiteral("Name"), false}});
        browse.keyColumns = {QStringLiteral("TrackId")};
        QCOMPARE(QString::fromLatin1(data::restQueryString(browse)),
                 QStringLiteral("order=Composer.desc.nullslast,Name.asc.nullslast,TrackId.asc"));
        // A key column that is also sorted is not repeated.
        browse.browse.order = {{QStringLiteral("TrackId"), true}};
        QCOMPARE(QString::fromLatin1(data::restQueryString(browse)), QStringLiteral("order=TrackId.desc.nullslast"));
        auto parsed = rest::parseRestQuery(data::restQueryString(browse));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().order.size(), 1);
        QVERIFY(parsed.value().order.first().descending);
        QCOMPARE(parsed.value().order.first().nulls, rest::OrderTerm::Nulls::Last);
    }

    void theUrlNamesServerConnectionAndQualifiedTable()
    {
        auto browse = browseOf({filter(QStringLiteral("id"), FilterOp::Equal, {QStringLiteral("1")})});
        browse.columns = {QStringLiteral("id"), QStringLiteral("my col")};
        QCOMPARE(data::restUrl(browse).text,
                 QStringLiteral("http://127.0.0.1:8080/rest/chinook/public.track?select=id,%22my%20col%22&id=eq.1"));
        // SQLite: no schema in the browser; the route's main.
        browse.table = {{}, QStringLiteral("play list")};
        browse.columns.clear();
        browse.browse.filters.clear();
        browse.baseUrl = QStringLiteral("https://db.example:8443/");
        QCOMPARE(data::restUrl(browse).text, QStringLiteral("https://db.example:8443/rest/chinook/main.play%20list"));
    }

    void theWhereBoxIsReportedNotDropped()
    {
        const auto browse = browseOf({filter(QStringLiteral("id"), FilterOp::Greater, {QStringLiteral("1")})}, {},
                                     QStringLiteral("length(Name) > 10\nAND 1=1"));
        const data::RestText url = data::restUrl(browse);
        QCOMPARE(url.notes.size(), 1);
        const QStringList lines = url.text.split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), QStringLiteral("http://127.0.0.1:8080/rest/chinook/public.track?id=gt.1"));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("# not translated: the WHERE box (length(Name) > 10 AND 1=1)")),
                 qPrintable(lines.at(1)));
        const data::RestText js = data::postgrestJs(browse);
        QVERIFY(js.text.contains(QStringLiteral("\n// not translated: the WHERE box (length(Name) > 10 AND 1=1)")));
        QVERIFY(js.text.endsWith(QStringLiteral(".gt('id', 1)")));
    }

    void aLiteralStarInAPatternIsApproximatedAndSaidSo()
    {
        // The browser's LIKE takes '*' literally; PostgREST would read it as '%'.
        const auto browse = browseOf({filter(QStringLiteral("name"), FilterOp::ILike, {QStringLiteral("%a*b\\*c%")})});
        const data::RestText url = data::restUrl(browse);
        QCOMPARE(url.text.section(u'\n', 0, 0), QStringLiteral("http://127.0.0.1:8080/rest/chinook/public.track?name=ilike.*a_b_c*"));
        QCOMPARE(url.notes.size(), 1);
        QVERIFY(url.notes.first().startsWith(QStringLiteral("approximate: the pattern on name contains '*'")));
        QVERIFY(url.text.contains(QStringLiteral("\n# approximate:")));
    }

    void aValueWithoutTextFormIsReportedNotDropped()
    {
        const auto browse = browseOf({filter(QStringLiteral("blob"), FilterOp::Equal, {QByteArray("\x01\x02")}),
                                      filter(QStringLiteral("id"), FilterOp::Equal, {QStringLiteral("1")})});
        const data::RestText url = data::restUrl(browse);
        QCOMPARE(url.text.section(u'\n', 0, 0), QStringLiteral("http://127.0.0.1:8080/rest/chinook/public.track?id=eq.1"));
        QCOMPARE(url.notes.size(), 1);
        QVERIFY(url.notes.first().startsWith(QStringLiteral("not translated: the filter on blob (eq)")));
    }

    // The server's own parser, on the raw query, reads the browser's filters back.
    void theServerParserReadsBackTheBrowsersFilters()
    {
        const QList<Filter> filters = everyKind();
        auto browse = browseOf(filters, {{QStringLiteral("Name"), true}, {QStringLiteral("my col"), false}});
        browse.columns = {QStringLiteral("TrackId"), QStringLiteral("my col"), QStringLiteral("prénom")};
        QStringList notes;
        const QByteArray query = data::restQueryString(browse, &notes);
        QVERIFY(notes.isEmpty());
        auto parsed = rest::parseRestQuery(query);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QList<rest::Condition> expected;
        for (const Filter &f : filters)
            expected << expectedConditions(f);
        const QList<rest::Condition> actual = parsedConditions(parsed.value());
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QVERIFY2(actual.at(i) == expected.at(i),
                     qPrintable(QStringLiteral("condition %1: %2 %3 / %4").arg(i).arg(actual.at(i).field.name,
                                                                                   actual.at(i).value + actual.at(i).values.join(u'|'),
                                                                                   expected.at(i).value + expected.at(i).values.join(u'|'))));
        }
        const auto &order = parsed.value().order;
        QCOMPARE(order.size(), 2);
        QCOMPARE(order.at(0).field.name, QStringLiteral("Name"));
        QVERIFY(order.at(0).descending);
        QCOMPARE(order.at(1).field.name, QStringLiteral("my col"));
        QVERIFY(!order.at(1).descending);
        QCOMPARE(order.at(1).nulls, rest::OrderTerm::Nulls::Last);
        QStringList selected;
        for (const rest::SelectItem &item : parsed.value().select)
            selected << item.field.name;
        QCOMPARE(selected, browse.columns);
    }

    void theSnippetCallsPostgrestJsWithEscapedLiterals()
    {
        auto browse = browseOf({filter(QStringLiteral("Name"), FilterOp::ILike, {QStringLiteral("%it's%")}),
                                filter(QStringLiteral("id"), FilterOp::In, {QStringLiteral("1"), QStringLiteral("05")}),
                                filter(QStringLiteral("c"), FilterOp::IsNull),
                                filter(QStringLiteral("d"), FilterOp::IsNotNull),
                                filter(QStringLiteral("ms"), FilterOp::Between, {QStringLiteral("1"), QStringLiteral("2.50")}),
                                filter(QStringLiteral("note"), FilterOp::Equal, {QStringLiteral("a\\b\nc\u2028")})},
                               {{QStringLiteral("Name"), true}});
        browse.keyColumns = {QStringLiteral("id")};
        browse.columns = {QStringLiteral("id"), QStringLiteral("Name")};
        const QString expected = QStringLiteral(
            "// import { PostgrestClient } from '@supabase/postgrest-js'\n"
            "// const supabase = new PostgrestClient('http://127.0.0.1:8080/rest/chinook', { headers: { Authorization: `Bearer ${token}` } })\n"
            "const { data, error } = await supabase.from('public.track').select('id,Name')"
            ".ilike('Name', '%it\\'s%').in('id', [1, '05']).is('c', null).not('d', 'is', null)"
            ".gte('ms', 1).lte('ms', '2.50').eq('note', 'a\\\\b\\nc\\u2028')"
            ".order('Name', { ascending: false, nullsFirst: false }).order('id', { ascending: true })");
        QCOMPARE(data::postgrestJs(browse).text, expected);
    }

    void inListsPostgrestJsCannotQuoteUseFilter()
    {
        const auto browse = browseOf({filter(QStringLiteral("c"), FilterOp::In, {QStringLiteral("a,\"b"), QStringLiteral("x")})});
        QVERIFY(data::postgrestJs(browse).text.endsWith(QStringLiteral(".filter('c', 'in', '(\"a,\\\\\"b\",x)')")));
        const auto safe = browseOf({filter(QStringLiteral("c"), FilterOp::In, {QStringLiteral("a,b"), QStringLiteral("x y")})});
        QVERIFY(data::postgrestJs(safe).text.endsWith(QStringLiteral(".in('c', ['a,b', 'x y'])")));
    }

    // The snippet run by the real @supabase/postgrest-js (fetch captured)
    // sends a request the server parses exactly as the copied URL.
    void theSnippetSendsWhatTheUrlSays()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString package = test::sourceDir() + QStringLiteral("/tools/postgrest/package.json");
        TW_REQUIRE_SERVICE(!node.isEmpty(), QStringLiteral("node"));
        TW_REQUIRE_SERVICE(QFile::exists(test::sourceDir() + QStringLiteral("/tools/postgrest/node_modules/@supabase/postgrest-js/package.json")),
                           QStringLiteral("@supabase/postgrest-js in tools/postgrest (tools/install-deps.sh)"));
        auto browse = browseOf(everyKind(), {{QStringLiteral("Name"), true}, {QStringLiteral("my col"), false}});
        browse.columns = {QStringLiteral("TrackId"), QStringLiteral("my col"), QStringLiteral("prénom")};
        browse.keyColumns = {QStringLiteral("TrackId")};
        browse.table = {QStringLiteral("public"), QStringLiteral("odd table")};
        const QString snippet = data::postgrestJs(browse).text;
        const QString script = QStringLiteral(
            "const { createRequire } = require('node:module');\n"
            "const { PostgrestClient } = createRequire(process.argv[1])('@supabase/postgrest-js');\n"
            "const sent = [];\n"
            "const fetch = async (url) => { sent.push(String(url)); return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }); };\n"
            "(async () => {\n"
            "const supabase = new PostgrestClient('http://127.0.0.1:8080/rest/chinook', { fetch });\n"
            "%1\n"
            "if (error) throw new Error(JSON.stringify(error));\n"
            "process.stdout.write(sent[0]);\n"
            "})().catch((e) => { console.error(e); process.exit(1); });\n").arg(snippet);
        QProcess process;
        process.start(node, {QStringLiteral("-e"), script, package});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QString sent = QString::fromUtf8(process.readAllStandardOutput());
        const QString url = data::restUrl(browse).text;
        QCOMPARE(sent.section(u'?', 0, 0), url.section(u'?', 0, 0));
        auto fromJs = rest::parseRestQuery(sent.section(u'?', 1).toUtf8());
        auto fromUrl = rest::parseRestQuery(queryOfUrl(url));
        QVERIFY2(fromJs.ok(), qPrintable(sent));
        QVERIFY(fromUrl.ok());
        QCOMPARE(fromJs.value().where.children.size(), fromUrl.value().where.children.size());
        for (qsizetype i = 0; i < fromUrl.value().where.children.size(); ++i)
            QVERIFY2(parsedConditions(fromJs.value()).at(i) == parsedConditions(fromUrl.value()).at(i), qPrintable(QString::number(i)));
        QVERIFY(fromJs.value().order == fromUrl.value().order);
        QVERIFY(fromJs.value().select == fromUrl.value().select);
    }

    void theBaseUrlIsTheRunningServerElseTheConfigElseAPlaceholder()
    {
        config::ApiSettings api;
        api.listenAddress = QStringLiteral("0.0.0.0");
        api.port = 9000;
        QCOMPARE(data::restBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:41234")), &api), QStringLiteral("http://127.0.0.1:41234"));
        QCOMPARE(data::restBaseUrl({}, &api), QStringLiteral("http://127.0.0.1:9000"));
        api.listenAddress = QStringLiteral("::");
        QCOMPARE(data::restBaseUrl({}, &api), QStringLiteral("http://[::1]:9000"));
        api.listenAddress = QStringLiteral("192.0.2.7");
        api.tlsCertificate = QStringLiteral("cert.pem");
        QCOMPARE(data::restBaseUrl({}, &api), QStringLiteral("https://192.0.2.7:9000"));
        api.port = 0; // the OS picks a port at start: nothing to name yet
        QCOMPARE(data::restBaseUrl({}, &api), QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(data::restBaseUrl({}, nullptr), QStringLiteral("http://127.0.0.1:8080"));
    }
};

QTEST_GUILESS_MAIN(TestRestUrl)
#include "tst_rest_url.moc"
