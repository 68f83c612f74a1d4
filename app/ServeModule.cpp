// tablewright-serve.so: `tablewright serve` with Qt Network, TLS and the
// keychain, loaded by the binary only for that command (see ModuleLoader.h).
#include "ServeCommand.h"

#include <QCoreApplication>

extern "C" __attribute__((visibility("default"))) int tablewright_run_serve()
{
    return tw::app::runServe(*QCoreApplication::instance());
}
