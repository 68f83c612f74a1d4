#pragma once

#include <QByteArrayView>

#include <optional>

// dbmate keeps both directions in one file: the text after "-- migrate:up"
// up to "-- migrate:down", and the text after that. Found on the file's bytes
// (the markers are ASCII), so a section's checksum is taken from the bytes
// read, without decoding and encoding them again.
namespace tw::migrate {

struct DbmateSection
{
    qsizetype begin = 0;        // byte offset: the end of the marker's line (its newline included in the body)
    qsizetype end = 0;          // byte offset: the start of the next marker's line, or the end of the file
    int line = 1;               // the file's line of `begin`
    bool noTransaction = false; // "transaction:false" after the marker, on its line
};

struct DbmateSections
{
    DbmateSection up;
    std::optional<DbmateSection> down;
};

// A marker is a line that starts with "--", then ASCII white space (as in
// dbmate's Go expression; never a line break), then "migrate:up" or
// "migrate:down" not followed by a letter, digit or underscore. With several
// markers of one direction the last one wins. nullopt without an up marker.
std::optional<DbmateSections> findDbmateSections(QByteArrayView text);

} // namespace tw::migrate
