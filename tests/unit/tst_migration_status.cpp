// `migrate status` (issue 9): files held against history rows — applied,
// pending, failed (rolled back, so pending again), partial, checksum
// changed, missing file, out of order, below the baseline, undone, and
// repeatables re-applied when their text changes.
#include "migrate/MigrationStatus.h"

#include <QtTest>

using namespace tw;
using namespace tw::migrate;

namespace {

MigrationScript file(MigrationKind kind, const char *version, const char *description, const QString &sql)
{
    MigrationScript script;
    script.kind = kind;
    if (version)
        script.version = MigrationVersion::parse(QString::fromLatin1(version));
    script.description = QString::fromLatin1(description);
    script.fileName = QStringLiteral("%1__%2.sql").arg(QString::fromLatin1(version ? version : "R"), script.description);
    script.sql = sql;
    script.checksum = migrationChecksum(sql);
    return script;
}

HistoryRow row(qint64 rank, HistoryRow::Type type, const char *version, const QString &sql,
               HistoryRow::Status status = HistoryRow::Status::Applied, const char *description = "")
{
    HistoryRow out;
    out.rank = rank;
    out.type = type;
    if (version)
        out.version = MigrationVersion::parse(QString::fromLatin1(version));
    out.description = QString::fromLatin1(description);
    out.checksum = migrationChecksum(sql);
    out.status = status;
    return out;
}

QStringList states(const QList<MigrationStatusEntry> &entries)
{
    QStringList out;
    for (const auto &entry : entries)
        out << (entry.version ? entry.version->normalized() : entry.description) + u'=' + stateName(entry.state);
    return out;
}

} // namespace

class TestMigrationStatus : public QObject
{
    Q_OBJECT

private slots:
    void everyStateFromFilesAndHistory()
    {
        MigrationDirectory dir;
        dir.versioned = {file(MigrationKind::Versioned, "1", "a", QStringLiteral("S1")),
                         file(MigrationKind::Versioned, "2", "b", QStringLiteral("S2 changed")),
                         file(MigrationKind::Versioned, "3", "c", QStringLiteral("S3")),
                         file(MigrationKind::Versioned, "4", "d", QStringLiteral("S4")),
                         file(MigrationKind::Versioned, "6", "f", QStringLiteral("S6")),
                         file(MigrationKind::Versioned, "8", "h", QStringLiteral("S8"))};
        dir.undo = {file(MigrationKind::Undo, "2", "b", QStringLiteral("U2"))};
        const QList<HistoryRow> history{
            row(1, HistoryRow::Type::Versioned, "1", QStringLiteral("S1")),
            row(2, HistoryRow::Type::Versioned, "2", QStringLiteral("S2")),
            row(3, HistoryRow::Type::Versioned, "4", QStringLiteral("S4"), HistoryRow::Status::FailedRolledBack),
            row(4, HistoryRow::Type::Versioned, "5", QStringLiteral("S5")),
            row(5, HistoryRow::Type::Versioned, "7", QStringLiteral("S7"), HistoryRow::Status::Partial),
            row(6, HistoryRow::Type::Versioned, "6", QStringLiteral("S6")),
            row(7, HistoryRow::Type::Undo, "6", QStringLiteral("U6")),
        };
        const auto entries = migrationStatus(dir, history);
        QCOMPARE(states(entries), (QStringList{
                                      QStringLiteral("1=applied"),
                                      QStringLiteral("2=checksum-changed"),
                                      QStringLiteral("3=out-of-order"),   // 5 and 7 are past it
                                      QStringLiteral("4=failed"),
                                      QStringLiteral("5=missing-file"),
                                      QStringLiteral("6=out-of-order"),   // undone, below the partial 7
                                      QStringLiteral("7=missing-file"),
                                      QStringLiteral("8=pending"),
                                  }));
        QVERIFY(entries.at(1).hasUndo);
        QVERIFY(!entries.at(0).hasUndo);
        QCOMPARE(entries.at(0).last->rank, 1);
    }

    void partialIsResumable()
    {
        MigrationDirectory dir;
        dir.versioned = {file(MigrationKind::Versioned, "1", "a", QStringLiteral("S1")),
                         file(MigrationKind::Versioned, "2", "idx", QStringLiteral("CREATE INDEX CONCURRENTLY …"))};
        const auto entries = migrationStatus(dir, {row(1, HistoryRow::Type::Versioned, "1", QStringLiteral("S1")),
                                                   row(2, HistoryRow::Type::Versioned, "2", QStringLiteral("x"),
                                                       HistoryRow::Status::Partial)});
        QCOMPARE(states(entries), (QStringList{QStringLiteral("1=applied"), QStringLiteral("2=partial")}));
    }

    void baselineHidesOlderVersions()
    {
        MigrationDirectory dir;
        dir.versioned = {file(MigrationKind::Versioned, "1", "a", QStringLiteral("S1")),
                         file(MigrationKind::Versioned, "2", "b", QStringLiteral("S2")),
                         file(MigrationKind::Versioned, "3", "c", QStringLiteral("S3"))};
        const auto entries = migrationStatus(dir, {row(1, HistoryRow::Type::Baseline, "2", {})});
        QCOMPARE(states(entries), (QStringList{QStringLiteral("1=below-baseline"), QStringLiteral("2=below-baseline"),
                                               QStringLiteral("3=pending")}));
    }

    void repeatablesFollowTheirText()
    {
        MigrationDirectory dir;
        dir.repeatable = {file(MigrationKind::Repeatable, nullptr, "views", QStringLiteral("CREATE VIEW v2")),
                          file(MigrationKind::Repeatable, nullptr, "grants", QStringLiteral("GRANT")),
                          file(MigrationKind::Repeatable, nullptr, "new", QStringLiteral("X"))};
        const auto entries = migrationStatus(
            dir, {row(1, HistoryRow::Type::Repeatable, nullptr, QStringLiteral("CREATE VIEW v1"), HistoryRow::Status::Applied, "Views"),
                  row(2, HistoryRow::Type::Repeatable, nullptr, QStringLiteral("GRANT"), HistoryRow::Status::Applied, "grants")});
        QCOMPARE(states(entries), (QStringList{QStringLiteral("views=pending"), QStringLiteral("grants=applied"),
                                               QStringLiteral("new=pending")}));
    }

    // Rows matched to files by walking both in version order: neither needs
    // to come sorted, 1 and 1.0 are one version, and the latest row by rank
    // decides however many came before it.
    void rowsAndFilesInAnyOrder()
    {
        MigrationDirectory dir;
        dir.versioned = {file(MigrationKind::Versioned, "10", "j", QStringLiteral("S10")),
                         file(MigrationKind::Versioned, "1.0", "a", QStringLiteral("S1")),
                         file(MigrationKind::Versioned, "2", "b", QStringLiteral("S2"))};
        dir.undo = {file(MigrationKind::Undo, "9", "i", QStringLiteral("U9")),
                    file(MigrationKind::Undo, "1", "a", QStringLiteral("U1"))};
        const QList<HistoryRow> history{
            row(5, HistoryRow::Type::Versioned, "2", QStringLiteral("S2")),             // applied again after its undo
            row(2, HistoryRow::Type::Versioned, "9", QStringLiteral("S9")),             // its file is gone
            row(3, HistoryRow::Type::Versioned, "2", QStringLiteral("S2")),
            row(1, HistoryRow::Type::Versioned, "1", QStringLiteral("S1")),
            row(4, HistoryRow::Type::Undo, "2", QStringLiteral("U2")),
            row(6, HistoryRow::Type::Undo, "10", QStringLiteral("U10"), HistoryRow::Status::FailedRolledBack),
            row(7, HistoryRow::Type::Versioned, "10", QStringLiteral("S10 before")),
        };
        const auto entries = migrationStatus(dir, history);
        QCOMPARE(states(entries), (QStringList{QStringLiteral("1=applied"), QStringLiteral("2=applied"),
                                               QStringLiteral("9=missing-file"), QStringLiteral("10=checksum-changed")}));
        QCOMPARE(entries.at(0).last->rank, 1);
        QVERIFY(entries.at(0).hasUndo);
        QCOMPARE(entries.at(1).last->rank, 5);
        QVERIFY(!entries.at(1).hasUndo);
        QCOMPARE(entries.at(2).last->rank, 2);
        QVERIFY(entries.at(2).hasUndo);
        QVERIFY(entries.at(2).fileName.isEmpty());
        QCOMPARE(entries.at(3).last->rank, 7); // the failed undo (rank 6) never counted
    }

    void emptyEverything()
    {
        QVERIFY(migrationStatus({}, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrationStatus)
#include "tst_migration_status.moc"
