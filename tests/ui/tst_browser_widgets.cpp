// The browser's pieces that need no database: the filter language, the hex
// view, JSON validation and the binary value's file exchange.
#include "browser/BinaryValueDialog.h"
#include "browser/FilterParser.h"
#include "browser/HexText.h"
#include "browser/JsonEditorDialog.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using namespace tw::ui;

namespace {

data::ColumnInfo column(db::LogicalType type, const QString &name = QStringLiteral("c"))
{
    data::ColumnInfo info;
    info.name = name;
    info.logical = type;
    return info;
}

} // namespace

class BrowserWidgetsTest : public QObject
{
    Q_OBJECT
private slots:
    void filterTextBecomesTheRightCondition_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("op");
        QTest::addColumn<QStringList>("values");
        const int text = int(db::LogicalType::Text);
        const int number = int(db::LogicalType::Integer);
        using Op = data::FilterOp;
        QTest::newRow("text contains") << text << "rock" << int(Op::ILike) << QStringList{"%rock%"};
        QTest::newRow("number equals") << number << " 42 " << int(Op::Equal) << QStringList{"42"};
        QTest::newRow("equal") << text << "=Rock" << int(Op::Equal) << QStringList{"Rock"};
        QTest::newRow("not equal !=") << number << "!=3" << int(Op::NotEqual) << QStringList{"3"};
        QTest::newRow("not equal <>") << number << "<>3" << int(Op::NotEqual) << QStringList{"3"};
        QTest::newRow("less or equal is not less") << number << "<=10" << int(Op::LessOrEqual) << QStringList{"10"};
        QTest::newRow("less") << number << "< 10" << int(Op::Less) << QStringList{"10"};
        QTest::newRow("greater or equal") << number << ">=10" << int(Op::GreaterOrEqual) << QStringList{"10"};
        QTest::newRow("greater") << number << ">10" << int(Op::Greater) << QStringList{"10"};
        QTest::newRow("between") << number << "5..9" << int(Op::Between) << QStringList{"5", "9"};
        QTest::newRow("dots in text are text") << text << "a..b" << int(Op::ILike) << QStringList{"%a..b%"};
        QTest::newRow("in") << number << "in 1, 2,3" << int(Op::In) << QStringList{"1", "2", "3"};
        QTest::newRow("tilde") << number << "~12" << int(Op::ILike) << QStringList{"%12%"};
        QTest::newRow("like") << text << "like A_c%" << int(Op::Like) << QStringList{"A_c%"};
        QTest::newRow("ilike") << text << "ILIKE a%" << int(Op::ILike) << QStringList{"a%"};
        QTest::newRow("null") << text << "null" << int(Op::IsNull) << QStringList{};
        QTest::newRow("not null") << text << "!NULL" << int(Op::IsNotNull) << QStringList{};
        QTest::newRow("escaped operator") << text << "\\>5" << int(Op::ILike) << QStringList{"%>5%"};
        QTest::newRow("escaped null word") << text << "\\NULL" << int(Op::ILike) << QStringList{"%NULL%"};
    }

    void filterTextBecomesTheRightCondition()
    {
        QFETCH(int, type);
        QFETCH(QString, text);
        QFETCH(int, op);
        QFETCH(QStringList, values);
        const ParsedFilter parsed = parseFilter(column(db::LogicalType(type)), text);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QVERIFY(parsed.filter.has_value());
        QCOMPARE(parsed.filter->column, QStringLiteral("c"));
        QCOMPARE(int(parsed.filter->op), op);
        QStringList got;
        for (const QVariant &v : parsed.filter->values)
            got << v.toString();
        QCOMPARE(got, values);
    }

    void emptyTextIsNoFilter()
    {
        const ParsedFilter parsed = parseFilter(column(db::LogicalType::Text), QStringLiteral("   "));
        QVERIFY(!parsed.filter);
        QVERIFY(parsed.error.isEmpty());
    }

    void incompleteTextIsAnErrorNotAFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("operator alone") << ">=";
        QTest::newRow("range without end") << "5..";
        QTest::newRow("empty list item") << "in 1,,2";
        QTest::newRow("like without pattern") << "like ";
    }

    void incompleteTextIsAnErrorNotAFilter()
    {
        QFETCH(QString, text);
        const ParsedFilter parsed = parseFilter(column(db::LogicalType::Integer), text);
        QVERIFY(!parsed.filter);
        QVERIFY(!parsed.error.isEmpty());
    }

    void filterTextParsesBackToTheSameFilter()
    {
        const data::ColumnInfo info = column(db::LogicalType::Integer);
        const QList<data::Filter> filters{
            {QStringLiteral("c"), data::FilterOp::Equal, {QStringLiteral("7")}},
            {QStringLiteral("c"), data::FilterOp::Between, {QStringLiteral("1"), QStringLiteral("2")}},
            {QStringLiteral("c"), data::FilterOp::In, {QStringLiteral("1"), QStringLiteral("2")}},
            {QStringLiteral("c"), data::FilterOp::IsNull, {}},
            {QStringLiteral("c"), data::FilterOp::GreaterOrEqual, {QStringLiteral("3")}},
        };
        for (const data::Filter &filter : filters) {
            const ParsedFilter back = parseFilter(info, filterText(filter));
            QVERIFY(back.filter.has_value());
            QCOMPARE(*back.filter, filter);
        }
    }

    void hexDumpShowsOffsetsBytesAndText()
    {
        const QString dump = hexDump(QByteArray("Hello, World!\n\x00\xff", 16));
        QVERIFY2(dump.startsWith(QStringLiteral("00000000  48 65 6c 6c 6f 2c 20 57  6f 72 6c 64 21 0a 00 ff")), qPrintable(dump));
        QVERIFY(dump.contains(QStringLiteral("|Hello, World!...|")));
    }

    void hexDumpOfAHugeValueIsBounded()
    {
        const QByteArray big(10 * 1024 * 1024, 'x');
        const QString dump = hexDump(big, 1024);
        QVERIFY(dump.size() < 10000);
        QVERIFY(dump.contains(QStringLiteral("more bytes not shown")));
    }

    void hexPreviewIsShort()
    {
        // No translator in tests: the English plural form is the source text's.
        QVERIFY(hexPreview(QByteArray("\x01\x02", 2)).startsWith(QStringLiteral("x'0102' (2 byte")));
        QVERIFY(hexPreview(QByteArray(100, 'a')).contains(QChar(0x2026)));
    }

    void jsonValidationAcceptsAnyJsonValueAndRejectsTheRest_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("object") << "{\"a\": [1, 2, {\"b\": null}]}" << true;
        QTest::newRow("array") << "[1,2]" << true;
        QTest::newRow("bare string") << "\"just text\"" << true;
        QTest::newRow("bare number") << "42.5" << true;
        QTest::newRow("bare null") << "null" << true;
        QTest::newRow("trailing comma") << "{\"a\": 1,}" << false;
        QTest::newRow("single quotes") << "{'a': 1}" << false;
        QTest::newRow("two values") << "1 2" << false;
        QTest::newRow("empty") << "  " << false;
        QTest::newRow("unclosed") << "{\"a\": " << false;
    }

    void jsonValidationAcceptsAnyJsonValueAndRejectsTheRest()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(JsonEditorDialog::validationError(text).isEmpty(), valid);
    }

    void invalidJsonCannotBeAccepted()
    {
        JsonEditorDialog dialog(QStringLiteral("doc"), QStringLiteral("{\"a\":1}"), true);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.json().contains(QStringLiteral("\n"))); // pretty on open
        dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("{\"a\":"));
        QVERIFY(!ok->isEnabled());
    }

    void binaryValueLoadsAndSavesFilesByteForByte()
    {
        QTemporaryDir dir;
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        const QString in = dir.filePath(QStringLiteral("in.bin"));
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(all);
        file.close();

        BinaryValueDialog dialog(QStringLiteral("blob"), QVariant(QByteArray("old")), true);
        QVERIFY(!dialog.changed());
        QVERIFY(dialog.loadFrom(in));
        QVERIFY(dialog.changed());
        QCOMPARE(dialog.value().toByteArray(), all);
        const QString out = dir.filePath(QStringLiteral("out.bin"));
        QVERIFY(dialog.saveTo(out));
        QFile back(out);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), all);

        QString error;
        QVERIFY(!dialog.loadFrom(dir.filePath(QStringLiteral("missing.bin")), &error));
        QVERIFY(error.contains(QStringLiteral("missing.bin")));
        QCOMPARE(dialog.value().toByteArray(), all); // a failed load loses nothing
    }
};

QTEST_MAIN(BrowserWidgetsTest)
#include "tst_browser_widgets.moc"
