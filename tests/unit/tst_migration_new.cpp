// `migrate new`: the next file of a directory, in the directory's own naming.
#include "migrate/MigrationFiles.h"
#include "migrate/MigrationNew.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;
using namespace tw::migrate;

namespace {

bool touch(const QDir &dir, const QString &name, const QByteArray &content = "SELECT 1;\n")
{
    QFile f(dir.filePath(name));
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString errorOf(const Result<NewMigrationFiles> &r)
{
    return r.ok() ? QStringLiteral("(ok)") : r.error().toString();
}

} // namespace

class TstMigrationNew : public QObject
{
    Q_OBJECT

private slots:
    void emptyDirectoryStartsAtVersionOne()
    {
        QTemporaryDir tmp;
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("create orders"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version, QStringLiteral("1"));
        QCOMPARE(QFileInfo(r.value().upPath).fileName(), QStringLiteral("V1__create_orders.sql"));
        QCOMPARE(QFileInfo(r.value().undoPath).fileName(), QStringLiteral("U1__create_orders.sql"));
        QVERIFY(QFileInfo(r.value().upPath).isAbsolute());
        QVERIFY(readText(r.value().upPath).startsWith(QLatin1String("--")));
        // The runner reads back what `new` wrote.
        const auto dir = readMigrationDirectory(tmp.path());
        QVERIFY(dir.ok());
        QCOMPARE(dir.value().versioned.size(), 1);
        QCOMPARE(dir.value().undo.size(), 1);
        QCOMPARE(dir.value().versioned.first().description, QStringLiteral("create orders"));
    }

    void missingDirectoryIsCreated()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("db/migrations"));
        const auto r = createMigrationFiles(path, QStringLiteral("init"), QStringLiteral("CREATE TABLE t (a int);"),
                                            QStringLiteral("DROP TABLE t;"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(QFileInfo::exists(r.value().upPath));
        QCOMPARE(readText(r.value().upPath), QStringLiteral("CREATE TABLE t (a int);\n"));
        QCOMPARE(readText(r.value().undoPath), QStringLiteral("DROP TABLE t;\n"));
    }

    void flywayDirectoryGetsTheNextNumberNotTheNextString()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        for (int v = 1; v <= 10; ++v)
            QVERIFY(touch(dir, QStringLiteral("V%1__step_%1.sql").arg(v)));
        QVERIFY(touch(dir, QStringLiteral("U3__step_3.sql")));
        QVERIFY(touch(dir, QStringLiteral("R__views.sql")));
        QVERIFY(touch(dir, QStringLiteral("notes.sql"))); // follows no convention: ignored
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("add index"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version, QStringLiteral("11"));
        QCOMPARE(QFileInfo(r.value().upPath).fileName(), QStringLiteral("V11__add_index.sql"));
        QCOMPARE(QFileInfo(r.value().undoPath).fileName(), QStringLiteral("U11__add_index.sql"));
    }

    void dottedVersionsBumpTheirFirstPart()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("V1.2__a.sql")));
        QVERIFY(touch(dir, QStringLiteral("V1.10__b.sql")));
        QVERIFY(touch(dir, QStringLiteral("V1.9__c.sql")));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("next"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version, QStringLiteral("2"));
        QCOMPARE(QFileInfo(r.value().upPath).fileName(), QStringLiteral("V2__next.sql"));
    }

    void zeroPaddingIsKept()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("V009__a.sql")));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("b"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(QFileInfo(r.value().upPath).fileName(), QStringLiteral("V010__b.sql"));
    }

    void dbmateFolderGetsATimestampedFileWithBothSections()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("20200101120000_create_users.sql"),
                      "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n"));
        const QString before = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("add email"), QStringLiteral("ALTER TABLE users ADD email text;"),
                                            QStringLiteral("ALTER TABLE users DROP email;"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version.size(), 14);
        QVERIFY2(r.value().version >= before, qPrintable(r.value().version));
        QCOMPARE(r.value().upPath, r.value().undoPath);
        QCOMPARE(QFileInfo(r.value().upPath).fileName(), r.value().version + QStringLiteral("_add_email.sql"));
        const auto read = readMigrationDirectory(tmp.path());
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QCOMPARE(read.value().versioned.size(), 2);
        QCOMPARE(read.value().versioned.last().sql.trimmed(), QStringLiteral("ALTER TABLE users ADD email text;"));
        QCOMPARE(read.value().undo.last().sql.trimmed(), QStringLiteral("ALTER TABLE users DROP email;"));
    }

    void dbmateVersionInTheFutureIsStillExceeded()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("29991231235959_later.sql"), "-- migrate:up\nSELECT 1;\n"));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("x"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version, QStringLiteral("29991231235960"));
    }

    void golangMigrateFolderGetsSequentialUpAndDownFiles()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("000001_create_users.up.sql")));
        QVERIFY(touch(dir, QStringLiteral("000001_create_users.down.sql")));
        QVERIFY(touch(dir, QStringLiteral("000002_add_email.up.sql")));
        QVERIFY(touch(dir, QStringLiteral("000002_add_email.down.sql")));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("add-phone"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version, QStringLiteral("000003"));
        QCOMPARE(QFileInfo(r.value().upPath).fileName(), QStringLiteral("000003_add-phone.up.sql"));
        QCOMPARE(QFileInfo(r.value().undoPath).fileName(), QStringLiteral("000003_add-phone.down.sql"));
        const auto read = readMigrationDirectory(tmp.path());
        QVERIFY(read.ok());
        QCOMPARE(read.value().versioned.size(), 3);
        QCOMPARE(read.value().undo.size(), 3);
    }

    void badNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("   ");
        QTest::newRow("slash") << QStringLiteral("../escape");
        QTest::newRow("dot") << QStringLiteral("a.b");
        QTest::newRow("quote") << QStringLiteral("it's");
        QTest::newRow("non-ascii") << QStringLiteral("caf\u00e9");
    }

    void badNamesAreRefused()
    {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const auto r = createMigrationFiles(tmp.path(), name);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ValidationFailed);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 0);
    }

    void existingFileIsNeverOverwritten()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("V1__a.sql")));
        // The undo file of the next version is already there (by hand).
        QVERIFY(touch(dir, QStringLiteral("U2__b.sql"), "-- mine\n"));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("b"));
        // U2 counts as version 2, so the next is 3 and nothing is clobbered.
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r.value().version, QStringLiteral("3"));
        QCOMPARE(readText(dir.filePath(QStringLiteral("U2__b.sql"))), QStringLiteral("-- mine\n"));
    }

    void clashWithAnExistingFileIsAConflict()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("V1__a.sql")));
        // Something that is not a migration file holds the undo file's name.
        QVERIFY(dir.mkdir(QStringLiteral("U2__b.sql")));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("b"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Conflict);
        QVERIFY2(r.error().message().contains(QLatin1String("U2__b.sql")), qPrintable(r.error().message()));
        // Never half a pair.
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("V2__b.sql"))));
    }

    void unreadableDirectoryIsAnError()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("plain-file"));
        QVERIFY(touch(QDir(tmp.path()), QStringLiteral("plain-file")));
        // A path below a regular file can be neither read nor created.
        const auto r = createMigrationFiles(file + QStringLiteral("/migrations"), QStringLiteral("x"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ValidationFailed);
    }

    void duplicateVersionsInTheDirectoryAreReported()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QVERIFY(touch(dir, QStringLiteral("V1__a.sql")));
        QVERIFY(touch(dir, QStringLiteral("V01__b.sql")));
        const auto r = createMigrationFiles(tmp.path(), QStringLiteral("c"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(QLatin1String("V01__b.sql")), qPrintable(r.error().message()));
    }
};

QTEST_GUILESS_MAIN(TstMigrationNew)
#include "tst_migration_new.moc"
