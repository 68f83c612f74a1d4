#include "DatabaseUrl.h"

#include "ConfigSchema.h"

#include <QRegularExpression>

namespace tw::config {

namespace {

// The URL is never parsed with QUrl: QUrl's error strings quote the whole
// input, password included.

Error urlError(const QString &field, const QString &message)
{
    return Error(ErrorCode::ConfigInvalid,
                 QStringLiteral("database URL %1: %2").arg(field, message),
                 {{QStringLiteral("field"), field}});
}

QString decode(const QString &part)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part.toUtf8()));
}

// Applies one query parameter; returns an error text or an empty string.
QString applyParam(ConnectionProfile &p, const QString &key, const QString &value)
{
    if (key == QLatin1String("sslmode")) {
        if (p.driver != Driver::Postgres)
            return QStringLiteral("only valid for postgres");
        if (!schema::isValidSslMode(value))
            return QStringLiteral("must be one of ") + schema::sslModes().join(QStringLiteral(", "));
        p.sslmode = value;
        return {};
    }
    // libpq accepts credentials as parameters too (postgres://host/db?user=u&password=p).
    if (key == QLatin1String("user") || key == QLatin1String("password")) {
        if (p.driver != Driver::Postgres)
            return QStringLiteral("only valid for postgres");
        (key == QLatin1String("user") ? p.user : p.password) = value;
        return {};
    }
    if (key == QLatin1String("readonly")) {
        if (!schema::parseBool(value, &p.readonly))
            return QStringLiteral("must be true or false");
        return {};
    }
    if (key == QLatin1String("migrations")) {
        if (value.isEmpty())
            return QStringLiteral("must not be empty");
        p.migrationsDir = value;
        return {};
    }
    if (key == QLatin1String(schema::kPrePingUrlKey)) {
        if (!schema::parseBool(value, &p.pool.prePing))
            return QStringLiteral("must be true or false");
        return {};
    }
    for (const auto &field : schema::poolIntFields()) {
        if (key != QLatin1String(field.urlKey))
            continue;
        if (!schema::parseInt(value, field.min, field.max, &(p.pool.*field.member)))
            return schema::rangeMessage(field.min, field.max);
        return {};
    }
    return QStringLiteral("unknown parameter");
}

std::optional<Error> applyQuery(ConnectionProfile &p, const QString &query)
{
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = decode(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decode(pair.mid(eq + 1));
        const QString problem = applyParam(p, key, value);
        if (!problem.isEmpty())
            return urlError(QStringLiteral("query.") + key, problem);
    }
    return std::nullopt;
}

Result<ConnectionProfile> parseSqlite(const QString &rest, ConnectionProfile p)
{
    const qsizetype q = rest.indexOf(QLatin1Char('?'));
    const QString path = decode(q < 0 ? rest : rest.left(q));
    if (path.isEmpty())
        return urlError(QStringLiteral("file"), QStringLiteral("missing database file path"));
    p.database = path;
    if (q >= 0) {
        if (auto err = applyQuery(p, rest.mid(q + 1)))
            return *err;
    }
    return p;
}

// Splits "host[:port]" / "[v6]:port"; fills p.host and p.port.
std::optional<Error> parseHostPort(const QString &hostPort, ConnectionProfile &p)
{
    QString host;
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return urlError(QStringLiteral("host"), QStringLiteral("unterminated '[' in IPv6 address"));
        host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':')))
            return urlError(QStringLiteral("host"), QStringLiteral("unexpected text after ']'"));
        if (!after.isEmpty())
            portText = after.mid(1);
        if (portText.isEmpty() && !after.isEmpty())
            return urlError(QStringLiteral("port"), QStringLiteral("empty port after ':'"));
    } else {
        if (hostPort.contains(QLatin1Char(',')))
            return urlError(QStringLiteral("host"), QStringLiteral("multiple hosts are not supported"));
        if (hostPort.count(QLatin1Char(':')) > 1)
            return urlError(QStringLiteral("host"),
                            QStringLiteral("IPv6 addresses must be enclosed in brackets, e.g. [::1]"));
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        host = decode(colon < 0 ? hostPort : hostPort.left(colon));
        if (colon >= 0) {
            portText = hostPort.mid(colon + 1);
            if (portText.isEmpty())
                return urlError(QStringLiteral("port"), QStringLiteral("empty port after ':'"));
        }
    }
    if (host.isEmpty())
        return urlError(QStringLiteral("host"), QStringLiteral("missing host"));
    p.host = host;
    if (!portText.isEmpty()
        && !schema::parseInt(portText, schema::kMinPort, schema::kMaxPort, &p.port)) {
        return urlError(QStringLiteral("port"), schema::rangeMessage(schema::kMinPort, schema::kMaxPort));
    }
    return std::nullopt;
}

Result<ConnectionProfile> parsePostgres(const QString &rest, ConnectionProfile p)
{
    p.driver = Driver::Postgres;
    const qsizetype authorityEnd = [&] {
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        const qsizetype question = rest.indexOf(QLatin1Char('?'));
        if (slash < 0)
            return question < 0 ? rest.size() : question;
        return question < 0 ? slash : std::min(slash, question);
    }();
    const QString authority = rest.left(authorityEnd);
    QString tail = rest.mid(authorityEnd);

    // The last '@' separates userinfo: an unescaped '@' inside a password
    // then still lands in the password rather than in the host.
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    QString hostPort = authority;
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        p.user = decode(colon < 0 ? userInfo : userInfo.left(colon));
        if (colon >= 0)
            p.password = decode(userInfo.mid(colon + 1));
        if (p.user.isEmpty())
            return urlError(QStringLiteral("user"), QStringLiteral("empty user name before '@'"));
    }
    if (auto err = parseHostPort(hostPort, p))
        return *err;

    QString query;
    const qsizetype q = tail.indexOf(QLatin1Char('?'));
    if (q >= 0) {
        query = tail.mid(q + 1);
        tail = tail.left(q);
    }
    p.database = decode(tail.startsWith(QLatin1Char('/')) ? tail.mid(1) : tail);
    if (p.database.isEmpty())
        return urlError(QStringLiteral("database"), QStringLiteral("missing database name (…/dbname)"));
    if (p.database.contains(QLatin1Char('/')))
        return urlError(QStringLiteral("database"), QStringLiteral("must not contain '/'"));
    if (auto err = applyQuery(p, query))
        return *err;
    return p;
}

} // namespace

Result<ConnectionProfile> parseDatabaseUrl(const QString &input, const QString &name)
{
    const QString url = input.trimmed();
    ConnectionProfile p;
    p.name = name;

    if (url.contains(QLatin1Char('#')))
        return urlError(QStringLiteral("url"), QStringLiteral("fragments ('#') are not allowed; "
                                                              "percent-encode '#' as %23"));
    if (url.compare(QLatin1String("sqlite::memory:"), Qt::CaseInsensitive) == 0) {
        p.driver = Driver::Sqlite;
        p.database = QStringLiteral(":memory:");
        return p;
    }
    const qsizetype sep = url.indexOf(QLatin1String("://"));
    if (sep <= 0)
        return urlError(QStringLiteral("scheme"),
                        QStringLiteral("expected postgres://, postgresql:// or sqlite://"));
    const QString scheme = url.left(sep).toLower();
    const QString rest = url.mid(sep + 3);
    if (scheme == QLatin1String("sqlite")) {
        p.driver = Driver::Sqlite;
        return parseSqlite(rest, p);
    }
    if (scheme == QLatin1String("postgres") || scheme == QLatin1String("postgresql"))
        return parsePostgres(rest, p);
    // Only echo what looks like a scheme: a malformed URL could put
    // credentials before the first "://".
    static const QRegularExpression schemeRe(QStringLiteral("^[a-z][a-z0-9+.-]{0,31}$"));
    const QString shown = schemeRe.match(scheme).hasMatch() ? scheme : QStringLiteral("?");
    return urlError(QStringLiteral("scheme"),
                    QStringLiteral("unsupported scheme '%1' (expected postgres, postgresql or sqlite)")
                        .arg(shown));
}

} // namespace tw::config
