#include "MigrateCommand.h"

#include "CliOutput.h"
#include "MigrateOutput.h"
#include "async/Then.h"
#include "catalog/CatalogService.h"
#include "config/ConfigLoader.h"
#include "OnDemandSecretStore.h"
#include "db/ConnectionRegistry.h"
#include "db/LibpqOnDemand.h"
#include "db/SqliteFile.h"
#include "migrate/MigrationJson.h"
#include "migrate/MigrationService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <cmath>
#include <csignal>

namespace tw::app {

namespace {

enum Exit { Ok = 0, Failed = 1, BadArguments = 2, Pending = 3, Locked = 4, Invalid = 5 };

const QStringList kCommands{QStringLiteral("status"), QStringLiteral("up"),    QStringLiteral("down"),
                            QStringLiteral("validate"), QStringLiteral("baseline"), QStringLiteral("repair"),
                            QStringLiteral("new"),    QStringLiteral("dry-run"), QStringLiteral("ensure"),
                            QStringLiteral("generate")};

int exitFor(const Error &error)
{
    switch (error.code()) {
    case ErrorCode::MigrationLocked: return Locked;
    case ErrorCode::ValidationFailed:
    case ErrorCode::MigrationChecksumMismatch: return Invalid;
    default: return Failed;
    }
}

void printJson(const QJsonObject &object)
{
    out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    out().flush();
}

QJsonObject errorJson(const Error &error)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), error.codeName()},
                         {QStringLiteral("message"), error.message()},
                         {QStringLiteral("details"), QJsonObject::fromVariantMap(error.details())},
                         {QStringLiteral("hint"), error.hint().isEmpty() ? QJsonValue() : QJsonValue(error.hint())}}}};
}

struct Options
{
    QString command;
    QString connection;
    QString directory;
    QString name;               // new, generate
    bool json = false;
    migrate::MigrationRequest request;
};

int reportError(const Options &options, const Error &error)
{
    if (options.json)
        printJson(errorJson(error));
    else
        printMigrationError(error);
    return exitFor(error);
}

int finishReport(const Options &options, const migrate::MigrationReport &report)
{
    if (options.json)
        printJson(migrate::reportToJson(report));
    else
        printMigrationReport(report);
    if (report.failure)
        return Failed;
    if (report.command == migrate::MigrationCommand::Validate && !report.problems.isEmpty())
        return Invalid;
    if (report.command == migrate::MigrationCommand::Status && report.pendingCount() > 0)
        return Pending;
    return Ok;
}

// SIGINT / SIGTERM during a run: stop between statements (and cancel the
// running one), roll back, record, release the lock — then exit.
void cancelOnSignal(QCoreApplication &app, const std::shared_ptr<migrate::MigrationControl> &control)
{
    static int fds[2] = {-1, -1};
    if (::pipe(fds) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = [](int) {
        const char byte = 1;
        [[maybe_unused]] auto written = ::write(fds[1], &byte, 1);
    };
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    auto *notifier = new QSocketNotifier(fds[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [control] {
        char byte;
        [[maybe_unused]] auto read = ::read(fds[0], &byte, 1);
        err() << "tablewright migrate: cancelling…" << Qt::endl;
        control->cancel();
    });
}

} // namespace

int runMigrate(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Versioned SQL migrations with checksums, a lock, dry-run and undo."));
    parser.addHelpOption();
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QStringLiteral("Connection name from the configuration."),
                                              QStringLiteral("name"));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file."), QStringLiteral("file"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Migrations directory (default: the connection's)."),
                                       QStringLiteral("dir"));
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          QStringLiteral("up: stop at this version; down: undo down to it; baseline: the version."),
                                          QStringLiteral("version"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    const QCommandLineOption outOfOrderOption(QStringLiteral("out-of-order"),
                                              QStringLiteral("up: also apply pending versions older than the newest applied."));
    const QCommandLineOption singleOption(QStringLiteral("single-transaction"),
                                          QStringLiteral("up/down: run every migration in one transaction."));
    const QCommandLineOption downOption(QStringLiteral("down"), QStringLiteral("dry-run: plan `down` instead of `up`."));
    const QCommandLineOption lockOption(QStringLiteral("lock-timeout"),
                                        QStringLiteral("Seconds to wait for another runner's lock (default 30)."),
                                        QStringLiteral("seconds"), QStringLiteral("30"));
    parser.addOptions({connectionOption, configOption, dirOption, targetOption, jsonOption, outOfOrderOption, singleOption,
                       downOption, lockOption});
    QStringList args = app.arguments();
    args.removeAt(1); // "migrate"
    // Scripts that asked for --json get JSON on stdout for every refusal, bad arguments included.
    const bool wantsJson = args.contains(QStringLiteral("--json"));
    const auto bad = [wantsJson](const QString &message) {
        err() << "tablewright migrate: " << message << Qt::endl;
        if (wantsJson)
            printJson(errorJson(Error(ErrorCode::ValidationFailed, message, {{QStringLiteral("exitCode"), int(BadArguments)}})));
        return int(BadArguments);
    };
    const auto usage = [] {
        return QStringLiteral("usage: tablewright migrate status|up|down|validate|baseline|repair|new|dry-run|ensure|generate "
                              "--connection NAME [--config FILE] [--dir DIR] [--target V] [--json]");
    };
    if (!parser.parse(args)) {
        return bad(parser.errorText() + u'\n' + usage());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help = help.mid(help.indexOf(QLatin1Char('\n')) + 1);
        out() << usage() << "\n       tablewright migrate new NAME --dir DIR | --connection NAME\n"
              << "       tablewright migrate baseline V --connection NAME\n"
              << "       tablewright migrate generate NAME --connection NAME\n"
              << help
              << "\nExit codes: 0 ok; 1 failed; 2 bad arguments; 3 pending migrations (status); 4 locked by another "
                 "runner; 5 validation failed.\n";
        return Ok;
    }
    Options options;
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return bad(QStringLiteral("which command?\n") + usage());
    }
    options.command = positional.takeFirst();
    if (!kCommands.contains(options.command)) {
        return bad(QStringLiteral("unknown command '%1'\n").arg(options.command) + usage());
    }
    const bool takesName = options.command == u"new" || options.command == u"generate";
    const bool takesVersion = options.command == u"baseline";
    if ((takesName || takesVersion) && !positional.isEmpty())
        options.name = positional.first();
    if (positional.size() > ((takesName || takesVersion) ? 1 : 0)) {
        return bad(QStringLiteral("unexpected argument '%1'").arg(positional.last()));
    }
    if (takesName && options.name.trimmed().isEmpty()) {
        return bad(QStringLiteral("%1 needs a NAME for the migration").arg(options.command));
    }
    options.json = parser.isSet(jsonOption);
    options.connection = parser.value(connectionOption);
    options.directory = parser.value(dirOption);
    QString target = takesVersion && !options.name.isEmpty() ? options.name : parser.value(targetOption);
    options.request.plan.target.reset();
    if (!target.isEmpty()) {
        options.request.plan.target = migrate::MigrationVersion::parse(target);
        if (!options.request.plan.target) {
            return bad(QStringLiteral("'%1' is not a version (numbers separated by dots: 3, 1.2, 20240101)").arg(target));
        }
    }
    if (takesVersion && !options.request.plan.target) {
        return bad(QStringLiteral("baseline needs a version (tablewright migrate baseline 5 --connection NAME)"));
    }
    bool secondsOk = false;
    const double seconds = parser.value(lockOption).toDouble(&secondsOk);
    if (!secondsOk || !std::isfinite(seconds) || seconds < 0 || seconds > 86400) {
        return bad(QStringLiteral("--lock-timeout takes seconds between 0 and 86400"));
    }
    options.request.lockTimeoutMs = int(seconds * 1000);
    options.request.plan.outOfOrder = parser.isSet(outOfOrderOption);
    options.request.plan.singleTransaction = parser.isSet(singleOption);
    options.request.plan.down = parser.isSet(downOption);
    options.request.directory = options.directory;
    if (options.request.plan.down && options.command != u"dry-run") {
        return bad(QStringLiteral("--down belongs to dry-run (use `migrate down` to undo)"));
    }

    // `new` needs no database: --dir, else the connection's folder from the config.
    const auto createFiles = [&options](const QString &dir) {
        auto files = migrate::createMigrationFiles(dir, options.name);
        if (!files)
            return reportError(options, files.error());
        if (options.json)
            printJson({{QStringLiteral("ok"), true}, {QStringLiteral("version"), files.value().version},
                       {QStringLiteral("up"), files.value().upPath}, {QStringLiteral("undo"), files.value().undoPath}});
        else
            out() << "created " << files.value().upPath << "\ncreated " << files.value().undoPath << Qt::endl;
        return int(Ok);
    };
    if (options.command == u"new" && !options.directory.isEmpty())
        return createFiles(options.directory);
    if (options.connection.isEmpty()) {
        return bad(QStringLiteral("--connection NAME is required\n") + usage());
    }
    const auto loaded = config::loadConfig(QProcessEnvironment::systemEnvironment(), parser.value(configOption));
    if (!loaded.ok()) {
        return bad(loaded.error().message());
    }
    const config::ConnectionProfile *profile = loaded.value().find(options.connection);
    if (!profile) {
        QStringList known;
        for (const auto &c : loaded.value().connections)
            known << c.name;
        reportError(options, catalog::notFoundError(
                                        QStringLiteral("no connection named '%1' in the configuration").arg(options.connection),
                                        {{QStringLiteral("connection"), options.connection}}, options.connection, known,
                                        known.isEmpty() ? QStringLiteral("no connections configured (see --config, TABLEWRIGHT_CONFIG, DATABASE_URL)")
                                                        : QStringLiteral("connections: %1").arg(known.join(QStringLiteral(", ")))));
        return BadArguments;
    }
    if (options.command == u"new") {
        if (profile->migrationsDir.isEmpty())
            return reportError(options, Error(ErrorCode::ValidationFailed,
                                              QStringLiteral("connection '%1' has no migrations directory").arg(profile->name),
                                              {}, QStringLiteral("set `migrations:` in the config file, or pass --dir")));
        return createFiles(profile->migrationsDir);
    }

    // dbmate's habit, kept: `up` (and ensure, baseline) on a SQLite file that does not exist yet creates it;
    // the read-only commands never do.
    const bool creates = options.command == u"up" || options.command == u"ensure" || options.command == u"baseline";
    if (profile->driver == config::Driver::Sqlite && creates && profile->database != u":memory:"
        && !QFileInfo::exists(profile->database) && QFileInfo(profile->database).absoluteDir().exists()) {
        if (Status created = db::createEmptySqliteDatabase(profile->database); !created.ok())
            return reportError(options, created.error());
        err() << "created the SQLite database " << profile->database << Qt::endl;
    }

    // libpq before the files' thread starts: loaded while it ran, a status
    // of a thousand migrations took 2.5–3.4 ms longer (LibpqOnDemand.h).
    if (profile->driver == config::Driver::Postgres)
        db::loadLibpq();

    // The files are read while the connection opens (a status of a thousand
    // migrations spends about as long on each). Only for the commands that
    // read: one that writes reads them itself, as close to its lock as it can.
    const QString directory = options.directory.isEmpty() ? profile->migrationsDir : options.directory;
    const bool readsOnly = options.command == u"status" || options.command == u"validate" || options.command == u"dry-run";
    if (!directory.isEmpty() && readsOnly && QFileInfo(directory).isDir()) {
        options.request.prefetchedDirectory = directory;
        options.request.prefetched = migrate::prefetchMigrationFiles(directory, *migrate::commandFromName(options.command));
    }

    // A read on PostgreSQL whose password is at hand runs on a connection of
    // its own, on this thread; one whose password is in the keychain goes
    // through the registry, which reads it (asynchronously) before opening.
    if (readsOnly && profile->driver == config::Driver::Postgres && !profile->password.isEmpty()) {
        options.request.command = *migrate::commandFromName(options.command);
        options.request.appliedText = false; // nothing the command line prints needs it
        const auto report = migrate::runReadOnlyMigrationCommand(*profile, options.request);
        const int code = report ? finishReport(options, report.value()) : reportError(options, report.error());
        // Done once the files' thread is (it may still be writing the
        // checksum cache after a refused login); a thousand entries' worth
        // of destructors would only free memory.
        if (options.request.prefetched.valid())
            options.request.prefetched.wait();
        leaveNow(code);
    }
    OnDemandSecretStore secrets;
    db::ConnectionRegistry registry(&secrets);
    const QString name = options.connection;
    int code = Failed;
    async::then(registry.open(*profile), &app, [&](const Status &opened) {
        if (!opened.ok()) {
            code = reportError(options, opened.error());
            app.exit(code);
            return;
        }
        if (options.command == u"ensure") {
            async::then(migrate::ensureTables(registry, name), &app, [&](const Result<QList<migrate::EnsureOutcome>> &done) {
                if (!done) {
                    code = reportError(options, done.error());
                } else {
                    bool anyFailed = false;
                    QJsonArray tables;
                    for (const auto &o : done.value()) {
                        anyFailed |= o.action == migrate::EnsureOutcome::Action::Failed;
                        tables.append(QJsonObject{
                            {QStringLiteral("table"), o.table},
                            {QStringLiteral("action"), o.action == migrate::EnsureOutcome::Action::Created ? QStringLiteral("created")
                                                       : o.action == migrate::EnsureOutcome::Action::Skipped ? QStringLiteral("skipped")
                                                                                                             : QStringLiteral("failed")},
                            {QStringLiteral("statements"), QJsonArray::fromStringList(o.statements)},
                            {QStringLiteral("error"), o.error.isEmpty() ? QJsonValue() : QJsonValue(o.error)}});
                    }
                    if (options.json)
                        printJson({{QStringLiteral("ok"), !anyFailed}, {QStringLiteral("tables"), tables}});
                    else
                        printEnsureOutcomes(done.value());
                    code = anyFailed ? Failed : Ok;
                }
                app.exit(code);
            });
            return;
        }
        if (options.command == u"generate") {
            const auto generated = migrate::generateMigration(registry, name, options.name, options.directory);
            async::then(generated, &app, [&](const Result<migrate::GeneratedMigration> &done) {
                if (!done) {
                    code = reportError(options, done.error());
                } else {
                    const auto &g = done.value();
                    if (options.json) {
                        printJson({{QStringLiteral("ok"), true},
                                   {QStringLiteral("up"), QJsonArray::fromStringList(g.diff.up)},
                                   {QStringLiteral("down"), QJsonArray::fromStringList(g.diff.down)},
                                   {QStringLiteral("needsHandWritten"), QJsonArray::fromStringList(g.diff.needsHandWritten)},
                                   {QStringLiteral("file"), g.files ? QJsonValue(g.files->upPath) : QJsonValue()},
                                   {QStringLiteral("undoFile"), g.files ? QJsonValue(g.files->undoPath) : QJsonValue()}});
                    } else {
                        if (g.files)
                            out() << "created " << g.files->upPath << "\ncreated " << g.files->undoPath << Qt::endl;
                        else
                            out() << "nothing to generate: the declared tables are all there" << Qt::endl;
                        for (const QString &line : g.diff.needsHandWritten)
                            out() << "needs a hand-written migration: " << line << Qt::endl;
                    }
                    code = Ok;
                }
                app.exit(code);
            });
            return;
        }
        options.request.command = *migrate::commandFromName(options.command);
        options.request.appliedText = false; // nothing the command line prints needs it
        migrate::MigrationEvents events;
        if (!options.json)
            events = [](const migrate::MigrationEvent &event) { printMigrationEvent(event); };
        migrate::MigrationRun run = migrate::startMigration(registry, name, options.request, events);
        cancelOnSignal(app, run.control);
        async::then(run.job.future, &app, [&](const Result<migrate::MigrationReport> &report) {
            code = report ? finishReport(options, report.value()) : reportError(options, report.error());
            app.exit(code);
        });
    });
    app.exec();
    registry.closeAll();
    return code;
}

} // namespace tw::app
