#include "GuiLoader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <string>
#include <vector>

namespace tw::app {

namespace {

std::string executableDir()
{
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return ".";
    std::string exe(path, size_t(n));
    return exe.substr(0, exe.find_last_of('/'));
}

} // namespace

int runGuiModule(int argc, char **argv)
{
    const std::string dir = executableDir();
    const std::vector<std::string> candidates{dir + "/tablewright-gui.so", dir + "/../lib/tablewright/tablewright-gui.so"};
    std::string errors;
    for (const std::string &candidate : candidates) {
        if (::access(candidate.c_str(), R_OK) != 0)
            continue;
        void *module = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            errors += std::string("\n  ") + ::dlerror();
            continue;
        }
        using Entry = int (*)(int, char **);
        auto entry = reinterpret_cast<Entry>(::dlsym(module, "tablewright_run_gui"));
        if (!entry) {
            errors += "\n  " + candidate + ": no tablewright_run_gui";
            continue;
        }
        return entry(argc, argv);
    }
    std::fprintf(stderr, "tablewright: the window module tablewright-gui.so was not found next to the binary or in "
                         "../lib/tablewright/%s\n(the subcommands work without it: tablewright version | check | schema | migrate | serve | secret)\n",
                 errors.c_str());
    return 1;
}

} // namespace tw::app
