#pragma once

namespace tw::app {

// Loads the window (tablewright-gui.so, beside the binary or in
// ../lib/tablewright/) and runs it; a clear message and exit code 1 when the
// module is missing or broken.
int runGuiModule(int argc, char **argv);

} // namespace tw::app
