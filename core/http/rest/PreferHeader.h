#pragma once

#include "error/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw::http::rest {

// The Prefer header (RFC 7240) as PostgREST reads it: preferences separated
// by commas, in one header or several; the first occurrence of each wins;
// anything else is "invalid" (ignored unless handling=strict).
struct Preferences
{
    enum class Return { Minimal, Representation, HeadersOnly };
    enum class Count { Exact, Planned, Estimated };
    enum class Resolution { MergeDuplicates, IgnoreDuplicates };
    enum class Missing { Default, Null };
    enum class Handling { Strict, Lenient };
    enum class Tx { Commit, Rollback };

    std::optional<Return> returning;
    std::optional<Count> count;
    std::optional<Resolution> resolution;
    std::optional<Missing> missing;
    std::optional<Handling> handling;
    std::optional<Tx> tx;
    std::optional<qint64> maxAffected;
    // timezone=…: kept as sent; the caller checks it against the server's
    // time zone names and clears it when unknown (PostgREST then ignores it).
    QString timezone;

    QStringList recognized;  // the preferences that took effect, as tokens ("count=exact")
    QStringList invalid;     // what was not understood, trimmed, as sent

    bool strict() const { return handling == Handling::Strict; }
};

// Parses every Prefer header value of a request. With handling=strict and
// any invalid preference: PGRST122 "Invalid preferences given with
// handling=strict", details "Invalid preferences: a, b". params=single-object
// (RPC only) is not recognized.
Result<Preferences> parsePrefer(const QList<QByteArray> &headerValues);

// The Preference-Applied value for what the handler honoured, in PostgREST's
// order (resolution, missing, return, count, tx, handling, timezone, and
// max-affected only with handling=strict); empty when nothing applies.
QByteArray preferenceApplied(const Preferences &prefs);

QString returnToken(Preferences::Return value);
QString countToken(Preferences::Count value);

} // namespace tw::http::rest
