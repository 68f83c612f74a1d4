#pragma once

// libpq is loaded the first time a PostgreSQL function is called
// (LibpqOnDemand.cpp). A command that knows it will talk to PostgreSQL loads
// it up front, before it starts other threads: loaded while they run, the
// same work took about 3 ms longer on two cores.
namespace tw::db {

void loadLibpq();

// Loads libpq if need be; whether it was mapped with GnuTLS's constructor
// turned off (LibpqOnDemand.cpp: only when the process had one thread and
// the user had not set GNUTLS_NO_IMPLICIT_INIT).
bool libpqLoadedWithoutGnutlsInit();

} // namespace tw::db
