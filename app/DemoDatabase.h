#pragma once

#include "config/ConnectionProfile.h"
#include "error/Error.h"

#include <QFuture>

namespace tw::app {

// Where `--demo` keeps its database: <AppDataLocation>/demo.sqlite.
QString defaultDemoPath();

// Creates the demo database from the seed compiled into the binary when the
// file is missing (on a worker thread), and gives the profile to open it.
QFuture<Result<config::ConnectionProfile>> ensureDemoDatabase(const QString &path);

} // namespace tw::app
