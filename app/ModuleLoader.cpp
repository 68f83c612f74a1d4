#include "ModuleLoader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
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

void *loadModuleSymbol(const char *module, const char *symbol, std::string *error)
{
    const std::string dir = executableDir();
    const std::vector<std::string> candidates{dir + '/' + module, dir + "/../lib/tablewright/" + module};
    std::string errors;
    for (const std::string &candidate : candidates) {
        if (::access(candidate.c_str(), R_OK) != 0)
            continue;
        void *handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            errors += std::string("\n  ") + ::dlerror();
            continue;
        }
        if (void *entry = ::dlsym(handle, symbol))
            return entry;
        errors += "\n  " + candidate + ": no " + symbol;
    }
    if (error) {
        *error = std::string("the module ") + module + " was not found next to the binary (" + dir
                 + ") or in ../lib/tablewright/" + errors;
    }
    return nullptr;
}

} // namespace tw::app
