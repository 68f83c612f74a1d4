#include "config/KeychainSecretStore.h"
#include "config/MemorySecretStore.h"

#include "TestEnv.h"

#include <QDateTime>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace tw;
using namespace tw::config;

// The same checks run against the in-memory store and the real OS keychain
// (Secret Service via gnome-keyring, started by tools/test.sh), so the
// in-memory store used by unit tests cannot drift from the real behaviour.
class TstKeychain : public QObject
{
    Q_OBJECT

private:
    // A service name unique to this run, so runs never see each other's entries.
    const QString m_service = QStringLiteral("tablewright-test-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QStringList m_keysWritten;

    std::unique_ptr<SecretStore> makeStore(const QString &backend, const QString &service)
    {
        if (backend == QLatin1String("keychain"))
            return std::make_unique<KeychainSecretStore>(service);
        return std::make_unique<MemorySecretStore>();
    }

    bool keychainAvailable() const { return qEnvironmentVariable("TW_TEST_KEYRING") == QLatin1String("1"); }

    template<typename T>
    T await(const QFuture<T> &future)
    {
        if (!test::waitFor(future, 20000))
            qFatal("secret store future did not finish within 20 s");
        return future.result();
    }

    // The value, or the error text: a failed read then shows up in QCOMPARE's
    // output instead of throwing std::bad_variant_access.
    static QString textOf(const Result<QString> &r)
    {
        return r.ok() ? r.value() : QStringLiteral("<error %1>").arg(r.error().toString());
    }

    void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("memory") << QStringLiteral("memory");
        QTest::newRow("keychain") << QStringLiteral("keychain");
    }

#define REQUIRE_BACKEND(backend)                                                     \
    do {                                                                             \
        if ((backend) == QLatin1String("keychain"))                                  \
            TW_REQUIRE_SERVICE(keychainAvailable(), QStringLiteral("keyring"));      \
    } while (false)

private slots:
    void cleanupTestCase()
    {
        if (!keychainAvailable())
            return;
        KeychainSecretStore store(m_service);
        for (const QString &key : std::as_const(m_keysWritten))
            (void)await(store.remove(key));
    }

    void writeReadOverwriteRemove_data() { backends(); }
    void writeReadOverwriteRemove()
    {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        auto store = makeStore(backend, m_service);
        const QString key = QStringLiteral("connection/roundtrip");
        m_keysWritten << key;

        Result<QString> before = await(store->read(key));
        QVERIFY(!before.ok());
        QCOMPARE(before.error().codeName(), QStringLiteral("NOT_FOUND"));

        Status written = await(store->write(key, QStringLiteral("first s3cret")));
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        Result<QString> read = await(store->read(key));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QCOMPARE(read.value(), QStringLiteral("first s3cret"));

        written = await(store->write(key, QStringLiteral("second \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9 \U0001F511")));
        QVERIFY(written.ok());
        read = await(store->read(key));
        QVERIFY(read.ok());
        QCOMPARE(read.value(), QStringLiteral("second \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9 \U0001F511"));

        const Status removed = await(store->remove(key));
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));
        read = await(store->read(key));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code(), ErrorCode::NotFound);
        QCOMPARE(read.error().httpStatus(), 404);
        QVERIFY(!read.error().toString().contains(QLatin1String("s3cret")));
    }

    void removeMissingSucceeds_data() { backends(); }
    void removeMissingSucceeds()
    {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        auto store = makeStore(backend, m_service);
        const Status removed = await(store->remove(QStringLiteral("connection/never-written")));
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));
    }

    void keysAreIndependent_data() { backends(); }
    void keysAreIndependent()
    {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        auto store = makeStore(backend, m_service);
        const QString a = QStringLiteral("connection/a");
        const QString b = QStringLiteral("connection/b");
        m_keysWritten << a << b;
        QVERIFY(await(store->write(a, QStringLiteral("alpha"))).ok());
        QVERIFY(await(store->write(b, QStringLiteral("beta"))).ok());
        QCOMPARE(textOf(await(store->read(a))), QStringLiteral("alpha"));
        QCOMPARE(textOf(await(store->read(b))), QStringLiteral("beta"));
        QVERIFY(await(store->remove(a)).ok());
        QCOMPARE(await(store->read(a)).error().code(), ErrorCode::NotFound);
        QCOMPARE(textOf(await(store->read(b))), QStringLiteral("beta"));
        QVERIFY(await(store->remove(b)).ok());
    }

    void concurrentCallsAllFinish_data() { backends(); }
    void concurrentCallsAllFinish()
    {
        QFETCH(QString, backend);
        REQUIRE_BACKEND(backend);
        auto store = makeStore(backend, m_service);
        // Several jobs in flight at once: each future must get its own answer.
        QList<QFuture<Status>> writes;
        for (int i = 0; i < 5; ++i) {
            const QString key = QStringLiteral("connection/c%1").arg(i);
            m_keysWritten << key;
            writes << store->write(key, QStringLiteral("value %1").arg(i));
        }
        for (const auto &w : writes)
            QVERIFY(await(w).ok());
        QList<QFuture<Result<QString>>> reads;
        for (int i = 0; i < 5; ++i)
            reads << store->read(QStringLiteral("connection/c%1").arg(i));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(textOf(await(reads.at(i))), QStringLiteral("value %1").arg(i));
        for (int i = 0; i < 5; ++i)
            QVERIFY(await(store->remove(QStringLiteral("connection/c%1").arg(i))).ok());
    }

    void servicesAreSeparate()
    {
        TW_REQUIRE_SERVICE(keychainAvailable(), QStringLiteral("keyring"));
        KeychainSecretStore mine(m_service);
        KeychainSecretStore other(m_service + QStringLiteral("-other"));
        QCOMPARE(mine.service(), m_service);
        const QString key = QStringLiteral("connection/shared-name");
        m_keysWritten << key;
        QVERIFY(await(mine.write(key, QStringLiteral("mine"))).ok());
        QCOMPARE(await(other.read(key)).error().code(), ErrorCode::NotFound);
        QCOMPARE(textOf(await(mine.read(key))), QStringLiteral("mine"));
        QVERIFY(await(mine.remove(key)).ok());
    }

    void defaultServiceName()
    {
        QCOMPARE(KeychainSecretStore().service(), QStringLiteral("tablewright"));
    }

    void memoryStoreCanBeUnavailable()
    {
        MemorySecretStore store;
        QVERIFY(await(store.write(QStringLiteral("k"), QStringLiteral("v"))).ok());
        QVERIFY(store.contains(QStringLiteral("k")));
        store.setUnavailable(true);
        QCOMPARE(await(store.read(QStringLiteral("k"))).error().code(), ErrorCode::SecretUnavailable);
        QCOMPARE(await(store.write(QStringLiteral("k"), QStringLiteral("w"))).error().code(), ErrorCode::SecretUnavailable);
        QCOMPARE(await(store.remove(QStringLiteral("k"))).error().code(), ErrorCode::SecretUnavailable);
        store.setUnavailable(false);
        QCOMPARE(textOf(await(store.read(QStringLiteral("k")))), QStringLiteral("v"));
        QCOMPARE(store.keys(), QStringList{QStringLiteral("k")});
    }
};

QTEST_GUILESS_MAIN(TstKeychain)
#include "tst_keychain.moc"
