#pragma once

#include "MigrationFiles.h"
#include "SqlFileReader.h"

#include <QHash>
#include <QString>

#include <optional>

// What `status` remembers of a migrations directory between runs: each
// file's checksums, keyed by what the file system says of the file (device,
// inode, size, modification and change times in nanoseconds), as git's index
// does, so an unchanged file is not read again.
//
// A changed file is never taken from it: any write changes the file's
// change time (ctime), which no program can set back (utimensat sets only
// the modification time). Two gaps, closed by remembering a file only once
// its times are a minute old when it is read: a write in the same timestamp
// tick as the read (git's "racily clean" entries, read again the same way),
// and writes through a shared memory mapping, which move the times only on
// the first write after the kernel wrote the page back (within about 35 s
// with Linux's defaults). Only on local disk file systems (ext2/3/4, XFS,
// Btrfs, F2FS): tmpfs never moves the times for mapped writes, and network
// and FUSE file systems keep times of their own. TABLEWRIGHT_STATUS_CACHE=off
// turns it off.
namespace tw::migrate {

class ChecksumCache
{
public:
    static constexpr qint64 kSettledMs = kChecksumCacheSettledMs;

    // The cache file of a directory: under $XDG_CACHE_HOME/tablewright (or
    // ~/.cache/tablewright), named by a hash of the directory's absolute path.
    // Empty (no cache) with TABLEWRIGHT_STATUS_CACHE=off.
    static QString fileFor(const QString &directory);
    // Whether the file system of `directory` keeps the times the cache relies on.
    static bool suitsFileSystemOf(const OpenDirectory &directory);
    void setSettledMs(qint64 ms) { m_settledMs = ms; }
    // A missing, unreadable or malformed file is an empty cache.
    static ChecksumCache load(const QString &cacheFile);

    // The scripts of `name` as `parsed` (the name's reading) with the
    // remembered sections, their `sql` empty; nullopt unless `stamp` is what
    // was remembered.
    std::optional<QList<MigrationScript>> lookup(const QString &name, const FileStamp &stamp,
                                                 const MigrationScript &parsed) const;
    // Remembers `scripts` read from `name`, when its times were settled at
    // `readAtNs` (the wall clock when it was read, ns since the epoch).
    void remember(const QString &name, const FileStamp &stamp, const QList<MigrationScript> &scripts, qint64 readAtNs);
    // Drops what is not in `names` (files deleted or renamed).
    void keepOnly(const QStringList &names);
    qsizetype size() const { return m_entries.size(); }
    // Written to a temporary file and renamed over the old one, when
    // something changed; failures are ignored (the cache is only a shortcut).
    void saveIfChanged(const QString &cacheFile) const;

private:
    struct Section
    {
        MigrationKind kind = MigrationKind::Versioned;
        int firstLine = 1;
        bool noTransaction = false;
        QString checksum;
    };
    struct Entry
    {
        FileStamp stamp;
        QList<Section> sections;
    };
    QHash<QString, Entry> m_entries;
    bool m_changed = false;
    qint64 m_settledMs = kSettledMs;
};

} // namespace tw::migrate
