#include "CliMain.h"

#include "AppInfo.h"
#include "SecretCommand.h"
#include "config/ConfigLoader.h"
#include "config/KeychainSecretStore.h"
#include "db/ConnectionRegistry.h"
#include "monitor/HealthProbe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <cstring>

namespace tw::app {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// `check`: opens every configured connection, probes it, prints the result.
// Exit 0 when all are up, 1 when any is down, 2 on a configuration error.
int runCheck(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check that every configured connection answers."));
    parser.addHelpOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file."), QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
    parser.addOptions({configOption, jsonOption});
    QStringList args = app.arguments();
    args.removeAt(1); // the subcommand
    parser.process(args);

    const auto loaded = config::loadConfig(QProcessEnvironment::systemEnvironment(), parser.value(configOption));
    if (!loaded.ok()) {
        err() << loaded.error().message() << Qt::endl;
        return 2;
    }
    const auto profiles = loaded.value().connections;
    if (profiles.isEmpty()) {
        err() << "no connections configured (see --config, TABLEWRIGHT_CONFIG, DATABASE_URL)" << Qt::endl;
        return 2;
    }

    config::KeychainSecretStore secrets;
    db::ConnectionRegistry registry(&secrets);
    auto results = std::make_shared<QList<monitor::HealthStatus>>();
    auto pending = std::make_shared<int>(int(profiles.size()));
    const bool json = parser.isSet(jsonOption);

    registry.openAll(profiles).then(&app, [&registry, results, pending, &app, profiles, json](const QList<db::OpenOutcome> &) {
        for (const auto &profile : profiles) {
            monitor::probeHealth(registry.pool(profile.name)).then(&app, [results, pending, &app, json](const monitor::HealthStatus &status) {
                results->append(status);
                if (--*pending > 0)
                    return;
                int down = 0;
                QJsonArray array;
                for (const auto &s : *results) {
                    down += s.up ? 0 : 1;
                    if (json) {
                        QJsonObject o{{QStringLiteral("connection"), s.connection}, {QStringLiteral("up"), s.up},
                                      {QStringLiteral("latencyMs"), s.latencyMs}};
                        if (s.lastError)
                            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), s.lastError->codeName()},
                                                                          {QStringLiteral("message"), s.lastError->message()}});
                        array.append(o);
                    } else if (s.up) {
                        out() << s.connection << "\tup\t" << QString::number(s.latencyMs, 'f', 2) << " ms" << Qt::endl;
                    } else {
                        out() << s.connection << "\tDOWN\t" << s.lastError->toString() << Qt::endl;
                    }
                }
                if (json)
                    out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                app.exit(down == 0 ? 0 : 1);
            });
        }
    });
    return app.exec();
}

} // namespace

std::optional<int> runCli(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return std::nullopt;
    const char *command = argv[1];
    const bool known = std::strcmp(command, "version") == 0 || std::strcmp(command, "check") == 0
                       || std::strcmp(command, "secret") == 0 || std::strcmp(command, "serve") == 0
                       || std::strcmp(command, "migrate") == 0;
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
    if (std::strcmp(command, "secret") == 0)
        return runSecretCommand(app);
    err() << "tablewright " << command << ": not available in this build yet" << Qt::endl;
    return 2;
}

} // namespace tw::app
