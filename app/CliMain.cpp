#include "CliMain.h"

#include "AppInfo.h"
#include "CheckCommand.h"
#include "CliOutput.h"
#include "MigrateCommand.h"
#include "SchemaCommand.h"
#include "SecretCommand.h"
#include "ModuleLoader.h"

#include "catalog/CatalogService.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string>

namespace tw::app {

namespace {

constexpr const char *kCommands[] = {"version", "check", "schema", "migrate", "serve", "secret"};

bool isCommand(const char *word)
{
    return std::any_of(std::begin(kCommands), std::end(kCommands), [word](const char *c) { return std::strcmp(c, word) == 0; });
}

bool isOneOf(const char *word, std::initializer_list<const char *> spellings)
{
    return std::any_of(spellings.begin(), spellings.end(), [word](const char *s) { return std::strcmp(s, word) == 0; });
}

// Answered without the window module: on a server there is no display to
// start it on, and Qt's answer to that is an abort naming its platform plugins.
int printUsage()
{
    std::fputs("usage: tablewright [--demo] [--config FILE] [--log-json FILE] [FILE.sqlite...]   the window\n"
               "       tablewright COMMAND [--help]                                             headless\n"
               "\n"
               "commands:\n"
               "  version   the version and Qt's\n"
               "  check     open every configured connection and report its health\n"
               "  schema    print a connection's schema (tables, DDL, JSON)\n"
               "  migrate   status, up, down, validate, baseline, repair, new, dry-run, ensure, generate\n"
               "  serve     the REST API server (OIDC tokens, /rest, /api/v1, /metrics)\n"
               "  secret    store or remove a connection's password in the system keychain\n"
               "\n"
               "window options:\n"
               "  --demo             open the demo database (created if missing)\n"
               "  --demo-path FILE   where the demo database lives\n"
               "  --config FILE      the configuration file\n"
               "  --log-json FILE    write JSON-lines logs to this file\n",
               stdout);
    return 0;
}

// `serve` lives in tablewright-serve.so: Qt Network and TLS are mapped only
// by the process that serves.
int runServeModule()
{
    std::string error;
    using Entry = int (*)();
    if (auto entry = reinterpret_cast<Entry>(loadModuleSymbol("tablewright-serve.so", "tablewright_run_serve", &error)))
        return entry();
    std::fprintf(stderr, "tablewright serve: %s\n", error.c_str());
    return 1;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

int runCommand(QCoreApplication &app, const char *command)
{
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
    if (std::strcmp(command, "migrate") == 0)
        return runMigrate(app);
    err() << "tablewright " << command << ": not available in this build yet" << Qt::endl;
    return 2;
}

} // namespace

std::optional<int> runCli(int argc, char **argv)
{
    if (argc >= 2 && isOneOf(argv[1], {"--help", "-h", "-?", "help", "--help-all"}))
        return printUsage();
    if (argc >= 2 && isOneOf(argv[1], {"--version", "-v"}))
        argv[1] = const_cast<char *>("version");
    if (argc >= 2 && argv[1][0] != '-' && !isCommand(argv[1]) && !QFileInfo::exists(QFile::decodeName(argv[1]))
        && !std::strchr(argv[1], '.') && !std::strchr(argv[1], '/')) {
        // A word, not a file to open: a mistyped command.
        QStringList known;
        for (const char *c : kCommands)
            known << QString::fromLatin1(c);
        const QStringList close = catalog::closeMatches(QString::fromLocal8Bit(argv[1]), known, 1);
        std::fprintf(stderr, "tablewright: unknown command '%s'%s; see tablewright --help\n", argv[1],
                     close.isEmpty() ? "" : qPrintable(QStringLiteral(" (did you mean %1?)").arg(close.first())));
        return 2;
    }
    if (argc < 2 || argv[1][0] == '-' || !isCommand(argv[1])) {
        if (!hasDisplay()) {
            std::fputs("tablewright: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                       "The commands work without one: tablewright --help\n",
                       stderr);
            return 2;
        }
        return std::nullopt; // the window (with files to open)
    }
    const char *command = argv[1];
    if (std::strcmp(command, "serve") != 0) {
        // A short-lived command: each thread's malloc arena grows by what it
        // needs (glibc), one mprotect per page or so, all threads taking the
        // process's memory-map lock (580 calls in a status of a thousand
        // migrations, 5 % of its time). Ask for 4 MiB at a time; untouched
        // pages cost nothing. Not for serve, where it would also freeze
        // glibc's mmap threshold.
        mallopt(M_TOP_PAD, 4 << 20);
    }

    QCoreApplication app(argc, argv);
    applyAppInfo();
    if (std::strcmp(command, "serve") == 0)
        return runServeModule();
    leaveNow(runCommand(app, command));
}

} // namespace tw::app
