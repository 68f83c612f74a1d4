// SQLite, loaded the first time a SQLite function is called rather than when
// the process starts, as libpq is (LibpqOnDemand.cpp): libsqlite3 resolves
// about 1,600 symbols at load (it is built with BIND_NOW), 0.2-0.3 ms of every
// start, PostgreSQL-only commands included. Qt's SQLite driver, a plugin
// loaded on first use, links the same library and so finds it loaded. The
// functions below are the ones core/ calls, each forwarding to SQLite's own
// (found once, by name).
#include "SqliteOnDemand.h"

#include <sqlite3.h>

#include <QtGlobal>

#include <dlfcn.h>

namespace {

void *sqlite()
{
    static void *const library = [] {
        void *handle = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            qFatal("Tablewright needs libsqlite3.so.0 (Debian: libsqlite3-0) for SQLite: %s", dlerror());
        return handle;
    }();
    return library;
}

} // namespace

void *tw::db::sqliteSymbol(const char *name)
{
    void *symbol = dlsym(sqlite(), name);
    if (!symbol)
        qFatal("libsqlite3.so.0 has no %s: %s", name, dlerror());
    return symbol;
}

// The real function, looked up on the first call (thread-safe: a static).
#define TW_SQLITE(name) \
    ([] { \
        static const auto real = reinterpret_cast<decltype(&::name)>(tw::db::sqliteSymbol(#name)); \
        return real; \
    }())

// Hidden: a binary that also links SQLite itself (a test) must not export these,
// or the library's calls to its own functions would bind to them.
#pragma GCC visibility push(hidden)
extern "C" {

int sqlite3_bind_blob64(sqlite3_stmt* a0, int a1, const void* a2, sqlite3_uint64 a3, void(*a4)(void*))
{ return TW_SQLITE(sqlite3_bind_blob64)(a0, a1, a2, a3, a4); }
int sqlite3_bind_double(sqlite3_stmt* a0, int a1, double a2)
{ return TW_SQLITE(sqlite3_bind_double)(a0, a1, a2); }
int sqlite3_bind_int64(sqlite3_stmt* a0, int a1, sqlite3_int64 a2)
{ return TW_SQLITE(sqlite3_bind_int64)(a0, a1, a2); }
int sqlite3_bind_null(sqlite3_stmt* a0, int a1)
{ return TW_SQLITE(sqlite3_bind_null)(a0, a1); }
int sqlite3_bind_parameter_count(sqlite3_stmt* a0)
{ return TW_SQLITE(sqlite3_bind_parameter_count)(a0); }
int sqlite3_bind_text(sqlite3_stmt* a0, int a1, const char* a2, int a3, void(*a4)(void*))
{ return TW_SQLITE(sqlite3_bind_text)(a0, a1, a2, a3, a4); }
int sqlite3_bind_text64(sqlite3_stmt* a0, int a1, const char* a2, sqlite3_uint64 a3, void(*a4)(void*), unsigned char a5)
{ return TW_SQLITE(sqlite3_bind_text64)(a0, a1, a2, a3, a4, a5); }
int sqlite3_busy_timeout(sqlite3* a0, int a1)
{ return TW_SQLITE(sqlite3_busy_timeout)(a0, a1); }
sqlite3_int64 sqlite3_changes64(sqlite3* a0)
{ return TW_SQLITE(sqlite3_changes64)(a0); }
int sqlite3_clear_bindings(sqlite3_stmt* a0)
{ return TW_SQLITE(sqlite3_clear_bindings)(a0); }
int sqlite3_close(sqlite3* a0)
{ return TW_SQLITE(sqlite3_close)(a0); }
int sqlite3_column_bytes(sqlite3_stmt* a0, int a1)
{ return TW_SQLITE(sqlite3_column_bytes)(a0, a1); }
int sqlite3_column_count(sqlite3_stmt * a0)
{ return TW_SQLITE(sqlite3_column_count)(a0); }
sqlite3_int64 sqlite3_column_int64(sqlite3_stmt* a0, int a1)
{ return TW_SQLITE(sqlite3_column_int64)(a0, a1); }
const unsigned char * sqlite3_column_text(sqlite3_stmt* a0, int a1)
{ return TW_SQLITE(sqlite3_column_text)(a0, a1); }
int sqlite3_column_type(sqlite3_stmt* a0, int a1)
{ return TW_SQLITE(sqlite3_column_type)(a0, a1); }
int sqlite3_complete(const char * a0)
{ return TW_SQLITE(sqlite3_complete)(a0); }
int sqlite3_create_function_v2(sqlite3 * a0, const char * a1, int a2, int a3, void * a4, void (*a5)(sqlite3_context*,int,sqlite3_value**), void (*a6)(sqlite3_context*,int,sqlite3_value**), void (*a7)(sqlite3_context*), void(*a8)(void*))
{ return TW_SQLITE(sqlite3_create_function_v2)(a0, a1, a2, a3, a4, a5, a6, a7, a8); }
const char * sqlite3_errmsg(sqlite3* a0)
{ return TW_SQLITE(sqlite3_errmsg)(a0); }
const char * sqlite3_errstr(int a0)
{ return TW_SQLITE(sqlite3_errstr)(a0); }
int sqlite3_exec(sqlite3* a0, const char * a1, int (*a2)(void*,int,char**,char**), void * a3, char ** a4)
{ return TW_SQLITE(sqlite3_exec)(a0, a1, a2, a3, a4); }
int sqlite3_extended_errcode(sqlite3 * a0)
{ return TW_SQLITE(sqlite3_extended_errcode)(a0); }
int sqlite3_finalize(sqlite3_stmt * a0)
{ return TW_SQLITE(sqlite3_finalize)(a0); }
void sqlite3_free(void* a0)
{ TW_SQLITE(sqlite3_free)(a0); }
int sqlite3_get_autocommit(sqlite3* a0)
{ return TW_SQLITE(sqlite3_get_autocommit)(a0); }
void sqlite3_interrupt(sqlite3* a0)
{ TW_SQLITE(sqlite3_interrupt)(a0); }
int sqlite3_keyword_check(const char* a0, int a1)
{ return TW_SQLITE(sqlite3_keyword_check)(a0, a1); }
sqlite3_int64 sqlite3_last_insert_rowid(sqlite3* a0)
{ return TW_SQLITE(sqlite3_last_insert_rowid)(a0); }
int sqlite3_open_v2(const char * a0, sqlite3 ** a1, int a2, const char * a3)
{ return TW_SQLITE(sqlite3_open_v2)(a0, a1, a2, a3); }
int sqlite3_prepare_v2(sqlite3 * a0, const char * a1, int a2, sqlite3_stmt ** a3, const char ** a4)
{ return TW_SQLITE(sqlite3_prepare_v2)(a0, a1, a2, a3, a4); }
int sqlite3_prepare_v3(sqlite3 * a0, const char * a1, int a2, unsigned int a3, sqlite3_stmt ** a4, const char ** a5)
{ return TW_SQLITE(sqlite3_prepare_v3)(a0, a1, a2, a3, a4, a5); }
void sqlite3_progress_handler(sqlite3* a0, int a1, int(*a2)(void*), void* a3)
{ TW_SQLITE(sqlite3_progress_handler)(a0, a1, a2, a3); }
int sqlite3_reset(sqlite3_stmt * a0)
{ return TW_SQLITE(sqlite3_reset)(a0); }
void sqlite3_result_int64(sqlite3_context* a0, sqlite3_int64 a1)
{ TW_SQLITE(sqlite3_result_int64)(a0, a1); }
int sqlite3_sleep(int a0)
{ return TW_SQLITE(sqlite3_sleep)(a0); }
int sqlite3_step(sqlite3_stmt* a0)
{ return TW_SQLITE(sqlite3_step)(a0); }
int sqlite3_stmt_readonly(sqlite3_stmt * a0)
{ return TW_SQLITE(sqlite3_stmt_readonly)(a0); }
const void * sqlite3_value_blob(sqlite3_value* a0)
{ return TW_SQLITE(sqlite3_value_blob)(a0); }
int sqlite3_value_bytes(sqlite3_value* a0)
{ return TW_SQLITE(sqlite3_value_bytes)(a0); }
double sqlite3_value_double(sqlite3_value* a0)
{ return TW_SQLITE(sqlite3_value_double)(a0); }
sqlite3_int64 sqlite3_value_int64(sqlite3_value* a0)
{ return TW_SQLITE(sqlite3_value_int64)(a0); }
const unsigned char * sqlite3_value_text(sqlite3_value* a0)
{ return TW_SQLITE(sqlite3_value_text)(a0); }
int sqlite3_value_type(sqlite3_value* a0)
{ return TW_SQLITE(sqlite3_value_type)(a0); }

} // extern "C"
#pragma GCC visibility pop
