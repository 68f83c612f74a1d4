#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace tw::data {

// A POST/PATCH body as PostgREST reads it: one JSON object, or (POST) an
// array of objects whose keys all match. The bytes are passed on to the
// database untouched (numbers keep every digit); Qt's parser only checks the
// shape and collects the keys.
struct RestPayload
{
    QByteArray array;      // the body as a JSON array ("[…]"; an object is wrapped)
    QStringList columns;   // columns= when given, else the keys of the objects, in first-seen order
    qint64 rows = 0;       // objects in the array
    bool single = false;   // the body was one object
    // Per object, the keys it has (missing=default: absent keys take the default).
    QList<QStringList> keysPerRow;
};

// Errors: PGRST102 "Empty or invalid json" (not JSON, not an object or array
// of objects, PATCH with an array), "All object keys must match" (no
// columns= and objects with different keys).
Result<RestPayload> parseRestPayload(const QByteArray &body, bool allowArray,
                                     const std::optional<QStringList> &columns);

} // namespace tw::data
