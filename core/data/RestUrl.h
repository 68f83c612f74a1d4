#pragma once

#include "catalog/Snapshot.h"
#include "data/PageRequest.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace tw::config {
struct ApiSettings;
}

namespace tw::data {

// What the table browser shows, to be said again as a REST request
// (issue 8: "copy as REST URL / postgrest-js snippet"). Plain values, so the
// translation is tested without widgets.
struct RestBrowse
{
    QString baseUrl;                 // scheme://host:port, see restBaseUrl()
    QString connection;
    catalog::QualifiedName table;    // schema empty: SQLite's main
    PageRequest browse;              // filters, where and order are used
    // The row identity the browser orders by after its sort keys (primary
    // key columns), so the REST rows come in the grid's order; may be empty.
    QStringList keyColumns;
    // The columns shown, in their order; empty: all of them (select omitted).
    QStringList columns;
};

// One translation: the text to copy and what could not be said exactly.
struct RestText
{
    QString text;                    // the URL or the snippet, notes included as comment lines
    QStringList notes;               // the same notes, without comment markers
};

// The URL of GET /rest/{connection}/{schema.table} with PostgREST's
// grammar, followed by "# …" lines for browser conditions the grammar
// cannot say (the WHERE box) or says only approximately.
RestText restUrl(const RestBrowse &browse);
// Only the query string (no '?'), form-encoded as the server decodes it.
QByteArray restQueryString(const RestBrowse &browse, QStringList *notes = nullptr);
// The same request through @supabase/postgrest-js, as one statement
// preceded by "// …" lines (the client to create, the notes).
RestText postgrestJs(const RestBrowse &browse);

// Where the API answers: the running server's URL when there is one, else
// the configured listen address (a wildcard address named as loopback),
// else http://127.0.0.1:8080. Never ends with '/'.
QString restBaseUrl(const QUrl &running, const config::ApiSettings *configured);

} // namespace tw::data
