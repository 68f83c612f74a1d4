#include "ConnectionProfile.h"

#include <QUrl>

namespace tw::config {

QString driverName(Driver driver)
{
    switch (driver) {
    case Driver::Postgres:
        return QStringLiteral("postgres");
    case Driver::Sqlite:
        return QStringLiteral("sqlite");
    }
    return QStringLiteral("unknown");
}

// The result parses back with parseDatabaseUrl() to the same target (minus
// password, readonly and pool settings), so it can be pasted into DATABASE_URL.
QString ConnectionProfile::displayUrl() const
{
    if (driver == Driver::Sqlite) {
        if (database == QLatin1String(":memory:"))
            return QStringLiteral("sqlite::memory:");
        // An absolute path yields three slashes (sqlite:///abs), a relative one two.
        return QStringLiteral("sqlite://") + QString::fromUtf8(QUrl::toPercentEncoding(database, "/"));
    }

    QString url = QStringLiteral("postgres://");
    if (!user.isEmpty())
        url += QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (host.contains(QLatin1Char(':')))
        url += QLatin1Char('[') + host + QLatin1Char(']');
    else
        url += QString::fromUtf8(QUrl::toPercentEncoding(host));
    url += QLatin1Char(':') + QString::number(port) + QLatin1Char('/')
        + QString::fromUtf8(QUrl::toPercentEncoding(database));
    if (!sslmode.isEmpty())
        url += QStringLiteral("?sslmode=") + sslmode;
    return url;
}

} // namespace tw::config
