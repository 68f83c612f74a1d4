// libpq, loaded the first time a PostgreSQL function is called rather than
// when the process starts. Mapping libpq and what it brings (Kerberos, LDAP,
// GnuTLS, SASL: about twenty shared objects, each relocated at load) cost
// every `tablewright` start about 3 ms, SQLite-only ones included; now only
// a PostgreSQL connection pays it, and Qt's PostgreSQL driver loads the same
// library anyway. The functions below are the ones core/ calls, each
// forwarding to libpq's own (found once, by name).
#include "LibpqOnDemand.h"

#include <libpq-fe.h>

#include <QtGlobal>

#include <dirent.h>
#include <dlfcn.h>
#include <stdlib.h>

namespace {

// RTLD_DEEPBIND: the symbols libpq's twenty objects ask of each other (and of
// libc) are looked up among them first, not across the executable's own
// libraries (Qt, ICU) before them: loading took 4.5 ms in a `migrate status`,
// 3 ms with it. Not under AddressSanitizer, whose interceptors would be
// bypassed (it refuses such a load), nor when something is preloaded
// (LD_PRELOAD: a replacement malloc, say), which libpq must then see too.
int loadFlags()
{
    int flags = RTLD_NOW | RTLD_LOCAL;
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    if (qEnvironmentVariableIsEmpty("LD_PRELOAD"))
        flags |= RTLD_DEEPBIND;
#endif
    return flags;
}

bool loadedQuietly = false; // written once, before `library` below is published

// Whether this process runs one thread (/proc/self/task lists each).
bool onlyThread()
{
    DIR *tasks = opendir("/proc/self/task");
    if (!tasks)
        return false;
    int count = 0;
    while (const dirent *entry = readdir(tasks))
        count += entry->d_name[0] != '.' ? 1 : 0;
    closedir(tasks);
    return count == 1;
}

void *openLibpq()
{
    // GnuTLS (which libpq brings through libldap) builds its ASN.1 tables in
    // a constructor when it is mapped: 0.25-0.3 ms of every PostgreSQL command,
    // for a library only an LDAP lookup over TLS would use, and libldap calls
    // gnutls_global_init() itself before it does. Its documented switch is an
    // environment variable, read by that constructor; set only around the
    // load, and only while no other thread could read the environment
    // meanwhile (the command line loads libpq first thing; the window and
    // the server load it later, from a pool thread, and keep GnuTLS's default).
    const bool quietGnutls = !qEnvironmentVariableIsSet("GNUTLS_NO_IMPLICIT_INIT") && onlyThread();
    loadedQuietly = quietGnutls;
    if (quietGnutls)
        ::setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 0);
    void *handle = dlopen("libpq.so.5", loadFlags());
    if (quietGnutls)
        ::unsetenv("GNUTLS_NO_IMPLICIT_INIT");
    return handle;
}

void *libpq()
{
    static void *const library = [] {
        void *handle = openLibpq();
        if (!handle)
            qFatal("Tablewright needs libpq.so.5 (Debian: libpq5) for PostgreSQL: %s", dlerror());
        return handle;
    }();
    return library;
}

void *libpqSymbol(const char *name)
{
    void *symbol = dlsym(libpq(), name);
    if (!symbol)
        qFatal("libpq.so.5 has no %s: %s", name, dlerror());
    return symbol;
}

} // namespace

void tw::db::loadLibpq()
{
    libpq();
}

bool tw::db::libpqLoadedWithoutGnutlsInit()
{
    libpq();
    return loadedQuietly;
}

// The real function, looked up on the first call (thread-safe: a static).
#define TW_LIBPQ(name) \
    ([] { \
        static const auto real = reinterpret_cast<decltype(&::name)>(libpqSymbol(#name)); \
        return real; \
    }())

// Hidden: a binary that also links libpq itself (a test) must not export these,
// or the library's calls to its own functions would bind to them.
#pragma GCC visibility push(hidden)
extern "C" {

void PQclear(PGresult *res) { TW_LIBPQ(PQclear)(res); }
PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname)
{
    return TW_LIBPQ(PQconnectdbParams)(keywords, values, expand_dbname);
}
void PQfinish(PGconn *conn) { TW_LIBPQ(PQfinish)(conn); }
char *PQresultErrorField(const PGresult *res, int fieldcode) { return TW_LIBPQ(PQresultErrorField)(res, fieldcode); }
ExecStatusType PQresultStatus(const PGresult *res) { return TW_LIBPQ(PQresultStatus)(res); }
PGresult *PQexec(PGconn *conn, const char *query) { return TW_LIBPQ(PQexec)(conn, query); }
int PQcancel(PGcancel *cancel, char *errbuf, int errbufsize) { return TW_LIBPQ(PQcancel)(cancel, errbuf, errbufsize); }
PGresult *PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes)
{
    return TW_LIBPQ(PQprepare)(conn, stmtName, query, nParams, paramTypes);
}
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                       const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat)
{
    return TW_LIBPQ(PQexecParams)(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
char *PQresultErrorMessage(const PGresult *res) { return TW_LIBPQ(PQresultErrorMessage)(res); }
int PQntuples(const PGresult *res) { return TW_LIBPQ(PQntuples)(res); }
char *PQgetvalue(const PGresult *res, int tup_num, int field_num) { return TW_LIBPQ(PQgetvalue)(res, tup_num, field_num); }
char *PQerrorMessage(const PGconn *conn) { return TW_LIBPQ(PQerrorMessage)(conn); }
PGTransactionStatusType PQtransactionStatus(const PGconn *conn) { return TW_LIBPQ(PQtransactionStatus)(conn); }
ConnStatusType PQstatus(const PGconn *conn) { return TW_LIBPQ(PQstatus)(conn); }
int PQgetlength(const PGresult *res, int tup_num, int field_num) { return TW_LIBPQ(PQgetlength)(res, tup_num, field_num); }
int PQnfields(const PGresult *res) { return TW_LIBPQ(PQnfields)(res); }
int PQgetisnull(const PGresult *res, int tup_num, int field_num) { return TW_LIBPQ(PQgetisnull)(res, tup_num, field_num); }
PGcancel *PQgetCancel(PGconn *conn) { return TW_LIBPQ(PQgetCancel)(conn); }
void PQfreeCancel(PGcancel *cancel) { TW_LIBPQ(PQfreeCancel)(cancel); }
PGresult *PQexecPrepared(PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues,
                         const int *paramLengths, const int *paramFormats, int resultFormat)
{
    return TW_LIBPQ(PQexecPrepared)(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat);
}
char *PQcmdTuples(PGresult *res) { return TW_LIBPQ(PQcmdTuples)(res); }
// The non-blocking calls of the API server's reads (AsyncPgReader).
int PQsetnonblocking(PGconn *conn, int arg) { return TW_LIBPQ(PQsetnonblocking)(conn, arg); }
int PQsocket(const PGconn *conn) { return TW_LIBPQ(PQsocket)(conn); }
int PQsendPrepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes)
{
    return TW_LIBPQ(PQsendPrepare)(conn, stmtName, query, nParams, paramTypes);
}
int PQsendQueryPrepared(PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues,
                        const int *paramLengths, const int *paramFormats, int resultFormat)
{
    return TW_LIBPQ(PQsendQueryPrepared)(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat);
}
int PQsendQueryParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                      const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat)
{
    return TW_LIBPQ(PQsendQueryParams)(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats,
                                       resultFormat);
}
int PQsendQuery(PGconn *conn, const char *query) { return TW_LIBPQ(PQsendQuery)(conn, query); }
int PQconsumeInput(PGconn *conn) { return TW_LIBPQ(PQconsumeInput)(conn); }
int PQisBusy(PGconn *conn) { return TW_LIBPQ(PQisBusy)(conn); }
PGresult *PQgetResult(PGconn *conn) { return TW_LIBPQ(PQgetResult)(conn); }
int PQflush(PGconn *conn) { return TW_LIBPQ(PQflush)(conn); }
int PQsetSingleRowMode(PGconn *conn) { return TW_LIBPQ(PQsetSingleRowMode)(conn); }

} // extern "C"
#pragma GCC visibility pop
