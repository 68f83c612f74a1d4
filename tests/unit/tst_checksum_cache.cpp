// The checksum cache of `status` (core/migrate/ChecksumCache.h): unchanged
// files are not read again, an edited file always is (even with its
// modification time put back), an unsettled file is never remembered, and a
// damaged cache file is an empty cache, never a wrong answer.
#include "migrate/ChecksumCache.h"
#include "migrate/MigrationFiles.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tw;
using namespace tw::migrate;

namespace {

bool write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray dbmateFile(int n, const char *column = "v")
{
    return QStringLiteral("-- migrate:up\nCREATE TABLE t_%1 (id int, %2 text);\n-- migrate:down\nDROP TABLE t_%1;\n")
        .arg(n)
        .arg(QLatin1String(column))
        .toUtf8();
}

QStringList checksums(const MigrationDirectory &d)
{
    QStringList out;
    for (const auto *list : {&d.versioned, &d.undo})
        for (const MigrationScript &s : *list)
            out << s.fileName + u' ' + s.checksum + u' ' + QString::number(s.firstLine);
    return out;
}

// Files settle after a minute in use; two seconds here (a test of the rule
// itself, not of its length).
constexpr qint64 kTestSettledMs = 2000;

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

} // namespace

class TestChecksumCache : public QObject
{
    Q_OBJECT

private slots:
    void unchangedFilesAreNotReadAgainAndAnEditAlwaysIs()
    {
        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("m"));
        QVERIFY(QDir().mkpath(migrations));
        const QString cache = dir.filePath(QStringLiteral("cache/status.cache"));
        for (int n = 1; n <= 70; ++n) // enough for the parallel path
            QVERIFY(write(migrations + QStringLiteral("/%1_t%1.sql").arg(n), dbmateFile(n)));
        QVERIFY(write(migrations + QStringLiteral("/V100__plain.sql"), "SELECT 1;\n"));
        // Files become cacheable once their times are settled.
        QThread::msleep(kTestSettledMs + 200);

        const auto first = readMigrationDirectory(migrations, cache, kTestSettledMs);
        QVERIFY(first.ok());
        QCOMPARE(first.value().filesRead, 71);
        QCOMPARE(first.value().filesFromCache, 0);
        QVERIFY(QFile::exists(cache));
        const auto uncached = readMigrationDirectory(migrations);
        QCOMPARE(checksums(first.value()), checksums(uncached.value()));

        const auto second = readMigrationDirectory(migrations, cache, kTestSettledMs);
        QVERIFY(second.ok());
        QCOMPARE(second.value().filesRead, 0);
        QCOMPARE(second.value().filesFromCache, 71);
        QCOMPARE(checksums(second.value()), checksums(uncached.value()));
        QVERIFY(second.value().versioned.first().sql.isEmpty()); // not read
        QCOMPARE(second.value().versioned.last().description, QStringLiteral("plain"));

        // Same size, modification time put back: the change time still moved.
        const QString edited = migrations + QStringLiteral("/7_t7.sql");
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(edited).constData(), &before), 0);
        QVERIFY(write(edited, dbmateFile(7, "w")));
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(edited).constData(), times, 0), 0);
        struct stat after {};
        QCOMPARE(::stat(QFile::encodeName(edited).constData(), &after), 0);
        QCOMPARE(after.st_size, before.st_size);
        QCOMPARE(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);

        const auto third = readMigrationDirectory(migrations, cache, kTestSettledMs);
        QVERIFY(third.ok());
        QCOMPARE(third.value().filesRead, 1);
        QCOMPARE(third.value().filesFromCache, 70);
        QCOMPARE(checksums(third.value()), checksums(readMigrationDirectory(migrations).value()));
        QVERIFY(checksums(third.value()) != checksums(uncached.value()));
        // Just written: not remembered yet, read again until it settles.
        QCOMPARE(readMigrationDirectory(migrations, cache, kTestSettledMs).value().filesRead, 1);

        // A deleted file is gone from the answer and from the cache.
        QVERIFY(QFile::remove(migrations + QStringLiteral("/70_t70.sql")));
        const auto fourth = readMigrationDirectory(migrations, cache, kTestSettledMs);
        QCOMPARE(fourth.value().filesFromCache, 69);
        QCOMPARE(fourth.value().versioned.size(), 70);
    }

    void aDamagedCacheIsAnEmptyOne()
    {
        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("m"));
        QVERIFY(QDir().mkpath(migrations));
        for (int n = 1; n <= 3; ++n)
            QVERIFY(write(migrations + QStringLiteral("/%1_t%1.sql").arg(n), dbmateFile(n)));
        const QString cacheFile = dir.filePath(QStringLiteral("status.cache"));
        // A cache written by hand with settled stamps, then cut at every length.
        ChecksumCache cache;
        const auto read = readMigrationDirectory(migrations);
        for (const MigrationScript &script : read.value().versioned) {
            QList<MigrationScript> scripts{script};
            for (const MigrationScript &undo : read.value().undo)
                if (undo.fileName == script.fileName)
                    scripts << undo;
            cache.remember(script.fileName, FileStamp{1, 2, 3, 4, 5}, scripts, nowNs());
        }
        cache.saveIfChanged(cacheFile);
        QFile file(cacheFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        MigrationScript parsed = *parseMigrationFileName(QStringLiteral("1_t1.sql"));
        QVERIFY(ChecksumCache::load(cacheFile).lookup(QStringLiteral("1_t1.sql"), FileStamp{1, 2, 3, 4, 5}, parsed));
        for (qsizetype length = 0; length < whole.size(); ++length) {
            QVERIFY(write(cacheFile, whole.left(length)));
            QVERIFY2(!ChecksumCache::load(cacheFile).lookup(QStringLiteral("1_t1.sql"), FileStamp{1, 2, 3, 4, 5}, parsed),
                     qPrintable(QString::number(length)));
        }
        QVERIFY(write(cacheFile, whole + "x"));
        QVERIFY(!ChecksumCache::load(cacheFile).lookup(QStringLiteral("1_t1.sql"), FileStamp{1, 2, 3, 4, 5}, parsed));
        QVERIFY(write(cacheFile, QByteArray(whole.size(), '\xFF')));
        QVERIFY(!ChecksumCache::load(cacheFile).lookup(QStringLiteral("1_t1.sql"), FileStamp{1, 2, 3, 4, 5}, parsed));
        // The directory still reads right with the damaged file as its cache.
        const auto again = readMigrationDirectory(migrations, cacheFile, kTestSettledMs);
        QVERIFY(again.ok());
        QCOMPARE(checksums(again.value()), checksums(read.value()));
    }

    void onlySettledStampsAreRemembered()
    {
        const MigrationScript parsed = *parseMigrationFileName(QStringLiteral("V1__a.sql"));
        MigrationScript script = parsed;
        script.checksum = migrationChecksum(QStringLiteral("SELECT 1;"));
        const qint64 now = nowNs();
        const qint64 settled = now - (ChecksumCache::kSettledMs + 1) * 1000000;
        const FileStamp old{1, 2, 9, settled, settled};
        const FileStamp freshlyModified{1, 2, 9, now - 1000, settled};
        const FileStamp freshlyChanged{1, 2, 9, settled, now - 1000};
        ChecksumCache cache;
        cache.remember(QStringLiteral("V1__a.sql"), freshlyModified, {script}, now);
        QVERIFY(!cache.lookup(QStringLiteral("V1__a.sql"), freshlyModified, parsed));
        cache.remember(QStringLiteral("V1__a.sql"), freshlyChanged, {script}, now);
        QVERIFY(!cache.lookup(QStringLiteral("V1__a.sql"), freshlyChanged, parsed));
        cache.remember(QStringLiteral("V1__a.sql"), old, {script}, now);
        const auto hit = cache.lookup(QStringLiteral("V1__a.sql"), old, parsed);
        QVERIFY(hit);
        QCOMPARE(hit->size(), 1);
        QCOMPARE(hit->first().checksum, script.checksum);
        // Any field that differs is a miss.
        for (FileStamp other : {FileStamp{9, 2, 9, settled, settled}, FileStamp{1, 9, 9, settled, settled},
                                FileStamp{1, 2, 8, settled, settled}, FileStamp{1, 2, 9, settled + 1, settled},
                                FileStamp{1, 2, 9, settled, settled + 1}})
            QVERIFY(!cache.lookup(QStringLiteral("V1__a.sql"), other, parsed));
        QVERIFY(!cache.lookup(QStringLiteral("V2__b.sql"), old, parsed));
    }

    // A write through a shared mapping moves the times only on the first
    // write after the page was written back; the minute a file must settle
    // covers the kernel's writeback (msync stands in for it here).
    void writesThroughAMappingAreSeenOnceThePageWasWrittenBack()
    {
        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("m"));
        QVERIFY(QDir().mkpath(migrations));
        const QString cache = dir.filePath(QStringLiteral("status.cache"));
        const QString path = migrations + QStringLiteral("/V1__mapped.sql");
        QVERIFY(write(path, "SELECT 1;\n"));
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR);
        QVERIFY(fd >= 0);
        auto *map = static_cast<char *>(::mmap(nullptr, 10, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
        QVERIFY(map != MAP_FAILED);
        map[7] = '2';
        QCOMPARE(::msync(map, 10, MS_SYNC), 0);
        QThread::msleep(kTestSettledMs + 200);
        const auto first = readMigrationDirectory(migrations, cache, kTestSettledMs);
        QCOMPARE(first.value().filesRead, 1);
        QCOMPARE(readMigrationDirectory(migrations, cache, kTestSettledMs).value().filesFromCache, 1);

        map[7] = '3'; // the page is clean again: this write moves the times
        const auto after = readMigrationDirectory(migrations, cache, kTestSettledMs);
        QCOMPARE(after.value().filesRead, 1);
        QCOMPARE(after.value().versioned.first().checksum, migrationChecksum(QStringLiteral("SELECT 3;\n")));
        ::munmap(map, 10);
        ::close(fd);
    }

    // tmpfs never moves the times for mapped writes: no cache there.
    void noCacheOnFileSystemsWithoutReliableTimes()
    {
        if (!QFileInfo(QStringLiteral("/dev/shm")).isWritable())
            QSKIP("no /dev/shm");
        QTemporaryDir dir(QStringLiteral("/dev/shm/tw-checksum-XXXXXX"));
        QVERIFY(dir.isValid());
        QVERIFY(write(dir.filePath(QStringLiteral("V1__a.sql")), "SELECT 1;\n"));
        QTemporaryDir cacheDir;
        const QString cache = cacheDir.filePath(QStringLiteral("status.cache"));
        QVERIFY(readMigrationDirectory(dir.path(), cache, 0).ok());
        QCOMPARE(readMigrationDirectory(dir.path(), cache, 0).value().filesFromCache, 0);
        QVERIFY(!QFile::exists(cache));
    }

    void theCacheCanBeTurnedOffAndIsTheUsersOwn()
    {
        qputenv("TABLEWRIGHT_STATUS_CACHE", "off");
        QVERIFY(ChecksumCache::fileFor(QStringLiteral("/srv/app/migrations")).isEmpty());
        qunsetenv("TABLEWRIGHT_STATUS_CACHE");

        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("m"));
        QVERIFY(QDir().mkpath(migrations));
        QVERIFY(write(migrations + QStringLiteral("/V1__a.sql"), "SELECT 1;\n"));
        QThread::msleep(kTestSettledMs + 200);
        const QString cache = dir.filePath(QStringLiteral("cache/status.cache"));
        QVERIFY(readMigrationDirectory(migrations, cache, kTestSettledMs).ok());
        QCOMPARE(QFileInfo(cache).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("cache"))).permissions()
                     & (QFileDevice::ExeGroup | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    void theCacheFileIsPerDirectoryUnderTheUsersCache()
    {
        qputenv("XDG_CACHE_HOME", "/tmp/tw-cache-test-home");
        const QString a = ChecksumCache::fileFor(QStringLiteral("/srv/app/migrations"));
        const QString b = ChecksumCache::fileFor(QStringLiteral("/srv/other/migrations"));
        QVERIFY(a.startsWith(QLatin1String("/tmp/tw-cache-test-home/tablewright/")));
        QVERIFY(a != b);
        QCOMPARE(ChecksumCache::fileFor(QStringLiteral("/srv/app/migrations")), a);
        qunsetenv("XDG_CACHE_HOME");
    }
};

QTEST_GUILESS_MAIN(TestChecksumCache)
#include "tst_checksum_cache.moc"
