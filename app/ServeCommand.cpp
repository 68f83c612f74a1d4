#include "ServeCommand.h"

#include "CliOutput.h"
#include "SignalWatcher.h"
#include "SystemdNotify.h"
#include "async/Then.h"
#include "config/ConfigLoader.h"
#include "config/KeychainSecretStore.h"
#include "config/ListenAddress.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiServer.h"
#include "log/Categories.h"
#include "log/JsonLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QScopeGuard>

#include <cstdio>

namespace tw::app {

namespace {

constexpr int kConfigError = 2;
// How long a request's log line may wait in the buffer.
constexpr int kLogFlushIntervalMs = 100;

} // namespace

int runServe(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serve the REST API (no GUI)."));
    parser.addHelpOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file."), QStringLiteral("file"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address and port, e.g. 127.0.0.1:8080 or [::1]:8080 (overrides api.listen)."),
                                          QStringLiteral("address:port"));
    parser.addOptions({configOption, listenOption});
    QStringList args = app.arguments();
    args.removeAt(1); // the subcommand
    if (!parser.parse(args)) {
        err() << "tablewright serve: " << parser.errorText() << Qt::endl;
        return kConfigError;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty()) {
        err() << "tablewright serve: unexpected argument '" << parser.positionalArguments().first() << "'" << Qt::endl;
        return kConfigError;
    }

    // From here on stderr carries JSON lines only.
    QFile errorStream;
    errorStream.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    log::installJsonLogHandler(&errorStream, false);
    // A line per request: written in batches (warnings and worse at once).
    // Whatever is still buffered goes out before errorStream closes.
    log::setJsonLogBuffering(kLogFlushIntervalMs);
    const auto flushLog = qScopeGuard([] { log::setJsonLogBuffering(0); });

    const auto loaded = config::loadConfig(QProcessEnvironment::systemEnvironment(), parser.value(configOption));
    if (!loaded.ok()) {
        qCCritical(lcApp).noquote() << loaded.error().message();
        return kConfigError;
    }
    const config::AppConfig config = loaded.value();
    std::optional<config::ListenAddress> listen;
    if (parser.isSet(listenOption)) {
        QString why;
        listen = config::parseListenAddress(parser.value(listenOption), &why);
        if (!listen) {
            qCCritical(lcApp).noquote() << "--listen:" << why;
            return kConfigError;
        }
    }
    if (config.connections.isEmpty())
        qCWarning(lcApp) << "no connections configured (see --config, TABLEWRIGHT_CONFIG, DATABASE_URL)";

    config::KeychainSecretStore secrets;
    db::ConnectionRegistry registry(&secrets);
    http::ApiServer server(&registry);
    SignalWatcher watcher;
    bool stopping = false;

    const auto shutDown = [&](int code) {
        registry.closeAll();
        app.exit(code);
    };
    QObject::connect(&watcher, &SignalWatcher::terminate, &app, [&](int number) {
        if (stopping) {
            // A second signal: the admin does not want to wait for the grace period.
            qCWarning(lcApp) << "signal" << number << "received again: exiting without waiting";
            shutDown(1);
            return;
        }
        stopping = true;
        notifySystemd("STOPPING=1");
        qCInfo(lcApp) << "signal" << number << "received: stopping";
        async::onFinished(server.stop(config.api.shutdownGraceSeconds * 1000), &app, [&] { shutDown(0); });
    });

    async::then(registry.openAll(config.connections), &app, [&](const QList<db::OpenOutcome> &outcomes) {
        if (stopping)
            return;
        for (const auto &outcome : outcomes) {
            if (!outcome.status.ok())
                qCWarning(lcApp).noquote() << "connection" << outcome.connection << "did not open:" << outcome.status.error().toString();
        }
        const Status started = server.start(config, listen);
        if (!started.ok()) {
            qCCritical(lcApp).noquote() << started.error().message();
            shutDown(started.error().code() == ErrorCode::ConfigInvalid ? kConfigError : 1);
            return;
        }
        out() << "READY " << server.baseUrl().toString() << Qt::endl;
        notifySystemd("READY=1\nSTATUS=listening on " + server.baseUrl().toString().toUtf8());
    });
    return app.exec();
}

} // namespace tw::app
