// The audit log: JSON lines in a file only its owner can read, appended
// across reopen, no symlink followed, and a failing disk reported once
// without stopping the caller.
#include "http/audit/AuditLog.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace tw;
using http::audit::AuditLog;
using http::audit::AuditRecord;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

QList<QJsonObject> readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> out;
    const QByteArray all = file.readAll();
    if (!all.isEmpty() && !all.endsWith('\n'))
        return {}; // every record ends its line
    for (const QByteArray &line : all.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return {};
        out << doc.object();
    }
    return out;
}

AuditRecord sampleWrite()
{
    AuditRecord record;
    record.time = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 12), Qt::UTC);
    record.requestId = QStringLiteral("req-1");
    record.subject = QStringLiteral("user-42");
    record.clientId = QStringLiteral("reporting-app");
    record.roles = {QStringLiteral("analyst"), QStringLiteral("editor")};
    record.connection = QStringLiteral("chinook");
    record.table = QStringLiteral("public.album");
    record.operation = QStringLiteral("update");
    record.keys = {7, QJsonObject{{QStringLiteral("order_id"), 3}, {QStringLiteral("line"), 1}}};
    record.status = 200;
    record.method = QStringLiteral("PATCH");
    record.route = QStringLiteral("/rest/{connection}/{table}");
    return record;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void newFileIsCreatedOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        const mode_t previous = ::umask(0); // a permissive umask must not widen it
        AuditLog log;
        const Status opened = log.open(path);
        ::umask(previous);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(modeOf(path), mode_t(0600));
    }

    void existingWiderFileIsNarrowedTo0600()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"earlier\":true}\n");
        file.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QCOMPARE(modeOf(path), mode_t(0644));

        AuditLog log;
        QVERIFY(log.open(path).ok());
        QCOMPARE(modeOf(path), mode_t(0600));
        QVERIFY(log.write(sampleWrite()));
        const auto lines = readLines(path);
        QCOMPARE(lines.size(), 2); // appended, the earlier line kept
        QVERIFY(lines.first().value(QStringLiteral("earlier")).toBool());
    }

    void recordIsOneJsonLineWithEveryField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        AuditLog log;
        QVERIFY(log.open(path).ok());
        QVERIFY(log.write(sampleWrite()));

        AuditRecord denied;
        denied.requestId = QStringLiteral("req-2");
        denied.subject = QStringLiteral("user-7");
        denied.roles = {QStringLiteral("analyst")};
        denied.connection = QStringLiteral("chinook");
        denied.table = QStringLiteral("public.customer");
        denied.operation = QStringLiteral("delete");
        denied.status = 403;
        denied.method = QStringLiteral("DELETE");
        denied.route = QStringLiteral("/rest/{connection}/{table}");
        denied.reason = QStringLiteral("missing permission database:delete\non public.customer");
        QVERIFY(log.write(denied));

        AuditRecord bulk = sampleWrite();
        bulk.keys = {};
        bulk.keyCount = 1234;
        QVERIFY(log.write(bulk));

        const auto lines = readLines(path);
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = lines.at(0);
        QCOMPARE(first.value(QStringLiteral("time")).toString(), QStringLiteral("2024-05-06T07:08:09.012Z"));
        QCOMPARE(first.value(QStringLiteral("request_id")).toString(), QStringLiteral("req-1"));
        QCOMPARE(first.value(QStringLiteral("subject")).toString(), QStringLiteral("user-42"));
        QCOMPARE(first.value(QStringLiteral("client_id")).toString(), QStringLiteral("reporting-app"));
        QCOMPARE(first.value(QStringLiteral("roles")).toArray(), QJsonArray({QStringLiteral("analyst"), QStringLiteral("editor")}));
        QCOMPARE(first.value(QStringLiteral("connection")).toString(), QStringLiteral("chinook"));
        QCOMPARE(first.value(QStringLiteral("table")).toString(), QStringLiteral("public.album"));
        QCOMPARE(first.value(QStringLiteral("operation")).toString(), QStringLiteral("update"));
        QCOMPARE(first.value(QStringLiteral("keys")).toArray().size(), 2);
        QCOMPARE(first.value(QStringLiteral("keys")).toArray().at(0).toInt(), 7);
        QCOMPARE(first.value(QStringLiteral("keys")).toArray().at(1).toObject().value(QStringLiteral("order_id")).toInt(), 3);
        QCOMPARE(first.value(QStringLiteral("key_count")).toInt(), 2);
        QCOMPARE(first.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(first.value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
        QCOMPARE(first.value(QStringLiteral("route")).toString(), QStringLiteral("/rest/{connection}/{table}"));
        QVERIFY(!first.contains(QStringLiteral("reason")));

        const QJsonObject second = lines.at(1);
        QCOMPARE(second.value(QStringLiteral("status")).toInt(), 403);
        QCOMPARE(second.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("missing permission database:delete\non public.customer"));
        QVERIFY(!second.contains(QStringLiteral("keys")));
        QCOMPARE(second.value(QStringLiteral("key_count")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("client_id")).toString(), QString());
        // Written "now" when the record has no time: UTC with milliseconds.
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                    .match(second.value(QStringLiteral("time")).toString())
                    .hasMatch());

        QVERIFY(!lines.at(2).contains(QStringLiteral("keys")));
        QCOMPARE(lines.at(2).value(QStringLiteral("key_count")).toInt(), 1234);
    }

    void fieldsComeInAFixedOrderStartingWithTime()
    {
        const QByteArray line = AuditLog::format(sampleWrite());
        QVERIFY(line.startsWith("{\"time\":\"2024-05-06T07:08:09.012Z\",\"request_id\":\"req-1\",\"subject\":\"user-42\""));
        QVERIFY(!line.contains('\n'));
        QVERIFY(line.indexOf("\"operation\"") < line.indexOf("\"keys\""));
        QVERIFY(line.indexOf("\"keys\"") < line.indexOf("\"status\""));
    }

    void hugeKeyListsAreTruncatedButCounted()
    {
        AuditRecord record = sampleWrite();
        record.keys = {};
        for (int i = 0; i < AuditLog::kMaxKeys + 500; ++i)
            record.keys.append(i);
        const QJsonObject object = QJsonDocument::fromJson(AuditLog::format(record)).object();
        QCOMPARE(object.value(QStringLiteral("keys")).toArray().size(), AuditLog::kMaxKeys);
        QCOMPARE(object.value(QStringLiteral("key_count")).toInt(), AuditLog::kMaxKeys + 500);
        QVERIFY(object.value(QStringLiteral("keys_truncated")).toBool());
    }

    void appendsAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        {
            AuditLog log;
            QVERIFY(log.open(path).ok());
            QVERIFY(log.write(sampleWrite()));
        }
        AuditLog log;
        QVERIFY(log.open(path).ok());
        AuditRecord second = sampleWrite();
        second.requestId = QStringLiteral("req-2");
        QVERIFY(log.write(second));
        QVERIFY(log.open(path).ok()); // reopening the open log (rotation) keeps appending
        second.requestId = QStringLiteral("req-3");
        QVERIFY(log.write(second));
        const auto lines = readLines(path);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).value(QStringLiteral("request_id")).toString(), QStringLiteral("req-1"));
        QCOMPARE(lines.at(1).value(QStringLiteral("request_id")).toString(), QStringLiteral("req-2"));
        QCOMPARE(lines.at(2).value(QStringLiteral("request_id")).toString(), QStringLiteral("req-3"));
    }

    void symlinkIsRefused()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("elsewhere.txt"));
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious\n");
        file.close();
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0644) == 0);
        const QString link = dir.filePath(QStringLiteral("audit.jsonl"));
        QVERIFY(QFile::link(target, link));

        AuditLog log;
        const Status opened = log.open(link);
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message().contains(QLatin1String("symbolic link")));
        QVERIFY(!log.isOpen());
        QVERIFY(!log.write(sampleWrite()));
        QFile check(target);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("precious\n"));
        QCOMPARE(modeOf(target), mode_t(0644)); // not chmod-ed through the link
    }

    void directoryOrFifoIsRefused()
    {
        QTemporaryDir dir;
        AuditLog log;
        QVERIFY(!log.open(dir.path()).ok());
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const Status opened = log.open(fifo); // must not hang waiting for a reader
        QVERIFY(!opened.ok());
    }

    void writeFailureIsReportedOnceAndTheCallerGoesOn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        AuditLog log;
        QVERIFY(log.open(path).ok());
        QVERIFY(log.write(sampleWrite()));
        const qint64 size = QFileInfo(path).size();

        // A real write failure: the file size limit makes write(2) fail with
        // EFBIG, as a full disk would with ENOSPC.
        struct rlimit saved {};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = saved;
        small.rlim_cur = rlim_t(size);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot write the audit log .*audit.jsonl")));
        const bool firstFailed = !log.write(sampleWrite());
        const bool secondFailed = !log.write(sampleWrite()); // silent: a second warning would fail the test
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(firstFailed);
        QVERIFY(secondFailed);

        // Writing works again once the cause is gone; a later failure is reported again.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("is written again")));
        QVERIFY(log.write(sampleWrite()));
        QCOMPARE(readLines(path).size(), 2);
        log.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot write the audit log")));
        QVERIFY(!log.write(sampleWrite()));
        QVERIFY(!log.write(sampleWrite()));
        QCOMPARE(readLines(path).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
