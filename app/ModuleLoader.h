#pragma once

#include <string>

namespace tw::app {

// The parts of tablewright that need heavy libraries are modules loaded when
// a command needs them, so that `tablewright migrate status` maps neither the
// window's libraries nor Qt Network or D-Bus:
//   tablewright-gui.so       the window (Widgets, Charts)
//   tablewright-serve.so     `serve` (Qt Network, OpenSSL TLS)
//   tablewright-keychain.so  the system keychain (QtKeychain, D-Bus)
// Each is looked for beside the binary (the build tree), then in
// ../lib/tablewright/ (installed). Returns `symbol` of the first module that
// loads, or nullptr with *error listing what was tried. Modules stay loaded.
void *loadModuleSymbol(const char *module, const char *symbol, std::string *error);

} // namespace tw::app
