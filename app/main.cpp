#include "CliMain.h"
#include "GuiMain.h"

int main(int argc, char **argv)
{
    // Subcommands run headless and never create a QApplication.
    if (auto exitCode = tw::app::runCli(argc, argv))
        return *exitCode;
    return tw::app::runGui(argc, argv);
}
