#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tw::http::rest {

struct QueryParam
{
    QString key;
    QString value;
    bool operator==(const QueryParam &) const = default;
};

// Splits a raw query string (as sent, without '?') into its parameters, in
// order and with repeated keys kept (PostgREST lets one column be filtered
// twice: age=gt.18&age=lt.65). Form decoding: '+' is a space, then %XX; a
// literal plus arrives as %2B. A bad escape or bytes that are not UTF-8 fail
// with PGRST100. Empty segments (a&&b, a trailing '&') are skipped; a key
// without '=' has an empty value.
Result<QList<QueryParam>> parseQueryString(const QByteArray &raw);

// One component, form-decoded as above.
Result<QString> formDecode(const QByteArray &component);

} // namespace tw::http::rest
