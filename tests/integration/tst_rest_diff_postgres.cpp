// The differential test of issue 8: the same requests go to the real
// PostgREST 12 (tools/postgrest, the oracle) and to Tablewright's
// /rest/{connection}/{table}, both over one PostgreSQL schema and both with
// a token of the real OIDC provider, and the answers must agree: status,
// Content-Range, Preference-Applied, Content-Type, and the body (JSON-equal;
// for errors the code, and the message where the wording is PostgreSQL's).
// Where Tablewright means to differ, the request is in kIntendedDifferences
// with its reason and is checked to really differ, so the list stays true.
#include "ApiTestSupport.h"
#include "PostgrestServer.h"
#include "RestDiffCases.h"
#include "ScratchPostgres.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

Q_DECLARE_METATYPE(tw::test::DiffRequest)

using namespace tw;
using namespace tw::test;

namespace {

const QString kAudience = QStringLiteral("https://api.tablewright.test");
const QString kConnection = QStringLiteral("pg");

struct Intended
{
    DiffRequest request;
    const char *reason;
};

using P = QList<std::pair<QString, QString>>;

DiffRequest itemsWhere(const char *name, const char *column, const char *value)
{
    return req(QString::fromUtf8(name), QStringLiteral("items"),
               P{{QStringLiteral("select"), QStringLiteral("id")}, {QString::fromUtf8(column), QString::fromUtf8(value)},
                 {QStringLiteral("order"), QStringLiteral("id")}});
}

// Requests whose answers differ on purpose, each with why. Checked to
// really differ (intendedDifferencesReallyDiffer), so the list stays true.
const QList<Intended> kIntendedDifferences{
    {req(QStringLiteral("unknown table"), QStringLiteral("itemz"), {}),
     "PGRST205 + 404 as PostgREST 13 answers (the issue asks for it); PostgREST 12 runs the query and answers 42P01"},
    {req(QStringLiteral("schema-qualified table"), QStringLiteral("public.items"), P{{QStringLiteral("select"), QStringLiteral("id")}}),
     "one connection spans schemas, so the path takes schema.table; PostgREST picks the schema by Accept-Profile"},
    {req(QStringLiteral("embedding"), QStringLiteral("items"), P{{QStringLiteral("select"), QStringLiteral("id,order items(id)")}}),
     "resource embedding is out of scope for now: 400 with a clear message"},
    {itemsWhere("is not_null", "flag", "is.not_null"),
     "is.not_null is accepted (tst_rest_grammar); PostgREST 12.0.2 refuses it with PGRST100"},
    {req(QStringLiteral("limit not a number"), QStringLiteral("items"), P{{QStringLiteral("limit"), QStringLiteral("abc")}}),
     "a limit that is not a number is refused (400 PGRST100, tst_rest_grammar); PostgREST 12 silently ignores it"},
    {req(QStringLiteral("offset not a number"), QStringLiteral("items"), P{{QStringLiteral("offset"), QStringLiteral("x")}}),
     "an offset that is not a number is refused (400 PGRST100, tst_rest_grammar); PostgREST 12 silently ignores it"},
    {[] {
         DiffRequest r = req(QStringLiteral("delete without a filter"), QStringLiteral("notes"), {}, {}, "DELETE");
         return r;
     }(),
     "a write without a filter is refused (the issue asks for it); PostgREST 12 deletes every row"},
    {[] {
         DiffRequest r = req(QStringLiteral("patch without a filter"), QStringLiteral("notes"), {}, {}, "PATCH");
         r.body = R"({"done":true})";
         return r;
     }(),
     "a write without a filter is refused (the issue asks for it); PostgREST 12 updates every row"},
    {req(QStringLiteral("single object of many"), QStringLiteral("notes"), P{{QStringLiteral("order"), QStringLiteral("id")}},
         {{"Accept", "application/vnd.pgrst.object+json"}}),
     "406 PGRST116 with one Content-Type; PostgREST 12 sends two (application/json and vnd.pgrst.object+json)"},
    {req(QStringLiteral("single object of none"), QStringLiteral("notes"), P{{QStringLiteral("id"), QStringLiteral("eq.99")}},
         {{"Accept", "application/vnd.pgrst.object+json"}}),
     "406 PGRST116 with one Content-Type; PostgREST 12 sends two (application/json and vnd.pgrst.object+json)"},
    {req(QStringLiteral("unknown accept"), QStringLiteral("notes"), {}, {{"Accept", "application/xml"}}),
     "PGRST107 with 406 Not Acceptable (HTTP's status for an Accept it cannot meet); PostgREST 12.0.2 answers 415"},
    // Pattern operators on non-text columns: Tablewright compares the
    // column's text (tst_rest_read_postgres "like on integer"); PostgREST 12
    // hands the operator to PostgreSQL, which has none: 42883, mapped to 404.
    {itemsWhere("like on integer", "big", "like.*0"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
    {itemsWhere("ilike on timestamptz", "at", "ilike.2024*"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
    {itemsWhere("match on enum", "mood", "match.^sa"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
    {itemsWhere("imatch on uuid", "uid", "imatch.A1$"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
    {itemsWhere("like any on numeric", "price", "like(any).{*.5*,1*}"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
    {itemsWhere("like on jsonb", "data", "like.*x*"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
    {itemsWhere("like on tsvector", "body", "like.*fox*"), "pattern operators compare a non-text column's text; PostgREST: 42883/404"},
};

// Requests where Tablewright is wrong today (not intended), by name
// pattern: the lead fixes them. Each is QEXPECT_FAIL so the test stays
// green, and flips to XPASS (a failure) once fixed: then remove the line.
const QList<std::pair<QRegularExpression, const char *>> kKnownMismatches{};

// Whitespace outside strings removed, to tell byte-identical bodies from
// merely JSON-equal ones.
QByteArray compact(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out += c;
        }
    }
    return out;
}

bool jsonEqual(const QByteArray &a, const QByteArray &b)
{
    QJsonParseError ea, eb;
    const QJsonDocument da = QJsonDocument::fromJson(a, &ea);
    const QJsonDocument db = QJsonDocument::fromJson(b, &eb);
    if (ea.error != QJsonParseError::NoError || eb.error != QJsonParseError::NoError)
        return a == b;
    return da == db;
}

QString show(const char *who, const HttpReply &reply)
{
    QByteArray body = reply.body;
    if (body.size() > 700)
        body = body.left(700) + "…";
    return QStringLiteral("%1: %2 range=%3 pref=%4 type=%5 %6")
        .arg(QString::fromLatin1(who))
        .arg(reply.status)
        .arg(QString::fromLatin1(reply.header("content-range")), QString::fromLatin1(reply.header("preference-applied")),
             QString::fromLatin1(reply.header("content-type")), QString::fromUtf8(body));
}

// The first row (and its keys) where two JSON array bodies part, so a
// report names the value that differs instead of two long bodies.
QString bodyDiff(const QByteArray &reference, const QByteArray &ours)
{
    const QJsonArray a = QJsonDocument::fromJson(reference).array();
    const QJsonArray b = QJsonDocument::fromJson(ours).array();
    if (a.size() != b.size())
        return QStringLiteral("%1 rows / %2 rows").arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i) == b.at(i))
            continue;
        const QJsonObject ra = a.at(i).toObject();
        const QJsonObject rb = b.at(i).toObject();
        QStringList keys = ra.keys();
        for (const QString &key : rb.keys()) {
            if (!keys.contains(key))
                keys << key;
        }
        QStringList parts;
        for (const QString &key : std::as_const(keys)) {
            if (ra.value(key) != rb.value(key)) {
                parts << QStringLiteral("%1: %2 / %3")
                             .arg(key,
                                  QString::fromUtf8(QJsonDocument(QJsonArray{ra.value(key)}).toJson(QJsonDocument::Compact)),
                                  QString::fromUtf8(QJsonDocument(QJsonArray{rb.value(key)}).toJson(QJsonDocument::Compact)));
            }
        }
        return QStringLiteral("row %1 differs (PostgREST / Tablewright): %2\n    PostgREST   row: %3\n    Tablewright row: %4")
            .arg(i)
            .arg(parts.join(QStringLiteral("; ")),
                 QString::fromUtf8(QJsonDocument(QJsonArray{a.at(i)}).toJson(QJsonDocument::Compact)).left(300),
                 QString::fromUtf8(QJsonDocument(QJsonArray{b.at(i)}).toJson(QJsonDocument::Compact)).left(300));
    }
    return {};
}

bool isSqlState(const QString &code)
{
    return code.size() == 5 && !code.startsWith(QLatin1String("PGRST"));
}

} // namespace

class TstRestDiffPostgres : public QObject
{
    Q_OBJECT

    ScratchPostgres m_pg{QStringLiteral("tw_rest_diff")};
    OidcProvider m_provider{kAudience};
    ::test::TestKey m_rsa = ::test::TestKey::generateRsa();
    PostgrestServer m_postgrest;
    std::unique_ptr<ApiFixture> m_api;
    QByteArray m_token;
    config::ConnectionProfile m_database;
    int m_compared = 0;
    int m_byteIdentical = 0;
    QStringList m_wordingDiffs;

    struct Answers
    {
        HttpReply reference; // PostgREST
        HttpReply ours;      // Tablewright
        QByteArray referenceNotes; // "notes" after the request
        QByteArray ourNotes;
    };

    Answers send(const DiffRequest &r, const QByteArray &token)
    {
        const QByteArray path = QUrl::toPercentEncoding(r.table);
        const QByteArray query = r.query.isEmpty() ? QByteArray() : '?' + r.query;
        const QUrl reference = QUrl::fromEncoded(m_postgrest.baseUrl().toEncoded() + '/' + path + query);
        const QUrl ours = QUrl::fromEncoded(m_api->url(QStringLiteral("/rest/") + kConnection).toEncoded() + '/' + path + query,
                                            QUrl::TolerantMode);
        Answers answers;
        const bool writable = r.table == QLatin1String("notes");  // the only table written to
        if (writable)
            resetNotes();
        answers.reference = httpCall(reference, token, r.method, r.body, r.headers);
        if (writable) {
            answers.referenceNotes = notesNow();
            resetNotes();
        }
        answers.ours = httpCall(ours, token, r.method, r.body, r.headers);
        if (writable) {
            answers.ourNotes = notesNow();
            resetNotes();
        }
        return answers;
    }

    // Both servers write to the same database: "notes" is put back before
    // each request, and what a request left behind is read back through
    // PostgREST so the effects of writes are compared too.
    void resetNotes()
    {
        if (m_database.database.isEmpty())
            return;
        const Status reset = runScript(m_database, QString::fromUtf8(kNotesRows));
        if (!reset.ok())
            qWarning().noquote() << "resetting notes failed:" << reset.error().toString();
    }

    QByteArray notesNow()
    {
        const QUrl url = QUrl::fromEncoded(m_postgrest.baseUrl().toEncoded() + "/notes?order=id");
        return httpCall(url, m_token).body;
    }

    // Empty when the answers agree; else what differs, with both answers.
    QString differences(const Answers &a)
    {
        QStringList what;
        if (a.reference.status != a.ours.status)
            what << QStringLiteral("status");
        for (const char *header : {"content-range", "preference-applied", "content-type"}) {
            if (a.reference.header(header) != a.ours.header(header))
                what << QString::fromLatin1(header);
        }
        if (a.reference.status >= 400 || a.ours.status >= 400) {
            const QJsonObject r = a.reference.json();
            const QJsonObject o = a.ours.json();
            const QString code = r.value(QStringLiteral("code")).toString();
            if (code != o.value(QStringLiteral("code")).toString())
                what << QStringLiteral("code");
            else if (r.value(QStringLiteral("message")) != o.value(QStringLiteral("message"))) {
                // PostgreSQL's own wording must come through unchanged;
                // PostgREST's own messages are compared by code only.
                if (isSqlState(code))
                    what << QStringLiteral("message");
                else
                    m_wordingDiffs << QStringLiteral("%1: PostgREST \"%2\" / Tablewright \"%3\"")
                                          .arg(code, r.value(QStringLiteral("message")).toString(),
                                               o.value(QStringLiteral("message")).toString());
            }
        } else if (!jsonEqual(a.reference.body, a.ours.body)) {
            what << QStringLiteral("body");
        } else if (!jsonEqual(a.referenceNotes, a.ourNotes)) {
            what << QStringLiteral("rows written");
        } else if (compact(a.reference.body) == compact(a.ours.body)) {
            ++m_byteIdentical;
        }
        if (what.isEmpty())
            return {};
        if (what == QStringList{QStringLiteral("body")} && a.reference.body.startsWith('['))
            return QStringLiteral("differs in body: ") + bodyDiff(a.reference.body, a.ours.body);
        if (what == QStringList{QStringLiteral("rows written")})
            return QStringLiteral("differs in the rows written: ") + bodyDiff(a.referenceNotes, a.ourNotes);
        return QStringLiteral("differs in %1\n  %2\n  %3")
            .arg(what.join(QStringLiteral(", ")), show("PostgREST  ", a.reference), show("Tablewright", a.ours));
    }

    static void addRows(const QList<DiffRequest> &requests, QSet<QString> &seen)
    {
        for (const DiffRequest &r : requests) {
            if (seen.contains(r.name))
                continue;
            seen.insert(r.name);
            QTest::newRow(qPrintable(r.name)) << r;
        }
    }

private slots:
    void initTestCase()
    {
        TW_REQUIRE_SERVICE(m_pg.available(), QStringLiteral("PostgreSQL (TW_TEST_PG_PORT)"));
        TW_REQUIRE_SERVICE(OidcProvider::available(), QStringLiteral("OIDC provider (node + tools/oidc-provider)"));
        TW_REQUIRE_SERVICE(PostgrestServer::available(), QStringLiteral("PostgREST (tools/postgrest, tools/install-deps.sh)"));

        const config::ConnectionProfile database = m_pg.createDatabase();
        m_database = database;
        QVERIFY(!database.database.isEmpty());
        const Status loaded = runScript(database, QString::fromUtf8(kDiffSchema));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));

        QVERIFY2(m_provider.start(QJsonArray{m_rsa.privateJwk(QStringLiteral("rsa-1"))}, standardClients()),
                 qPrintable(m_provider.lastError()));
        m_token = m_provider.fetchToken(QStringLiteral("dba-app"), QStringLiteral("dba-secret-123"));
        QVERIFY2(!m_token.isEmpty(), qPrintable(m_provider.lastError()));

        // PostgREST checks the same tokens against the issuer's public key.
        PostgrestConfig reference;
        reference.database = database;
        reference.jwtSecret = ::test::jwksOf({m_rsa.publicJwk(QStringLiteral("rsa-1"))});
        reference.jwtAudience = kAudience;
        reference.pool = 4;
        reference.maxRows = 1000;
        QVERIFY2(m_postgrest.start(reference), qPrintable(m_postgrest.lastError()));

        m_api = std::make_unique<ApiFixture>();
        QVERIFY(m_api->setUp(m_provider.issuer(), kAudience, [&](config::AppConfig &config) {
            config::ConnectionProfile pg = database;
            pg.name = kConnection;
            config.connections = {pg};
            config.api.limits.maxPageRows = 1000;  // = PGRST_DB_MAX_ROWS
            config.api.limits.requestsPerSecond = 100000;
            config.api.limits.burst = 100000;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->server->authReady(), 15000);
    }

    void cleanupTestCase()
    {
        qInfo().noquote() << QStringLiteral("compared %1 requests; %2 successful bodies byte-identical apart from whitespace")
                                 .arg(m_compared)
                                 .arg(m_byteIdentical);
        for (const QString &line : std::as_const(m_wordingDiffs))
            qInfo().noquote() << "wording differs:" << line;
        m_api.reset();
        m_postgrest.stop();
        m_provider.stop();
        m_pg.dropAll();
    }

    void sameAnswerAsPostgrest_data()
    {
        QTest::addColumn<DiffRequest>("request");
        QSet<QString> seen;
        addRows(selectCases(), seen);
        addRows(filterCases(), seen);
        addRows(shapeCases(), seen);
        addRows(errorCases(), seen);
        addRows(generatedCases(), seen);
        addRows(writeCases(), seen);
    }

    void sameAnswerAsPostgrest()
    {
        QFETCH(DiffRequest, request);
        const Answers answers = send(request, m_token);
        QVERIFY2(answers.reference.status != 0, "PostgREST did not answer");
        QVERIFY2(answers.ours.status != 0, "Tablewright did not answer");
        ++m_compared;
        const QString diff = differences(answers);
        for (const auto &[pattern, note] : kKnownMismatches) {
            if (pattern.match(request.name).hasMatch()) {
                QEXPECT_FAIL("", note, Continue);
                break;
            }
        }
        QVERIFY2(diff.isEmpty(), qPrintable(request.name + u' ' + diff));
    }

    void intendedDifferencesReallyDiffer_data()
    {
        QTest::addColumn<DiffRequest>("request");
        QTest::addColumn<QString>("reason");
        for (const Intended &intended : kIntendedDifferences)
            QTest::newRow(qPrintable(intended.request.name)) << intended.request << QString::fromUtf8(intended.reason);
    }

    void intendedDifferencesReallyDiffer()
    {
        QFETCH(DiffRequest, request);
        QFETCH(QString, reason);
        const Answers answers = send(request, m_token);
        QVERIFY(answers.reference.status != 0 && answers.ours.status != 0);
        const QString diff = differences(answers);
        QVERIFY2(!diff.isEmpty(), qPrintable(QStringLiteral("listed as intended (%1) but both answer the same: %2")
                                                 .arg(reason, show("both", answers.ours))));
        qInfo().noquote() << request.name << "—" << reason << '\n' << diff;
    }

    void bothRefuseABadToken()
    {
        // Statuses agree; the bodies are each server's own (PGRST301 / UNAUTHENTICATED).
        QByteArray forged = m_token;
        forged.chop(4);
        forged += "AAAA";
        const Answers answers = send(req(QStringLiteral("forged"), QStringLiteral("items"), {}), forged);
        QCOMPARE(answers.reference.status, 401);
        QCOMPARE(answers.ours.status, 401);
        QVERIFY(answers.reference.header("www-authenticate").startsWith("Bearer"));
        QVERIFY(answers.ours.header("www-authenticate").startsWith("Bearer"));
    }

    void nothingWasWritten()
    {
        const Answers answers = send(req(QStringLiteral("count"), QStringLiteral("items"), {{QStringLiteral("select"), QStringLiteral("count()")}}),
                                     m_token);
        QCOMPARE(answers.ours.body, QByteArray("[{\"count\":7}]"));
        QCOMPARE(QJsonDocument::fromJson(answers.reference.body), QJsonDocument::fromJson(answers.ours.body));
    }
};


QTEST_GUILESS_MAIN(TstRestDiffPostgres)
#include "tst_rest_diff_postgres.moc"
