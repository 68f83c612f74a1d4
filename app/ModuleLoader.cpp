#include "ModuleLoader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace tw::app {

namespace {

// The binary's own folder, from the kernel. Never a guess: falling back to
// "." would load whatever tablewright-*.so lies in the working directory (a
// checkout someone else wrote) when /proc is not mounted.
std::optional<std::string> executableDir()
{
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0 || path[0] != '/')
        return std::nullopt;
    std::string exe(path, size_t(n));
    return exe.substr(0, exe.find_last_of('/'));
}

} // namespace

void *loadModuleSymbol(const char *module, const char *symbol, std::string *error)
{
    const auto fail = [error](std::string why) -> void * {
        if (error)
            *error = std::move(why);
        return nullptr;
    };
    const auto dir = executableDir();
    if (!dir)
        return fail(std::string("cannot load the module ") + module
                    + ": the binary's own folder is unknown (/proc/self/exe cannot be read; is /proc mounted?)");
    const std::vector<std::string> candidates{*dir + '/' + module, *dir + "/../lib/tablewright/" + module};
    for (const std::string &candidate : candidates) {
        if (::access(candidate.c_str(), R_OK) != 0)
            continue;
        // The first one found is the one: a broken module is reported as
        // such, not skipped for an older one further down the list.
        void *handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            return fail(std::string("the module ") + candidate + " could not be loaded: " + ::dlerror());
        using Version = const char *(*)();
        const auto version = reinterpret_cast<Version>(::dlsym(handle, "tablewright_module_version"));
        if (!version || std::strcmp(version(), TW_VERSION) != 0)
            return fail(std::string("the module ") + candidate + " is from another build of tablewright (version "
                        + (version ? version() : "unknown") + ", this binary " + TW_VERSION + "): reinstall tablewright");
        void *entry = ::dlsym(handle, symbol);
        if (!entry)
            return fail(std::string("the module ") + candidate + " could not be loaded: it has no " + symbol);
        return entry;
    }
    return fail(std::string("the module ") + module + " was not found next to the binary (" + *dir
                + ") or in ../lib/tablewright/");
}

} // namespace tw::app
