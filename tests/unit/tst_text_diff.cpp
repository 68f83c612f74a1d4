// The line diff the migrations tab shows for a file changed since it ran.
#include "migrate/TextDiff.h"

#include <QtTest>

using namespace tw::migrate;

class TextDiffTest : public QObject
{
    Q_OBJECT

private slots:
    void identicalTextsAreAllSame()
    {
        const auto diff = lineDiff(QStringLiteral("a\nb\n"), QStringLiteral("a\r\nb\r\n"));
        QCOMPARE(unifiedText(diff), QStringLiteral("  a\n  b\n"));
    }

    void changedLineIsRemovedThenAdded()
    {
        const auto diff = lineDiff(QStringLiteral("create table a (id int);\nselect 1;\ninsert 2;\n"),
                                   QStringLiteral("create table a (id bigint);\nselect 1;\ninsert 2;\ninsert 3;\n"));
        QCOMPARE(unifiedText(diff), QStringLiteral("- create table a (id int);\n+ create table a (id bigint);\n"
                                                   "  select 1;\n  insert 2;\n+ insert 3;\n"));
    }

    void movedAndDeletedLines()
    {
        const auto diff = lineDiff(QStringLiteral("1\n2\n3\n4\n5"), QStringLiteral("1\n3\n4\nx\n5"));
        QCOMPARE(unifiedText(diff), QStringLiteral("  1\n- 2\n  3\n  4\n+ x\n  5\n"));
    }

    void emptySides()
    {
        QCOMPARE(unifiedText(lineDiff(QString(), QStringLiteral("a\nb"))), QStringLiteral("+ a\n+ b\n"));
        QCOMPARE(unifiedText(lineDiff(QStringLiteral("a"), QString())), QStringLiteral("- a\n"));
        QVERIFY(lineDiff(QString(), QString()).isEmpty());
    }

    void hugeFilesFallBackToReplace()
    {
        QStringList a, b;
        for (int i = 0; i < 3000; ++i) {
            a << QStringLiteral("a%1").arg(i);
            b << QStringLiteral("b%1").arg(i);
        }
        const auto diff = lineDiff(a.join(u'\n'), b.join(u'\n'));
        QCOMPARE(diff.size(), 6000);
        QCOMPARE(diff.first().kind, DiffLine::Kind::Removed);
        QCOMPARE(diff.last().kind, DiffLine::Kind::Added);
    }
};

QTEST_APPLESS_MAIN(TextDiffTest)
#include "tst_text_diff.moc"
