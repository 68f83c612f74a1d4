#include "MigrationFiles.h"

#include "ChecksumCache.h"
#include "DbmateSections.h"
#include "SqlFileReader.h"
#include "crypto/Sha256.h"

#include <QDateTime>
#include <QDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace tw::migrate {

namespace {

QString describe(QString words)
{
    return words.replace(u'_', u' ').trimmed();
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Where the run of ASCII digits starting at `from` ends.
qsizetype digitsEnd(QStringView text, qsizetype from)
{
    while (from < text.size() && isDigit(text[from]))
        ++from;
    return from;
}

// The part of a name between `from` and its suffix, when the name ends in the
// suffix and that part is not empty and on one line (what `(.+)` took).
std::optional<QStringView> nonEmptyBefore(QStringView name, qsizetype from, QLatin1StringView suffix)
{
    if (!name.endsWith(suffix) || name.size() - qsizetype(suffix.size()) <= from)
        return std::nullopt;
    const QStringView part = name.sliced(from, name.size() - suffix.size() - from);
    if (part.contains(u'\n'))
        return std::nullopt;
    return part;
}

} // namespace

std::optional<MigrationVersion> MigrationVersion::parse(const QString &text)
{
    // Digits separated by single dots or underscores (what ^\d+([._]\d+)*$
    // says), read by hand: `status` parses every file name and history row,
    // and a regular expression match cost more than the rest of the parse.
    MigrationVersion version;
    qint64 part = 0;
    bool inDigits = false;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            const int digit = c.unicode() - u'0';
            if (part > (std::numeric_limits<qint64>::max() - digit) / 10)
                return std::nullopt; // more digits than 64 bits hold
            part = part * 10 + digit;
            inDigits = true;
        } else if ((c == u'.' || c == u'_') && inDigits) {
            version.m_parts << part;
            part = 0;
            inDigits = false;
        } else {
            return std::nullopt;
        }
    }
    if (!inDigits)
        return std::nullopt; // empty, or ends with a separator
    version.m_parts << part;
    version.m_text = text;
    while (version.m_parts.size() > 1 && version.m_parts.last() == 0)
        version.m_parts.removeLast();
    for (qsizetype i = 0; i < version.m_parts.size(); ++i) {
        if (i > 0)
            version.m_normalized += u'.';
        version.m_normalized += QString::number(version.m_parts.at(i));
    }
    return version;
}

std::strong_ordering MigrationVersion::operator<=>(const MigrationVersion &other) const
{
    const qsizetype n = std::max(m_parts.size(), other.m_parts.size());
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 a = m_parts.value(i, 0);
        const qint64 b = other.m_parts.value(i, 0);
        if (a != b)
            return a <=> b;
    }
    return std::strong_ordering::equal;
}

// The four conventions, tried in this order (one name can fit two: "1_x.up.sql"
// is golang-migrate's before it is dbmate's):
//   V<version>__<description>.sql, U<version>__<description>.sql   version: digits, groups joined by . or _
//   R__<description>.sql
//   <digits>_<description>.up.sql, <digits>_<description>.down.sql
//   <digits>_<description>.sql
// Read by hand: a regular expression per convention cost more than reading
// the file, on a `status` that names a thousand.
std::optional<MigrationScript> parseMigrationFileName(const QString &fileName)
{
    const QStringView name(fileName);
    const QLatin1StringView sql(".sql");
    MigrationScript script;
    script.fileName = fileName;
    const auto versioned = [&](MigrationKind kind, QStringView version, QStringView description) {
        script.kind = kind;
        script.version = MigrationVersion::parse(version.toString());
        script.description = describe(description.toString());
        return script.version ? std::optional(script) : std::nullopt;
    };
    if (name.startsWith(u'V') || name.startsWith(u'U')) {
        // A version group ends where "[._]<digit>" does not follow, so the
        // longest one is the only one "__" can follow.
        qsizetype end = digitsEnd(name, 1);
        if (end > 1) {
            while (end + 1 < name.size() && (name[end] == u'.' || name[end] == u'_') && isDigit(name[end + 1]))
                end = digitsEnd(name, end + 1);
            if (name.sliced(end).startsWith(u"__"))
                if (const auto description = nonEmptyBefore(name, end + 2, sql))
                    return versioned(name[0] == u'V' ? MigrationKind::Versioned : MigrationKind::Undo,
                                     name.sliced(1, end - 1), *description);
        }
    }
    if (name.startsWith(u"R__")) {
        if (const auto description = nonEmptyBefore(name, 3, sql)) {
            script.kind = MigrationKind::Repeatable;
            script.description = describe(description->toString());
            return script;
        }
    }
    const qsizetype digits = digitsEnd(name, 0);
    if (digits == 0 || digits >= name.size() || name[digits] != u'_')
        return std::nullopt;
    const QStringView version = name.first(digits);
    if (const auto up = nonEmptyBefore(name, digits + 1, QLatin1StringView(".up.sql")))
        return versioned(MigrationKind::Versioned, version, *up);
    if (const auto down = nonEmptyBefore(name, digits + 1, QLatin1StringView(".down.sql")))
        return versioned(MigrationKind::Undo, version, *down);
    if (const auto description = nonEmptyBefore(name, digits + 1, sql))
        return versioned(MigrationKind::Versioned, version, *description);
    return std::nullopt;
}

namespace {

// On the UTF-8 bytes the text was read from (crypto::sha256 is OpenSSL's,
// several times Qt's portable one), so reading a file hashes what it read.
QString checksumOfUtf8(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QByteArray normalised;
    if (bytes.contains('\r')) {
        normalised = bytes.toByteArray();
        normalised.replace("\r\n", "\n");
        normalised.replace('\r', '\n');
        bytes = normalised;
    }
    return QStringLiteral("sha256:") + QString::fromLatin1(crypto::sha256(bytes).toHex());
}

} // namespace

QString migrationChecksum(const QString &sql)
{
    return checksumOfUtf8(sql.toUtf8());
}

namespace {

// One file, read and checked on its own: the costly part of reading a
// directory, so files are loaded in parallel and put together in order.
struct LoadedFile
{
    std::optional<Error> error;
    bool ignored = false;
    QList<MigrationScript> scripts;   // one, or two for a dbmate file with a down section
    std::optional<FileStamp> stamp;   // taken before reading (with a cache)
    bool fromCache = false;
    bool needsRead = false;           // not in the cache, and the caller asked not to read it yet
};

enum class Reading { Now, Later };

LoadedFile loadFile(const OpenDirectory &directory, const QString &name, const ChecksumCache *cache,
                    Reading reading = Reading::Now)
{
    static const QRegularExpression versionShaped(QStringLiteral(R"(^(?:[VU][0-9][0-9._]*__.+|[0-9]+_.+)\.sql$)"));
    LoadedFile out;
    auto parsed = parseMigrationFileName(name);
    if (!parsed && versionShaped.match(name).hasMatch()) {
        out.error = Error(ErrorCode::ValidationFailed,
                          QStringLiteral("%1: its version is not one Tablewright can compare (numbers of at most 18 digits, "
                                         "separated by dots)").arg(name));
        return out;
    }
    if (!parsed) {
        out.ignored = true;
        return out;
    }
    if (cache) {
        // Stamped before the read: a change after it makes the stamp stale,
        // never the remembered checksum.
        out.stamp = directory.stamp(name);
        if (out.stamp) {
            if (auto remembered = cache->lookup(name, *out.stamp, *parsed)) {
                out.scripts = std::move(*remembered);
                out.fromCache = true;
                return out;
            }
        }
    }
    if (reading == Reading::Later) {
        out.needsRead = true;
        return out;
    }
    const auto read = directory.readFile(name);
    if (!read) {
        out.error = read.error();
        return out;
    }
    QByteArrayView bytes = read.value();
    if (!bytes.isValidUtf8()) {
        out.error = Error(ErrorCode::ValidationFailed, QStringLiteral("%1 is not UTF-8 text").arg(name));
        return out;
    }
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        // Statements are handed to the server as C strings: a NUL would end one early.
        out.error = Error(ErrorCode::ValidationFailed, QStringLiteral("%1 holds a NUL character (line %2)")
                                                           .arg(name)
                                                           .arg(bytes.first(nul).count('\n') + 1));
        return out;
    }
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3); // an editor's byte-order mark is no part of the first statement
    const auto add = [&out](MigrationScript script, QByteArrayView section) {
        script.sql = QString::fromUtf8(section);
        if (section.indexOf(QByteArrayView("-- tablewright:no-transaction")) >= 0)
            script.noTransaction = true;
        script.checksum = checksumOfUtf8(section);
        out.scripts << std::move(script);
    };
    const bool dbmateFile = !name.startsWith(u'V') && !name.startsWith(u'U') && !name.startsWith(u'R')
                            && !name.endsWith(QLatin1String(".up.sql")) && !name.endsWith(QLatin1String(".down.sql"));
    if (!dbmateFile) {
        add(std::move(*parsed), bytes);
        return out;
    }
    const auto sections = findDbmateSections(bytes);
    if (!sections) {
        out.error = Error(ErrorCode::ValidationFailed,
                          QStringLiteral("%1 looks like a dbmate migration but has no \"-- migrate:up\" line").arg(name));
        return out;
    }
    const auto slice = [bytes](const DbmateSection &section) { return bytes.sliced(section.begin, section.end - section.begin); };
    if (const auto &down = sections->down; down && !slice(*down).trimmed().isEmpty()) {
        MigrationScript undo = *parsed;
        undo.kind = MigrationKind::Undo;
        undo.firstLine = down->line;
        undo.noTransaction = down->noTransaction;
        MigrationScript up = std::move(*parsed);
        up.firstLine = sections->up.line;
        up.noTransaction = sections->up.noTransaction;
        add(std::move(up), slice(sections->up));
        add(std::move(undo), slice(*down));
        return out;
    }
    parsed->firstLine = sections->up.line;
    parsed->noTransaction = sections->up.noTransaction;
    add(std::move(*parsed), slice(sections->up));
    return out;
}

} // namespace

Result<MigrationDirectory> readMigrationDirectory(const QString &path, const QString &checksumCache, qint64 settledMs)
{
    const QDir dir(path);
    if (!dir.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("the migrations directory %1 does not exist").arg(path));
    // An unreadable folder must not list as empty: every applied migration
    // would look like a missing file and `status` would say "up to date".
    if (const QFileInfo info(path); !info.isReadable() || !info.isExecutable())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("the migrations directory %1 cannot be read").arg(path));
    // Unreadable files are listed too: opening them fails loudly below.
    const auto names = listSqlFiles(path);
    if (!names)
        return names.error();
    // Reading, decoding and hashing a thousand files is most of a `status`:
    // spread over the cores when there are enough files to pay for it. On a
    // pool of its own: Qt 6.4's blockingMapped only waits (the caller does
    // none of the work), so on the global pool a caller that is itself a
    // global-pool task (the GUI's file details, a pool being closed) could
    // wait for work queued behind it. These tasks never block.
    static QThreadPool filePool;
    const auto opened = OpenDirectory::open(path);
    if (!opened)
        return opened.error();
    std::optional<ChecksumCache> cache;
    if (!checksumCache.isEmpty() && ChecksumCache::suitsFileSystemOf(*opened.value())) {
        cache = ChecksumCache::load(checksumCache);
        cache->setSettledMs(settledMs);
    }
    const qint64 readAtNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    const ChecksumCache *lookIn = cache ? &*cache : nullptr;
    const auto load = [directory = opened.value(), lookIn](const QString &name) { return loadFile(*directory, name, lookIn); };
    // What the cache answers costs a stat each: done here, in order. Only
    // the files to read (and hash) are worth spreading over the cores: for a
    // thousand answered from the cache, Qt's ordered map-reduce cost more
    // than the work (5.7 ms on three threads against 4.5 ms on one).
    QList<LoadedFile> loaded;
    loaded.reserve(names.value().size());
    QList<QString> toRead;
    QList<qsizetype> toReadAt;
    for (qsizetype i = 0; i < names.value().size(); ++i) {
        loaded << (lookIn ? loadFile(*opened.value(), names.value().at(i), lookIn, Reading::Later) : LoadedFile{});
        if (!lookIn || loaded.constLast().needsRead) {
            toRead << names.value().at(i);
            toReadAt << i;
        }
    }
    QList<LoadedFile> read = toRead.size() >= 64 ? QtConcurrent::blockingMapped<QList<LoadedFile>>(&filePool, toRead, load)
                                                 : [&] {
                                                       QList<LoadedFile> one;
                                                       for (const QString &name : std::as_const(toRead))
                                                           one << load(name);
                                                       return one;
                                                   }();
    for (qsizetype k = 0; k < read.size(); ++k)
        loaded[toReadAt.at(k)] = std::move(read[k]);
    // Put together in name order: the first problem by name is the one reported.
    MigrationDirectory out;
    out.versioned.reserve(loaded.size());
    out.undo.reserve(loaded.size());
    QHash<QString, QString> claimed; // "V1.2" / "U1.2" / "Rname" → file
    claimed.reserve(2 * loaded.size());
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        LoadedFile &file = loaded[i];
        if (file.error)
            return *file.error;
        if (file.ignored) {
            out.ignored << names.value().at(i);
            continue;
        }
        ++(file.fromCache ? out.filesFromCache : out.filesRead);
        if (cache && !file.fromCache && file.stamp)
            cache->remember(names.value().at(i), *file.stamp, file.scripts, readAtNs);
        for (MigrationScript &script : file.scripts) {
            const QString key = script.kind == MigrationKind::Repeatable
                                    ? QStringLiteral("R") + script.description.toLower()
                                    : (script.kind == MigrationKind::Versioned ? QStringLiteral("V") : QStringLiteral("U"))
                                          + script.version->normalized();
            if (const auto it = claimed.constFind(key); it != claimed.cend())
                return Error(ErrorCode::ValidationFailed,
                             QStringLiteral("%1 and %2 are the same migration (%3)")
                                 .arg(it.value(), script.fileName,
                                      script.version ? QStringLiteral("version ") + script.version->normalized()
                                                     : script.description),
                             {{QStringLiteral("files"), QStringList{it.value(), script.fileName}}});
            claimed.insert(key, script.fileName);
            (script.kind == MigrationKind::Versioned ? out.versioned
             : script.kind == MigrationKind::Undo    ? out.undo
                                                     : out.repeatable) << std::move(script);
        }
    }
    if (cache) {
        // Every entry answered a file of the folder: none to forget.
        if (out.filesFromCache != cache->size())
            cache->keepOnly(names.value());
        cache->saveIfChanged(checksumCache);
    }
    const auto byVersion = [](const MigrationScript &a, const MigrationScript &b) { return *a.version < *b.version; };
    std::sort(out.versioned.begin(), out.versioned.end(), byVersion);
    std::sort(out.undo.begin(), out.undo.end(), byVersion);
    std::sort(out.repeatable.begin(), out.repeatable.end(),
              [](const MigrationScript &a, const MigrationScript &b) { return a.description < b.description; });
    return out;
}

} // namespace tw::migrate
