#pragma once

#include <optional>

namespace tw::app {

// Headless subcommands (no widgets): version, check, secret, serve, migrate.
// nullopt when argv names no subcommand, so the GUI should start.
std::optional<int> runCli(int argc, char **argv);

} // namespace tw::app
