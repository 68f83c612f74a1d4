#pragma once

class QCoreApplication;

namespace tw::app {

// `tablewright migrate status|up|down|validate|baseline|repair|new|dry-run|
// ensure|generate --connection NAME [--config FILE] [--dir DIR] [--target V]
// [--json] …` (issue 9). Exit codes: 0 ok, 1 failed, 2 bad arguments,
// 3 pending migrations (status), 4 locked, 5 validation failed.
int runMigrate(QCoreApplication &app);

} // namespace tw::app
