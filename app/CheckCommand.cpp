#include "CheckCommand.h"

#include "CliOutput.h"
#include "async/Then.h"
#include "config/ConfigLoader.h"
#include "OnDemandSecretStore.h"
#include "db/ConnectionRegistry.h"
#include "monitor/HealthProbe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw::app {

namespace {

int printReport(const QList<QFuture<monitor::HealthStatus>> &probes, bool json)
{
    int down = 0;
    QJsonArray array;
    for (const auto &probe : probes) {
        const monitor::HealthStatus s = probe.result();
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
    return down == 0 ? 0 : 1;
}

} // namespace

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

    OnDemandSecretStore secrets;
    db::ConnectionRegistry registry(&secrets);
    const bool json = parser.isSet(jsonOption);

    // Open all (each independently), then probe all, then report once.
    async::then(registry.openAll(profiles), &app, [&app, &registry, profiles, json](const QList<db::OpenOutcome> &) {
        QList<QFuture<monitor::HealthStatus>> probes;
        for (const auto &profile : profiles)
            probes << monitor::probeHealth(registry.pool(profile.name), &app);
        async::then(async::whenAll(probes, &app), &app,
                    [&app, json](const QList<QFuture<monitor::HealthStatus>> &done) { app.exit(printReport(done, json)); });
    });
    return app.exec();
}

} // namespace tw::app
