// Migration file conventions (issue 9): versions compared as numbers,
// Tablewright/Flyway, dbmate and golang-migrate folders read unchanged,
// duplicate versions refused, checksums blind to BOMs and line endings.
#include "migrate/DbmateSections.h"
#include "migrate/MigrationFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

using namespace tw;
using namespace tw::migrate;

namespace {

bool write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList versions(const QList<MigrationScript> &scripts)
{
    QStringList out;
    for (const auto &script : scripts)
        out << (script.version ? script.version->normalized() : script.description);
    return out;
}

MigrationVersion v(const char *text)
{
    return *MigrationVersion::parse(QString::fromLatin1(text));
}

} // namespace

class TestMigrationFiles : public QObject
{
    Q_OBJECT

private slots:
    void versionsCompareAsNumbers()
    {
        QVERIFY(v("1") < v("2"));
        QVERIFY(v("2") < v("10"));
        QVERIFY(v("1.2") < v("1.10"));
        QVERIFY(v("1_2") == v("1.2"));
        QVERIFY(v("1") == v("1.0"));
        QVERIFY(v("20240101120000") > v("20231231235959"));
        QCOMPARE(v("01.2").normalized(), QStringLiteral("1.2"));
        QVERIFY(!MigrationVersion::parse(QStringLiteral("1.a")));
        QVERIFY(!MigrationVersion::parse(QStringLiteral("")));
        QVERIFY(!MigrationVersion::parse(QStringLiteral("99999999999999999999999")));
    }

    // The parser is written by hand; the grammar it must accept is this
    // expression (plus: every part fits 64 bits). Every string over a small
    // alphabet up to five characters, and the 64-bit edges, both ways.
    void versionParserFollowsTheGrammar()
    {
        const QRegularExpression grammar(QStringLiteral(R"(\A\d+([._]\d+)*\z)"));
        const QString alphabet = QStringLiteral("09._a ") + QChar(0x0661); // ARABIC-INDIC DIGIT ONE is no \d here
        QStringList cases{QStringLiteral("9223372036854775807"), QStringLiteral("9223372036854775808"),
                          QStringLiteral("1.9223372036854775807"), QStringLiteral("1_92233720368547758070"),
                          QStringLiteral("00000000000000000000000000001"), QStringLiteral("1\n")};
        QStringList level{QString()};
        for (int length = 1; length <= 5; ++length) {
            QStringList next;
            for (const QString &prefix : std::as_const(level))
                for (const QChar c : alphabet)
                    next << prefix + c;
            cases << next;
            level = next;
        }
        for (const QString &text : std::as_const(cases)) {
            const auto parsed = MigrationVersion::parse(text);
            bool fits = true;
            QList<qint64> parts;
            if (grammar.match(text).hasMatch()) {
                for (const QString &part : text.split(QRegularExpression(QStringLiteral("[._]")))) {
                    bool ok = false;
                    parts << part.toLongLong(&ok);
                    fits &= ok;
                }
            } else {
                fits = false;
            }
            QVERIFY2(bool(parsed) == fits, qPrintable(text));
            if (!parsed)
                continue;
            while (parts.size() > 1 && parts.last() == 0)
                parts.removeLast();
            QStringList normalized;
            for (const qint64 part : std::as_const(parts))
                normalized << QString::number(part);
            QCOMPARE(parsed->normalized(), normalized.join(u'.'));
            QCOMPARE(parsed->text(), text);
        }
    }

    void fileNames()
    {
        const auto versioned = parseMigrationFileName(QStringLiteral("V1.2__add_orders_index.sql"));
        QVERIFY(versioned);
        QCOMPARE(versioned->kind, MigrationKind::Versioned);
        QCOMPARE(versioned->version->normalized(), QStringLiteral("1.2"));
        QCOMPARE(versioned->description, QStringLiteral("add orders index"));
        QCOMPARE(parseMigrationFileName(QStringLiteral("U3__drop.sql"))->kind, MigrationKind::Undo);
        QCOMPARE(parseMigrationFileName(QStringLiteral("R__views.sql"))->kind, MigrationKind::Repeatable);
        QCOMPARE(parseMigrationFileName(QStringLiteral("7_create_users.down.sql"))->kind, MigrationKind::Undo);
        for (const char *bad : {"V__x.sql", "V1_x.sql", "notes.sql", "V1__x.txt", "Vx__y.sql"})
            QVERIFY2(!parseMigrationFileName(QString::fromLatin1(bad)), bad);
    }

    // The name parser is written by hand; these expressions, tried in this
    // order, are the conventions it must follow. Every name built from up to
    // four pieces below, with each of the suffixes.
    void fileNameParserFollowsTheConventions()
    {
        const QList<std::pair<MigrationKind, QRegularExpression>> conventions{
            {MigrationKind::Versioned, QRegularExpression(QStringLiteral(R"(\AV([0-9]+(?:[._][0-9]+)*)__(.+)\.sql\z)"))},
            {MigrationKind::Undo, QRegularExpression(QStringLiteral(R"(\AU([0-9]+(?:[._][0-9]+)*)__(.+)\.sql\z)"))},
            {MigrationKind::Repeatable, QRegularExpression(QStringLiteral(R"(\AR__()(.+)\.sql\z)"))},
            {MigrationKind::Versioned, QRegularExpression(QStringLiteral(R"(\A([0-9]+)_(.+)\.up\.sql\z)"))},
            {MigrationKind::Undo, QRegularExpression(QStringLiteral(R"(\A([0-9]+)_(.+)\.down\.sql\z)"))},
            {MigrationKind::Versioned, QRegularExpression(QStringLiteral(R"(\A([0-9]+)_(.+)\.sql\z)"))},
        };
        const QStringList pieces{QStringLiteral("V"), QStringLiteral("U"), QStringLiteral("R"), QStringLiteral("1"),
                                 QStringLiteral("20"), QStringLiteral("_"), QStringLiteral("__"), QStringLiteral("."),
                                 QStringLiteral("a"), QStringLiteral("\n"), QStringLiteral("é"), QStringLiteral(".up")};
        const QStringList suffixes{QStringLiteral(".sql"), QStringLiteral(".up.sql"), QStringLiteral(".down.sql"),
                                   QStringLiteral(".SQL"), QString()};
        QStringList stems{QString()};
        QStringList level{QString()};
        for (int count = 1; count <= 4; ++count) {
            QStringList next;
            for (const QString &prefix : std::as_const(level))
                for (const QString &piece : pieces)
                    next << prefix + piece;
            stems << next;
            level = next;
        }
        int matched = 0;
        for (const QString &stem : std::as_const(stems)) {
            for (const QString &suffix : suffixes) {
                const QString name = stem + suffix;
                std::optional<std::pair<MigrationKind, QRegularExpressionMatch>> expected;
                for (const auto &[kind, expression] : conventions) {
                    if (const auto m = expression.match(name); m.hasMatch()) {
                        expected = std::pair(kind, m);
                        break;
                    }
                }
                const auto parsed = parseMigrationFileName(name);
                const bool versionOk = expected && (expected->first == MigrationKind::Repeatable
                                                    || MigrationVersion::parse(expected->second.captured(1)));
                QVERIFY2(bool(parsed) == versionOk, qPrintable(name));
                if (!parsed)
                    continue;
                ++matched;
                QCOMPARE(parsed->kind, expected->first);
                QCOMPARE(parsed->fileName, name);
                QCOMPARE(parsed->description, expected->second.captured(2).replace(u'_', u' ').trimmed());
                if (parsed->kind != MigrationKind::Repeatable)
                    QCOMPARE(parsed->version->text(), expected->second.captured(1));
            }
        }
        QVERIFY(matched > 1000);
    }

    // dbmate's sections are found by hand on the bytes; this expression is the
    // marker they must follow (white space within the line only). Every text
    // of up to four lines from the lines below, both line endings.
    void dbmateSectionsFollowTheMarkerGrammar()
    {
        const QRegularExpression marker(QStringLiteral(R"(^--[ \t\f\v\r]*migrate:(up|down)(?![A-Za-z0-9_])(.*)$)"),
                                        QRegularExpression::MultilineOption);
        const QStringList lines{QStringLiteral("-- migrate:up"), QStringLiteral("--migrate:down"),
                                QStringLiteral("-- migrate:up transaction:false"), QStringLiteral("--\tmigrate:upx"),
                                QStringLiteral("SELECT 1;"), QString(), QStringLiteral("-- migrate:down  "),
                                QStringLiteral("x-- migrate:up"), QStringLiteral("-- migrate:UP"), QStringLiteral("--")};
        QList<QStringList> texts{{}};
        QList<QStringList> level{{}};
        for (int count = 1; count <= 4; ++count) {
            QList<QStringList> next;
            for (const QStringList &prefix : std::as_const(level))
                for (const QString &line : lines)
                    next << prefix + QStringList{line};
            texts << next;
            level = next;
        }
        for (const QStringList &textLines : std::as_const(texts)) {
            for (const QString &ending : {QStringLiteral("\n"), QStringLiteral("\r\n")}) {
                const QString text = textLines.join(ending);
                std::optional<std::pair<qsizetype, qsizetype>> up, down; // the section's [begin, end)
                int upLine = 0, downLine = 0;
                bool upNoTx = false, downNoTx = false;
                QList<QRegularExpressionMatch> marks;
                for (auto it = marker.globalMatch(text); it.hasNext();)
                    marks << it.next();
                for (qsizetype i = 0; i < marks.size(); ++i) {
                    const auto &m = marks.at(i);
                    const qsizetype end = i + 1 < marks.size() ? marks.at(i + 1).capturedStart(0) : text.size();
                    const int line = int(text.left(m.capturedStart(0)).count(u'\n')) + 1;
                    const bool noTx = m.captured(2).contains(QLatin1String("transaction:false"));
                    if (m.captured(1) == u"up") {
                        up = std::pair(m.capturedEnd(0), end);
                        upLine = line;
                        upNoTx = noTx;
                    } else {
                        down = std::pair(m.capturedEnd(0), end);
                        downLine = line;
                        downNoTx = noTx;
                    }
                }
                const QByteArray bytes = text.toUtf8(); // ASCII: offsets agree
                const auto found = findDbmateSections(bytes);
                QVERIFY2(bool(found) == bool(up), qPrintable(text));
                if (!found)
                    continue;
                QCOMPARE(std::pair(found->up.begin, found->up.end), *up);
                QCOMPARE(found->up.line, upLine);
                QCOMPARE(found->up.noTransaction, upNoTx);
                QCOMPARE(bool(found->down), bool(down));
                if (down) {
                    QCOMPARE(std::pair(found->down->begin, found->down->end), *down);
                    QCOMPARE(found->down->line, downLine);
                    QCOMPARE(found->down->noTransaction, downNoTx);
                }
            }
        }
    }

    void tablewrightFolderIsSortedByVersion()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V10__ten.sql"), "SELECT 10;"));
        QVERIFY(write(dir, QStringLiteral("V2__two.sql"), "SELECT 2;"));
        QVERIFY(write(dir, QStringLiteral("V1.10__one_ten.sql"), "SELECT 1.10;"));
        QVERIFY(write(dir, QStringLiteral("V1.2__one_two.sql"), "-- tablewright:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);"));
        QVERIFY(write(dir, QStringLiteral("U2__two.sql"), "SELECT -2;"));
        QVERIFY(write(dir, QStringLiteral("R__b_view.sql"), "CREATE OR REPLACE VIEW b AS SELECT 1;"));
        QVERIFY(write(dir, QStringLiteral("R__a_view.sql"), "CREATE OR REPLACE VIEW a AS SELECT 1;"));
        QVERIFY(write(dir, QStringLiteral("README.sql"), "-- not a migration"));
        auto read = readMigrationDirectory(dir.path());
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        QCOMPARE(versions(read.value().versioned), (QStringList{QStringLiteral("1.2"), QStringLiteral("1.10"), QStringLiteral("2"), QStringLiteral("10")}));
        QCOMPARE(versions(read.value().undo), QStringList{QStringLiteral("2")});
        QCOMPARE(versions(read.value().repeatable), (QStringList{QStringLiteral("a view"), QStringLiteral("b view")}));
        QCOMPARE(read.value().ignored, QStringList{QStringLiteral("README.sql")});
        QVERIFY(read.value().versioned.first().noTransaction);
        QVERIFY(!read.value().versioned.last().noTransaction);
    }

    void dbmateFolderReadsBothDirections()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("20240101120000_create_users.sql"),
                      "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n"));
        QVERIFY(write(dir, QStringLiteral("20240102120000_index.sql"),
                      "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY u ON users (id);\n-- migrate:down\n"));
        auto read = readMigrationDirectory(dir.path());
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        QCOMPARE(versions(read.value().versioned), (QStringList{QStringLiteral("20240101120000"), QStringLiteral("20240102120000")}));
        QCOMPARE(read.value().versioned.first().sql.trimmed(), QStringLiteral("CREATE TABLE users (id int);"));
        // The section starts right after its marker: its line k is the file's line firstLine + k - 1.
        QCOMPARE(read.value().versioned.first().firstLine, 1);
        QCOMPARE(read.value().versioned.first().description, QStringLiteral("create users"));
        QVERIFY(read.value().versioned.last().noTransaction);
        // An empty down section is no undo file.
        QCOMPARE(versions(read.value().undo), QStringList{QStringLiteral("20240101120000")});
        QCOMPARE(read.value().undo.first().sql.trimmed(), QStringLiteral("DROP TABLE users;"));
        QCOMPARE(read.value().undo.first().firstLine, 4);

        QVERIFY(write(dir, QStringLiteral("20240103120000_broken.sql"), "CREATE TABLE x (id int);\n"));
        const auto broken = readMigrationDirectory(dir.path());
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message().contains(QStringLiteral("migrate:up")));
    }

    void golangMigrateFolder()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("000001_init.up.sql"), "CREATE TABLE a (id int);"));
        QVERIFY(write(dir, QStringLiteral("000001_init.down.sql"), "DROP TABLE a;"));
        QVERIFY(write(dir, QStringLiteral("000002_more.up.sql"), "CREATE TABLE b (id int);"));
        auto read = readMigrationDirectory(dir.path());
        QVERIFY(read.ok());
        QCOMPARE(versions(read.value().versioned), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(versions(read.value().undo), QStringList{QStringLiteral("1")});
        QCOMPARE(read.value().versioned.first().description, QStringLiteral("init"));
    }

    void twoFilesWithOneVersionAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__a.sql"), "SELECT 1;"));
        QVERIFY(write(dir, QStringLiteral("V1.0__b.sql"), "SELECT 2;"));
        const auto read = readMigrationDirectory(dir.path());
        QVERIFY(!read.ok());
        QVERIFY(read.error().message().contains(QStringLiteral("V1__a.sql")));
        QVERIFY(read.error().message().contains(QStringLiteral("V1.0__b.sql")));
        QCOMPARE(readMigrationDirectory(dir.filePath(QStringLiteral("missing"))).error().code(), ErrorCode::NotFound);
    }

    void checksumsIgnoreBomAndLineEndingsOnly()
    {
        const QString plain = QStringLiteral("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n");
        const QString sum = migrationChecksum(plain);
        QVERIFY(sum.startsWith(QStringLiteral("sha256:")));
        QCOMPARE(sum.size(), 7 + 64);
        QCOMPARE(migrationChecksum(QString(plain).replace(u'\n', QStringLiteral("\r\n"))), sum);
        QCOMPARE(migrationChecksum(QChar(0xFEFF) + plain), sum);
        QCOMPARE(migrationChecksum(QString(plain).replace(u'\n', u'\r')), sum);
        QVERIFY(migrationChecksum(QString(plain).replace(QStringLiteral("(1)"), QStringLiteral("(2)"))) != sum);
        QVERIFY(migrationChecksum(plain + u' ') != sum);
        // Read from a file with a BOM and CRLF: the same.
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__t.sql"), "\xEF\xBB\xBF" "CREATE TABLE t (id int);\r\nINSERT INTO t VALUES (1);\r\n"));
        QCOMPARE(readMigrationDirectory(dir.path()).value().versioned.first().checksum, sum);
    }

    void checksumIsTheSha256OfTheNormalisedUtf8Text()
    {
        // Pinned: a checksum recorded by any release must match forever.
        QCOMPARE(migrationChecksum(QStringLiteral("SELECT 1;\r\n")),
                 QStringLiteral("sha256:b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd"));
        QCOMPARE(migrationChecksum(QString::fromUtf8("SELECT 'ü';")),
                 QString::fromLatin1("sha256:") + QString::fromLatin1(QCryptographicHash::hash("SELECT '\xC3\xBC';", QCryptographicHash::Sha256).toHex()));
    }

    void onlyRegularSqlFilesAreListedAndLinksAreFollowed()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__a.sql"), "SELECT 1;"));
        QVERIFY(write(dir, QStringLiteral("real.txt"), "SELECT 2;"));
        QVERIFY(write(dir, QStringLiteral(".V3__hidden.sql"), "SELECT 3;"));
        QVERIFY(write(dir, QStringLiteral("V4__LOUD.SQL"), "SELECT 4;"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("V5__dir.sql")));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("real.txt")), dir.filePath(QStringLiteral("V2__linked.sql"))));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone.txt")), dir.filePath(QStringLiteral("V6__dangling.sql"))));
        const auto read = readMigrationDirectory(dir.path());
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message()));
        QCOMPARE(versions(read.value().versioned), QStringList({QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(read.value().versioned.at(1).sql, QStringLiteral("SELECT 2;"));
        // Listed as .sql (any case) but following no convention: reported as ignored, as before.
        QCOMPARE(read.value().ignored, QStringList{QStringLiteral("V4__LOUD.SQL")});
    }

    void bigFilesAreReadWhole()
    {
        QTemporaryDir dir;
        QByteArray big = "-- big\n";
        while (big.size() < 200000)
            big += "INSERT INTO t VALUES ('" + QByteArray(97, 'x') + "');\n";
        QVERIFY(write(dir, QStringLiteral("V1__big.sql"), big));
        const auto read = readMigrationDirectory(dir.path());
        QVERIFY(read.ok());
        QCOMPARE(read.value().versioned.first().sql.toUtf8(), big);
        QCOMPARE(read.value().versioned.first().checksum, migrationChecksum(QString::fromUtf8(big)));
    }

    void anUnreadableFileIsAnErrorNamingIt()
    {
        if (::geteuid() == 0)
            QSKIP("root reads any file");
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__locked.sql"), "SELECT 1;"));
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("V1__locked.sql")), QFileDevice::WriteOwner));
        const auto read = readMigrationDirectory(dir.path());
        QVERIFY(!read.ok());
        QVERIFY(read.error().message().contains(QStringLiteral("V1__locked.sql")));
    }

    void aFifoInPlaceOfAFileIsSkippedNotWaitedOn()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__a.sql"), "SELECT 1;"));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("V2__fifo.sql"))).constData(), 0600), 0);
        const auto read = readMigrationDirectory(dir.path()); // would block forever if opened
        QVERIFY(read.ok());
        QCOMPARE(versions(read.value().versioned), QStringList{QStringLiteral("1")});
    }

    void manyFilesReadInParallelGiveTheSameResultAndTheFirstProblemByName()
    {
        QTemporaryDir dir;
        for (int n = 1; n <= 300; ++n)
            QVERIFY(write(dir, QStringLiteral("%1_t%1.sql").arg(1000 + n),
                          QStringLiteral("-- migrate:up\nCREATE TABLE t%1 (id int);\n-- migrate:down\nDROP TABLE t%1;\n")
                              .arg(n).toUtf8()));
        auto read = readMigrationDirectory(dir.path());
        QVERIFY(read.ok());
        QCOMPARE(read.value().versioned.size(), 300);
        QCOMPARE(read.value().undo.size(), 300);
        for (int n = 0; n < 300; ++n) {
            const MigrationScript &up = read.value().versioned.at(n);
            QCOMPARE(up.version->normalized(), QString::number(1001 + n));
            QCOMPARE(up.sql, QStringLiteral("\nCREATE TABLE t%1 (id int);\n").arg(n + 1));
            QCOMPARE(up.checksum, migrationChecksum(up.sql));
            QCOMPARE(read.value().undo.at(n).sql, QStringLiteral("\nDROP TABLE t%1;\n").arg(n + 1));
        }
        // Two problems: the one whose file sorts first is reported, every time.
        QVERIFY(write(dir, QStringLiteral("1250_dup.sql"), "-- migrate:up\nSELECT 1;\n"));
        QVERIFY(write(dir, QStringLiteral("1100_latin1.sql"), "-- migrate:up\nSELECT '\xE9';\n"));
        for (int round = 0; round < 5; ++round) {
            read = readMigrationDirectory(dir.path());
            QVERIFY(!read.ok());
            QVERIFY2(read.error().message().contains(QStringLiteral("1100_latin1.sql")), qPrintable(read.error().message()));
        }
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("1100_latin1.sql"))));
        read = readMigrationDirectory(dir.path());
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message().contains(QStringLiteral("1250_dup.sql")), qPrintable(read.error().message()));
    }

    void aDirectoryReadFromAGlobalPoolTaskNeverWaitsOnItself()
    {
        // The GUI reads a directory inside QtConcurrent::run: with one
        // global-pool thread, work queued on that pool would wait forever.
        QTemporaryDir dir;
        for (int n = 1; n <= 100; ++n)
            QVERIFY(write(dir, QStringLiteral("V%1__t.sql").arg(n), "SELECT 1;"));
        const int before = QThreadPool::globalInstance()->maxThreadCount();
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        auto read = QtConcurrent::run([path = dir.path()] { return readMigrationDirectory(path).ok() ? readMigrationDirectory(path).value().versioned.size() : -1; });
        const bool done = QTest::qWaitFor([&] { return read.isFinished(); }, 10000);
        QThreadPool::globalInstance()->setMaxThreadCount(before);
        QVERIFY2(done, "readMigrationDirectory waited on the pool it runs on");
        QCOMPARE(read.result(), qsizetype(100));
    }

    void aFileNameThatIsNotUtf8IsAnErrorNotAWrongPath()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__a.sql"), "SELECT 1;"));
        const QByteArray latin1 = QFile::encodeName(dir.path()) + "/V2__caf\xE9.sql";
        FILE *f = std::fopen(latin1.constData(), "w");
        QVERIFY(f);
        std::fputs("SELECT 2;", f);
        std::fclose(f);
        const auto read = readMigrationDirectory(dir.path());
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message().contains(QStringLiteral("not UTF-8")), qPrintable(read.error().message()));
    }

    void nonUtf8FilesAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir, QStringLiteral("V1__latin1.sql"), "SELECT '\xE9';"));
        const auto read = readMigrationDirectory(dir.path());
        QVERIFY(!read.ok());
        QVERIFY(read.error().message().contains(QStringLiteral("UTF-8")));
    }
};

QTEST_GUILESS_MAIN(TestMigrationFiles)
#include "tst_migration_files.moc"
