// The write side of tst_rest_diff_postgres: POST (object, array, columns=,
// upserts), PATCH and DELETE with Prefer return/count/missing, and the
// Accept variants (single object, CSV), on "notes", which the test resets
// before each request since PostgREST and Tablewright share the database.
// (406 answers to Accept are in kIntendedDifferences.)
#include "RestDiffCases.h"

namespace tw::test {

namespace {

const QString kNotes = QStringLiteral("notes");
using P = QList<std::pair<QString, QString>>;

DiffRequest write(const char *name, const QByteArray &method, const P &params, const QByteArray &body, Headers headers = {})
{
    DiffRequest r = req(QString::fromUtf8(name), kNotes, params, std::move(headers), method);
    r.body = body;
    return r;
}

Headers prefer(const QByteArray &value)
{
    return {{"Prefer", value}};
}

} // namespace

QList<DiffRequest> writeCases()
{
    const P none;
    const P byId{{QStringLiteral("id"), QStringLiteral("eq.1")}};
    const P ordered{{QStringLiteral("order"), QStringLiteral("id")}};
    return {
        write("post one representation", "POST", none, R"({"id":10,"body":"ten"})", prefer("return=representation")),
        write("post one minimal", "POST", none, R"({"id":10,"body":"ten"})", prefer("return=minimal")),
        write("post one default return", "POST", none, R"({"id":10,"body":"ten"})"),
        write("post one headers-only", "POST", none, R"({"id":10,"body":"ten"})", prefer("return=headers-only")),
        write("post many", "POST", none, R"([{"id":10,"body":"ten"},{"id":11,"body":"eleven","done":true}])",
              prefer("return=representation")),
        write("post select columns", "POST", {{QStringLiteral("select"), QStringLiteral("id,body")}}, R"({"id":10,"body":"ten"})",
              prefer("return=representation")),
        write("post columns=", "POST", {{QStringLiteral("columns"), QStringLiteral("id,body")}},
              R"([{"id":10,"body":"ten","done":true},{"id":11}])", prefer("return=representation")),
        write("post missing default", "POST", {{QStringLiteral("columns"), QStringLiteral("id,body,done")}},
              R"([{"id":10,"body":"ten"},{"id":11,"done":true}])", prefer("return=representation, missing=default")),
        write("post array value", "POST", none, R"({"id":10,"tags":["x","y z"]})", prefer("return=representation")),
        write("post unicode", "POST", none, R"({"id":10,"body":"Ünïcödé 😀"})", prefer("return=representation")),
        write("post duplicate key", "POST", none, R"({"id":1,"body":"again"})", prefer("return=representation")),
        write("post not null violation", "POST", none, R"({"id":10,"done":null})"),
        write("post bad type", "POST", none, R"({"id":"x"})"),
        write("post unknown column", "POST", none, R"({"id":10,"nope":1})"),
        write("post invalid json", "POST", none, R"({"id":10,)"),
        write("post empty array", "POST", none, "[]", prefer("return=representation")),
        write("upsert merge", "POST", none, R"([{"id":1,"body":"merged"},{"id":10,"body":"new"}])",
              prefer("resolution=merge-duplicates, return=representation")),
        write("upsert merge only updates", "POST", none, R"({"id":1,"body":"merged"})",
              prefer("resolution=merge-duplicates, return=representation")),
        write("upsert ignore", "POST", none, R"([{"id":1,"body":"ignored"},{"id":10,"body":"new"}])",
              prefer("resolution=ignore-duplicates, return=representation")),
        write("upsert on_conflict", "POST", {{QStringLiteral("on_conflict"), QStringLiteral("id")}}, R"({"id":2,"body":"two!"})",
              prefer("resolution=merge-duplicates, return=representation")),
        write("post count exact", "POST", none, R"([{"id":10},{"id":11}])", prefer("count=exact")),
        write("patch representation", "PATCH", byId, R"({"body":"patched"})", prefer("return=representation")),
        write("patch minimal", "PATCH", byId, R"({"body":"patched"})"),
        write("patch many ordered", "PATCH", P{{QStringLiteral("done"), QStringLiteral("is.false")}, {QStringLiteral("order"), QStringLiteral("id")}},
              R"({"done":true})", prefer("return=representation")),
        write("patch no match", "PATCH", {{QStringLiteral("id"), QStringLiteral("eq.99")}}, R"({"body":"x"})", prefer("return=representation")),
        write("patch count exact", "PATCH", {{QStringLiteral("id"), QStringLiteral("lt.3")}}, R"({"done":true})", prefer("count=exact")),
        write("patch unknown column", "PATCH", byId, R"({"nope":1})"),
        write("patch empty object", "PATCH", byId, R"({})"),
        write("delete representation", "DELETE", byId, {}, prefer("return=representation")),
        write("delete minimal", "DELETE", byId, {}),
        write("delete count exact", "DELETE", {{QStringLiteral("id"), QStringLiteral("gt.1")}}, {}, prefer("count=exact")),
        write("delete no match", "DELETE", {{QStringLiteral("id"), QStringLiteral("eq.99")}}, {}, prefer("return=representation")),
        write("single object", "GET", byId, {}, {{"Accept", "application/vnd.pgrst.object+json"}}),
        write("csv", "GET", ordered, {}, {{"Accept", "text/csv"}}),
        write("csv select", "GET", P{{QStringLiteral("select"), QStringLiteral("id,body,tags")}, {QStringLiteral("order"), QStringLiteral("id")}}, {},
              {{"Accept", "text/csv"}}),
        write("patch single object", "PATCH", byId, R"({"body":"p"})",
              {{"Accept", "application/vnd.pgrst.object+json"}, {"Prefer", "return=representation"}}),
    };
}

} // namespace tw::test
