#include "config/ListenAddress.h"

#include <QHostAddress>
#include <QtTest>

using tw::config::ListenAddress;
using tw::config::parseListenAddress;

// The listen address is parsed with the C library (the command line does not
// load Qt Network); QHostAddress, which the server binds with, is the oracle.
class TestListenAddress : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithQHostAddress_data()
    {
        QTest::addColumn<QString>("host");
        for (const char *host : {"127.0.0.1", "127.8.9.10", "10.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "0::0",
                                 "fe80::1%lo", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "2001:DB8::1", "2001:db8:0:0:0:0:0:1",
                                 "1:2:3:4:5:6:7:8", "::ffff:0.0.0.0", "::0.0.0.1"})
            QTest::newRow(host) << QString::fromLatin1(host);
    }
    void agreesWithQHostAddress()
    {
        QFETCH(QString, host);
        const bool v6 = host.contains(u':');
        const QString text = (v6 ? u'[' + host + u']' : host) + QStringLiteral(":8080");
        QString why;
        const auto parsed = parseListenAddress(text, &why);
        QVERIFY2(parsed, qPrintable(why));
        const QHostAddress oracle(host);
        QVERIFY(!oracle.isNull());
        QCOMPARE(parsed->host, oracle.toString());
        QCOMPARE(parsed->port, 8080);
        QCOMPARE(parsed->isLoopback(), oracle.isLoopback());
        QCOMPARE(QHostAddress(parsed->host), oracle);
        const bool wildcard = oracle == QHostAddress::AnyIPv4 || oracle == QHostAddress::AnyIPv6;
        QCOMPARE(parsed->isWildcard(), wildcard);
    }

    void refusesWhatIsNotAnAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        for (const auto &[text, why] : std::initializer_list<std::pair<const char *, const char *>>{
                 {"localhost:8080", "IP address"},
                 {"127.0.0.1.5:80", "IP address"},
                 {"256.0.0.1:80", "IP address"},
                 {"127.0.0.1%lo:80", "IP address"},
                 {"[fe80::1%]:80", "IP address"},
                 {"[1:2:3:4:5:6:7:8:9]:80", "IP address"},
                 {"[::g]:80", "IP address"},
                 {"[127.0.0.1]:80", "only for IPv6"},
                 {"::1:80", "in brackets"},
                 {"127.0.0.1:65536", "port"},
                 {"127.0.0.1:+80", "port"},
                 {"127.0.0.1:", "port"},
                 {"8080", "ADDRESS:PORT"},
                 {":8080", "ADDRESS:PORT"},
                 {"12\xc3\xa7.0.0.1:80", "IP address"},
                 // inet_aton's old shorthands, which QHostAddress took: refused, an address reads as what it binds.
                 {"127.1:8080", "written in full"},
                 {"0:8080", "written in full"},
                 {"010.0.0.1:8080", "written in full"},
                 {"0x7f.0.0.1:8080", "written in full"},
                 {"2130706433:8080", "written in full"}})
            QTest::newRow(text) << QString::fromUtf8(text) << QString::fromLatin1(why);
    }
    void refusesWhatIsNotAnAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        QString error;
        QVERIFY(!parseListenAddress(text, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
    }

    void surroundingSpacesAreIgnored()
    {
        const auto parsed = parseListenAddress(QStringLiteral("  127.0.0.1:8080 "));
        QVERIFY(parsed);
        QCOMPARE(parsed->toString(), QStringLiteral("127.0.0.1:8080"));
    }

    void printsIpv6InBrackets()
    {
        QCOMPARE(parseListenAddress(QStringLiteral("[0:0::1]:0"))->toString(), QStringLiteral("[::1]:0"));
        QCOMPARE(parseListenAddress(QStringLiteral("127.0.0.1:443"))->toString(), QStringLiteral("127.0.0.1:443"));
    }
};

QTEST_APPLESS_MAIN(TestListenAddress)
#include "tst_listen_address.moc"
