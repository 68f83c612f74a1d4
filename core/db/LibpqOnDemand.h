#pragma once

// libpq is loaded the first time a PostgreSQL function is called
// (LibpqOnDemand.cpp). A command that knows it will talk to PostgreSQL loads
// it up front, before it starts other threads: loaded while they run, the
// same work took about 3 ms longer on two cores.
namespace tw::db {

void loadLibpq();

} // namespace tw::db
