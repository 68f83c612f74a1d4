#include "SchemaCommand.h"

#include "CliOutput.h"
#include "async/Then.h"
#include "catalog/CatalogService.h"
#include "catalog/Ddl.h"
#include "catalog/SnapshotFilter.h"
#include "catalog/SnapshotJson.h"
#include "config/ConfigLoader.h"
#include "OnDemandSecretStore.h"
#include "db/ConnectionRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

namespace tw::app {

namespace {

enum class Format { Text, Json, Ddl };

struct Request
{
    QString connection;
    QString schema;
    QString object;
    Format format = Format::Text;
};

void printError(const Error &error)
{
    err() << "tablewright schema: " << error.message() << Qt::endl;
    if (!error.hint().isEmpty())
        err() << "  " << error.hint() << Qt::endl;
}

QString relationLine(const catalog::Relation &r)
{
    QString line = QStringLiteral("  %1 %2").arg(catalog::objectKindName(r.kind).leftJustified(18), r.name);
    QStringList facts;
    facts << QStringLiteral("%1 column(s)").arg(r.columns.size());
    if (!r.indexes.isEmpty())
        facts << QStringLiteral("%1 index(es)").arg(r.indexes.size());
    if (r.estimatedRows >= 0)
        facts << QStringLiteral("~%1 rows").arg(r.estimatedRows);
    if (r.isPartition())
        facts << QStringLiteral("partition of %1.%2").arg(r.parentSchema, r.parentTable);
    if (!r.readable)
        facts << QStringLiteral("not readable");
    return line + QStringLiteral("  (") + facts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

void printText(const catalog::Snapshot &s)
{
    out() << s.connection << " (" << config::driverName(s.driver) << ' ' << s.serverVersion << "): "
          << s.objectCount() << " objects, read in " << s.loadMs << " ms" << Qt::endl;
    for (const auto &schema : s.schemas) {
        out() << "schema " << schema.name << Qt::endl;
        for (const auto &r : s.relations)
            if (r.schema == schema.name) out() << relationLine(r) << Qt::endl;
        for (const auto &q : s.sequences)
            if (q.schema == schema.name) out() << "  sequence           " << q.name << Qt::endl;
        for (const auto &f : s.routines)
            if (f.schema == schema.name)
                out() << "  " << catalog::objectKindName(f.kind).leftJustified(18) << ' ' << f.signature() << Qt::endl;
        for (const auto &e : s.enums)
            if (e.schema == schema.name) out() << "  enum               " << e.name << Qt::endl;
        for (const auto &d : s.domains)
            if (d.schema == schema.name) out() << "  domain             " << d.name << Qt::endl;
        for (const auto &c : s.composites)
            if (c.schema == schema.name) out() << "  composite_type     " << c.name << Qt::endl;
    }
    for (const auto &e : s.extensions)
        out() << "extension " << e.name << ' ' << e.version << Qt::endl;
}

// Prints what was asked; the exit code.
int print(const catalog::Snapshot &loaded, const Request &request)
{
    catalog::Snapshot snapshot = loaded;
    for (const auto &problem : snapshot.problems)
        err() << "warning: could not read " << problem.part << ": " << problem.error.message() << Qt::endl;

    if (!request.schema.isEmpty()) {
        auto narrowed = catalog::restrictToSchema(snapshot, request.schema);
        if (!narrowed) {
            printError(narrowed.error());
            return 1;
        }
        snapshot = std::move(narrowed).value();
    }
    QList<catalog::ObjectRef> objects;
    if (!request.object.isEmpty()) {
        auto found = catalog::findObjects(snapshot, request.object);
        if (!found) {
            printError(found.error());
            return 1;
        }
        objects = found.value();
        snapshot = catalog::restrictToObjects(snapshot, objects);
    }

    switch (request.format) {
    case Format::Json:
        out() << QJsonDocument(catalog::snapshotToJson(snapshot)).toJson(QJsonDocument::Indented);
        return 0;
    case Format::Ddl:
        if (!objects.isEmpty()) {
            for (const auto &ref : objects) {
                auto ddl = catalog::objectDdl(loaded, ref);
                if (!ddl) {
                    printError(ddl.error());
                    return 1;
                }
                out() << ddl.value() << Qt::endl;
            }
        } else if (!request.schema.isEmpty()) {
            auto ddl = catalog::schemaDdl(loaded, request.schema);
            if (!ddl) {
                printError(ddl.error());
                return 1;
            }
            out() << ddl.value() << Qt::endl;
        } else {
            out() << catalog::databaseDdl(loaded) << Qt::endl;
        }
        return 0;
    case Format::Text:
        printText(snapshot);
        return 0;
    }
    return 0;
}

} // namespace

int runSchema(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the schema of a connection: every table, view, column, key, "
                                                    "index, constraint, trigger, sequence, routine and type."));
    parser.addHelpOption();
    const QCommandLineOption connectionOption(QStringLiteral("connection"), QStringLiteral("Connection name from the configuration."),
                                              QStringLiteral("name"));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file."), QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the snapshot as JSON."));
    const QCommandLineOption ddlOption(QStringLiteral("ddl"), QStringLiteral("Print DDL."));
    const QCommandLineOption schemaOption(QStringLiteral("schema"), QStringLiteral("Only this schema."), QStringLiteral("name"));
    const QCommandLineOption objectOption(QStringLiteral("object"),
                                          QStringLiteral("Only this object: name, schema.name, table.column, or function name."),
                                          QStringLiteral("name"));
    parser.addOptions({connectionOption, configOption, jsonOption, ddlOption, schemaOption, objectOption});
    QStringList args = app.arguments();
    args.removeAt(1); // the subcommand
    if (!parser.parse(args)) {
        err() << "tablewright schema: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's first line names the binary's path; say how to call the subcommand instead.
        QString help = parser.helpText();
        help = help.mid(help.indexOf(QLatin1Char('\n')) + 1);
        out() << "Usage: tablewright schema --connection NAME [--config FILE] [--json | --ddl] [--schema S] [--object NAME]\n"
              << help
              << "\nExit codes: 0 ok; 1 the connection failed, or the connection, schema or object does not exist;\n"
                 "2 bad arguments or configuration.\n";
        return 0;
    }
    Request request;
    request.connection = parser.value(connectionOption);
    request.schema = parser.value(schemaOption);
    request.object = parser.value(objectOption);
    if (request.connection.isEmpty()) {
        err() << "tablewright schema: --connection NAME is required" << Qt::endl;
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "tablewright schema: unexpected argument '" << parser.positionalArguments().first() << "'" << Qt::endl;
        return 2;
    }
    if ((parser.isSet(schemaOption) && request.schema.trimmed().isEmpty())
        || (parser.isSet(objectOption) && request.object.trimmed().isEmpty())) {
        err() << "tablewright schema: --schema and --object need a name" << Qt::endl;
        return 2;
    }
    if (parser.isSet(jsonOption) && parser.isSet(ddlOption)) {
        err() << "tablewright schema: --json and --ddl exclude each other" << Qt::endl;
        return 2;
    }
    request.format = parser.isSet(jsonOption) ? Format::Json : parser.isSet(ddlOption) ? Format::Ddl : Format::Text;

    const auto loaded = config::loadConfig(QProcessEnvironment::systemEnvironment(), parser.value(configOption));
    if (!loaded.ok()) {
        err() << loaded.error().message() << Qt::endl;
        return 2;
    }
    const config::ConnectionProfile *profile = loaded.value().find(request.connection);
    if (!profile) {
        QStringList known;
        for (const auto &c : loaded.value().connections)
            known << c.name;
        printError(catalog::notFoundError(
            QStringLiteral("no connection named '%1' in the configuration").arg(request.connection),
            {{QStringLiteral("connection"), request.connection}}, request.connection, known,
            known.isEmpty() ? QStringLiteral("no connections configured (see --config, TABLEWRIGHT_CONFIG, DATABASE_URL)")
                            : QStringLiteral("connections: %1").arg(known.join(QStringLiteral(", ")))));
        return 1;
    }

    OnDemandSecretStore secrets;
    db::ConnectionRegistry registry(&secrets);
    const QString name = request.connection;
    const auto done = [&app, request](const Result<catalog::Snapshot> &snapshot) {
        if (!snapshot) {
            printError(snapshot.error());
            app.exit(1);
            return;
        }
        app.exit(print(snapshot.value(), request));
    };
    async::then(registry.open(*profile), &app, [&app, &registry, name, done](const Status &opened) {
        if (!opened.ok()) {
            done(opened.error());
            return;
        }
        async::then(catalog::loadSnapshot(registry, name), &app, done);
    });
    return app.exec();
}

} // namespace tw::app
