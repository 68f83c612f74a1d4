#pragma once

class QCoreApplication;

namespace tw::app {

// `tablewright check [--config FILE] [--json]`: opens every configured
// connection, probes it, prints the result. Exit 0 when all are up, 1 when
// any is down, 2 on a configuration error.
int runCheck(QCoreApplication &app);

} // namespace tw::app
