#pragma once

namespace tw::app {

// No subcommand: the desktop application.
int runGui(int argc, char **argv);

} // namespace tw::app
