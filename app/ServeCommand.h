#pragma once

class QCoreApplication;

namespace tw::app {

// `tablewright serve [--config FILE] [--listen ADDRESS:PORT]`: the REST API
// without widgets. Logs JSON lines on stderr; prints "READY <base URL>" on
// stdout (and READY=1 to systemd) once listening; SIGTERM/SIGINT stop
// accepting, let requests in flight finish within api.shutdown_grace_seconds,
// close the pools and exit 0. A configuration error exits 2.
int runServe(QCoreApplication &app);

} // namespace tw::app
