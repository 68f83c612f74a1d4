#include "SqliteFunctions.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>

namespace tw::db {

namespace {

// FNV-1a: fast, stable across runs and platforms, and good enough to tell
// two versions of one row apart (this is a change detector, not a MAC).
struct Fnv1a
{
    std::uint64_t hash = 14695981039346656037ull;
    void add(const void *data, std::size_t size)
    {
        const auto *bytes = static_cast<const unsigned char *>(data);
        for (std::size_t i = 0; i < size; ++i) {
            hash ^= bytes[i];
            hash *= 1099511628211ull;
        }
    }
};

void rowVersion(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    Fnv1a fnv;
    for (int i = 0; i < argc; ++i) {
        sqlite3_value *value = argv[i];
        // The storage class is part of the value: 1 and '1' and x'31' differ.
        const unsigned char type = static_cast<unsigned char>(sqlite3_value_type(value));
        fnv.add(&type, 1);
        switch (type) {
        case SQLITE_INTEGER: {
            const sqlite3_int64 v = sqlite3_value_int64(value);
            fnv.add(&v, sizeof v);
            break;
        }
        case SQLITE_FLOAT: {
            const double v = sqlite3_value_double(value);
            fnv.add(&v, sizeof v);
            break;
        }
        case SQLITE_TEXT: {
            const unsigned char *text = sqlite3_value_text(value);
            const int size = sqlite3_value_bytes(value);
            fnv.add(&size, sizeof size);
            fnv.add(text, std::size_t(size));
            break;
        }
        case SQLITE_BLOB: {
            const void *blob = sqlite3_value_blob(value);
            const int size = sqlite3_value_bytes(value);
            fnv.add(&size, sizeof size);
            if (size > 0)
                fnv.add(blob, std::size_t(size));
            break;
        }
        default: // NULL: the type byte says it all
            break;
        }
    }
    sqlite3_int64 result;
    std::memcpy(&result, &fnv.hash, sizeof result);
    sqlite3_result_int64(context, result);
}

} // namespace

bool registerSqliteFunctions(sqlite3 *db)
{
    if (!db)
        return false;
    return sqlite3_create_function_v2(db, kSqliteRowVersionFunction, -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                      rowVersion, nullptr, nullptr, nullptr)
           == SQLITE_OK;
}

} // namespace tw::db
