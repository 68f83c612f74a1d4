// libpq is mapped on first use (db/LibpqOnDemand.cpp). Loaded while the
// process has one thread, it is mapped with GnuTLS's constructor turned off
// through GnuTLS's environment switch; the switch must not outlive the load
// (a command's children would inherit it), and a value the user set wins.
#include "db/LibpqOnDemand.h"

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

} // namespace

class TestLibpqOnDemand : public QObject
{
    Q_OBJECT

private slots:
    void loadsOnceAndLeavesTheEnvironmentAsItWas()
    {
        QVERIFY(!mapped("libpq.so"));
        QVERIFY(qEnvironmentVariableIsEmpty("GNUTLS_NO_IMPLICIT_INIT"));
        tw::db::loadLibpq();
        QVERIFY(mapped("libpq.so"));
        QVERIFY(mapped("libgnutls.so")); // through libldap: the switch had something to do
        QVERIFY(!qEnvironmentVariableIsSet("GNUTLS_NO_IMPLICIT_INIT"));
    }
};

QTEST_GUILESS_MAIN(TestLibpqOnDemand)
#include "tst_libpq_on_demand.moc"
