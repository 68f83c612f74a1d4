#include "SecretCommand.h"

#include "async/Then.h"
#include "config/ConnectionProfile.h"
#include "OnDemandSecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace tw::app {

namespace {

// One line from stdin; echo is switched off while a terminal types it.
QString readSecretLine()
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        QTextStream prompt(stderr);
        prompt << "Password: " << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream err(stderr);
        err << Qt::endl;
    }
    return QString::fromStdString(line);
}

} // namespace

int runSecretCommand(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Store or remove a connection's password in the OS keychain."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("set | delete"));
    parser.addPositionalArgument(QStringLiteral("connection"), QStringLiteral("Connection name from the config file."));
    QStringList args = app.arguments();
    args.removeAt(1);
    parser.process(args);

    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || (positional[0] != QLatin1String("set") && positional[0] != QLatin1String("delete"))) {
        err << "usage: tablewright secret set|delete CONNECTION" << Qt::endl;
        return 2;
    }
    config::ConnectionProfile profile;
    profile.name = positional[1];
    OnDemandSecretStore store;

    QFuture<Status> pending;
    if (positional[0] == QLatin1String("set")) {
        const QString secret = readSecretLine();
        if (secret.isEmpty()) {
            err << "no password given on stdin; nothing stored" << Qt::endl;
            return 2;
        }
        pending = store.write(profile.secretKey(), secret);
    } else {
        pending = store.remove(profile.secretKey());
    }
    int exitCode = 1;
    async::then(pending, &app, [&app, &exitCode, &err, profile, action = positional[0]](const Status &status) {
        if (status.ok()) {
            err << (action == QLatin1String("set") ? "stored" : "removed") << " the password of connection '"
                << profile.name << "' in the keychain" << Qt::endl;
            exitCode = 0;
        } else {
            err << status.error().toString() << Qt::endl;
        }
        app.quit();
    });
    app.exec();
    return exitCode;
}

} // namespace tw::app
