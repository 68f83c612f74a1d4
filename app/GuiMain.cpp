#include "GuiMain.h"

#include "AppInfo.h"
#include "DemoDatabase.h"
#include "MainWindow.h"
#include "async/Then.h"
#include "config/ConfigLoader.h"
#include "config/KeychainSecretStore.h"
#include "db/ConnectionRegistry.h"
#include "log/Categories.h"
#include "log/JsonLog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QTranslator>

namespace tw::app {

namespace {

void installTranslators(QApplication &app)
{
    auto *qtBase = new QTranslator(&app);
    if (qtBase->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtBase);
    auto *own = new QTranslator(&app);
    // English has a catalogue of its own for plural forms; it is also the
    // fallback for locales without a translation.
    if (own->load(QLocale(), QStringLiteral("tablewright"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral("tablewright_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

} // namespace

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    applyAppInfo();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/tablewright/icons/tablewright.svg")));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Administration for PostgreSQL and SQLite."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QApplication::translate("main", "Configuration file."),
                                          QStringLiteral("file"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Open the demo database (created if missing)."));
    const QCommandLineOption demoPathOption(QStringLiteral("demo-path"),
                                            QApplication::translate("main", "Where the demo database lives."),
                                            QStringLiteral("file"), defaultDemoPath());
    const QCommandLineOption logOption(QStringLiteral("log-json"),
                                       QApplication::translate("main", "Write JSON-lines logs to this file."),
                                       QStringLiteral("file"));
    parser.addOptions({configOption, demoOption, demoPathOption, logOption});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "SQLite files to open."), QStringLiteral("[files...]"));
    parser.process(app);

    if (parser.isSet(logOption)) {
        QString error;
        if (!log::installJsonLogHandler(parser.value(logOption), true, &error))
            qCWarning(lcApp) << "cannot write logs:" << error;
    }

    QList<config::ConnectionProfile> profiles;
    const auto loaded = config::loadConfig(QProcessEnvironment::systemEnvironment(), parser.value(configOption));
    if (loaded.ok()) {
        profiles = loaded.value().connections;
    } else {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Configuration error"),
                              loaded.error().message());
    }
    for (const QString &file : parser.positionalArguments()) {
        config::ConnectionProfile profile;
        profile.driver = config::Driver::Sqlite;
        profile.database = QFileInfo(file).absoluteFilePath();
        profile.name = QFileInfo(file).completeBaseName();
        profiles.append(profile);
    }

    config::KeychainSecretStore secrets;
    db::ConnectionRegistry registry(&secrets);
    // The API panel needs the api settings too; the files named on the
    // command line join the configured connections.
    config::AppConfig appConfig = loaded.ok() ? loaded.value() : config::AppConfig{};
    appConfig.connections = profiles;
    ui::MainWindow window(appConfig, &registry);
    window.show();

    if (parser.isSet(demoOption)) {
        const auto demoReady = ensureDemoDatabase(parser.value(demoPathOption));
        async::then(demoReady, &window, [&window](const Result<config::ConnectionProfile> &demo) {
            if (!demo.ok()) {
                QMessageBox::critical(&window, QApplication::translate("main", "Demo database"),
                                      demo.error().message());
                return;
            }
            window.addConnection(demo.value());
            window.openConnection(demo.value().name);
        });
    } else if (!parser.positionalArguments().isEmpty()) {
        window.openConnection(profiles.last().name);
    }
    return app.exec();
}

} // namespace tw::app

// What GuiLoader looks up in the module: the only symbol it exports.
extern "C" __attribute__((visibility("default"))) int tablewright_run_gui(int argc, char **argv)
{
    return tw::app::runGui(argc, argv);
}
