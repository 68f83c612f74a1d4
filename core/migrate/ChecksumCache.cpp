#include "ChecksumCache.h"

#include <QCryptographicHash>

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QtEndian>

#include <cstring>

#include <sys/vfs.h>

namespace tw::migrate {

namespace {

constexpr quint32 kMagic = 0x54574d43; // "TWMC"
constexpr quint32 kFormat = 2;         // bumped when the layout or the checksum algorithm changes

} // namespace

QString ChecksumCache::fileFor(const QString &directory)
{
    if (qEnvironmentVariable("TABLEWRIGHT_STATUS_CACHE") == u"off")
        return {};
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        return {};
    // Qt's own SHA-256 (the same digest): OpenSSL's would be opened for this
    // one short path on every status whose checksums all come from the cache.
    const QByteArray key =
        QCryptographicHash::hash(QDir(directory).absolutePath().toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return base + QStringLiteral("/tablewright/migrations-") + QString::fromLatin1(key) + QStringLiteral(".cache");
}

namespace {

// The file, little-endian: "TWMC", format, entry count, then per entry the
// name's length (u16) and UTF-8 bytes, device, inode, size, mtime and ctime
// in ns (u64 each), the section count (u8), and per section its kind (u8),
// first line (u32), no-transaction flag (u8) and SHA-256 (32 bytes). Read by
// hand in one go: it is read on every status, so it must cost less than the
// files it saves reading.
constexpr int kDigestBytes = 32;
const QLatin1StringView kChecksumPrefix("sha256:");

class Reader
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_bytes.size(); }
    template<typename T>
    T number()
    {
        T value{};
        if (!take(sizeof(T)))
            return value;
        std::memcpy(&value, m_bytes.data() + m_at - qsizetype(sizeof(T)), sizeof(T));
        return qFromLittleEndian(value);
    }
    QByteArrayView bytes(qsizetype count)
    {
        return take(count) ? m_bytes.sliced(m_at - count, count) : QByteArrayView();
    }

private:
    bool take(qsizetype count)
    {
        if (!m_ok || m_bytes.size() - m_at < count) {
            m_ok = false;
            return false;
        }
        m_at += count;
        return true;
    }
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_ok = true;
};

template<typename T>
void append(QByteArray &out, T value)
{
    value = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&value), sizeof(T));
}

} // namespace

bool ChecksumCache::suitsFileSystemOf(const OpenDirectory &directory)
{
    struct statfs info {};
    if (::fstatfs(directory.fd(), &info) != 0)
        return false;
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0xEF53UL:     // ext2, ext3, ext4
    case 0x58465342UL: // XFS
    case 0x9123683EUL: // Btrfs
    case 0xF2F52010UL: // F2FS
        return true;
    default:
        return false;
    }
}

ChecksumCache ChecksumCache::load(const QString &cacheFile)
{
    if (cacheFile.isEmpty())
        return {};
    const auto read = readWholeFile(cacheFile);
    if (!read)
        return {};
    Reader in(read.value());
    if (in.number<quint32>() != kMagic || in.number<quint32>() != kFormat)
        return {};
    const quint32 count = in.number<quint32>();
    ChecksumCache cache;
    cache.m_entries.reserve(qsizetype(qMin<quint32>(count, 1u << 20)));
    for (quint32 i = 0; i < count && in.ok(); ++i) {
        const QByteArrayView name = in.bytes(in.number<quint16>());
        Entry entry;
        entry.stamp.device = in.number<quint64>();
        entry.stamp.inode = in.number<quint64>();
        entry.stamp.size = in.number<qint64>();
        entry.stamp.modifiedNs = in.number<qint64>();
        entry.stamp.changedNs = in.number<qint64>();
        const quint8 sections = in.number<quint8>();
        if (sections < 1 || sections > 2)
            return {};
        for (quint8 j = 0; j < sections; ++j) {
            Section section;
            const quint8 kind = in.number<quint8>();
            section.firstLine = int(in.number<quint32>());
            section.noTransaction = in.number<quint8>() != 0;
            const QByteArrayView digest = in.bytes(kDigestBytes);
            if (!in.ok() || kind > quint8(MigrationKind::Repeatable) || section.firstLine < 1)
                return {};
            section.kind = MigrationKind(kind);
            section.checksum = kChecksumPrefix + QString::fromLatin1(digest.toByteArray().toHex());
            entry.sections << section;
        }
        if (!in.ok() || !name.isValidUtf8())
            return {};
        cache.m_entries.insert(QString::fromUtf8(name), entry);
    }
    if (!in.ok() || !in.atEnd())
        return {};
    return cache;
}

std::optional<QList<MigrationScript>> ChecksumCache::lookup(const QString &name, const FileStamp &stamp,
                                                            const MigrationScript &parsed) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend() || !(it->stamp == stamp) || it->sections.isEmpty())
        return std::nullopt;
    QList<MigrationScript> scripts;
    for (const Section &section : it->sections) {
        MigrationScript script = parsed;
        script.kind = section.kind;
        script.firstLine = section.firstLine;
        script.noTransaction = section.noTransaction;
        script.checksum = section.checksum;
        scripts << std::move(script);
    }
    return scripts;
}

void ChecksumCache::remember(const QString &name, const FileStamp &stamp, const QList<MigrationScript> &scripts,
                             qint64 readAtNs)
{
    const qint64 settledBefore = readAtNs - m_settledMs * 1000000;
    if (scripts.isEmpty() || stamp.modifiedNs >= settledBefore || stamp.changedNs >= settledBefore) {
        m_changed |= m_entries.remove(name);
        return;
    }
    Entry entry;
    entry.stamp = stamp;
    for (const MigrationScript &script : scripts)
        entry.sections << Section{script.kind, script.firstLine, script.noTransaction, script.checksum};
    m_entries.insert(name, entry);
    m_changed = true;
}

void ChecksumCache::keepOnly(const QStringList &names)
{
    const QSet<QString> present(names.cbegin(), names.cend());
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (present.contains(it.key())) {
            ++it;
        } else {
            it = m_entries.erase(it);
            m_changed = true;
        }
    }
}

void ChecksumCache::saveIfChanged(const QString &cacheFile) const
{
    if (!m_changed || cacheFile.isEmpty())
        return;
    QByteArray out;
    out.reserve(m_entries.size() * 128 + 12);
    append(out, kMagic);
    append(out, kFormat);
    append(out, quint32(m_entries.size()));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        if (name.size() > 0xFFFF)
            return; // no file system names a file that long
        append(out, quint16(name.size()));
        out.append(name);
        const Entry &entry = it.value();
        append(out, entry.stamp.device);
        append(out, entry.stamp.inode);
        append(out, entry.stamp.size);
        append(out, entry.stamp.modifiedNs);
        append(out, entry.stamp.changedNs);
        append(out, quint8(entry.sections.size()));
        for (const Section &section : entry.sections) {
            const QByteArray digest = QByteArray::fromHex(QStringView(section.checksum).sliced(kChecksumPrefix.size()).toLatin1());
            if (!section.checksum.startsWith(kChecksumPrefix) || digest.size() != kDigestBytes)
                return; // not a checksum this format can hold: nothing written
            append(out, quint8(section.kind));
            append(out, quint32(section.firstLine));
            append(out, quint8(section.noTransaction));
            out.append(digest);
        }
    }
    // The user's own: the names of the migrations and their checksums.
    const QString folder = QFileInfo(cacheFile).absolutePath();
    if (!QDir().mkpath(folder))
        return;
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(cacheFile);
    if (file.open(QIODevice::WriteOnly) && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(out) == out.size())
        file.commit();
}

} // namespace tw::migrate
