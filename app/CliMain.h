#pragma once

#include <optional>

namespace tw::app {

// Headless subcommands (no widgets): version, check, schema, migrate, serve,
// secret; --help and --version; a mistyped command word. nullopt when the
// window should start (no subcommand, or files to open) and there is a
// display to start it on.
std::optional<int> runCli(int argc, char **argv);

} // namespace tw::app
