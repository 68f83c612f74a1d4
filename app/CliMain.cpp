#include "CliMain.h"

#include "AppInfo.h"
#include "CheckCommand.h"
#include "CliOutput.h"
#include "MigrateCommand.h"
#include "SchemaCommand.h"
#include "SecretCommand.h"
#include "ServeCommand.h"

#include <QCoreApplication>

#include <cstring>

namespace tw::app {

std::optional<int> runCli(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return std::nullopt;
    const char *command = argv[1];
    const bool known = std::strcmp(command, "version") == 0 || std::strcmp(command, "check") == 0
                       || std::strcmp(command, "secret") == 0 || std::strcmp(command, "serve") == 0
                       || std::strcmp(command, "migrate") == 0 || std::strcmp(command, "schema") == 0;
    if (!known)
        return std::nullopt; // a file name for the GUI

    QCoreApplication app(argc, argv);
    applyAppInfo();
    if (std::strcmp(command, "version") == 0) {
        out() << "tablewright " << QCoreApplication::applicationVersion() << " (Qt " << qVersion() << ")" << Qt::endl;
        return 0;
    }
    if (std::strcmp(command, "check") == 0)
        return runCheck(app);
    if (std::strcmp(command, "schema") == 0)
        return runSchema(app);
    if (std::strcmp(command, "secret") == 0)
        return runSecretCommand(app);
    if (std::strcmp(command, "serve") == 0)
        return runServe(app);
    if (std::strcmp(command, "migrate") == 0)
        return runMigrate(app);
    err() << "tablewright " << command << ": not available in this build yet" << Qt::endl;
    return 2;
}

} // namespace tw::app
