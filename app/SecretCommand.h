#pragma once

class QCoreApplication;

namespace tw::app {

// `tablewright secret set|delete CONNECTION`: stores a connection's password
// in the OS keychain (read from stdin, not echoed on a terminal) or removes it.
int runSecretCommand(QCoreApplication &app);

} // namespace tw::app
