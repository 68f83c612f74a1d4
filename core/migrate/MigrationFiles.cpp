#include "MigrationFiles.h"

#include "SqlFileReader.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <limits>

namespace tw::migrate {

namespace {

const QString kNoTransactionMarker = QStringLiteral("-- tablewright:no-transaction");

QString describe(QString words)
{
    return words.replace(u'_', u' ').trimmed();
}

// dbmate keeps both directions in one file: the text after "-- migrate:up"
// (until "-- migrate:down") and after "-- migrate:down".
struct DbmateSections
{
    QString up;
    int upLine = 1;
    bool upNoTransaction = false;
    std::optional<QString> down;
    int downLine = 1;
    bool downNoTransaction = false;
};

std::optional<DbmateSections> dbmateSections(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral(R"(^--\s*migrate:(up|down)\b(.*)$)"),
                                           QRegularExpression::MultilineOption);
    DbmateSections out;
    bool sawUp = false;
    auto it = marker.globalMatch(text);
    QList<QRegularExpressionMatch> marks;
    while (it.hasNext())
        marks << it.next();
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const auto &m = marks.at(i);
        const qsizetype begin = m.capturedEnd(0);
        const qsizetype end = i + 1 < marks.size() ? marks.at(i + 1).capturedStart(0) : text.size();
        const QString body = text.mid(begin, end - begin);
        const int line = int(text.left(begin).count(u'\n')) + 1;
        const bool noTransaction = m.captured(2).contains(QLatin1String("transaction:false"));
        if (m.captured(1) == u"up") {
            out.up = body;
            out.upLine = line;
            out.upNoTransaction = noTransaction;
            sawUp = true;
        } else {
            out.down = body;
            out.downLine = line;
            out.downNoTransaction = noTransaction;
        }
    }
    if (!sawUp)
        return std::nullopt;
    return out;
}

} // namespace

std::optional<MigrationVersion> MigrationVersion::parse(const QString &text)
{
    // Digits separated by single dots or underscores (what ^\d+([._]\d+)*$
    // says), read by hand: `status` parses every file name and history row,
    // and a regular expression match cost more than the rest of the parse.
    MigrationVersion version;
    qint64 part = 0;
    bool inDigits = false;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            const int digit = c.unicode() - u'0';
            if (part > (std::numeric_limits<qint64>::max() - digit) / 10)
                return std::nullopt; // more digits than 64 bits hold
            part = part * 10 + digit;
            inDigits = true;
        } else if ((c == u'.' || c == u'_') && inDigits) {
            version.m_parts << part;
            part = 0;
            inDigits = false;
        } else {
            return std::nullopt;
        }
    }
    if (!inDigits)
        return std::nullopt; // empty, or ends with a separator
    version.m_parts << part;
    version.m_text = text;
    while (version.m_parts.size() > 1 && version.m_parts.last() == 0)
        version.m_parts.removeLast();
    for (qsizetype i = 0; i < version.m_parts.size(); ++i) {
        if (i > 0)
            version.m_normalized += u'.';
        version.m_normalized += QString::number(version.m_parts.at(i));
    }
    return version;
}

std::strong_ordering MigrationVersion::operator<=>(const MigrationVersion &other) const
{
    const qsizetype n = std::max(m_parts.size(), other.m_parts.size());
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 a = m_parts.value(i, 0);
        const qint64 b = other.m_parts.value(i, 0);
        if (a != b)
            return a <=> b;
    }
    return std::strong_ordering::equal;
}

std::optional<MigrationScript> parseMigrationFileName(const QString &fileName)
{
    static const QRegularExpression flyway(QStringLiteral(R"(^([VU])([0-9]+(?:[._][0-9]+)*)__(.+)\.sql$)"));
    static const QRegularExpression repeatable(QStringLiteral(R"(^R__(.+)\.sql$)"));
    static const QRegularExpression golang(QStringLiteral(R"(^([0-9]+)_(.+)\.(up|down)\.sql$)"));
    static const QRegularExpression dbmate(QStringLiteral(R"(^([0-9]+)_(.+)\.sql$)"));
    MigrationScript script;
    script.fileName = fileName;
    if (const auto m = flyway.match(fileName); m.hasMatch()) {
        script.kind = m.captured(1) == u"V" ? MigrationKind::Versioned : MigrationKind::Undo;
        script.version = MigrationVersion::parse(m.captured(2));
        script.description = describe(m.captured(3));
        return script.version ? std::optional(script) : std::nullopt;
    }
    if (const auto m = repeatable.match(fileName); m.hasMatch()) {
        script.kind = MigrationKind::Repeatable;
        script.description = describe(m.captured(1));
        return script;
    }
    if (const auto m = golang.match(fileName); m.hasMatch()) {
        script.kind = m.captured(3) == u"up" ? MigrationKind::Versioned : MigrationKind::Undo;
        script.version = MigrationVersion::parse(m.captured(1));
        script.description = describe(m.captured(2));
        return script.version ? std::optional(script) : std::nullopt;
    }
    if (const auto m = dbmate.match(fileName); m.hasMatch()) {
        // Both directions in one file: the caller splits it (readMigrationDirectory).
        script.kind = MigrationKind::Versioned;
        script.version = MigrationVersion::parse(m.captured(1));
        script.description = describe(m.captured(2));
        return script.version ? std::optional(script) : std::nullopt;
    }
    return std::nullopt;
}

QString migrationChecksum(const QString &sql)
{
    // On the UTF-8 bytes, which is what the text was read from: no copy of
    // the text, and crypto::sha256 (OpenSSL's) rather than Qt's portable
    // one. The digest is the same as before.
    QByteArray bytes = sql.toUtf8();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.contains('\r')) {
        bytes.replace("\r\n", "\n");
        bytes.replace('\r', '\n');
    }
    return QStringLiteral("sha256:") + QString::fromLatin1(crypto::sha256(bytes).toHex());
}

namespace {

// One file, read and checked on its own: the costly part of reading a
// directory, so files are loaded in parallel and put together in order.
struct LoadedFile
{
    std::optional<Error> error;
    bool ignored = false;
    QList<MigrationScript> scripts;   // one, or two for a dbmate file with a down section
};

LoadedFile loadFile(const QString &directory, const QString &name)
{
    static const QRegularExpression versionShaped(QStringLiteral(R"(^(?:[VU][0-9][0-9._]*__.+|[0-9]+_.+)\.sql$)"));
    LoadedFile out;
    auto parsed = parseMigrationFileName(name);
    if (!parsed && versionShaped.match(name).hasMatch()) {
        out.error = Error(ErrorCode::ValidationFailed,
                          QStringLiteral("%1: its version is not one Tablewright can compare (numbers of at most 18 digits, "
                                         "separated by dots)").arg(name));
        return out;
    }
    if (!parsed) {
        out.ignored = true;
        return out;
    }
    const auto bytes = readWholeFile(directory + u'/' + name);
    if (!bytes) {
        out.error = bytes.error();
        return out;
    }
    auto decoder = QStringDecoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes.value());
    if (decoder.hasError()) {
        out.error = Error(ErrorCode::ValidationFailed, QStringLiteral("%1 is not UTF-8 text").arg(name));
        return out;
    }
    // A NUL ends the statement text at the C API: what ran would not be what the file says.
    if (text.contains(QChar(0))) {
        out.error = Error(ErrorCode::ValidationFailed, QStringLiteral("%1 holds a NUL character (line %2)")
                                                           .arg(name)
                                                           .arg(text.left(text.indexOf(QChar(0))).count(u'\n') + 1));
        return out;
    }
    const auto finish = [&out](MigrationScript script) {
        if (script.sql.contains(kNoTransactionMarker))
            script.noTransaction = true;
        script.checksum = migrationChecksum(script.sql);
        out.scripts << std::move(script);
    };
    const bool dbmateFile = !name.startsWith(u'V') && !name.startsWith(u'U') && !name.startsWith(u'R')
                            && !name.endsWith(QLatin1String(".up.sql")) && !name.endsWith(QLatin1String(".down.sql"));
    if (!dbmateFile) {
        parsed->sql = text;
        finish(*parsed);
        return out;
    }
    const auto sections = dbmateSections(text);
    if (!sections) {
        out.error = Error(ErrorCode::ValidationFailed,
                          QStringLiteral("%1 looks like a dbmate migration but has no \"-- migrate:up\" line").arg(name));
        return out;
    }
    MigrationScript up = *parsed;
    up.sql = sections->up;
    up.firstLine = sections->upLine;
    up.noTransaction = sections->upNoTransaction;
    finish(up);
    if (sections->down && !sections->down->trimmed().isEmpty()) {
        MigrationScript down = *parsed;
        down.kind = MigrationKind::Undo;
        down.sql = *sections->down;
        down.firstLine = sections->downLine;
        down.noTransaction = sections->downNoTransaction;
        finish(down);
    }
    return out;
}

} // namespace

Result<MigrationDirectory> readMigrationDirectory(const QString &path)
{
    const QDir dir(path);
    if (!dir.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("the migrations directory %1 does not exist").arg(path));
    // An unreadable folder must not list as empty: every applied migration
    // would look like a missing file and `status` would say "up to date".
    if (const QFileInfo info(path); !info.isReadable() || !info.isExecutable())
        return Error(ErrorCode::ValidationFailed, QStringLiteral("the migrations directory %1 cannot be read").arg(path));
    // Unreadable files are listed too: opening them fails loudly below.
    const auto names = listSqlFiles(path);
    if (!names)
        return names.error();
    // Reading, decoding and hashing a thousand files is most of a `status`:
    // spread over the cores when there are enough files to pay for it. On a
    // pool of its own: Qt 6.4's blockingMapped only waits (the caller does
    // none of the work), so on the global pool a caller that is itself a
    // global-pool task (the GUI's file details, a pool being closed) could
    // wait for work queued behind it. These tasks never block.
    static QThreadPool filePool;
    const auto load = [path](const QString &name) { return loadFile(path, name); };
    const QList<LoadedFile> loaded = names.value().size() >= 64
                                         ? QtConcurrent::blockingMapped<QList<LoadedFile>>(&filePool, names.value(), load)
                                         : [&] {
                                               QList<LoadedFile> one;
                                               for (const QString &name : names.value())
                                                   one << load(name);
                                               return one;
                                           }();
    // Put together in name order: the first problem by name is the one reported.
    MigrationDirectory out;
    QHash<QString, QString> claimed; // "V1.2" / "U1.2" / "Rname" → file
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const LoadedFile &file = loaded.at(i);
        if (file.error)
            return *file.error;
        if (file.ignored) {
            out.ignored << names.value().at(i);
            continue;
        }
        for (const MigrationScript &script : file.scripts) {
            const QString key = script.kind == MigrationKind::Repeatable
                                    ? QStringLiteral("R") + script.description.toLower()
                                    : (script.kind == MigrationKind::Versioned ? QStringLiteral("V") : QStringLiteral("U"))
                                          + script.version->normalized();
            if (const auto it = claimed.constFind(key); it != claimed.cend())
                return Error(ErrorCode::ValidationFailed,
                             QStringLiteral("%1 and %2 are the same migration (%3)")
                                 .arg(it.value(), script.fileName,
                                      script.version ? QStringLiteral("version ") + script.version->normalized()
                                                     : script.description),
                             {{QStringLiteral("files"), QStringList{it.value(), script.fileName}}});
            claimed.insert(key, script.fileName);
            (script.kind == MigrationKind::Versioned ? out.versioned
             : script.kind == MigrationKind::Undo    ? out.undo
                                                     : out.repeatable) << script;
        }
    }
    const auto byVersion = [](const MigrationScript &a, const MigrationScript &b) { return *a.version < *b.version; };
    std::sort(out.versioned.begin(), out.versioned.end(), byVersion);
    std::sort(out.undo.begin(), out.undo.end(), byVersion);
    std::sort(out.repeatable.begin(), out.repeatable.end(),
              [](const MigrationScript &a, const MigrationScript &b) { return a.description < b.description; });
    return out;
}

} // namespace tw::migrate
