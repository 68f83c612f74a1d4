#include "CliMain.h"
#include "GuiLoader.h"

int main(int argc, char **argv)
{
    // Subcommands run headless and never load the window's libraries.
    if (auto exitCode = tw::app::runCli(argc, argv))
        return *exitCode;
    return tw::app::runGuiModule(argc, argv);
}
