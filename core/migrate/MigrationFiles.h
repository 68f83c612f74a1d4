#pragma once

#include "error/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <compare>
#include <optional>

// The migration files of a connection (issue 9), read from its directory in
// Tablewright's (Flyway's) naming — V<version>__<description>.sql, undo
// U<version>__<description>.sql, repeatable R__<description>.sql — or, unchanged,
// dbmate's (<version>_<name>.sql with "-- migrate:up" / "-- migrate:down") and
// golang-migrate's (<version>_<name>.up.sql / .down.sql), so a team can
// switch tools without renaming anything.
namespace tw::migrate {

// 1 < 2 < 10 and 1.2 < 1.10: dot- (or underscore-) separated numbers,
// compared part by part; 1 == 1.0.
class MigrationVersion
{
public:
    static std::optional<MigrationVersion> parse(const QString &text);

    const QString &text() const { return m_text; }   // as written in the file name
    const QString &normalized() const { return m_normalized; } // "1.2" for "1_2" and "01.2"
    std::strong_ordering operator<=>(const MigrationVersion &other) const;
    bool operator==(const MigrationVersion &other) const { return (*this <=> other) == 0; }

private:
    QString m_text;
    QList<qint64> m_parts;
    QString m_normalized;   // made once: status keys thousands of lookups on it
};

enum class MigrationKind { Versioned, Undo, Repeatable };

struct MigrationScript
{
    MigrationKind kind = MigrationKind::Versioned;
    std::optional<MigrationVersion> version;   // none for repeatable
    QString description;                       // "add orders index"
    QString fileName;                          // relative to the directory
    QString sql;                               // the statements (dbmate: the one section); empty when
                                               // taken from the checksum cache (status only)
    int firstLine = 1;                         // the file's line where `sql` begins: its line k is firstLine + k - 1
    bool noTransaction = false;                // "-- tablewright:no-transaction", dbmate's transaction:false
    QString checksum;                          // migrationChecksum(sql)
};

struct MigrationDirectory
{
    QList<MigrationScript> versioned;          // ascending version
    QList<MigrationScript> undo;               // ascending version
    QList<MigrationScript> repeatable;         // by description
    QStringList ignored;                       // .sql files whose name follows no convention
    int filesRead = 0;                         // files opened and read
    int filesFromCache = 0;                    // files whose checksums came from the cache
};

// Errors: the directory cannot be read; two files claim the same version
// (or the same repeatable description), naming both; a file that is not
// UTF-8; a dbmate file without "-- migrate:up".
// With `checksumCache` (a file, see ChecksumCache.h), a file unchanged since
// it was last read is not read again: its scripts come without `sql`. For
// what needs only checksums (status). A file is remembered once its times
// are `settledMs` old (tests shorten it).
inline constexpr qint64 kChecksumCacheSettledMs = 60000;
Result<MigrationDirectory> readMigrationDirectory(const QString &path, const QString &checksumCache = {},
                                                  qint64 settledMs = kChecksumCacheSettledMs);

// Reads one file's name; nullopt when it follows none of the conventions.
std::optional<MigrationScript> parseMigrationFileName(const QString &fileName);

// "sha256:<hex>" of the text with a byte-order mark removed and line endings
// normalised (CRLF and CR → LF): an editor or a checkout that only changes
// those never changes the checksum, nor does a future release of the tool.
QString migrationChecksum(const QString &sql);

} // namespace tw::migrate
