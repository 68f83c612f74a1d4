#pragma once

// The requests of tst_rest_diff_postgres: one schema (kDiffSchema) and the
// requests sent to both the reference PostgREST and Tablewright's /rest.
// Hand-written rows cover every operator, header and error of issue 8;
// generatedCases() adds every column × every operator that applies to its
// type, with values taken from the rows below.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace tw::test {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

struct DiffRequest
{
    QString name;               // unique: the QTest data row
    QString table;              // as in the path, not yet encoded
    QByteArray query;           // the query string as sent on the wire
    Headers headers;
    QByteArray method = "GET";
    QByteArray body;            // JSON for POST/PATCH
};

// key=value pairs, each percent-encoded the way URLSearchParams (postgrest-js)
// does it: everything but the unreserved characters.
inline QByteArray encodeQuery(const QList<std::pair<QString, QString>> &params)
{
    QByteArray out;
    for (const auto &[key, value] : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

inline DiffRequest req(QString name, QString table, const QList<std::pair<QString, QString>> &params,
                       Headers headers = {}, QByteArray method = "GET")
{
    return {std::move(name), std::move(table), encodeQuery(params), std::move(headers), std::move(method)};
}

// A query string written as it goes on the wire (literal '+', '%2B', …).
inline DiffRequest rawReq(QString name, QString table, QByteArray query, Headers headers = {})
{
    return {std::move(name), std::move(table), std::move(query), std::move(headers), "GET"};
}

// Every type of the issue, nulls, unicode, awkward numbers; "order items"
// is a table named with spaces; "weird" has a column named like the inner
// row alias of a json_agg; "many" is large enough for planned counts
// and the row cap (both servers cap at 1000 rows).
inline const char *kDiffSchema = R"SQL(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE items (
    id int PRIMARY KEY, big bigint, price numeric(12,2), ratio double precision, name text, flag boolean,
    at timestamptz, day date, data jsonb, doc json, tags int[], words text[], span int4range, period tstzrange,
    mood mood, uid uuid, raw bytea, body tsvector, genre text);
INSERT INTO items VALUES
 (1, 10, 1.50, 0.5, 'Alpha', true, '2024-01-02 03:04:05.123+00', '2024-01-02',
  '{"a":{"b":"x"},"n":1,"arr":[10,20,30]}', '{"k":"v","n":1}', '{1,2,3}', '{red,green}', '[1,5)',
  '[2024-01-01 00:00+00,2024-02-01 00:00+00)', 'happy', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x0001ff',
  to_tsvector('english','the quick brown fox'), 'rock'),
 (2, 20, 2.25, 1.25, 'beta', false, '2024-02-03 00:00:00+02', '2024-02-03',
  '{"a":{"b":"y"},"n":2,"arr":[1]}', '{"k":"w","n":2}', '{3,4}', '{blue}', '[5,10)',
  '[2024-02-01 00:00+00,2024-03-01 00:00+00)', 'sad', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '\x68656c6c6f',
  to_tsvector('english','lazy dogs jumping'), 'jazz'),
 (3, NULL, NULL, NULL, 'Gamma ray', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'rock'),
 (4, 40, 100.00, -3.5, 'it''s "quoted", ok', true, '2025-06-07 08:09:10+00', '2025-06-07',
  '{"a":{"b":"x"},"n":4}', '[1,2]', '{}', '{}', 'empty', 'empty', 'ok', 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', '\x',
  to_tsvector('english','foxes are quick'), 'jazz'),
 (5, 9007199254740993, 12345678.90, 1e300, 'Ünïcödé 😀 名前', false, '2026-01-01 00:00:00+00', '2026-01-01',
  '{"n":5,"ü":"ä"}', '"just a string"', '{5,NULL}', '{"with space","comma,here"}', '[20,30)',
  '(,2026-01-01 00:00+00]', 'happy', 'd0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14', '\xdeadbeef',
  to_tsvector('english','slow turtles'), 'pop'),
 (6, -7, -0.01, 'Infinity', 'O''Brien', true, '1999-12-31 23:59:59.999999+00', '1999-12-31',
  'null', 'null', '{-1}', '{NULL}', '[-5,0)', '[1999-01-01 00:00+00,)', 'sad', 'e0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15', '\x5c',
  to_tsvector('english','brown bears'), NULL),
 (7, 0, 0, 'NaN', '', NULL, '2024-01-02 03:04:05.123+00', '2024-01-02', '[]', '{}', NULL, '{"a\"b"}', '(,)', NULL,
  NULL, NULL, NULL, to_tsvector('simple',''), 'rock');
CREATE TABLE "order items" (id int PRIMARY KEY, "item id" int REFERENCES items, qty int, "naïve col" text);
INSERT INTO "order items" VALUES (1, 1, 3, 'ä'), (2, 1, 1, '😀'), (3, 2, 7, NULL), (4, 5, 2, 'x y');
CREATE TABLE weird (id int PRIMARY KEY, t text);
INSERT INTO weird VALUES (1, 'x'), (2, NULL);
CREATE TABLE notes (id int PRIMARY KEY, body text, done boolean NOT NULL DEFAULT false, tags text[]);
CREATE TABLE many (id int PRIMARY KEY, v int, label text);
INSERT INTO many SELECT g, g % 10, 'l' || (g % 7) FROM generate_series(1, 1500) g;
ANALYZE;
)SQL";

QList<DiffRequest> selectCases();
QList<DiffRequest> filterCases();
QList<DiffRequest> shapeCases();      // logic trees, order, limit/offset, Range, counts, Prefer
QList<DiffRequest> errorCases();
QList<DiffRequest> generatedCases();
// Writes on "notes" (reset to kNotesRows before each), with Accept variants.
QList<DiffRequest> writeCases();

inline const char *kNotesRows =
    "DELETE FROM notes; INSERT INTO notes VALUES (1, 'one', false, '{a}'), (2, 'two', true, NULL), (3, NULL, false, '{}');";

} // namespace tw::test
