#include "ListenAddress.h"

#include <QHostAddress>

namespace tw::config {

QString ListenAddress::toString() const
{
    const bool v6 = host.contains(QLatin1Char(':'));
    return (v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') + QString::number(port);
}

bool ListenAddress::isLoopback() const
{
    return QHostAddress(host).isLoopback();
}

std::optional<ListenAddress> parseListenAddress(const QString &text, QString *error)
{
    const auto refuse = [error](const QString &why) -> std::optional<ListenAddress> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return refuse(QStringLiteral("must be ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080"));
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
        if (!host.contains(QLatin1Char(':')))
            return refuse(QStringLiteral("brackets are only for IPv6 addresses"));
    } else if (host.contains(QLatin1Char(':'))) {
        return refuse(QStringLiteral("write an IPv6 address in brackets, e.g. [::1]:8080"));
    }
    const QHostAddress address(host);
    if (address.isNull())
        return refuse(QStringLiteral("the address must be an IP address such as 127.0.0.1, 0.0.0.0 or [::]"));
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || portText.startsWith(QLatin1Char('+')) || port < 0 || port > 65535)
        return refuse(QStringLiteral("the port must be between 0 and 65535"));
    return ListenAddress{address.toString(), port};
}

} // namespace tw::config
