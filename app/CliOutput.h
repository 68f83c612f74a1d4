#pragma once

#include <QTextStream>

namespace tw::app {

// stdout and stderr of the headless commands, UTF-8.
QTextStream &out();
QTextStream &err();

// Ends a short-lived command once its output is written, its connections
// closed and its threads done: what exit() would still run is the
// libraries' clean-up (OpenSSL's, ICU's, Qt's static objects) and the
// command's own destructors, freeing memory the kernel is about to take
// back. Flushes stdout and stderr, then _Exit, as compilers leave (clang's
// -disable-free). Not for serve, whose log and audit writers close on its
// own way out.
[[noreturn]] void leaveNow(int code);

} // namespace tw::app
