// libpq is mapped on first use (db/LibpqOnDemand.cpp). Loaded while the
// process has one thread, it is mapped with GnuTLS's constructor turned off
// through GnuTLS's environment switch; the switch must not outlive the load
// (a command's children would inherit it), and a value the user set wins,
// even an empty one. Each case runs in a fresh process (this binary again):
// QtTest's own watchdog thread would make every load here a threaded one.
#include "db/LibpqOnDemand.h"

#include <QProcess>
#include <QtTest>

#include <link.h>

namespace {

bool mapped(const char *prefix)
{
    struct Search
    {
        const char *prefix;
        bool found = false;
    } search{prefix};
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            auto *s = static_cast<Search *>(data);
            const QByteArray name(info->dlpi_name);
            if (name.mid(name.lastIndexOf('/') + 1).startsWith(s->prefix))
                s->found = true;
            return 0;
        },
        &search);
    return search.found;
}

// The child: loads libpq first thing, one thread, and prints what it saw.
int child()
{
    const bool before = mapped("libpq.so");
    const bool quiet = tw::db::libpqLoadedWithoutGnutlsInit();
    const QByteArray env = qEnvironmentVariableIsSet("GNUTLS_NO_IMPLICIT_INIT")
                               ? "set:" + qgetenv("GNUTLS_NO_IMPLICIT_INIT")
                               : QByteArray("unset");
    printf("before=%d quiet=%d after=%d gnutls=%d env=%s\n", int(before), int(quiet), int(mapped("libpq.so")),
           int(mapped("libgnutls.so")), env.constData());
    return 0;
}

QByteArray runChild(const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child")});
    if (!process.waitForFinished(20000))
        return "timed out";
    return process.readAllStandardOutput().trimmed();
}

} // namespace

class TestLibpqOnDemand : public QObject
{
    Q_OBJECT

private slots:
    void quietWhenAloneAndTheSwitchDoesNotOutliveTheLoad()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GNUTLS_NO_IMPLICIT_INIT"));
        const QByteArray seen = runChild(env);
        // GnuTLS comes through libldap: where libpq is built without it, the switch has nothing to do.
        QVERIFY2(seen.startsWith("before=0 quiet=1 after=1 gnutls=") && seen.endsWith(" env=unset"), seen.constData());
    }

    void theUsersOwnValueWins()
    {
        for (const QString &value : {QString(), QStringLiteral("0")}) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("GNUTLS_NO_IMPLICIT_INIT"), value);
            const QByteArray seen = runChild(env);
            QVERIFY2(seen.startsWith("before=0 quiet=0 after=1 ") && seen.endsWith(" env=set:" + value.toLatin1()),
                     seen.constData());
        }
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return child();
    QCoreApplication app(argc, argv);
    TestLibpqOnDemand test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_libpq_on_demand.moc"
