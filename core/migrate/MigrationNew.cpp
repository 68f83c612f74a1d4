#include "MigrationNew.h"

#include "MigrationFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <optional>

namespace tw::migrate {

namespace {

// The naming a directory already follows; a new file keeps to it so the
// tool the team used before still reads the folder.
enum class Convention { Tablewright, Dbmate, GolangMigrate };

Convention conventionOf(const QStringList &files)
{
    int flyway = 0, dbmate = 0, golang = 0;
    for (const QString &name : files) {
        if (!parseMigrationFileName(name))
            continue;
        if (name.startsWith(u'V') || name.startsWith(u'U') || name.startsWith(u'R'))
            ++flyway;
        else if (name.endsWith(QLatin1String(".up.sql")) || name.endsWith(QLatin1String(".down.sql")))
            ++golang;
        else
            ++dbmate;
    }
    if (flyway >= dbmate && flyway >= golang)
        return Convention::Tablewright;
    return golang > dbmate ? Convention::GolangMigrate : Convention::Dbmate;
}

// The text of the highest version's first part ("010" of V010.2), keeping
// its digits so zero padding survives.
std::optional<QString> highestFirstPart(const MigrationDirectory &dir)
{
    std::optional<MigrationVersion> highest;
    for (const auto *list : {&dir.versioned, &dir.undo}) {
        for (const MigrationScript &script : *list) {
            if (script.version && (!highest || *highest < *script.version))
                highest = script.version;
        }
    }
    if (!highest)
        return std::nullopt;
    static const QRegularExpression separator(QStringLiteral("[._]"));
    return highest->text().split(separator).first();
}

QString increment(const QString &digits)
{
    const qulonglong next = digits.toULongLong() + 1;
    return QStringLiteral("%1").arg(next, int(digits.size()), 10, QLatin1Char('0'));
}

// dbmate (and golang-migrate's -format) use UTC timestamps; a directory
// whose highest version is already later (clock skew, a hand-made name)
// gets that version + 1 so the order stays right.
QString timestampAfter(const std::optional<QString> &highest)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    if (highest && (highest->size() > now.size() || (highest->size() == now.size() && *highest >= now)))
        return increment(*highest);
    return now;
}

Error invalid(const QString &message)
{
    return Error(ErrorCode::ValidationFailed, message);
}

Status writeNew(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error(ErrorCode::Conflict, QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size()) {
        file.remove();
        return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

QString withNewline(const QString &sql)
{
    return sql.endsWith(u'\n') ? sql : sql + u'\n';
}

} // namespace

Result<NewMigrationFiles> createMigrationFiles(const QString &directory, const QString &name, const QString &upSql,
                                               const QString &downSql)
{
    static const QRegularExpression allowed(QStringLiteral(R"(^[A-Za-z0-9_ -]+$)"));
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return invalid(QStringLiteral("the migration needs a name, e.g. \"add orders index\""));
    if (!allowed.match(trimmed).hasMatch())
        return invalid(QStringLiteral("the migration name '%1' may hold only letters, digits, spaces, _ and -")
                           .arg(trimmed.left(80)));
    QString description = trimmed;
    description.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral("_"));

    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
        return invalid(QStringLiteral("cannot create the migrations directory %1").arg(directory));
    if (!QFileInfo(dir.absolutePath()).isReadable() || !QFileInfo(dir.absolutePath()).isWritable())
        return invalid(QStringLiteral("the migrations directory %1 cannot be read or written").arg(directory));

    auto read = readMigrationDirectory(dir.absolutePath());
    if (!read)
        return read.error();
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    const Convention convention = conventionOf(files);
    const std::optional<QString> highest = highestFirstPart(read.value());

    NewMigrationFiles out;
    QString upText = upSql.trimmed().isEmpty() ? QStringLiteral("-- Write the migration here.\n") : withNewline(upSql);
    QString downText;
    switch (convention) {
    case Convention::Tablewright:
        out.version = highest ? increment(*highest) : QStringLiteral("1");
        out.upPath = dir.absoluteFilePath(QStringLiteral("V%1__%2.sql").arg(out.version, description));
        out.undoPath = dir.absoluteFilePath(QStringLiteral("U%1__%2.sql").arg(out.version, description));
        break;
    case Convention::GolangMigrate:
        // Sequential (000001_x) unless the folder already uses timestamps.
        out.version = highest && highest->size() < 14 ? increment(*highest) : timestampAfter(highest);
        out.upPath = dir.absoluteFilePath(QStringLiteral("%1_%2.up.sql").arg(out.version, description));
        out.undoPath = dir.absoluteFilePath(QStringLiteral("%1_%2.down.sql").arg(out.version, description));
        break;
    case Convention::Dbmate:
        out.version = timestampAfter(highest);
        out.upPath = dir.absoluteFilePath(QStringLiteral("%1_%2.sql").arg(out.version, description));
        out.undoPath = out.upPath; // one file, both sections
        break;
    }
    downText = downSql.trimmed().isEmpty()
                   ? QStringLiteral("-- Write the undo of version %1 here.\n").arg(out.version)
                   : withNewline(downSql);

    for (const QString &path : {out.upPath, out.undoPath}) {
        if (QFileInfo::exists(path))
            return Error(ErrorCode::Conflict, QStringLiteral("%1 already exists").arg(QFileInfo(path).fileName()),
                         {{QStringLiteral("file"), path}});
    }
    if (convention == Convention::Dbmate) {
        if (Status ok = writeNew(out.upPath, QStringLiteral("-- migrate:up\n") + upText + QStringLiteral("\n-- migrate:down\n")
                                                 + downText);
            !ok.ok())
            return ok.error();
        return out;
    }
    if (Status ok = writeNew(out.upPath, upText); !ok.ok())
        return ok.error();
    if (Status ok = writeNew(out.undoPath, downText); !ok.ok()) {
        QFile::remove(out.upPath); // never half a pair
        return ok.error();
    }
    return out;
}

} // namespace tw::migrate
