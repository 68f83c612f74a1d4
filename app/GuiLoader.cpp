#include "GuiLoader.h"

#include "ModuleLoader.h"

#include <cstdio>
#include <string>

namespace tw::app {

int runGuiModule(int argc, char **argv)
{
    std::string error;
    using Entry = int (*)(int, char **);
    if (auto entry = reinterpret_cast<Entry>(loadModuleSymbol("tablewright-gui.so", "tablewright_run_gui", &error)))
        return entry(argc, argv);
    std::fprintf(stderr, "tablewright: cannot open the window: %s\n(the subcommands work without it: tablewright "
                         "version | check | schema | migrate | serve | secret)\n",
                 error.c_str());
    return 1;
}

} // namespace tw::app
